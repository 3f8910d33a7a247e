-- Grain: one row per kind of event that is not a strike (is_strike; kind_name: ACLED's sub-event type,
-- "UCDP: state-based conflict" …) with events whose date window overlaps the period, by the chosen
-- attackers: how many events, how many of their windows reach past the period's edge (straddles), and their
-- latest killed figures known by the end of the period added, qualified by total_qualifier. Most first.
-- What pages say next to a strike count: these are left out of it and shown under their own names.
-- Reads the table macro events_known.
-- Parameters: $date_from, $date_to (dates), $actors (actor ids; empty = all).
with kinds as (
    select
        kind, kind_name,
        sum(strikes)::bigint as events,
        coalesce(sum(strikes) filter (where straddles(window_first, window_last, $date_from, $date_to)), 0)::bigint
            as straddling,
        sum(killed_total)::bigint as killed_total,
        coalesce(sum(killed_reported), 0)::bigint as killed_reported,
        coalesce(sum(killed_about), 0)::bigint as killed_about,
        coalesce(sum(killed_inexact), 0)::bigint as killed_inexact
    from events_known($date_from, $date_to, $actors)
    where not is_strike(kind)
    group by kind, kind_name
)
select
    kind, kind_name, events, straddling, killed_total, killed_reported,
    total_qualifier(killed_reported, killed_about, killed_inexact, events) as killed_qualifier
from kinds
order by events desc, kind_name
