-- Grain: one row: whether the strike with the given id passes the view's filters (its date window overlaps
-- the period, it is a strike, its attacker or the state it is part of is chosen), by the same table macro
-- the map draws from (tolls_known), so a card never disagrees with the map.
-- Parameters: $strike_id (a strike id), $date_from, $date_to (dates), $actors (actor ids; empty = all).
select count(*) > 0 as in_view
from tolls_known($date_from, $date_to, $actors)
where strike_id = $strike_id
