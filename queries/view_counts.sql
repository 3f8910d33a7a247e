-- Grain: one row for the period and attackers: how many strikes, how many casualty reports of them are
-- known by the end of the period, how many strikes have two or more such reports, and how many strikes
-- come from a synthetic source. Reads the table macro toll_days_known.
-- Parameters: $date_from, $date_to (dates), $actors (actor ids; empty = all).
select
    coalesce(sum(strikes), 0)::bigint as strikes,
    coalesce(sum(reports), 0)::bigint as reports,
    coalesce(sum(with_history), 0)::bigint as with_history,
    coalesce(sum(synthetic), 0)::bigint as synthetic
from toll_days_known($date_from, $date_to, $actors)
