-- Grain: the one statement with the given id (no row if there is none), whatever the filters.
-- Columns: those of the view statement_cards (queries/build/statement_cards.sql), like every statement query.
-- Parameters: $statement_id (a statement id).
select *
from statement_cards
where statement_id = $statement_id
