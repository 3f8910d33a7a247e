-- Grain: one row: the data version, the newest source date, the number of sources, whether any is
-- synthetic, and the number of corrections and the day of the newest (null when none).
-- Parameters: none.
select
    (select value from meta where key = 'data_version') as data_version,
    max(published_on) as last_update,
    count(*) as source_count,
    bool_or(source_type = 'synthetic') as has_synthetic,
    (select count(*) from corrections) as corrections,
    (select max(corrected_on) from corrections) as last_correction
from sources
