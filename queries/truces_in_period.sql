-- Grain: one row per truce whose window overlaps the period (macro window_overlaps: an open end counts as
-- still running). Columns: those of the view truce_details.
-- Parameters: $date_from, $date_to (dates).
select * from truce_details
where window_overlaps(start_date, end_date, $date_from, $date_to)
order by start_date, truce_id
