-- Grain: the strikes in the period by the chosen attackers with the highest latest tolls (killed and
-- injured as last reported by the end of the period, added; a missing figure adds nothing), at most
-- $limit rows, highest first, then by strike id. Same columns as view_tolls. Reads the table macro
-- tolls_known in strike_tolls' stored order, so the scan stops once $limit rows are found (DuckDB keeps a
-- table's insertion order for a query without "order by"; tests/test_queries_scale.py checks it).
-- corrected_on as in view_tolls (added after the limit, so the early stop holds).
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
limit $limit
) t
order by people desc, strike_id
