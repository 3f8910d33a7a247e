-- Grain: one row per day and kind of item (strike, statement, truce, event) with how many items of that
-- kind the timeline query would list on that day for the period and actors (a truce counts on its first
-- day); strikes are counted from the table macro toll_days_known.
-- Parameters: $date_from, $date_to (dates), $actors (actor ids; empty = all).
with items as (
    select 'strike' as kind, date, sum(strikes)::bigint as items
    from toll_days_known($date_from, $date_to, $actors)
    group by date
    union all
    select 'statement', date, count(*)
    from statements
    where date between $date_from and $date_to
      and chosen($actors, actor)
    group by date
    union all
    select 'truce', start_date, count(*)
    from truces
    where window_overlaps(start_date, coalesce(end_date, start_date), $date_from, $date_to)
      and chosen($actors, declared_by)
    group by start_date
    union all
    select 'event', date, count(*)
    from events
    where date between $date_from and $date_to
      and chosen_any($actors, actors)
    group by date
)
select kind, date, items
from items
order by date, kind
