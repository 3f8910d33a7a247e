-- Grain: one row per import of a publisher's file, outcome and reason (the import ledger, imports.csv; an
-- empty table when the folder has none): what was imported and what was left out, with the rows and the
-- deaths the publisher gives for them, by source, newest import first.
-- Parameters: none.
select
    i.source_id, s.publisher, i.file, i.imported_on, i.outcome, i.reason, i.rows, i.deaths, i.rows_with_deaths
from imports i
left join sources s on s.source_id = i.source_id
order by i.imported_on desc, i.source_id, i.outcome, i.reason
