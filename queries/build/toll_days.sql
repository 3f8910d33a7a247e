-- Table toll_days: one row per day, kind of event (kind, kind_name: strikes and the other kinds), date
-- window (window_first, window_last), attacker and stretch of known tolls (see strike_tolls): how many
-- strikes, their latest figures added, how many figures there are (*_reported), how many are approximate
-- (*_about, is_approximate) and how many not exact (*_inexact, is_inexact), the reports known by the
-- stretch's start, the strikes with two or more of them, and the synthetic strikes. Read through the
-- table macro toll_days_known, so totals for any period read a few thousand rows instead of every strike.
-- Parameters: none.
select
    date, kind, kind_name, window_first, window_last, attacker, known_from, known_until,
    count(*) as strikes,
    sum(killed) as killed_total,
    count(killed) as killed_reported,
    count(*) filter (where is_approximate(killed_qualifier)) as killed_about,
    count(*) filter (where is_inexact(killed_qualifier)) as killed_inexact,
    sum(injured) as injured_total,
    count(injured) as injured_reported,
    count(*) filter (where is_approximate(injured_qualifier)) as injured_about,
    count(*) filter (where is_inexact(injured_qualifier)) as injured_inexact,
    sum(reports_known) as reports,
    count(*) filter (where reports_known >= 2) as with_history,
    count(*) filter (where source_type = 'synthetic') as synthetic
from strike_tolls
group by date, kind, kind_name, window_first, window_last, attacker, known_from, known_until
order by date, kind, kind_name, window_first, window_last, attacker, known_from nulls first, known_until nulls last
