-- Grain: one row per statement that names the given strike as related, oldest first, whatever the filters.
-- Columns: those of the view statement_cards (queries/build/statement_cards.sql), like every statement query.
-- Parameters: $strike_id (a strike id).
select *
from statement_cards
where related_strike_id = $strike_id
order by date, statement_id
