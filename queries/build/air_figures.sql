-- Table macro air_figures(date_from, date_to, actors, per, weapons): the rule that turns air-attack reports
-- into one claimant's figures — the reports whose night (air_night: the day the period ends) is in the period,
-- by the chosen claimants (chosen), added within one claimant only. Claimants (the national Air Force, each
-- regional command) report overlapping attacks and are never added together: each keeps its own rows.
--   per      'night' (one row per night), 'week' (per Monday-to-Sunday week, a week cut by the period
--            holding only its nights inside it) or 'period' (the whole period)
--   weapons  'family' (the report's weapon code, 'unknown' when missing; reconnaissance drones are their own
--            family `recon_drone`) or 'group' (`drones`, `recon drones` — never added to drones —, `missiles`:
--            ballistic, cruise and other missiles, `glide bombs`, `unknown`: any other or no code)
-- Grain: one row per bucket, claimant and weapon.
-- Columns: bucket (date: the night, the week's Monday; null for 'period'), claimant, claimant_name, weapon
-- (family or group), recon (a reconnaissance-drone row), first_night, last_night, nights (distinct nights with
-- a report), reports, models (the distinct weapon models named), launched, launched_qualifier,
-- launched_reported, destroyed, destroyed_qualifier, destroyed_reported, paired_reports, paired_launched,
-- paired_destroyed, destroyed_share, share_qualifier.
-- launched/destroyed: the claimant's figures added; `*_reported` counts the reports giving one; the qualifier
-- is total_qualifier's (the contract's rule for totals, one per report): "none" when no report gives one,
-- "about" with any about, nearly or up to part, "at_least" with any other inexact part or a report without
-- the figure, else "exact". destroyed_share: destroyed / launched over the reports that give both
-- (`paired_*`), null when none does or their launched is 0; share_qualifier "about" when any paired part is
-- not exact. Read by queries/air_nights.sql, air_weeks.sql and air_period_totals.sql.
create or replace macro air_figures(date_from, date_to, actors, per, weapons) as table
with reports as (
    select
        a.*,
        air_night(a.period_end) as night,
        case per
            when 'night' then air_night(a.period_end)
            when 'week' then cast(date_trunc('week', air_night(a.period_end)) as date)
        end as bucket,
        case
            when weapons = 'family' then coalesce(a.weapon, 'unknown')
            when a.weapon = 'drone' then 'drones'
            when a.weapon = 'recon_drone' then 'recon drones'
            when a.weapon in ('ballistic_missile', 'cruise_missile', 'missile') then 'missiles'
            when a.weapon = 'glide_bomb' then 'glide bombs'
            else 'unknown'
        end as weapon_key,
        a.launched is not null and a.destroyed is not null as paired
    from air_attacks a
    where air_night(a.period_end) between date_from and date_to
      and chosen(actors, a.claimant)
),
figures as (
    select
        bucket,
        claimant,
        weapon_key as weapon,
        min(night) as first_night,
        max(night) as last_night,
        count(distinct night) as nights,
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
    group by bucket, claimant, weapon_key
)
select
    f.bucket,
    f.claimant,
    coalesce(c.name, f.claimant) as claimant_name,
    f.weapon,
    f.weapon in ('recon_drone', 'recon drones') as recon,
    f.first_night,
    f.last_night,
    f.nights,
    f.reports,
    f.models,
    f.launched,
    total_qualifier(f.launched_reported, f.launched_about, f.launched_inexact, f.reports) as launched_qualifier,
    f.launched_reported,
    f.destroyed,
    total_qualifier(f.destroyed_reported, f.destroyed_about, f.destroyed_inexact, f.reports) as destroyed_qualifier,
    f.destroyed_reported,
    f.paired_reports,
    f.paired_launched,
    f.paired_destroyed,
    case when f.paired_launched > 0 then f.paired_destroyed / f.paired_launched end as destroyed_share,
    case when f.paired_launched > 0 then (case when f.paired_inexact > 0 then 'about' else 'exact' end) end
        as share_qualifier
from figures f
left join actors c on c.actor_id = f.claimant
