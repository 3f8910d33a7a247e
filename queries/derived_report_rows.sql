-- Grain: one row per casualty report, with its strike's date, place and attacker: what the toll_history
-- query returns, built once per data version into the table `report_rows` (conflictdesk/derived.py) and
-- stored strike by strike, oldest report first, so "the first N reports" stops reading early.
-- Parameters: none.
select
    c.report_id, c.strike_id, s.city, s.date as strike_date, s.date_precision as strike_date_precision,
    s.attacker, c.reported_on, c.population,
    c.killed, c.killed_qualifier, c.killed_phrase,
    c.injured, c.injured_qualifier, c.injured_phrase,
    c.claimant, coalesce(a.name, 'unattributed') as claimant_name, c.status,
    c.source_id, src.publisher, c.excerpt, c.notes
from casualties c
join strikes s on s.strike_id = c.strike_id
left join actors a on a.actor_id = c.claimant
left join sources src on src.source_id = c.source_id
order by c.strike_id, c.reported_on, c.report_id
