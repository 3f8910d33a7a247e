-- Grain: one row per strike in the period by the chosen attackers located inside the box from
-- ($south, $west) to ($north, $east), with its latest toll known by the end of the period and its
-- source: what the map draws as points and their tooltips (strikes_for_map without the long texts), in
-- date order, at most $limit rows. Reads the table macro tolls_known.
-- Parameters: $date_from, $date_to (dates), $actors (actor ids; empty = all),
-- $south, $west, $north, $east (degrees), $limit (row count).
select
    strike_id, date, date_precision, time_local, city, oblast, place,
    latitude, longitude, geo_precision,
    attacker, attacker_name, weapon, target_type, target, status,
    killed, killed_qualifier, killed_phrase,
    injured, injured_qualifier, injured_phrase,
    killed_blank_phrase, killed_low, killed_high, source_inconsistency, date_first, date_last, district,
    claimant_name as toll_claimant, toll_status,
    source_id, publisher, source_title, source_url, source_type
from tolls_known($date_from, $date_to, $actors)
where latitude between $south and $north
  and longitude between $west and $east
order by date, strike_id
limit $limit
