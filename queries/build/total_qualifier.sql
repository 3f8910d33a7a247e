-- Macro total_qualifier(reported, approximate, inexact, strikes) -> 'none' | 'about' | 'at_least' | 'exact':
-- how a sum of figures may be said (newsroom rule 2: a total with any inexact part says "at least" or
-- "about"; rule 3: silence is not zero). The one home of this rule: pages only put it in words
-- (conflictdesk/figures.py total_text).
--   reported     how many strikes give a figure (count of non-null figures)
--   approximate  how many of the figures are approximate (is_approximate: about, nearly, up to)
--   inexact      how many of the figures are not exact (is_inexact)
--   strikes      how many strikes the total covers
-- 'none' without any figure (say "not reported", never 0); 'about' with any approximate part; 'at_least'
-- with any other inexact part or a strike without a figure; else 'exact'.
create or replace macro total_qualifier(reported, approximate, inexact, strikes) as
    case
        when reported = 0 then 'none'
        when approximate > 0 then 'about'
        when inexact > 0 or reported < strikes then 'at_least'
        else 'exact'
    end
