-- Grain: one row per strike day, attacker, stretch of known tolls and map cell of 0.25 degree on each
-- side (cell_lat = floor(latitude / 0.25), cell_lon = floor(longitude / 0.25)): how many strikes and their
-- latest figures, as in derived_toll_days. Built once per data version into the table `cell_days`
-- (conflictdesk/derived.py) from `strike_tolls`: the map's aggregated cells for any period. month_start
-- and month_end are the first and last day of the strike's month (see derived_cell_months).
-- Parameters: none.
select
    date, date_trunc('month', date)::date as month_start, last_day(date) as month_end,
    attacker, known_from, known_until, cell_lat, cell_lon,
    count(*) as strikes,
    sum(killed) as killed_total,
    count(killed) as killed_reported,
    count(*) filter (where killed_qualifier in ('about', 'nearly', 'up_to')) as killed_about,
    count(*) filter (where killed_qualifier <> 'exact') as killed_inexact,
    sum(injured) as injured_total,
    count(injured) as injured_reported,
    count(*) filter (where injured_qualifier in ('about', 'nearly', 'up_to')) as injured_about,
    count(*) filter (where injured_qualifier <> 'exact') as injured_inexact,
    count(*) filter (where source_type = 'synthetic') as synthetic
from strike_tolls
group by date, attacker, known_from, known_until, cell_lat, cell_lon
order by date, attacker, known_from, known_until, cell_lat, cell_lon
