-- Reference query, for the tests only: plain SQL without the macros of queries/build (see README.md).
-- Grain: one row per casualty report of the strikes in the period by the chosen attackers, oldest
-- report first: how each toll changed and who claimed it.
-- Parameters: $date_from, $date_to (dates), $actors (actor ids; empty = all).
select
    c.report_id, c.strike_id, s.city, s.date as strike_date, c.reported_on, c.population,
    c.killed, c.killed_qualifier, c.killed_phrase,
    c.injured, c.injured_qualifier, c.injured_phrase,
    c.claimant, coalesce(a.name, 'unattributed') as claimant_name, c.status,
    c.source_id, src.publisher, c.excerpt, c.notes
from casualties c
join strikes s on s.strike_id = c.strike_id
left join actors a on a.actor_id = c.claimant
left join sources src on src.source_id = c.source_id
where coalesce(s.date_first, s.date) <= $date_to and coalesce(s.date_last, s.date) >= $date_from
  and coalesce(s.event_kind, 'strike') = 'strike'
  and c.reported_on <= $date_to
  and (len($actors) = 0 or list_contains($actors, s.attacker)
       or list_contains($actors, (select p.part_of from actors p where p.actor_id = s.attacker)))
order by c.strike_id, c.reported_on, c.report_id
