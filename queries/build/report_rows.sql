-- Table report_rows: one row per casualty report, with its strike's date, place and attacker (what the
-- toll_history query returns, plus strike_date_precision, attacker, kind and the window: window_first,
-- window_last, date_first, date_last), stored strike by strike, oldest
-- report first, so "the first N reports" stops reading early.
-- Parameters: none.
select
    c.report_id, c.strike_id, s.city, s.date as strike_date, s.date_precision as strike_date_precision,
    s.attacker, s.kind, s.window_first, s.window_last, s.date_first, s.date_last, c.reported_on, c.population,
    c.killed, c.killed_qualifier, c.killed_phrase,
    c.injured, c.injured_qualifier, c.injured_phrase,
    c.killed_blank_phrase, c.killed_low, c.killed_high, c.source_inconsistency,
    c.claimant, c.claimant_name, c.status,
    c.source_id, c.publisher, c.excerpt, c.notes
from report_details c
join strike_details s on s.strike_id = c.strike_id
order by c.strike_id, c.reported_on, c.report_id
