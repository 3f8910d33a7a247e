-- Grain: one row per statement in the period by the chosen actors, newest first, optionally narrowed to
-- some speakers and to text containing any of the search terms (spelling variants already expanded).
-- Parameters: $date_from, $date_to (dates), $actors (actor ids; empty = all),
-- $speakers (speaker names; empty = all), $terms (lowercase search terms; empty = no text filter).
select
    st.statement_id, st.date, st.date_precision, st.speaker, st.speaker_role, st.actor,
    coalesce(a.name, 'not stated') as actor_name, st.quote, st.quote_kind, st.venue,
    coalesce(st.topics, []) as topics, st.related_strike_id, st.related_truce_id,
    st.source_id, src.publisher, src.title as source_title, src.url as source_url, st.excerpt, st.notes
from statements st
left join actors a on a.actor_id = st.actor
left join sources src on src.source_id = st.source_id
where st.date between $date_from and $date_to
  and (len($actors) = 0 or list_contains($actors, st.actor))
  and (len($speakers) = 0 or list_contains($speakers, st.speaker))
  and (
      len($terms) = 0
      or len(list_filter($terms, lambda term: contains(
          lower(concat_ws(' ', st.quote, st.speaker, st.speaker_role, st.venue, array_to_string(st.topics, ' '),
                          st.excerpt, a.name)),
          term))) > 0
  )
order by st.date desc, st.statement_id
