-- Macro known_on(known_from, known_until, day) -> boolean: "the report known by the end of the period".
-- A row of strike_tolls (and of the tables added up from it) carries the latest casualty report of its
-- strike for the days known_from <= day < known_until; a null known_from means from the strike's first
-- day, a null known_until for ever (no sentinel dates, so any date works, 9999-12-31 included).
-- Used as `where known_on(known_from, known_until, $date_to)`.
create or replace macro known_on(known_from, known_until, day) as
    (known_from is null or known_from <= day) and (known_until is null or day < known_until)
