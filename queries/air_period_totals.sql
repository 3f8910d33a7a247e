-- Grain: one row per claimant and weapon group for the whole period — the headline "how many were
-- launched and how many shot down, according to whom": `drones` (attack drones and decoys), `recon
-- drones` (kept apart, never added to drones), `missiles` (ballistic, cruise and other missiles),
-- `glide bombs`, `unknown` (a model of no known family, or a label joining different kinds). Added within
-- one claimant only: the national Air Force and the regional commands report overlapping attacks and are
-- never added together. Qualifiers and the share follow air_nights: "none" when no report gives the
-- figure, "about" with any about/nearly/up to part, "at_least" with a lower-bound part or a report
-- without it, else "exact"; destroyed_share only over reports that give both counts.
-- Parameters: $date_from, $date_to (dates: nights in the period), $actors (actor ids of claimants; empty = all).
with reports as (
    select
        a.*,
        air_night(a.period_end) as night,
        case
            when a.weapon = 'drone' then 'drones'
            when a.weapon = 'recon_drone' then 'recon drones'
            when a.weapon in ('ballistic_missile', 'cruise_missile', 'missile') then 'missiles'
            when a.weapon = 'glide_bomb' then 'glide bombs'
            else 'unknown'
        end as weapon_group,
        a.launched is not null and a.destroyed is not null as paired
    from air_attacks a
    where air_night(a.period_end) between $date_from and $date_to
      and chosen($actors, a.claimant)
),
totals as (
    select
        claimant,
        weapon_group,
        min(night) as first_night,
        max(night) as last_night,
        count(distinct night) as nights,
        count(*) as reports,
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
    group by claimant, weapon_group
)
select
    t.claimant,
    coalesce(c.name, t.claimant) as claimant_name,
    t.weapon_group,
    t.weapon_group = 'recon drones' as recon,
    t.first_night,
    t.last_night,
    t.nights,
    t.reports,
    t.launched,
    total_qualifier(t.launched_reported, t.launched_about, t.launched_inexact, t.reports) as launched_qualifier,
    t.launched_reported,
    t.destroyed,
    total_qualifier(t.destroyed_reported, t.destroyed_about, t.destroyed_inexact, t.reports) as destroyed_qualifier,
    t.destroyed_reported,
    t.paired_reports,
    t.paired_launched,
    t.paired_destroyed,
    case when t.paired_launched > 0 then t.paired_destroyed / t.paired_launched end as destroyed_share,
    case when t.paired_launched > 0 then (case when t.paired_inexact > 0 then 'about' else 'exact' end) end
        as share_qualifier
from totals t
left join actors c on c.actor_id = t.claimant
order by t.claimant, case t.weapon_group when 'drones' then 1 when 'missiles' then 2 when 'glide bombs' then 3
    when 'unknown' then 4 else 5 end
