-- Grain: the newest statements in the period by the chosen actors, at most $limit rows, newest first.
-- Parameters: $date_from, $date_to (dates), $actors (actor ids; empty = all), $limit (row count).
select
    st.statement_id, st.date, st.date_precision, st.speaker, st.speaker_role,
    coalesce(a.name, 'not stated') as actor_name, st.quote, st.quote_kind, st.venue,
    st.source_id, src.publisher, st.excerpt
from statements st
left join actors a on a.actor_id = st.actor
left join sources src on src.source_id = st.source_id
where st.date between $date_from and $date_to
  and (len($actors) = 0 or list_contains($actors, st.actor))
order by st.date desc, st.date_precision, st.statement_id
limit $limit
