-- Grain: one row per statement that names the given strike as related, oldest first.
-- Parameters: $strike_id (a strike id).
select statement_id, date, date_precision, speaker, speaker_role, quote, quote_kind, source_id, excerpt
from statements
where related_strike_id = $strike_id
order by date, statement_id
