-- Grain: one row per fact table: its rows in all, and the rows that pass the date and actor filters
-- (each table filtered by the same rules its page uses). Strikes and casualty reports are counted from
-- the table macro toll_days_known (its strikes, and their reports known by the end of the period), so a
-- million strikes are not joined on every filter change. The optional tables count too: incidents by
-- date only (they name no attacker, so the actor filter does not apply), air-attack reports by night (the
-- day a report's period ends) and claimant, as on the Air attacks page. 'other_events': the rows of `strikes`
-- that are not strikes (is_strike), from events_known; 'casualties' counts the reports of strikes only.
-- Parameters: $date_from, $date_to (dates), $actors (actor ids; empty = all).
with view as (
    select coalesce(sum(strikes), 0)::bigint as strikes, coalesce(sum(reports), 0)::bigint as reports
    from toll_days_known($date_from, $date_to, $actors)
),
others as (
    select coalesce(sum(strikes), 0)::bigint as events
    from events_known($date_from, $date_to, $actors)
    where not is_strike(kind)
)
select 'strikes' as table_name, (select count(*) from strikes where is_strike(event_kind)) as total_rows,
       strikes as filtered_rows
from view
union all
select 'other_events', (select count(*) from strikes where not is_strike(event_kind)), events
from others
union all
select 'casualties', (select count(*) from casualties), reports
from view
union all
select 'truces', count(*), count(*) filter (where window_overlaps(start_date, end_date, $date_from, $date_to))
from truces
union all
select 'truce_violations', count(*),
       count(*) filter (where window_overlaps(t.start_date, t.end_date, $date_from, $date_to)
                        and chosen_any($actors, [v.claimant, v.accused]))
from truce_violations v join truces t using (truce_id)
union all
select 'statements', count(*), count(*) filter (where date between $date_from and $date_to and chosen($actors, actor))
from statements
union all
select 'events', count(*), count(*) filter (where date between $date_from and $date_to and chosen_any($actors, actors))
from events
union all
select 'incidents', count(*), count(*) filter (where date between $date_from and $date_to)
from incidents
union all
select 'air_attacks', count(*),
       count(*) filter (where air_night(period_end) between $date_from and $date_to
                        and chosen($actors, claimant))
from air_attacks
