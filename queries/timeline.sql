-- Grain: one row per dated item in the period (strike, statement, truce, diplomatic event), for the
-- overview timeline; a strike (is_strike: other kinds of events are not strikes) is placed on its date
-- window (from window_first to window_last: a bar when the publisher gives a window of several days, its
-- days exact); `actors` holds the actor ids the item concerns. A truce without an end date is placed on its
-- first day only (as timeline_days counts it). corrected_on: the day the item's row was last corrected
-- (macro last_corrected; the table is the kind plus s).
-- Parameters: $date_from, $date_to (dates), $actors (actor ids; empty = all).
with items as (
    select 'strike' as kind, strike_id as item_id, window_first as date,
           case when date_first is null then date_precision else 'day' end as date_precision,
           case when window_last > window_first then window_last end as end_date,
           concat('Strike on ', city, coalesce(' (' || target || ')', '')) as label,
           [attacker] as actors, source_id
    from strike_details
    where is_strike(event_kind)
    union all
    select 'statement', statement_id, date, date_precision, null, concat(speaker, ': ', quote),
           [actor], source_id
    from statements
    union all
    select 'truce', truce_id, start_date, coalesce(start_precision, 'day'), end_date, name, [declared_by], source_id
    from truces
    union all
    select 'event', event_id, date, date_precision, null, title, coalesce(actors, []), source_id
    from events
)
select kind, item_id, date, date_precision, end_date, label, list_filter(actors, lambda x: x is not null) as actors, source_id,
    last_corrected(kind || 's', item_id) as corrected_on
from items
where window_overlaps(date, coalesce(end_date, date), $date_from, $date_to)
  and chosen_any($actors, actors)
order by date, kind, item_id
