-- Grain: one row: how many strikes of the period by the chosen attackers lie inside the box from
-- ($south, $west) to ($north, $east). Reads the table macro tolls_known.
-- Parameters: $date_from, $date_to (dates), $actors (actor ids; empty = all), $south, $west, $north, $east (degrees).
select count(*) as strikes
from tolls_known($date_from, $date_to, $actors)
where latitude between $south and $north
  and longitude between $west and $east
