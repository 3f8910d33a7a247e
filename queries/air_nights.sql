-- Grain: one row per night, claimant and weapon family: the air-attack reports of that claimant whose
-- period ends on that day (the night of 9-10 February is 10 February, the morning it is reported), added
-- within the claimant only. Claimants (the national Air Force, each regional command) report overlapping
-- attacks and are never added together: each keeps its own rows. Reconnaissance drones are their own
-- family (`recon_drone`, `recon` true), never counted as drones.
-- launched/destroyed: the claimant's figures added; `*_reported` counts the reports giving one; the
-- qualifier is "none" when no report gives one, "about" with any about, nearly or up to part, "at_least"
-- with any lower-bound part or a report without the figure, else "exact" (the contract's rule for totals).
-- destroyed_share: destroyed / launched over the reports that give both (`paired_*`), null when none does
-- or their launched is 0; share_qualifier "about" when any paired part is not exact.
-- Parameters: $date_from, $date_to (dates: nights in the period), $actors (actor ids of claimants; empty = all).
with reports as (
    select
        a.*,
        cast(left(a.period_end, 10) as date) as night,
        coalesce(a.weapon, 'unknown') as family,
        a.launched is not null and a.destroyed is not null as paired
    from air_attacks a
    where cast(left(a.period_end, 10) as date) between $date_from and $date_to
      and (len($actors) = 0 or list_contains($actors, a.claimant))
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
        count(*) filter (where launched_qualifier in ('about', 'nearly', 'up_to')) as launched_about,
        count(*) filter (where launched_qualifier in ('at_least', 'over', 'vague')) as launched_lower,
        sum(destroyed)::bigint as destroyed,
        count(destroyed) as destroyed_reported,
        count(*) filter (where destroyed_qualifier in ('about', 'nearly', 'up_to')) as destroyed_about,
        count(*) filter (where destroyed_qualifier in ('at_least', 'over', 'vague')) as destroyed_lower,
        count(*) filter (where paired) as paired_reports,
        sum(launched) filter (where paired)::bigint as paired_launched,
        sum(destroyed) filter (where paired)::bigint as paired_destroyed,
        count(*) filter (where paired and (launched_qualifier <> 'exact' or destroyed_qualifier <> 'exact')) as paired_inexact
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
    case
        when n.launched_reported = 0 then 'none'
        when n.launched_about > 0 then 'about'
        when n.launched_lower > 0 or n.launched_reported < n.reports then 'at_least'
        else 'exact'
    end as launched_qualifier,
    n.launched_reported,
    n.destroyed,
    case
        when n.destroyed_reported = 0 then 'none'
        when n.destroyed_about > 0 then 'about'
        when n.destroyed_lower > 0 or n.destroyed_reported < n.reports then 'at_least'
        else 'exact'
    end as destroyed_qualifier,
    n.destroyed_reported,
    n.paired_reports,
    n.paired_launched,
    n.paired_destroyed,
    case when n.paired_launched > 0 then n.paired_destroyed / n.paired_launched end as destroyed_share,
    case when n.paired_launched > 0 then (case when n.paired_inexact > 0 then 'about' else 'exact' end) end as share_qualifier
from nights n
left join actors c on c.actor_id = n.claimant
order by n.night, n.claimant, n.weapon
