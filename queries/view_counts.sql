-- Grain: one row for the period and attackers: how many strikes, how many casualty reports of them are
-- known by the end of the period, how many strikes have two or more such reports, and how many strikes
-- come from a synthetic source; read from the pre-added table `toll_days`.
-- Parameters: $date_from, $date_to (dates), $actors (actor ids; empty = all).
select
    coalesce(sum(strikes), 0)::bigint as strikes,
    coalesce(sum(reports), 0)::bigint as reports,
    coalesce(sum(with_history), 0)::bigint as with_history,
    coalesce(sum(synthetic), 0)::bigint as synthetic
from toll_days
where date between $date_from and $date_to
  and (len($actors) = 0 or list_contains($actors, attacker))
  and known_from <= $date_to
  and known_until > $date_to
