-- View strike_details: one row per row of `strikes` (a strike, or an imported event of another kind), every
-- column of `strikes` plus the attacker's name (attacker_name, null when not stated), its source's
-- publisher, source_title, source_url and source_type, and the rules said once for every query:
--   kind          event_kind, 'strike' for curated rows (is_strike); kind_name the name other kinds go by
--   window_first, window_last  the first and last day the event may have happened: the publisher's window
--                 (date_first, date_last) where it gives one, else the row's date (a curated row's date
--                 precision is said in words from date_precision)
-- What a strike card, the map's rows and the derived table strike_tolls read.
create or replace view strike_details as
select
    s.*,
    a.name as attacker_name,
    src.publisher, src.title as source_title, src.url as source_url, src.source_type,
    coalesce(s.event_kind, 'strike') as kind,
    kind_name(s.event_kind, s.publisher_type, s.publisher_subtype) as kind_name,
    coalesce(s.date_first, s.date) as window_first,
    coalesce(s.date_last, s.date) as window_last
from strikes s
left join actors a on a.actor_id = s.attacker
left join sources src on src.source_id = s.source_id
