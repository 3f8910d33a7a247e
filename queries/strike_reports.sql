-- Grain: one row per casualty report of the given strike, oldest report first, whatever the filters:
-- how its toll changed and who claimed each figure. Reads the view report_details.
-- Parameters: $strike_id (a strike id).
select
    report_id, reported_on, population,
    killed, killed_qualifier, killed_phrase,
    injured, injured_qualifier, injured_phrase,
    killed_blank_phrase, killed_low, killed_high, source_inconsistency,
    claimant, claimant_name, status,
    source_id, publisher, source_title, source_url, source_type, excerpt, notes,
    last_corrected('casualties', report_id) as corrected_on
from report_details
where strike_id = $strike_id
order by reported_on, report_id
