-- Grain: one row: how many strikes of the period by the chosen attackers lie inside the box from
-- ($south, $west) to ($north, $east); read from the table `strike_tolls`.
-- Parameters: $date_from, $date_to (dates), $actors (actor ids; empty = all), $south, $west, $north, $east (degrees).
select count(*) as strikes
from strike_tolls
where date between $date_from and $date_to
  and (len($actors) = 0 or list_contains($actors, attacker))
  and known_from <= $date_to
  and known_until > $date_to
  and latitude between $south and $north
  and longitude between $west and $east
