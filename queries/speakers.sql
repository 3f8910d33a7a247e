-- Grain: one row per speaker in the data, with how many statements they made.
-- Parameters: none.
select speaker, count(*) as statements
from statements
group by speaker
order by speaker
