-- Macro is_inexact(qualifier) -> boolean: a figure's qualifier is anything but "exact" (at least, over,
-- vague, about, nearly, up to), so a total it is part of is not exact.
create or replace macro is_inexact(qualifier) as
    coalesce(qualifier <> 'exact', false)
