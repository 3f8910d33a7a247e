-- Grain: one row per casualty report of the given strike, oldest report first, whatever the filters:
-- how its toll changed and who claimed each figure.
-- Parameters: $strike_id (a strike id).
select
    c.report_id, c.reported_on, c.population,
    c.killed, c.killed_qualifier, c.killed_phrase,
    c.injured, c.injured_qualifier, c.injured_phrase,
    c.claimant, coalesce(a.name, 'unattributed') as claimant_name, c.status,
    c.source_id, src.publisher, src.title as source_title, src.url as source_url, src.source_type, c.excerpt, c.notes
from casualties c
left join actors a on a.actor_id = c.claimant
left join sources src on src.source_id = c.source_id
where c.strike_id = $strike_id
order by c.reported_on, c.report_id
