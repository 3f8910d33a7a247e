-- Grain: one row per statement in the period by the chosen actors, newest first, optionally narrowed to
-- some speakers and to text containing any of the search terms (spelling variants already expanded).
-- Columns: those of the view statement_cards (queries/build/statement_cards.sql), like every statement query.
-- Parameters: $date_from, $date_to (dates), $actors (actor ids; empty = all),
-- $speakers (speaker names; empty = all), $terms (lowercase search terms; empty = no text filter).
select * exclude (search_text)
from statement_cards
where date between $date_from and $date_to
  and chosen($actors, actor)
  and (len($speakers) = 0 or list_contains($speakers, speaker))
  and (len($terms) = 0 or len(list_filter($terms, lambda term: contains(search_text, term))) > 0)
order by date desc, statement_id
