-- Grain: one row per grid cell of $size degree on a side (edges at multiples of $size) holding strikes of
-- the period by the chosen attackers inside the box from ($south, $west) to ($north, $east), with their
-- latest figures known by the end of the period added: the same columns as map_cells, for a city view too
-- crowded for points. Reads the table macro tolls_known; qualifiers by the macro total_qualifier.
-- Parameters: $date_from, $date_to (dates), $actors (actor ids; empty = all),
-- $south, $west, $north, $east, $size (degrees).
with cells as (
    select
        floor(latitude / $size)::integer as cell_row,
        floor(longitude / $size)::integer as cell_column,
        count(*) as strikes,
        sum(killed)::bigint as killed_total,
        count(killed) as killed_reported,
        count(*) filter (where is_approximate(killed_qualifier)) as killed_about,
        count(*) filter (where is_inexact(killed_qualifier)) as killed_inexact,
        sum(injured)::bigint as injured_total,
        count(injured) as injured_reported,
        count(*) filter (where is_approximate(injured_qualifier)) as injured_about,
        count(*) filter (where is_inexact(injured_qualifier)) as injured_inexact,
        count(*) filter (where source_type = 'synthetic') as synthetic
    from tolls_known($date_from, $date_to, $actors)
    where latitude between $south and $north
      and longitude between $west and $east
    group by cell_row, cell_column
)
select
    round(cell_row * $size, 6) as south,
    round(cell_column * $size, 6) as west,
    round((cell_row + 1) * $size, 6) as north,
    round((cell_column + 1) * $size, 6) as east,
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
