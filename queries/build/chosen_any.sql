-- Macro chosen_any(actors, ids) -> boolean: the actor filter for a row that concerns several actors (an
-- event's actors, a truce claim's claimant and accused). True when no actor is chosen or when any of ids
-- (a list; null or null items ignored) is one of the chosen or part of one of them (with_parts).
-- Used as `where chosen_any($actors, [claimant, accused])`.
create or replace macro chosen_any(actors, ids) as
    len(actors) = 0
    or len(list_intersect(with_parts(actors), list_filter(coalesce(ids, []), lambda x: x is not null))) > 0
