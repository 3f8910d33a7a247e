-- Grain: one row per fact table: its rows in all, and the rows that pass the date and actor filters
-- (each table filtered by the same rules its page uses).
-- Parameters: $date_from, $date_to (dates), $actors (actor ids; empty = all).
select 'strikes' as table_name, count(*) as total_rows,
       count(*) filter (where date between $date_from and $date_to
                        and (len($actors) = 0 or list_contains($actors, attacker))) as filtered_rows
from strikes
union all
select 'casualties', count(*),
       count(*) filter (where s.date between $date_from and $date_to and c.reported_on <= $date_to
                        and (len($actors) = 0 or list_contains($actors, s.attacker)))
from casualties c join strikes s using (strike_id)
union all
select 'truces', count(*),
       count(*) filter (where start_date <= $date_to and coalesce(end_date, $date_to) >= $date_from)
from truces
union all
select 'truce_violations', count(*),
       count(*) filter (where t.start_date <= $date_to and coalesce(t.end_date, $date_to) >= $date_from
                        and (len($actors) = 0 or list_contains($actors, v.claimant) or list_contains($actors, v.accused)))
from truce_violations v join truces t using (truce_id)
union all
select 'statements', count(*),
       count(*) filter (where date between $date_from and $date_to
                        and (len($actors) = 0 or list_contains($actors, actor)))
from statements
union all
select 'events', count(*),
       count(*) filter (where date between $date_from and $date_to
                        and (len($actors) = 0 or len(list_intersect($actors, coalesce(actors, []))) > 0))
from events
