-- View strike_details: one row per strike, every column of `strikes` plus the attacker's name
-- (attacker_name, null when not stated) and its source's publisher, source_title, source_url and
-- source_type. What a strike card, the map's rows and the derived table strike_tolls read.
create or replace view strike_details as
select
    s.*,
    a.name as attacker_name,
    src.publisher, src.title as source_title, src.url as source_url, src.source_type
from strikes s
left join actors a on a.actor_id = s.attacker
left join sources src on src.source_id = s.source_id
