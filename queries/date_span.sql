-- Grain: one row: the first and last date anywhere in the data (default of the date filter).
-- The optional tables (incidents, air_attacks) count too: a folder of air-attack reports alone has a span. An event's date
-- window (date_first, date_last) counts whole.
-- Parameters: none.
select min(d) as first_date, max(d) as last_date
from (
    select coalesce(date_first, date) as d from strikes
    union all select coalesce(date_last, date) from strikes
    union all select reported_on from casualties
    union all select start_date from truces
    union all select coalesce(end_date, start_date) from truces
    union all select reported_on from truce_violations
    union all select date from statements
    union all select date from events
    union all select date from incidents
    union all select air_night(period_end) from air_attacks  -- a report's night: the day its period ends
)
