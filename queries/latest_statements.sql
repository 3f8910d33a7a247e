-- Grain: the newest statements in the period by the chosen actors, at most $limit rows, newest first
-- (the Overview's quote cards).
-- Columns: those of the view statement_cards (queries/build/statement_cards.sql), like every statement query.
-- Parameters: $date_from, $date_to (dates), $actors (actor ids; empty = all), $limit (row count).
select *
from statement_cards
where date between $date_from and $date_to
  and chosen($actors, actor)
order by date desc, date_precision, statement_id
limit $limit
