-- Grain: one row per city with strikes in the data (all dates, all attackers), for the map's place views.
-- Parameters: none.
select city, avg(latitude) as latitude, avg(longitude) as longitude, count(*) as strikes
from strikes
group by city
order by strikes desc, city
