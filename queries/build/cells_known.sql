-- Table macro cells_known(date_from, date_to, actors): map cells of 0.25 degree (cell_lat, cell_lon) with
-- the strikes of the period by the chosen attackers and their figures known on date_to, in parts to be
-- added up: a row of cell_months for each month the period covers whole, rows of cell_days for the days
-- of the other months. Columns: cell_lat, cell_lon, strikes, killed_total, killed_reported, killed_about,
-- killed_inexact, injured_total, injured_reported, injured_about, injured_inexact, synthetic.
create or replace macro cells_known(date_from, date_to, actors) as table
select
    cell_lat, cell_lon, strikes, killed_total, killed_reported, killed_about, killed_inexact,
    injured_total, injured_reported, injured_about, injured_inexact, synthetic
from cell_months
where month_start >= date_from
  and month_end <= date_to
  and chosen(actors, attacker)
  and known_on(known_from, known_until, date_to)
union all
select
    cell_lat, cell_lon, strikes, killed_total, killed_reported, killed_about, killed_inexact,
    injured_total, injured_reported, injured_about, injured_inexact, synthetic
from cell_days
where date between date_from and date_to
  and not (month_start >= date_from and month_end <= date_to)
  and chosen(actors, attacker)
  and known_on(known_from, known_until, date_to)
