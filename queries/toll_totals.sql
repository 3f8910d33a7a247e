-- Grain: one row per headline figure (strikes, killed, injured) for the period and attackers, as
-- overview_totals gives them (each strike's latest report known by the end of the period, added; "exact"
-- only when every part is exact and every strike has a figure, "about" with any about, nearly or up to
-- part, else "at_least"), read from the pre-added table `toll_days`; `inexact` counts the figures that are
-- not exact.
-- Parameters: $date_from, $date_to (dates), $actors (actor ids; empty = all).
with view as (
    select
        coalesce(sum(strikes), 0)::bigint as strikes,
        coalesce(sum(killed_total), 0)::bigint as killed_total,
        coalesce(sum(killed_reported), 0)::bigint as killed_reported,
        coalesce(sum(killed_about), 0)::bigint as killed_about,
        coalesce(sum(killed_inexact), 0)::bigint as killed_inexact,
        coalesce(sum(injured_total), 0)::bigint as injured_total,
        coalesce(sum(injured_reported), 0)::bigint as injured_reported,
        coalesce(sum(injured_about), 0)::bigint as injured_about,
        coalesce(sum(injured_inexact), 0)::bigint as injured_inexact
    from toll_days
    where date between $date_from and $date_to
      and (len($actors) = 0 or list_contains($actors, attacker))
      and known_from <= $date_to
      and known_until > $date_to
),
parts as (
    select 'killed' as figure, strikes, killed_total as total, killed_reported as reported,
           killed_about as about, killed_inexact as inexact
    from view
    union all
    select 'injured', strikes, injured_total, injured_reported, injured_about, injured_inexact
    from view
)
select 'strikes' as figure, strikes as total, 'exact' as qualifier, strikes, strikes as reported, 0::bigint as inexact
from view
union all
select
    figure,
    total,
    case
        when reported = 0 then 'none'
        when about > 0 then 'about'
        when inexact > 0 or reported < strikes then 'at_least'
        else 'exact'
    end,
    strikes,
    reported,
    inexact
from parts
order by case figure when 'strikes' then 1 when 'killed' then 2 else 3 end
