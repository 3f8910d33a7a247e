-- Grain: one row per night, claimant and weapon family: the air-attack reports of that claimant whose
-- period ends on that day (the night of 9-10 February is 10 February, the morning it is reported), added
-- within the claimant only. Claimants (the national Air Force, each regional command) report overlapping
-- attacks and are never added together: each keeps its own rows. Reconnaissance drones are their own
-- family (`recon_drone`, `recon` true), never counted as drones.
-- launched/destroyed: the claimant's figures added; `*_reported` counts the reports giving one; the
-- qualifier is the macro total_qualifier's (the contract's rule for totals, one per report): "none" when no
-- report gives one, "about" with any about, nearly or up to part, "at_least" with any other inexact part
-- or a report without the figure, else "exact".
-- destroyed_share: destroyed / launched over the reports that give both (`paired_*`), null when none does
-- or their launched is 0; share_qualifier "about" when any paired part is not exact.
-- The rule is the table macro air_figures (queries/build/air_figures.sql), per night and weapon family.
-- Parameters: $date_from, $date_to (dates: nights in the period), $actors (actor ids of claimants; empty = all).
select
    bucket as night,
    claimant,
    claimant_name,
    weapon,
    recon,
    reports,
    models,
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
from air_figures($date_from, $date_to, $actors, 'night', 'family')
order by night, claimant, weapon
