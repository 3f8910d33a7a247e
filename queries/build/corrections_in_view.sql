-- Table macro corrections_in_view(date_from, date_to, actors): the rows of correction_log whose corrected
-- row is in the period and the chosen actors' (its date or window overlaps the period, macro
-- window_overlaps; actor filter chosen_any). A row with no date (a source, an actor, a removed row) is in
-- every period, and one the actor filter does not apply to (a truce, a source) is in every actor's view.
-- Columns: those of correction_log.
create or replace macro corrections_in_view(date_from, date_to, actors) as table
select *
from correction_log
where (row_first is null or window_overlaps(row_first, row_last, date_from, date_to))
  and (row_actors is null or chosen_any(actors, row_actors))
