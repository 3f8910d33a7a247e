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
-- Parameters: $date_from, $date_to (dates: nights in the period), $actors (actor ids of claimants; empty = all).
with reports as (
    select
        a.*,
        air_night(a.period_end) as night,
        coalesce(a.weapon, 'unknown') as family,
        a.launched is not null and a.destroyed is not null as paired
    from air_attacks a
    where air_night(a.period_end) between $date_from and $date_to
      and chosen($actors, a.claimant)
),
nights as (
    select
        night,
        claimant,
        family as weapon,
        count(*) as reports,
        list(distinct weapon_model order by weapon_model) filter (where weapon_model is not null) as models,
        sum(launched)::bigint as launched,
        count(launched) as launched_reported,
        count(*) filter (where is_approximate(launched_qualifier)) as launched_about,
        count(*) filter (where is_inexact(launched_qualifier)) as launched_inexact,
        sum(destroyed)::bigint as destroyed,
        count(destroyed) as destroyed_reported,
        count(*) filter (where is_approximate(destroyed_qualifier)) as destroyed_about,
        count(*) filter (where is_inexact(destroyed_qualifier)) as destroyed_inexact,
        count(*) filter (where paired) as paired_reports,
        sum(launched) filter (where paired)::bigint as paired_launched,
        sum(destroyed) filter (where paired)::bigint as paired_destroyed,
        count(*) filter (
            where paired and (is_inexact(launched_qualifier) or is_inexact(destroyed_qualifier))
        ) as paired_inexact
    from reports
    group by night, claimant, family
)
select
    n.night,
    n.claimant,
    coalesce(c.name, n.claimant) as claimant_name,
    n.weapon,
    n.weapon = 'recon_drone' as recon,
    n.reports,
    n.models,
    n.launched,
    total_qualifier(n.launched_reported, n.launched_about, n.launched_inexact, n.reports) as launched_qualifier,
    n.launched_reported,
    n.destroyed,
    total_qualifier(n.destroyed_reported, n.destroyed_about, n.destroyed_inexact, n.reports) as destroyed_qualifier,
    n.destroyed_reported,
    n.paired_reports,
    n.paired_launched,
    n.paired_destroyed,
    case when n.paired_launched > 0 then n.paired_destroyed / n.paired_launched end as destroyed_share,
    case when n.paired_launched > 0 then (case when n.paired_inexact > 0 then 'about' else 'exact' end) end
        as share_qualifier
from nights n
left join actors c on c.actor_id = n.claimant
order by n.night, n.claimant, n.weapon
