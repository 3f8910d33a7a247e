-- Grain: one row per fact table: its rows in all, and the rows that pass the date and actor filters
-- (each table filtered by the same rules its page uses).
-- Strikes and casualty reports are counted from the pre-added table `toll_days` (its strikes, and their
-- reports known by the end of the period), so a million strikes are not joined on every filter change.
-- Parameters: $date_from, $date_to (dates), $actors (actor ids; empty = all).
with view as (
    select coalesce(sum(strikes), 0)::bigint as strikes, coalesce(sum(reports), 0)::bigint as reports
    from toll_days
    where date between $date_from and $date_to
      and (len($actors) = 0 or list_contains($actors, attacker))
      and known_from <= $date_to
      and known_until > $date_to
)
select 'strikes' as table_name, (select count(*) from strikes) as total_rows, strikes as filtered_rows
from view
union all
select 'casualties', (select count(*) from casualties), reports
from view
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
