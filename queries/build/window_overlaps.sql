-- Macro window_overlaps(first_day, last_day, date_from, date_to) -> boolean: a window of days (a truce)
-- overlaps the period from date_from to date_to, both days included; a null last_day means it is still
-- running (open-ended).
create or replace macro window_overlaps(first_day, last_day, date_from, date_to) as
    first_day <= date_to and (last_day is null or last_day >= date_from)
