-- Reference query, for the tests only: plain SQL without the macros of queries/build (see README.md).
-- Grain: one row per strike in the period by the chosen attackers: its most recent casualty report
-- known by the end of the period (null figures where none is).
-- Parameters: $date_from, $date_to (dates), $actors (actor ids; empty = all).
with ranked as (
    select c.*, row_number() over (partition by c.strike_id order by c.reported_on desc, c.report_id desc) as rank
    from casualties c
    where c.reported_on <= $date_to
)
select
    s.strike_id, s.date, s.date_precision, s.city, s.place, s.attacker, a.name as attacker_name,
    r.report_id, r.reported_on, r.population,
    r.killed, r.killed_qualifier, r.killed_phrase,
    r.injured, r.injured_qualifier, r.injured_phrase,
    r.claimant,
    case when r.report_id is null then null else coalesce(ca.name, 'unattributed') end as claimant_name,
    r.status as toll_status,
    r.source_id, r.excerpt
from strikes s
left join ranked r on r.strike_id = s.strike_id and r.rank = 1
left join actors a on a.actor_id = s.attacker
left join actors ca on ca.actor_id = r.claimant
where coalesce(s.date_first, s.date) <= $date_to and coalesce(s.date_last, s.date) >= $date_from
  and coalesce(s.event_kind, 'strike') = 'strike'
  and (len($actors) = 0 or list_contains($actors, s.attacker)
       or list_contains($actors, (select p.part_of from actors p where p.actor_id = s.attacker)))
order by s.date, s.strike_id
