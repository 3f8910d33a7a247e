-- Grain: one row per truce whose window overlaps the period (macro window_overlaps: an open end counts as
-- still running).
-- Parameters: $date_from, $date_to (dates).
select
    t.truce_id, t.name, t.declared_by, coalesce(a.name, 'not stated') as declared_by_name,
    t.start_date, t.end_date, t.scope, t.source_id, src.publisher, t.excerpt, t.notes,
    t.start_precision, last_corrected('truces', t.truce_id) as corrected_on
from truces t
left join actors a on a.actor_id = t.declared_by
left join sources src on src.source_id = t.source_id
where window_overlaps(t.start_date, t.end_date, $date_from, $date_to)
order by t.start_date, t.truce_id
