-- Grain: the strikes in the period by the chosen attackers with the highest latest tolls (killed and
-- injured as last reported by the end of the period, added; a missing figure adds nothing), at most
-- $limit rows, highest first, then by strike id. Same columns as view_tolls. Reads `strike_tolls`, which
-- is stored in exactly this order, so the scan stops once $limit rows are found (DuckDB keeps a table's
-- insertion order for a query without "order by"; tests/test_queries_scale.py checks it).
-- Parameters: $date_from, $date_to (dates), $actors (actor ids; empty = all), $limit (row count).
select
    strike_id, date, date_precision, city, place, attacker, attacker_name,
    report_id, reported_on, population,
    killed, killed_qualifier, killed_phrase,
    injured, injured_qualifier, injured_phrase,
    claimant, claimant_name, toll_status, toll_source_id as source_id, reports_known, people
from strike_tolls
where date between $date_from and $date_to
  and (len($actors) = 0 or list_contains($actors, attacker))
  and known_from <= $date_to
  and known_until > $date_to
limit $limit
