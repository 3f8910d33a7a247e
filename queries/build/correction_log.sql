-- View correction_log: one row per correction with the columns of corrections_of, its source's publisher,
-- title and URL, and where its row sits in the filters: row_first, row_last (the row's date or window; null
-- when it has none or was removed: a source, an actor), row_actors (the actors the actor filter reads, as
-- on the row's own page; null when the filter does not apply: truces, sources, actors, removed rows),
-- row_title (a place, speaker, title or name to say which row it is; null for a removed row), row_precision
-- (the row's date precision) and parent_key ('strikes/<id>' for a strike and its casualty reports,
-- 'truces/<id>' for a truce and its claims, else '<table>/<row id>'): what a linked card shows.
create or replace view correction_log as
with named as (
    select "table" as table_name, row_id from corrections
),
context as (
    select 'strikes' as table_name, s.strike_id as row_id, s.date as row_first, s.date as row_last,
           [s.attacker] as row_actors, s.city as row_title, s.date_precision as row_precision,
           'strikes/' || s.strike_id as parent_key
    from strikes s where s.strike_id in (select row_id from named where table_name = 'strikes')
    union all
    select 'casualties', c.report_id, s.date, s.date, [s.attacker], s.city, s.date_precision, 'strikes/' || c.strike_id
    from casualties c join strikes s on s.strike_id = c.strike_id
    where c.report_id in (select row_id from named where table_name = 'casualties')
    union all
    select 'truces', t.truce_id, t.start_date, t.end_date, null, t.name, 'day', 'truces/' || t.truce_id
    from truces t where t.truce_id in (select row_id from named where table_name = 'truces')
    union all
    select 'truce_violations', v.claim_id, t.start_date, t.end_date, [v.claimant, v.accused], t.name, 'day',
           'truces/' || v.truce_id
    from truce_violations v join truces t on t.truce_id = v.truce_id
    where v.claim_id in (select row_id from named where table_name = 'truce_violations')
    union all
    select 'statements', st.statement_id, st.date, st.date, [st.actor], st.speaker, st.date_precision,
           'statements/' || st.statement_id
    from statements st where st.statement_id in (select row_id from named where table_name = 'statements')
    union all
    select 'events', e.event_id, e.date, e.date, coalesce(e.actors, []), e.title, e.date_precision,
           'events/' || e.event_id
    from events e where e.event_id in (select row_id from named where table_name = 'events')
    union all
    select 'sources', src.source_id, null, null, null, src.title, null, 'sources/' || src.source_id
    from sources src where src.source_id in (select row_id from named where table_name = 'sources')
    union all
    select 'actors', a.actor_id, null, null, null, a.name, null, 'actors/' || a.actor_id
    from actors a where a.actor_id in (select row_id from named where table_name = 'actors')
)
select
    k.*, src.publisher, src.title as source_title, src.url as source_url,
    x.row_first, x.row_last, x.row_actors, x.row_title, x.row_precision,
    coalesce(x.parent_key, k.table_name || '/' || k.row_id) as parent_key
from (select distinct table_name, row_id from named) r,
     lateral (select * from corrections_of(r.table_name, r.row_id)) k
left join context x on x.table_name = k.table_name and x.row_id = k.row_id
left join sources src on src.source_id = k.source_id
