-- Grain: one row per violation claim of one truce, each side's claim its own row (never merged or summed),
-- made by or against the chosen actors, whatever the period.
-- Parameters: $truce_id (text), $actors (actor ids; empty = all).
select
    v.claim_id, v.truce_id, t.name as truce_name,
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
where v.truce_id = $truce_id
  and chosen_any($actors, [v.claimant, v.accused])
order by ca.name, v.claim_id
