-- Grain: one row per actor, by name.
-- Parameters: none.
select actor_id, name, actor_type, coalesce(aliases, []) as aliases
from actors
order by name
