-- Reference query, for the tests only: plain SQL without the macros of queries/build (see README.md).
-- Grain: one row per headline figure (strikes, killed, injured) for the period and attackers.
-- A total is exact only when every part is exact and every strike has a figure; a total with any
-- lower-bound part (at least, over, vague) is "at_least"; with any about, nearly, up to or estimate part, "about".
-- Parameters: $date_from, $date_to (dates), $actors (actor ids; empty = all).
with ranked as (
    select c.*, row_number() over (partition by c.strike_id order by c.reported_on desc, c.report_id desc) as rank
    from casualties c
    where c.reported_on <= $date_to
),
tolls as (
    select s.strike_id, r.killed, r.killed_qualifier, r.killed_phrase, r.injured, r.injured_qualifier, r.injured_phrase
    from strikes s
    left join ranked r on r.strike_id = s.strike_id and r.rank = 1
    where coalesce(s.date_first, s.date) <= $date_to and coalesce(s.date_last, s.date) >= $date_from
      and coalesce(s.event_kind, 'strike') = 'strike'
      and (len($actors) = 0 or list_contains($actors, s.attacker)
       or list_contains($actors, (select p.part_of from actors p where p.actor_id = s.attacker)))
),
parts as (
    select 'killed' as figure, strike_id, killed as n, killed_qualifier as qualifier, killed_phrase as phrase from tolls
    union all
    select 'injured', strike_id, injured, injured_qualifier, injured_phrase from tolls
)
select 'strikes' as figure, count(*)::bigint as total, 'exact' as qualifier, count(*) as strikes, count(*) as reported,
       null as phrases
from tolls
union all
select
    f.figure,
    coalesce(sum(p.n), 0)::bigint as total,
    case
        when count(p.n) = 0 then 'none'
        when bool_or(p.qualifier in ('about', 'nearly', 'up_to', 'estimate')) then 'about'
        when bool_or(p.qualifier <> 'exact') or count(p.n) < count(p.strike_id) then 'at_least'
        else 'exact'
    end as qualifier,
    count(p.strike_id) as strikes,
    count(p.n) as reported,
    string_agg(p.phrase, '; ' order by p.strike_id) as phrases
from (values ('killed'), ('injured')) as f(figure)
left join parts p on p.figure = f.figure
group by f.figure
order by case figure when 'strikes' then 1 when 'killed' then 2 else 3 end
