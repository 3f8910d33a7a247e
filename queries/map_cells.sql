-- Grain: one row per map cell holding strikes of the period by the chosen attackers, a cell being $merge
-- by $merge squares of 0.25 degree (so 0.25, 0.5, 1 degree on a side): its edges, how many strikes, and
-- their latest figures known by the end of the period added, each with its qualifier from the macro
-- total_qualifier ('none', 'about', 'at_least', 'exact'). Reads the table macro cells_known (whole months
-- from cell_months, the other days from cell_days).
-- Parameters: $date_from, $date_to (dates), $actors (actor ids; empty = all), $merge (squares per side).
with cells as (
    select
        floor(cell_lat / $merge)::integer as cell_row,
        floor(cell_lon / $merge)::integer as cell_column,
        sum(strikes)::bigint as strikes,
        sum(killed_total)::bigint as killed_total,
        sum(killed_reported)::bigint as killed_reported,
        sum(killed_about)::bigint as killed_about,
        sum(killed_inexact)::bigint as killed_inexact,
        sum(injured_total)::bigint as injured_total,
        sum(injured_reported)::bigint as injured_reported,
        sum(injured_about)::bigint as injured_about,
        sum(injured_inexact)::bigint as injured_inexact,
        sum(synthetic)::bigint as synthetic
    from cells_known($date_from, $date_to, $actors)
    group by cell_row, cell_column
)
select
    cell_row * $merge * 0.25 as south,
    cell_column * $merge * 0.25 as west,
    (cell_row + 1) * $merge * 0.25 as north,
    (cell_column + 1) * $merge * 0.25 as east,
    strikes,
    killed_total,
    killed_reported,
    total_qualifier(killed_reported, killed_about, killed_inexact, strikes) as killed_qualifier,
    injured_total,
    injured_reported,
    total_qualifier(injured_reported, injured_about, injured_inexact, strikes) as injured_qualifier,
    synthetic
from cells
order by south, west
