-- Table macro cells_known(date_from, date_to, actors): map cells of 0.25 degree (cell_lat, cell_lon) with
-- the strikes whose window overlaps the period (window_overlaps) by the chosen attackers and their figures
-- known on date_to, in parts to be added up: a row of cell_months for each span of months the period covers
-- whole, rows of cell_days for the others. Columns: cell_lat, cell_lon, strikes, killed_total, killed_reported, killed_about,
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
where window_overlaps(window_first, window_last, date_from, date_to)
  and not (month_start >= date_from and month_end <= date_to)
  and chosen(actors, attacker)
  and known_on(known_from, known_until, date_to)
