-- View claim_details: one row per truce-violation claim, each side's claim its own row (never merged or
-- summed), with what its card shows: claim_id, truce_id, truce_name, truce_start, truce_end, claimant,
-- claimant_name, accused, accused_name ('not stated' when none), period_start, period_end, count,
-- count_qualifier, count_phrase, categories (a list, [] when none), status, reported_on, source_id,
-- publisher, excerpt, notes, corrected_on (macro last_corrected).
create or replace view claim_details as
select
    v.claim_id, v.truce_id, t.name as truce_name, t.start_date as truce_start, t.end_date as truce_end,
    v.claimant, ca.name as claimant_name, v.accused, coalesce(ac.name, 'not stated') as accused_name,
    v.period_start, v.period_end,
    v.count, v.count_qualifier, v.count_phrase, coalesce(v.categories, []) as categories,
    v.status, v.reported_on, v.source_id, src.publisher, v.excerpt, v.notes,
    last_corrected('truce_violations', v.claim_id) as corrected_on
from truce_violations v
join truces t on t.truce_id = v.truce_id
left join actors ca on ca.actor_id = v.claimant
left join actors ac on ac.actor_id = v.accused
left join sources src on src.source_id = v.source_id
