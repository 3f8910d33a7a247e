"""The interface language: message catalogues (gettext .po files read with Babel) and dates and numbers in it.

Only the app's own words are translated; data stays in the words of its source. Catalogues live in
conflictdesk/locale/<lang>/LC_MESSAGES/messages.po and are compiled in memory when first used, so no
generated file is kept. Adding a language: see "Languages" in the README.
"""

import contextvars
import datetime as dt
import gettext
import io
from functools import lru_cache
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel import dates as babel_dates
from babel import numbers as babel_numbers
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DEFAULT = "en"


def _own_name(code: str) -> str:
    name = Locale.parse(code).get_display_name(code) or code
    return name[:1].upper() + name[1:]


# code → the language's own name (CLDR's, via Babel), for the switch: English, the source language, and every
# language with a catalogue. A new language is one file: locale/<code>/LC_MESSAGES/messages.po.
LANGUAGES = {code: _own_name(code) for code in [DEFAULT] + sorted(
    path.parent.parent.name for path in LOCALE_DIR.glob("*/LC_MESSAGES/messages.po") if path.parent.parent.name != DEFAULT
)}
_current: contextvars.ContextVar[str] = contextvars.ContextVar("language", default=DEFAULT)


@lru_cache(maxsize=None)
def catalogue(lang: str) -> gettext.NullTranslations:
    """The compiled catalogue of a language (English, the source language, needs none)."""
    po = LOCALE_DIR / lang / "LC_MESSAGES" / "messages.po"
    if lang == DEFAULT or not po.is_file():
        return gettext.NullTranslations()
    with po.open("rb") as handle:
        messages = read_po(handle, locale=lang)
    buffer = io.BytesIO()
    write_mo(buffer, messages)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


def use(lang: str | None) -> str:
    """Make `lang` (a code of LANGUAGES; anything else: English) the language of this script run; return it."""
    chosen = lang if lang in LANGUAGES else DEFAULT
    _current.set(chosen)
    return chosen


def language() -> str:
    """The language of this script run."""
    return _current.get()


def preferred(locale: str | None) -> str:
    """The first language of LANGUAGES that a browser locale (uk-UA, en-GB, …) asks for, else English."""
    try:
        code = Locale.parse((locale or "").replace("-", "_")).language if locale else DEFAULT
    except (ValueError, UnknownLocaleError):
        return DEFAULT
    return code if code in LANGUAGES else DEFAULT


def _(message: str) -> str:
    """The app's own words in the current language ("" stays "": gettext would give the catalogue's header)."""
    return catalogue(language()).gettext(message) if message else message


def ngettext(singular: str, plural: str, count: int) -> str:
    """The app's words for a count, with the language's plural forms (Ukrainian has three)."""
    return catalogue(language()).ngettext(singular, plural, int(count))


def N_(message: str) -> str:
    """Mark a module-level string for the catalogue without translating it (translate it with `_` when used)."""
    return message


def NP_(singular: str, plural: str) -> tuple[str, str]:
    """Mark a module-level singular/plural pair for the catalogue; use it with `ngettext(*pair, count)`."""
    return singular, plural


def translated(messages: dict) -> dict:
    """A module-level {key: marked message} dict in the current language."""
    return {key: _(value) for key, value in messages.items()}


def format_date(value: dt.date, form: str | None = None) -> str:
    """A date in the current language (a Babel/CLDR pattern, itself in the catalogue): 13 Apr 2025, 13 квітня 2025."""
    # Each language chooses its own pattern: English keeps its short months, Ukrainian writes the month's
    # genitive in full ("d MMMM y"), as Ukrainian newsrooms do.
    return babel_dates.format_date(value, _(form or DATE_FORM), locale=language())


def format_number(value: int | float) -> str:
    """A number with the current language's grouping: 3,845 / 3 845."""
    return babel_numbers.format_decimal(value, locale=language())


DATE_FORM = N_("d MMM y")  # a day: 13 Apr 2025
DAY_MONTH_FORM = N_("d MMM")  # a day in a window that names its year once: between 24 Feb and 12 Sep 2022
MONTH_FORM = N_("d MMMM y")  # a day with its month in full: 13 April 2025
