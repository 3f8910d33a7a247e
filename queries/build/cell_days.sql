-- Table cell_days: one row per strike day, attacker, stretch of known tolls and map cell of 0.25 degree on
-- each side (cell_lat, cell_lon as in strike_tolls): how many strikes and their latest figures, counted
-- as in toll_days. month_start and month_end are the first and last day of the strike's month (see
-- cell_months). Read through the table macro cells_known: the map's cells for any period.
-- Parameters: none.
select
    date, date_trunc('month', date)::date as month_start, last_day(date) as month_end,
    attacker, known_from, known_until, cell_lat, cell_lon,
    count(*) as strikes,
    sum(killed) as killed_total,
    count(killed) as killed_reported,
    count(*) filter (where is_approximate(killed_qualifier)) as killed_about,
    count(*) filter (where is_inexact(killed_qualifier)) as killed_inexact,
    sum(injured) as injured_total,
    count(injured) as injured_reported,
    count(*) filter (where is_approximate(injured_qualifier)) as injured_about,
    count(*) filter (where is_inexact(injured_qualifier)) as injured_inexact,
    count(*) filter (where source_type = 'synthetic') as synthetic
from strike_tolls
group by date, attacker, known_from, known_until, cell_lat, cell_lon
order by date, attacker, known_from nulls first, known_until nulls last, cell_lat, cell_lon
