-- Grain: one row per statement that names the given strike as related, oldest first, with what a
-- quote card shows (speaker, actor, venue, topics, source), whatever the filters.
-- Parameters: $strike_id (a strike id).
select
    st.statement_id, st.date, st.date_precision, st.speaker, st.speaker_role, st.actor,
    coalesce(a.name, 'not stated') as actor_name, st.quote, st.quote_kind, st.venue,
    coalesce(st.topics, []) as topics, st.related_strike_id, st.related_truce_id,
    st.source_id, src.publisher, src.title as source_title, src.url as source_url, st.excerpt, st.notes
from statements st
left join actors a on a.actor_id = st.actor
left join sources src on src.source_id = st.source_id
where st.related_strike_id = $strike_id
order by st.date, st.statement_id
