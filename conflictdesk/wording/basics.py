"""The words every phrase shares: a missing value, a name, a number, a count with its noun, a list of names."""

import pandas as pd

from conflictdesk import i18n, names
from conflictdesk.i18n import N_, _, ngettext

NOT_REPORTED = N_("not reported")
NOT_STATED = N_("not stated")
UNATTRIBUTED = N_("unattributed")
NO_DATE = N_("date not given")
QUERY_WORDS = {NOT_STATED, UNATTRIBUTED, N_("oblast not stated")}  # words queries/*.sql write for a missing name


def blank(value) -> bool:
    """Whether a value from the data is missing: None, NaN, NaT, pd.NA or only spaces."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):  # a list or array is a value, not a missing one
        return False


def name_text(value, fallback: str = NOT_STATED) -> str:
    """A name or word from the data as text, or `fallback` ("not stated", translated) when it is blank; an
    actor or place in the reader's script when the data's aliases give it (names.display: Russia → Росія).

    The words queries/ put in place of a missing name ("not stated", "unattributed") are the app's own,
    so they are said in the interface language.
    """
    if blank(value):
        return _(fallback)
    text = str(value).strip()
    return _(text) if text in QUERY_WORDS else names.display(text)


def number_text(count) -> str:
    """A whole number in the interface language: 2,000 / 2 000."""
    return i18n.format_number(int(count))


def plural(count, noun: str, many: str | None = None) -> str:
    """A count with its noun: '1 strike', '2,000 strikes'; `many` for irregular plurals ('1 person', '3 people').

    The pair is looked up in the catalogue as "{count} strike" / "{count} strikes" (marked where it is
    written, with NP_), so a language gives its own plural forms.
    """
    count = int(count)
    singular, plural_form = "{count} " + noun, "{count} " + (many or noun + "s")
    return ngettext(singular, plural_form, count).format(count=number_text(count))


LISTING = {"and": N_("{names} and {last}"), "or": N_("{names} or {last}")}


def listing(names: list[str], word: str = "and") -> str:
    """Names joined as a reader writes them: 'Sumy', 'Sumy and Odesa', 'Sumy, Odesa and Kyiv' (or 'or')."""
    names = [str(n) for n in names]
    if len(names) <= 1:
        return "".join(names)
    return _(LISTING[word]).format(names=", ".join(names[:-1]), last=names[-1])
