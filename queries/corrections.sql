-- Grain: one row per correction whose corrected row is in the period and the chosen actors' (table macro
-- corrections_in_view: a row with no date, such as a source, is in every period), newest first: the
-- Corrections page and its download.
-- Columns: those of correction_log (queries/build/correction_log.sql) without row_actors and parent_key.
-- Parameters: $date_from, $date_to (dates), $actors (actor ids; empty = all).
select * exclude (row_actors, parent_key)
from corrections_in_view($date_from, $date_to, $actors)
order by corrected_on desc, correction_id
