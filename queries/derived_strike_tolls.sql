-- Grain: one row per strike and per stretch of time in which its latest casualty report stays the same:
-- from the strike's first day (or the day a report came out) until the next report, or for ever. For
-- any last day of a period exactly one row of a strike is "known": known_from <= that day < known_until,
-- and it carries the report the latest_tolls query picks (latest reported_on, then highest report_id;
-- no figures before the first report). Stretches no period can see are left out. Built once per data
-- version into the table `strike_tolls` (conflictdesk/derived.py), stored with the highest tolls first
-- (killed and injured added, missing figures as none), so "the N highest tolls" stops reading early.
-- Parameters: none.
with reports as (
    select
        c.*,
        row_number() over stretch as reports_known,
        lead(c.reported_on) over stretch as next_reported_on
    from casualties c
    where c.reported_on is not null
    window stretch as (partition by c.strike_id order by c.reported_on, c.report_id)
),
stretches as (
    select
        s.strike_id, null::varchar as report_id, date '0001-01-01' as known_from,
        coalesce(min(r.reported_on), date '9999-12-31') as known_until, 0::bigint as reports_known
    from strikes s
    left join reports r on r.strike_id = s.strike_id
    group by s.strike_id
    union all
    select r.strike_id, r.report_id, r.reported_on, coalesce(r.next_reported_on, date '9999-12-31'), r.reports_known
    from reports r
)
select
    s.strike_id, s.date, s.date_precision, s.time_local, s.city, s.oblast, s.place,
    s.latitude, s.longitude, s.geo_precision,
    s.attacker, a.name as attacker_name, s.weapon, s.target_type, s.target, s.status,
    s.source_id, src.publisher, src.title as source_title, src.url as source_url, src.source_type,
    r.report_id, r.reported_on, r.population,
    r.killed, r.killed_qualifier, r.killed_phrase,
    r.injured, r.injured_qualifier, r.injured_phrase,
    r.claimant,
    case when r.report_id is null then null else coalesce(ca.name, 'unattributed') end as claimant_name,
    r.status as toll_status,
    r.source_id as toll_source_id,
    case when t.known_from <= s.date then date '0001-01-01' else t.known_from end as known_from,
    t.known_until,
    t.reports_known,
    coalesce(r.killed, 0) + coalesce(r.injured, 0) as people,
    floor(s.latitude / 0.25)::integer as cell_lat,
    floor(s.longitude / 0.25)::integer as cell_lon
from stretches t
join strikes s on s.strike_id = t.strike_id
left join casualties r on r.report_id = t.report_id
left join actors a on a.actor_id = s.attacker
left join actors ca on ca.actor_id = r.claimant
left join sources src on src.source_id = s.source_id
where t.known_until > s.date
  and t.known_from < t.known_until
order by people desc, s.strike_id, t.known_from
