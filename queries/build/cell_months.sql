-- Table cell_months: one row per span of calendar months, attacker, stretch of known tolls and map cell:
-- the rows of cell_days added up by the months their windows lie in (month_start: the first day of the
-- first, month_end: the last day of the last; one month for a strike dated to a day), so the map's cells
-- for a long period read a row per month for every month the period covers whole.
-- Parameters: none.
select
    month_start, month_end, attacker, known_from, known_until, cell_lat, cell_lon,
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
from cell_days
group by month_start, month_end, attacker, known_from, known_until, cell_lat, cell_lon
order by month_start, attacker, known_from nulls first, known_until nulls last, cell_lat, cell_lon
