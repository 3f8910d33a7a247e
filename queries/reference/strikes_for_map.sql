-- Reference query, for the tests only: plain SQL without the macros of queries/build (see README.md).
-- Grain: one row per strike in the period by the chosen attackers, with its latest toll, source and
-- place; what the map draws and its CSV export.
-- Parameters: $date_from, $date_to (dates), $actors (actor ids; empty = all).
with ranked as (
    select c.*, row_number() over (partition by c.strike_id order by c.reported_on desc, c.report_id desc) as rank
    from casualties c
    where c.reported_on <= $date_to
)
select
    s.strike_id, s.date, s.date_precision, s.time_local, s.city, s.oblast, s.place,
    s.latitude, s.longitude, s.geo_precision,
    s.attacker, a.name as attacker_name, s.weapon, s.target_type, s.target, s.description, s.status,
    r.killed, r.killed_qualifier, r.killed_phrase,
    r.injured, r.injured_qualifier, r.injured_phrase,
    coalesce(ca.name, case when r.report_id is null then null else 'unattributed' end) as toll_claimant,
    r.status as toll_status,
    s.source_id, src.publisher, src.title as source_title, src.url as source_url, src.source_type, s.excerpt, s.notes
from strikes s
left join ranked r on r.strike_id = s.strike_id and r.rank = 1
left join actors a on a.actor_id = s.attacker
left join actors ca on ca.actor_id = r.claimant
left join sources src on src.source_id = s.source_id
where s.date between $date_from and $date_to
  and (len($actors) = 0 or list_contains($actors, s.attacker))
order by s.date, s.strike_id
