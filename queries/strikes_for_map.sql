-- Grain: one row per strike in the period by the chosen attackers, with its latest toll known by the end
-- of the period, its source and place, in date order: the map's CSV export (map_points plus the strike's
-- description, excerpt and notes). Reads the table macro tolls_known.
-- Parameters: $date_from, $date_to (dates), $actors (actor ids; empty = all).
select
    t.strike_id, t.date, t.date_precision, t.time_local, t.city, t.oblast, t.place,
    t.latitude, t.longitude, t.geo_precision,
    t.attacker, t.attacker_name, t.weapon, t.target_type, t.target, s.description, t.status,
    t.killed, t.killed_qualifier, t.killed_phrase,
    t.injured, t.injured_qualifier, t.injured_phrase,
    t.killed_blank_phrase, t.killed_low, t.killed_high, t.source_inconsistency, t.date_first, t.date_last,
    t.district,
    t.claimant_name as toll_claimant, t.toll_status,
    t.source_id, t.publisher, t.source_title, t.source_url, t.source_type, s.excerpt, s.notes
from tolls_known($date_from, $date_to, $actors) t
join strikes s on s.strike_id = t.strike_id
order by t.date, t.strike_id
