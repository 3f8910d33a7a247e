-- Macro last_corrected(of_table, of_row) -> date: the day of a row's newest correction (null when it was
-- never corrected), from corrections_of. What the "corrected on …" mark of a card, bar or row shows.
-- Used as `last_corrected('strikes', strike_id) as corrected_on`.
create or replace macro last_corrected(of_table, of_row) as
    (select max(k.corrected_on) from corrections_of(of_table, of_row) k)
