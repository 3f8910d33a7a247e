-- Grain: one row per day and kind of item (strike, statement, truce, event) with how many items of that
-- kind the timeline query would list on that day for the period and actors (a truce counts on its first
-- day); strikes are counted from the pre-added table `toll_days`.
-- Parameters: $date_from, $date_to (dates), $actors (actor ids; empty = all).
with items as (
    select 'strike' as kind, date, sum(strikes)::bigint as items
    from toll_days
    where date between $date_from and $date_to
      and (len($actors) = 0 or list_contains($actors, attacker))
      and known_from <= $date_to
      and known_until > $date_to
    group by date
    union all
    select 'statement', date, count(*)
    from statements
    where date between $date_from and $date_to
      and (len($actors) = 0 or list_contains($actors, actor))
    group by date
    union all
    select 'truce', start_date, count(*)
    from truces
    where start_date <= $date_to
      and coalesce(end_date, start_date) >= $date_from
      and (len($actors) = 0 or list_contains($actors, declared_by))
    group by start_date
    union all
    select 'event', date, count(*)
    from events
    where date between $date_from and $date_to
      and (len($actors) = 0 or len(list_intersect($actors, list_filter(coalesce(actors, []), lambda x: x is not null))) > 0)
    group by date
)
select kind, date, items
from items
order by date, kind
