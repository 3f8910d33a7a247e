-- View truce_details: one row per truce with what its card shows: truce_id, name, declared_by,
-- declared_by_name ('not stated' when none), start_date, end_date (null: not given), scope, source_id,
-- publisher, excerpt, notes, start_precision (how precisely the start is dated), corrected_on (macro
-- last_corrected).
create or replace view truce_details as
select
    t.truce_id, t.name, t.declared_by, coalesce(a.name, 'not stated') as declared_by_name,
    t.start_date, t.end_date, t.scope, t.source_id, src.publisher, t.excerpt, t.notes,
    t.start_precision, last_corrected('truces', t.truce_id) as corrected_on
from truces t
left join actors a on a.actor_id = t.declared_by
left join sources src on src.source_id = t.source_id
