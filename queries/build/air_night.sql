-- Macro air_night(period_end) -> date: the night an air-attack report counts for — the day its period
-- ends (the night of 9-10 February is 10 February, the morning the command reports it). period_end is
-- `YYYY-MM-DD HH:MM`, or `YYYY-MM-DD` when the source gives no hour (kept as text by the loader).
-- Used by the air_* queries, table_counts and date_span.
create or replace macro air_night(period_end) as
    cast(left(period_end, 10) as date)
