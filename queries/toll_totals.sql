-- Grain: one row per headline figure (strikes, killed, injured) for the period and attackers: each
-- strike's latest report known by the end of the period, added; `qualifier` from the macro
-- total_qualifier ('none', 'about', 'at_least', 'exact'; 'exact' for the strike count), `reported` how many
-- strikes give a figure, `inexact` how many of those figures are not exact. Reads the table macro
-- toll_days_known (checked against queries/reference/overview_totals.sql): strikes only (is_strike), every
-- strike whose date window overlaps the period. `straddling` how many of the strikes have a window reaching
-- past the period's edge (macro straddles: they may have happened outside it), `straddling_total` their
-- figures added (null when none gives one).
-- Parameters: $date_from, $date_to (dates), $actors (actor ids; empty = all).
with view as (
    select
        coalesce(sum(strikes), 0)::bigint as strikes,
        coalesce(sum(killed_total), 0)::bigint as killed_total,
        coalesce(sum(killed_reported), 0)::bigint as killed_reported,
        coalesce(sum(killed_about), 0)::bigint as killed_about,
        coalesce(sum(killed_inexact), 0)::bigint as killed_inexact,
        coalesce(sum(injured_total), 0)::bigint as injured_total,
        coalesce(sum(injured_reported), 0)::bigint as injured_reported,
        coalesce(sum(injured_about), 0)::bigint as injured_about,
        coalesce(sum(injured_inexact), 0)::bigint as injured_inexact,
        coalesce(sum(strikes) filter (where straddles(window_first, window_last, $date_from, $date_to)), 0)::bigint
            as straddling,
        sum(killed_total) filter (where straddles(window_first, window_last, $date_from, $date_to))::bigint
            as killed_straddling,
        sum(injured_total) filter (where straddles(window_first, window_last, $date_from, $date_to))::bigint
            as injured_straddling
    from toll_days_known($date_from, $date_to, $actors)
),
parts as (
    select 'killed' as figure, strikes, killed_total as total, killed_reported as reported,
           killed_about as about, killed_inexact as inexact, straddling, killed_straddling as straddling_total
    from view
    union all
    select 'injured', strikes, injured_total, injured_reported, injured_about, injured_inexact, straddling,
           injured_straddling
    from view
)
select 'strikes' as figure, strikes as total, 'exact' as qualifier, strikes, strikes as reported, 0::bigint as inexact,
       straddling, straddling as straddling_total
from view
union all
select figure, total, total_qualifier(reported, about, inexact, strikes), strikes, reported, inexact, straddling,
       straddling_total
from parts
order by case figure when 'strikes' then 1 when 'killed' then 2 else 3 end
