-- Table macro toll_days_known(date_from, date_to, actors): the rows of events_known that are strikes
-- (is_strike): adding them up gives the period's strikes, their latest figures known by the end of the
-- period, and the reports known by then. Other kinds of events: events_known.
-- Columns: those of toll_days.
create or replace macro toll_days_known(date_from, date_to, actors) as table
select *
from events_known(date_from, date_to, actors)
where is_strike(kind)
