-- Grain: one row per grid cell of $size degree on a side (edges at multiples of $size) holding strikes of
-- the period by the chosen attackers inside the box from ($south, $west) to ($north, $east): the same
-- columns as map_cells, for a city view too crowded for points; read from the table `strike_tolls`.
-- Parameters: $date_from, $date_to (dates), $actors (actor ids; empty = all),
-- $south, $west, $north, $east, $size (degrees).
with cells as (
    select
        floor(latitude / $size)::integer as cell_row,
        floor(longitude / $size)::integer as cell_column,
        count(*) as strikes,
        sum(killed)::bigint as killed_total,
        count(killed) as killed_reported,
        count(*) filter (where killed_qualifier in ('about', 'nearly', 'up_to')) as killed_about,
        count(*) filter (where killed_qualifier <> 'exact') as killed_inexact,
        sum(injured)::bigint as injured_total,
        count(injured) as injured_reported,
        count(*) filter (where injured_qualifier in ('about', 'nearly', 'up_to')) as injured_about,
        count(*) filter (where injured_qualifier <> 'exact') as injured_inexact,
        count(*) filter (where source_type = 'synthetic') as synthetic
    from strike_tolls
    where date between $date_from and $date_to
      and (len($actors) = 0 or list_contains($actors, attacker))
      and known_from <= $date_to
      and known_until > $date_to
      and latitude between $south and $north
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
    case
        when killed_reported = 0 then 'none'
        when killed_about > 0 then 'about'
        when killed_inexact > 0 or killed_reported < strikes then 'at_least'
        else 'exact'
    end as killed_qualifier,
    injured_total,
    injured_reported,
    case
        when injured_reported = 0 then 'none'
        when injured_about > 0 then 'about'
        when injured_inexact > 0 or injured_reported < strikes then 'at_least'
        else 'exact'
    end as injured_qualifier,
    synthetic
from cells
order by south, west
