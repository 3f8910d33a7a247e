-- Grain: one row per claimant and weapon group for the whole period — the headline "how many were
-- launched and how many shot down, according to whom": `drones` (attack drones and decoys), `recon
-- drones` (kept apart, never added to drones), `missiles` (ballistic, cruise and other missiles),
-- `glide bombs`, `unknown` (a model of no known family, or a label joining different kinds). Added within
-- one claimant only: the national Air Force and the regional commands report overlapping attacks and are
-- never added together. Qualifiers and the share follow air_nights: "none" when no report gives the
-- figure, "about" with any about/nearly/up to part, "at_least" with a lower-bound part or a report
-- without it, else "exact"; destroyed_share only over reports that give both counts.
-- The rule is the table macro air_figures (queries/build/air_figures.sql), per period and weapon group.
-- Parameters: $date_from, $date_to (dates: nights in the period), $actors (actor ids of claimants; empty = all).
select
    claimant,
    claimant_name,
    weapon as weapon_group,
    recon,
    first_night,
    last_night,
    nights,
    reports,
    launched,
    launched_qualifier,
    launched_reported,
    destroyed,
    destroyed_qualifier,
    destroyed_reported,
    paired_reports,
    paired_launched,
    paired_destroyed,
    destroyed_share,
    share_qualifier
from air_figures($date_from, $date_to, $actors, 'period', 'group')
order by claimant, case weapon_group when 'drones' then 1 when 'missiles' then 2 when 'glide bombs' then 3
    when 'unknown' then 4 else 5 end
