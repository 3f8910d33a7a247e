-- Grain: one row per corrected row of the data (table macro corrections_of, through correction_log): its
-- table_name, row_id and corrections, every correction of it in one line, newest first
-- ("2026-11-29 target_type: civilian → unknown (reason)"): the corrections column of the CSV downloads.
-- Parameters: none.
select
    table_name, row_id,
    string_agg(
        strftime(corrected_on, '%Y-%m-%d') || ' ' || column_name || ': ' || coalesce(old_value, '(empty)')
        || ' → ' || coalesce(new_value, '(empty)') || ' (' || reason || ')',
        '; ' order by corrected_on desc, correction_id
    ) as corrections
from correction_log
group by table_name, row_id
