-- Grain: one row per correction of one row of the data (table macro corrections_of), newest first, with
-- its source's publisher, title and URL: what a "corrected on …" mark opens.
-- Parameters: $table_name (a table of the data), $row_id (that table's id of the row).
select k.*, src.publisher, src.title as source_title, src.url as source_url
from corrections_of($table_name, $row_id) k
left join sources src on src.source_id = k.source_id
order by k.corrected_on desc, k.correction_id
