-- Table cell_days: one row per strike day and date window (window_first, window_last), attacker, stretch
-- of known tolls and map cell of 0.25 degree on each side (cell_lat, cell_lon as in strike_tolls): how many
-- strikes (is_strike; the map's other kinds of events are counted by other_events) and their latest
-- figures, counted as in toll_days. month_start and month_end are the first day of the month the window
-- starts in and the last day of the month it ends in (see cell_months). Read through the table macro cells_known: the map's cells for any period.
-- Parameters: none.
select
    date, window_first, window_last,
    date_trunc('month', window_first)::date as month_start, last_day(window_last) as month_end,
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
where is_strike(kind)
group by date, window_first, window_last, attacker, known_from, known_until, cell_lat, cell_lon
order by date, window_first, window_last, attacker, known_from nulls first, known_until nulls last, cell_lat, cell_lon
