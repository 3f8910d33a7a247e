-- Grain: one row per source, with its dataset's credit and terms (version, released_on, licence, credit,
-- changes, redistribution; left_out_rows, left_out_deaths: what its import left out) and how many rows of
-- each fact table cite it (strikes: rows of `strikes` of every kind).
-- Parameters: none.
select
    s.source_id, s.publisher, s.title, s.url, s.published_on, s.source_type, s.language, s.notes,
    last_corrected('sources', s.source_id) as corrected_on,
    s.version, s.released_on, s.licence, s.credit, s.changes, s.redistribution, s.left_out_rows, s.left_out_deaths,
    (select count(*) from strikes x where x.source_id = s.source_id) as strikes,
    (select count(*) from casualties x where x.source_id = s.source_id) as casualty_reports,
    (select count(*) from truces x where x.source_id = s.source_id) as truces,
    (select count(*) from truce_violations x where x.source_id = s.source_id) as violation_claims,
    (select count(*) from statements x where x.source_id = s.source_id) as statements,
    (select count(*) from events x where x.source_id = s.source_id) as events,
    (select count(*) from incidents x where x.source_id = s.source_id) as incidents,
    (select count(*) from air_attacks x where x.source_id = s.source_id) as air_reports
from sources s
order by s.published_on desc, s.source_id
