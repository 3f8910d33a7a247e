-- Grain: one row per civilian-harm incident (the optional incidents table, Bellingcat imports) dated in the
-- period, for the Strikes map's own incidents layer: never strikes, never counted with them. The actor filter
-- does not apply (an incident names no attacker). The first $limit by date, so the map stays bounded.
-- Parameters: $date_from, $date_to (dates), $limit (rows).
select
    i.incident_id, i.date, i.date_precision, i.place, i.latitude, i.longitude, i.geo_precision,
    i.content_warning, i.excerpt, s.publisher
from incidents i
left join sources s on s.source_id = i.source_id
where i.date between $date_from and $date_to
order by i.date, i.incident_id
limit $limit
