-- Grain: one row per casualty report of the given strikes known by the end of the period, strike by
-- strike, oldest report first: the toll_history rows of a few strikes (the ones a chart draws).
-- Parameters: $strike_ids (strike ids), $date_to (date).
select
    r.report_id, r.strike_id, r.city, r.strike_date, r.reported_on, r.population,
    r.killed, r.killed_qualifier, r.killed_phrase,
    r.injured, r.injured_qualifier, r.injured_phrase,
    r.killed_blank_phrase, r.killed_low, r.killed_high, r.source_inconsistency, r.date_first, r.date_last,
    r.claimant, r.claimant_name, r.status, r.source_id, r.publisher, r.excerpt, r.notes
from report_rows r
join (select unnest($strike_ids) as strike_id) wanted on wanted.strike_id = r.strike_id
where r.reported_on <= $date_to
order by r.strike_id, r.reported_on, r.report_id
