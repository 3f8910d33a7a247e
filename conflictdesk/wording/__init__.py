"""Every phrase the app builds from data: figures, totals, claims, dates, periods, places and strike labels.

The newsroom's rules decide the words: a figure is said no more precisely than its source (rule 2), an
unknown figure is "not reported", never 0 and never "at least 0" (rule 3), "up to" stays "up to" and a date
window stays a window (rule 4). Plain functions of plain values; no Streamlit, no HTML, no markdown.

Every rule speaks the interface language (conflictdesk.i18n): each is a whole phrase in the catalogue with the
number inside it ("over {number}" → "понад {number}"), counted nouns take the language's plural forms, and
dates and numbers are formatted by Babel. The source's own phrase is data and is never translated: in the
source language (English) it is shown as it is; in another language the rule's phrase is shown with the
source's phrase after it in quotes ("понад 100 («over 100»)").

The package splits the rules by idea (basics, figures, claims, dates, places); every public name is
re-exported here, so `from conflictdesk.wording import figure_text` and `wording.figure_text` work.
"""

from conflictdesk.wording.basics import (  # noqa: F401
    NOT_REPORTED, NOT_STATED, UNATTRIBUTED, NO_DATE, QUERY_WORDS, blank, name_text, number_text, plural, LISTING,
    listing,
)
from conflictdesk.wording.figures import (  # noqa: F401
    LOWER_BOUNDS, UPPER_BOUNDS, QUALIFIER_WORDS, TOTAL_WORDS, COUNTED, COUNTED_QUALIFIER, FIGURE_NAMES,
    NOT_REPORTED_FIGURE, BOUND_WORDS, bound_kind, figure_text, blank_text, inconsistent_text, row_figure,
    figure_label, gives_figure, total_kind, total_text, counted_figure, toll_text,
)
from conflictdesk.wording.claims import (  # noqa: F401
    STATUS_WORDS, POPULATIONS, claimant_text, status_text, status_word, population_text, actors_text, chart_caption,
)
from conflictdesk.wording.dates import (  # noqa: F401
    day_text, date_text, window_text, span_text, period_text, counted_text, row_date_text,
)
from conflictdesk.wording.places import (  # noqa: F401
    PRECISION_WORDS, WEAPONS, precision_text, weapon_text, place_text, when_text, strike_label, strike_labels,
)
