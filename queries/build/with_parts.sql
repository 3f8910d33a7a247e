-- Macro with_parts(actors) -> list: the chosen actor ids and the ids of every actor that is part of one of
-- them (actors.part_of, one level: "Military Forces of Russia (2000-) Air Force" is part of "russia"), so
-- choosing a state chooses its services too, whose rows keep the publisher's own actor names.
create or replace macro with_parts(actors) as
    list_concat(
        actors,
        (select coalesce(list(a.actor_id), []) from actors a where list_contains(actors, a.part_of))
    )
