-- Grain: one row: the data version, the newest source date and the number of sources.
-- Parameters: none.
select
    (select value from meta where key = 'data_version') as data_version,
    max(published_on) as last_update,
    count(*) as source_count,
    bool_or(source_type = 'synthetic') as has_synthetic
from sources
