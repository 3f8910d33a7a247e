-- Grain: one row per statement in the period by the chosen actors, newest first, optionally narrowed to
-- some speakers. The text search is applied to these rows in Python (conflictdesk/search.py: whole words
-- compared by their transliterated spelling key, which DuckDB has no function for).
-- Columns: those of the view statement_cards (queries/build/statement_cards.sql), like every statement query.
-- Parameters: $date_from, $date_to (dates), $actors (actor ids; empty = all),
-- $speakers (speaker names; empty = all).
select *
from statement_cards
where date between $date_from and $date_to
  and chosen($actors, actor)
  and (len($speakers) = 0 or list_contains($speakers, speaker))
order by date desc, statement_id
