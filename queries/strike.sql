-- Grain: the one strike with the given id (no row if there is none), whatever the filters: what its
-- card on the map page shows.
-- Parameters: $strike_id (a strike id).
select
    s.strike_id, s.date, s.date_precision, s.time_local, s.city, s.oblast, s.place,
    s.latitude, s.longitude, s.geo_precision,
    s.attacker, a.name as attacker_name, s.weapon, s.target_type, s.target, s.description, s.status,
    s.source_id, src.publisher, src.title as source_title, src.url as source_url, src.source_type, s.excerpt, s.notes
from strikes s
left join actors a on a.actor_id = s.attacker
left join sources src on src.source_id = s.source_id
where s.strike_id = $strike_id
