-- Grain: one row: what the imports of publishers' files left out, from the sources' left_out_rows and
-- left_out_deaths (the deaths the publisher gives for the rows left out): how many sources say, the rows and
-- the deaths added (0 rows when nothing was left out; deaths null when no source gives a figure), and how many
-- sources left rows out without a death figure for them (then the deaths added are a floor: "at least").
-- Parameters: none.
select
    count(left_out_rows) as sources,
    coalesce(sum(left_out_rows), 0)::bigint as rows,
    sum(left_out_deaths)::bigint as deaths,
    count(*) filter (where left_out_rows > 0 and left_out_deaths is null) as sources_without_deaths
from sources
