-- Macro is_approximate(qualifier) -> boolean: a figure's qualifier says it may be above or below the true
-- number ("about", "nearly", "up to", or a publisher's coded "estimate" such as ACLED's fatalities or UCDP's
-- best estimate), so any total it is part of is "about".
create or replace macro is_approximate(qualifier) as
    coalesce(qualifier in ('about', 'nearly', 'up_to', 'estimate'), false)
