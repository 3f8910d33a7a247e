-- Grain: the one truce with this id (no row when there is none), whatever the period.
-- Columns: those of the view truce_details.
-- Parameters: $truce_id (text).
select * from truce_details where truce_id = $truce_id
