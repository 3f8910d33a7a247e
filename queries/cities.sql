-- Grain: one row per place with strikes in the data (all dates, all attackers), most struck first, for
-- the map's place views. A place is a city name within its oblast: two villages of one name in different
-- oblasts are two places, never merged (newsroom rule 4).
-- Columns:
--   place_id   a stable unique key of the place: 12 hex digits of the md5 of its city and oblast
--   label      the name a view is chosen by, unique: the city alone when no other oblast has a place of
--              that name ("Sumy", so ?place=Sumy keeps working), else "City, Oblast" ("Ivanivka, Kherson
--              Oblast"; "City, oblast not stated" for the rows without an oblast)
--   city       the city as the data spells it (not unique)
--   oblast     the oblast as the data spells it (null when not stated)
--   latitude, longitude  the average position of this place's own strikes
--   strikes    how many strikes the place has
-- Parameters: none.
with places as (
    select city, oblast, avg(latitude) as latitude, avg(longitude) as longitude, count(*) as strikes
    from strikes
    group by city, oblast
)
select
    left(md5(concat(city, chr(31), coalesce(oblast, chr(30)))), 12) as place_id,
    case
        when count(*) over (partition by city) = 1 then city
        else concat(city, ', ', coalesce(oblast, 'oblast not stated'))
    end as label,
    city, oblast, latitude, longitude, strikes
from places
order by strikes desc, label, place_id
