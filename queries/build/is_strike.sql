-- Macro is_strike(kind) -> boolean: a row of `strikes` is a strike (newsroom rule 4: a battle is never a
-- strike). Curated rows have no event_kind and are all strikes; imported rows are strikes only when the
-- publisher's own classification says so (event_kind 'strike': conflictdesk/importers/kinds.py). Anything
-- labelled "strikes" counts only these; the other kinds are shown under their own names (kind_name).
create or replace macro is_strike(kind) as
    coalesce(kind, 'strike') = 'strike'
