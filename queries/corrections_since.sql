-- Grain: one row per correction made after a link's day ($since: corrected_on later than it) that touches
-- the view: its row is in one of the page's tables ($tables) and in the period and the chosen actors'
-- (corrections_in_view), or belongs to the card the link opens ($linked: parent keys such as
-- 'strikes/<id>', see correction_log). Newest first.
-- Columns: those of correction_log without row_actors.
-- Parameters: $date_from, $date_to (dates), $actors (actor ids; empty = all), $tables (table names),
-- $linked (parent keys; empty = none), $since (a date).
select * exclude (row_actors)
from correction_log
where corrected_on > $since
  and (list_contains($linked, parent_key)
       or (list_contains($tables, table_name)
           and correction_id in (select correction_id from corrections_in_view($date_from, $date_to, $actors))))
order by corrected_on desc, correction_id
