-- Grain: one row per place with strikes in the data (all dates, all attackers), most struck first, for
-- the map's place views. A place is a city name within its district (the publisher's second-order admin
-- unit, for imports) and oblast: two villages of one name in different districts or oblasts are two
-- places, never merged (newsroom rule 4). A strike located only to a wider area or a line (geo_precision
-- region, e.g. UCDP's "Donbas") is no place and is left out.
-- Columns:
--   place_id   a stable unique key of the place: 12 hex digits of the md5 of its city, district and oblast
--   label      the name a view is chosen by, unique: the city alone when no other place has that name
--              ("Sumy", so ?place=Sumy keeps working), else "City, Oblast" ("Ivanivka, Kherson Oblast";
--              "City, oblast not stated" for the rows without an oblast) when that is unique, else
--              "City, District, Oblast" ("district not stated" for the rows without one)
--   city       the city as the data spells it (not unique)
--   district   the district as the data spells it (null when not stated)
--   oblast     the oblast as the data spells it (null when not stated)
--   latitude, longitude  the average position of this place's own strikes
--   strikes    how many strikes the place has
-- Parameters: none.
with places as (
    select city, district, oblast, avg(latitude) as latitude, avg(longitude) as longitude, count(*) as strikes
    from strikes
    where is_strike(event_kind)
      and geo_precision is distinct from 'region'  -- located only to a wider area or a line: not a place
    group by city, district, oblast
)
select
    left(md5(concat(city, chr(31), coalesce(oblast, chr(30)),
                    case when district is not null then concat(chr(31), district) else '' end)), 12) as place_id,
    case
        when count(*) over (partition by city) = 1 then city
        when count(*) over (partition by city, oblast) = 1 then concat(city, ', ', coalesce(oblast, 'oblast not stated'))
        else concat(city, ', ', coalesce(district, 'district not stated'), ', ', coalesce(oblast, 'oblast not stated'))
    end as label,
    city, district, oblast, latitude, longitude, strikes
from places
order by strikes desc, label, place_id
