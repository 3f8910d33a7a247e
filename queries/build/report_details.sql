-- View report_details: one row per casualty report, every column of `casualties` plus the claimant's
-- name (claimant_name, 'unattributed' when the report names no claimant) and its source's publisher,
-- source_title, source_url and source_type.
create or replace view report_details as
select
    c.*,
    coalesce(a.name, 'unattributed') as claimant_name,
    src.publisher, src.title as source_title, src.url as source_url, src.source_type
from casualties c
left join actors a on a.actor_id = c.claimant
left join sources src on src.source_id = c.source_id
