-- Table macro corrections_of(of_table, of_row): the corrections of one row of the data (corrections.csv:
-- the rows naming that table and row id), newest first. The one rule of what "the corrections of a row"
-- are; every mark, list and notice reads it (directly, or through last_corrected and correction_log).
-- Columns: correction_id, corrected_on, table_name, row_id, column_name, old_value, new_value, reason,
-- source_id, notes.
create or replace macro corrections_of(of_table, of_row) as table
select
    c.correction_id, c.corrected_on, c."table" as table_name, c.row_id, c."column" as column_name,
    c.old_value, c.new_value, c.reason, c.source_id, c.notes
from corrections c
where c."table" = of_table and c.row_id = of_row
order by c.corrected_on desc, c.correction_id
