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
        cast(left(a.period_end, 10) as date) as night,
        case
            when a.weapon = 'drone' then 'drones'
            when a.weapon = 'recon_drone' then 'recon drones'
            when a.weapon in ('ballistic_missile', 'cruise_missile', 'missile') then 'missiles'
            when a.weapon = 'glide_bomb' then 'glide bombs'
            else 'unknown'
        end as weapon_group,
        a.launched is not null and a.destroyed is not null as paired
    from air_attacks a
    where cast(left(a.period_end, 10) as date) between $date_from and $date_to
      and (len($actors) = 0 or list_contains($actors, a.claimant))
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
    case
        when t.launched_reported = 0 then 'none'
        when t.launched_about > 0 then 'about'
        when t.launched_lower > 0 or t.launched_reported < t.reports then 'at_least'
        else 'exact'
    end as launched_qualifier,
    t.launched_reported,
    t.destroyed,
    case
        when t.destroyed_reported = 0 then 'none'
        when t.destroyed_about > 0 then 'about'
        when t.destroyed_lower > 0 or t.destroyed_reported < t.reports then 'at_least'
        else 'exact'
    end as destroyed_qualifier,
    t.destroyed_reported,
    t.paired_reports,
    t.paired_launched,
    t.paired_destroyed,
    case when t.paired_launched > 0 then t.paired_destroyed / t.paired_launched end as destroyed_share,
    case when t.paired_launched > 0 then (case when t.paired_inexact > 0 then 'about' else 'exact' end) end as share_qualifier
from totals t
left join actors c on c.actor_id = t.claimant
order by t.claimant, case t.weapon_group when 'drones' then 1 when 'missiles' then 2 when 'glide bombs' then 3
    when 'unknown' then 4 else 5 end
