-- Macro chosen(actors, actor) -> boolean: the actor filter. True when no actor is chosen (actors is an
-- empty list: "all") or when actor is one of the chosen or part of one of them (actors.part_of: a state's
-- army, air force or police roll up to the state, kinds.py); null actor (not stated) passes only "all".
-- Used as `where chosen($actors, attacker)`.
create or replace macro chosen(actors, actor) as
    len(actors) = 0 or coalesce(list_contains(with_parts(actors), actor), false)
