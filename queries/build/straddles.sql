-- Macro straddles(window_first, window_last, date_from, date_to) -> boolean: an event's date window (the
-- first and last day it may have happened, as its publisher gives them) reaches past an edge of the period.
-- The period filter counts an event whose window overlaps the period (window_overlaps), so these events
-- may have happened outside it: totals say how many of them there are and the deaths they hold.
create or replace macro straddles(window_first, window_last, date_from, date_to) as
    window_first < date_from or window_last > date_to
