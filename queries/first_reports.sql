-- Grain: the first $limit casualty reports of the strikes in the period by the chosen attackers that are
-- known by the end of the period, strike by strike (by strike id), oldest report first: the toll_history
-- rows, cut short. Reads the table macro reports_known in its stored order, so the scan stops once $limit
-- rows are found (DuckDB keeps a table's insertion order for a query without "order by").
-- corrected_on: the day the report was last corrected (macro last_corrected), added after the limit.
-- Parameters: $date_from, $date_to (dates), $actors (actor ids; empty = all), $limit (row count).
select *, last_corrected('casualties', report_id) as corrected_on
from (
select
    report_id, strike_id, city, strike_date, reported_on, population,
    killed, killed_qualifier, killed_phrase,
    injured, injured_qualifier, injured_phrase,
    killed_blank_phrase, killed_low, killed_high, source_inconsistency, date_first, date_last,
    claimant, claimant_name, status, source_id, publisher, excerpt, notes
from reports_known($date_from, $date_to, $actors)
limit $limit
) t
order by strike_id, reported_on, report_id
