-- Grain: one row per map cell holding strikes of the period by the chosen attackers, a cell being $merge
-- by $merge squares of 0.25 degree (so 0.25, 0.5, 1 degree on a side): its edges, how many strikes, and
-- their latest figures known by the end of the period added, each with a qualifier as overview_totals
-- says it ("exact" only when every part is exact and every strike has a figure, "about" with any about,
-- nearly or up to part, else "at_least"; "none" without any figure); read from the pre-added tables:
-- `cell_months` for the months the period covers whole, `cell_days` for the days of the others.
-- Parameters: $date_from, $date_to (dates), $actors (actor ids; empty = all), $merge (squares per side).
with parts as (
    select
        cell_lat, cell_lon, strikes, killed_total, killed_reported, killed_about, killed_inexact,
        injured_total, injured_reported, injured_about, injured_inexact, synthetic
    from cell_months
    where month_start >= $date_from
      and month_end <= $date_to
      and (len($actors) = 0 or list_contains($actors, attacker))
      and known_from <= $date_to
      and known_until > $date_to
    union all
    select
        cell_lat, cell_lon, strikes, killed_total, killed_reported, killed_about, killed_inexact,
        injured_total, injured_reported, injured_about, injured_inexact, synthetic
    from cell_days
    where date between $date_from and $date_to
      and not (month_start >= $date_from and month_end <= $date_to)
      and (len($actors) = 0 or list_contains($actors, attacker))
      and known_from <= $date_to
      and known_until > $date_to
),
cells as (
    select
        floor(cell_lat / $merge)::integer as cell_row,
        floor(cell_lon / $merge)::integer as cell_column,
        sum(strikes)::bigint as strikes,
        sum(killed_total)::bigint as killed_total,
        sum(killed_reported)::bigint as killed_reported,
        sum(killed_about)::bigint as killed_about,
        sum(killed_inexact)::bigint as killed_inexact,
        sum(injured_total)::bigint as injured_total,
        sum(injured_reported)::bigint as injured_reported,
        sum(injured_about)::bigint as injured_about,
        sum(injured_inexact)::bigint as injured_inexact,
        sum(synthetic)::bigint as synthetic
    from parts
    group by cell_row, cell_column
)
select
    cell_row * $merge * 0.25 as south,
    cell_column * $merge * 0.25 as west,
    (cell_row + 1) * $merge * 0.25 as north,
    (cell_column + 1) * $merge * 0.25 as east,
    strikes,
    killed_total,
    killed_reported,
    case
        when killed_reported = 0 then 'none'
        when killed_about > 0 then 'about'
        when killed_inexact > 0 or killed_reported < strikes then 'at_least'
        else 'exact'
    end as killed_qualifier,
    injured_total,
    injured_reported,
    case
        when injured_reported = 0 then 'none'
        when injured_about > 0 then 'about'
        when injured_inexact > 0 or injured_reported < strikes then 'at_least'
        else 'exact'
    end as injured_qualifier,
    synthetic
from cells
order by south, west
