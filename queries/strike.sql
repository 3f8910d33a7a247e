-- Grain: the one strike with the given id (no row if there is none), whatever the filters: what its
-- card on the map page shows.
-- Columns: those of the view strike_details (every strike column, attacker_name, publisher,
-- source_title, source_url, source_type) and corrected_on (macro last_corrected).
-- Parameters: $strike_id (a strike id).
select *, last_corrected('strikes', strike_id) as corrected_on
from strike_details
where strike_id = $strike_id
