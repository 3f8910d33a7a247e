-- Grain: one row per violation claim of one truce, each side's claim its own row (never merged or summed),
-- made by or against the chosen actors, whatever the period. Columns: those of the view claim_details.
-- Parameters: $truce_id (text), $actors (actor ids; empty = all).
select * from claim_details
where truce_id = $truce_id
  and chosen_any($actors, [claimant, accused])
order by claimant_name, claim_id
