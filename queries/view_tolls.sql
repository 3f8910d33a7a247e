-- Grain: one row per strike in the period by the chosen attackers, with its latest casualty report known
-- by the end of the period (null figures where none is), as latest_tolls gives them, in date order, at
-- most $limit rows. Reads the table macro tolls_known. For views of a few strikes.
-- corrected_on: the day the latest report (the figures shown) was last corrected (macro last_corrected).
-- Parameters: $date_from, $date_to (dates), $actors (actor ids; empty = all), $limit (row count).
select *, last_corrected('casualties', report_id) as corrected_on
from (
select
    strike_id, date, date_precision, city, place, attacker, attacker_name,
    report_id, reported_on, population,
    killed, killed_qualifier, killed_phrase,
    injured, injured_qualifier, injured_phrase,
    killed_blank_phrase, killed_low, killed_high, source_inconsistency, date_first, date_last,
    claimant, claimant_name, toll_status, toll_source_id as source_id, reports_known, people
from tolls_known($date_from, $date_to, $actors)
order by date, strike_id
limit $limit
) t
order by date, strike_id
