-- Grain: one row per casualty report of the strikes in the period by the chosen attackers known by the
-- end of the period, oldest report first, strike by strike: how each toll changed and who claimed it (the
-- Casualties page's download). Reads the table macro reports_known.
-- Parameters: $date_from, $date_to (dates), $actors (actor ids; empty = all).
select
    report_id, strike_id, city, strike_date, reported_on, population,
    killed, killed_qualifier, killed_phrase,
    injured, injured_qualifier, injured_phrase,
    killed_blank_phrase, killed_low, killed_high, source_inconsistency, date_first, date_last,
    claimant, claimant_name, status, source_id, publisher, excerpt, notes
from reports_known($date_from, $date_to, $actors)
order by strike_id, reported_on, report_id
