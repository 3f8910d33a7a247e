-- Grain: one row per violation claim, each side's claim its own row (never merged or summed), for
-- truces overlapping the period (macro window_overlaps: an open end counts as still running), made by or
-- against the chosen actors. Columns: those of the view claim_details.
-- Parameters: $date_from, $date_to (dates), $actors (actor ids; empty = all).
select * from claim_details
where window_overlaps(truce_start, truce_end, $date_from, $date_to)
  and chosen_any($actors, [claimant, accused])
order by truce_id, claimant_name, claim_id
