-- Table strike_tolls: one row per strike and per stretch of time in which its latest casualty report
-- stays the same: from the strike's first day (or the day a report came out) until the next report, or
-- for ever. For any day on or after the strike exactly one row of a strike is known on it
-- (known_on(known_from, known_until, day)), and it carries the strike's latest report by that day (latest
-- reported_on, then highest report_id; no figures before the first report). known_from is null for the
-- stretch that starts with the strike's window, known_until null for the one that never ends: no sentinel dates.
-- Stretches no period can see are left out. Stored with the highest tolls first (killed and injured
-- added, missing figures as none), so "the N highest tolls" stops reading early.
-- Columns: the strike's (from strike_details, without description, excerpt, notes; with kind, kind_name,
-- window_first, window_last, date_first, date_last, district), the report's (report_id, reported_on,
-- population, figures, killed_blank_phrase, killed_low, killed_high, source_inconsistency, claimant,
-- claimant_name: null without a report, toll_status, toll_source_id), known_from, known_until, reports_known (reports out by known_from),
-- people (killed + injured), cell_lat and cell_lon (the map cell of 0.25 degree: floor(degrees / 0.25)).
-- Parameters: none.
with reports as (
    select
        c.report_id, c.strike_id, c.reported_on,
        row_number() over stretch as reports_known,
        lead(c.reported_on) over stretch as next_reported_on
    from casualties c
    where c.reported_on is not null
    window stretch as (partition by c.strike_id order by c.reported_on, c.report_id)
),
stretches as (
    select
        s.strike_id, null::varchar as report_id, null::date as known_from,
        min(r.reported_on) as known_until, 0::bigint as reports_known
    from strikes s
    left join reports r on r.strike_id = s.strike_id
    group by s.strike_id
    union all
    select r.strike_id, r.report_id, r.reported_on, r.next_reported_on, r.reports_known
    from reports r
)
select
    s.strike_id, s.date, s.date_precision, s.time_local, s.city, s.oblast, s.place,
    s.latitude, s.longitude, s.geo_precision,
    s.attacker, s.attacker_name, s.weapon, s.target_type, s.target, s.status,
    s.kind, s.kind_name, s.window_first, s.window_last, s.date_first, s.date_last, s.district,
    s.source_id, s.publisher, s.source_title, s.source_url, s.source_type,
    r.report_id, r.reported_on, r.population,
    r.killed, r.killed_qualifier, r.killed_phrase,
    r.injured, r.injured_qualifier, r.injured_phrase,
    r.killed_blank_phrase, r.killed_low, r.killed_high, r.source_inconsistency,
    r.claimant, r.claimant_name,
    r.status as toll_status,
    r.source_id as toll_source_id,
    case when t.known_from > s.window_first then t.known_from end as known_from,
    t.known_until,
    t.reports_known,
    coalesce(r.killed, 0) + coalesce(r.injured, 0) as people,
    floor(s.latitude / 0.25)::integer as cell_lat,
    floor(s.longitude / 0.25)::integer as cell_lon
from stretches t
join strike_details s on s.strike_id = t.strike_id
left join report_details r on r.report_id = t.report_id
where (t.known_until is null or t.known_until > s.window_first)
  and (t.known_from is null or t.known_until is null or t.known_from < t.known_until)
order by people desc, s.strike_id, t.known_from nulls first
