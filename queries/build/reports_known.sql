-- Table macro reports_known(date_from, date_to, actors): the casualty reports out by date_to (reported_on
-- <= date_to) of the strikes (is_strike) whose window overlaps the period by the chosen attackers: rows of
-- report_rows, in its stored order (strike by strike, oldest report first), so `limit n` without "order by"
-- stops reading early.
-- Columns: those of report_rows.
create or replace macro reports_known(date_from, date_to, actors) as table
select *
from report_rows
where window_overlaps(window_first, window_last, date_from, date_to)
  and is_strike(kind)
  and reported_on <= date_to
  and chosen(actors, attacker)
