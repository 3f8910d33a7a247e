-- Grain: one row per strike day, attacker and stretch of known tolls (see derived_strike_tolls): how many
-- strikes, their latest figures added, how many figures there are and how many are not exact. Built once
-- per data version into the table `toll_days` (conflictdesk/derived.py) from `strike_tolls`, so totals
-- for any period read a few thousand rows instead of every strike.
-- Parameters: none.
select
    date, attacker, known_from, known_until,
    count(*) as strikes,
    sum(killed) as killed_total,
    count(killed) as killed_reported,
    count(*) filter (where killed_qualifier in ('about', 'nearly', 'up_to')) as killed_about,
    count(*) filter (where killed_qualifier <> 'exact') as killed_inexact,
    sum(injured) as injured_total,
    count(injured) as injured_reported,
    count(*) filter (where injured_qualifier in ('about', 'nearly', 'up_to')) as injured_about,
    count(*) filter (where injured_qualifier <> 'exact') as injured_inexact,
    sum(reports_known) as reports,
    count(*) filter (where reports_known >= 2) as with_history,
    count(*) filter (where source_type = 'synthetic') as synthetic
from strike_tolls
group by date, attacker, known_from, known_until
order by date, attacker, known_from, known_until
