-- Grain: one row per strike in the period by the chosen attackers: its most recent casualty report known
-- by the end of the period (null figures where none is), with that report's excerpt, in date order: the
-- download behind the totals. Reads the table macro tolls_known (the rule: queries/build/strike_tolls.sql;
-- checked against queries/reference/latest_tolls.sql).
-- Parameters: $date_from, $date_to (dates), $actors (actor ids; empty = all).
select
    t.strike_id, t.date, t.date_precision, t.city, t.place, t.attacker, t.attacker_name,
    t.report_id, t.reported_on, t.population,
    t.killed, t.killed_qualifier, t.killed_phrase,
    t.injured, t.injured_qualifier, t.injured_phrase,
    t.killed_blank_phrase, t.killed_low, t.killed_high, t.source_inconsistency, t.date_first, t.date_last,
    t.claimant, t.claimant_name, t.toll_status,
    t.toll_source_id as source_id, c.excerpt
from tolls_known($date_from, $date_to, $actors) t
left join casualties c on c.report_id = t.report_id
order by t.date, t.strike_id
