-- View statement_cards: one row per statement with everything a quote card shows, the one column list
-- every statement query returns: statement_id, date, date_precision, speaker, speaker_role, actor,
-- actor_name ('not stated' when none), quote, quote_kind, venue, topics (a list, [] when none),
-- related_strike_id, related_truce_id, source_id, publisher, source_title, source_url, source_type,
-- excerpt, notes, corrected_on (macro last_corrected: the day of the row's newest correction).
-- (The Statements search matches these rows in Python: conflictdesk/search.py.)
create or replace view statement_cards as
select
    st.statement_id, st.date, st.date_precision, st.speaker, st.speaker_role, st.actor,
    coalesce(a.name, 'not stated') as actor_name, st.quote, st.quote_kind, st.venue,
    coalesce(st.topics, []) as topics, st.related_strike_id, st.related_truce_id,
    st.source_id, src.publisher, src.title as source_title, src.url as source_url, src.source_type,
    st.excerpt, st.notes, last_corrected('statements', st.statement_id) as corrected_on
from statements st
left join actors a on a.actor_id = st.actor
left join sources src on src.source_id = st.source_id
