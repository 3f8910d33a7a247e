-- Grain: one row per strike in the period by the chosen attackers, with its latest casualty report known
-- by the end of the period (null figures where none is), as latest_tolls gives them, in date order, at
-- most $limit rows; read from the table `strike_tolls`. For views of a few strikes.
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
order by date, strike_id
limit $limit
