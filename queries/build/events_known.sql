-- Table macro events_known(date_from, date_to, actors): the rows of toll_days for the events of every kind
-- (strikes and the others: kind, kind_name) whose date window overlaps the period (window_overlaps on
-- window_first, window_last: an event counts when it may have happened in the period; straddles says which
-- reach past its edges) by the chosen attackers, each stretch the one known on date_to.
-- Columns: those of toll_days.
create or replace macro events_known(date_from, date_to, actors) as table
select *
from toll_days
where window_overlaps(window_first, window_last, date_from, date_to)
  and chosen(actors, attacker)
  and known_on(known_from, known_until, date_to)
