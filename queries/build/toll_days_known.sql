-- Table macro toll_days_known(date_from, date_to, actors): the rows of toll_days for the strikes of the
-- period by the chosen attackers, each stretch the one known on date_to: adding them up gives the period's
-- strikes, their latest figures known by the end of the period, and the reports known by then.
-- Columns: those of toll_days.
create or replace macro toll_days_known(date_from, date_to, actors) as table
select *
from toll_days
where date between date_from and date_to
  and chosen(actors, attacker)
  and known_on(known_from, known_until, date_to)
