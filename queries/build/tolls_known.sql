-- Table macro tolls_known(date_from, date_to, actors): the strikes (is_strike) whose date window overlaps
-- the period (date_from..date_to, both included; window_overlaps) by the chosen attackers (chosen; [] = all),
-- one row each: its row of strike_tolls known on date_to, i.e. its latest casualty report known by the end
-- of the period (null figures where none is).
-- Columns: those of strike_tolls. Rows in strike_tolls' stored order (highest tolls first), so
-- `select ... from tolls_known(...) limit n` without "order by" stops reading early.
create or replace macro tolls_known(date_from, date_to, actors) as table
select *
from strike_tolls
where window_overlaps(window_first, window_last, date_from, date_to)
  and is_strike(kind)
  and chosen(actors, attacker)
  and known_on(known_from, known_until, date_to)
