"""Every phrase the app builds from data: figures, totals, claims, dates, periods, places and strike labels.

The newsroom's rules decide the words: a figure is said no more precisely than its source (rule 2), an
unknown figure is "not reported", never 0 and never "at least 0" (rule 3), "up to" stays "up to" and a date
window stays a window (rule 4). Plain functions of plain values; no Streamlit, no HTML, no markdown.

Every rule speaks the interface language (conflictdesk.i18n): each is a whole phrase in the catalogue with the
number inside it ("over {number}" → "понад {number}"), counted nouns take the language's plural forms, and
dates and numbers are formatted by Babel. The source's own phrase is data and is never translated: in the
source language (English) it is shown as it is; in another language the rule's phrase is shown with the
source's phrase after it in quotes ("понад 100 («over 100»)").
"""

import re
from functools import lru_cache

import pandas as pd

from conflictdesk import i18n, names
from conflictdesk.i18n import N_, NP_, _, ngettext

NOT_REPORTED = N_("not reported")
NOT_STATED = N_("not stated")
UNATTRIBUTED = N_("unattributed")
NO_DATE = N_("date not given")
QUERY_WORDS = {NOT_STATED, UNATTRIBUTED, N_("oblast not stated")}  # words queries/*.sql write for a missing name

LOWER_BOUNDS = {"at_least", "over", "vague"}  # the true number is this or more
UPPER_BOUNDS = {"nearly", "up_to"}  # the true number is this or less
# A figure with no phrase of its own: the number after its qualifier's words. "vague" (a word such as
# "hundreds", coded to its least value: schema.VAGUE_COUNTS) can only honestly be "at least" that number.
# Each phrase holds its number, so a language puts it where its grammar wants it.
QUALIFIER_WORDS = {"exact": "{number}", "at_least": N_("at least {number}"), "over": N_("over {number}"),
                   "about": N_("about {number}"), "nearly": N_("nearly {number}"), "up_to": N_("up to {number}"),
                   "vague": N_("at least {number}"), "estimate": "{number}"}
TOTAL_WORDS = {"exact": "{number}", "at_least": N_("at least {number}"), "about": N_("about {number}")}
# A figure with its noun ("over 100 injured"): per qualifier, since a language's grammar may change the noun's
# form after "over" or "about" (Ukrainian: "21 загиблий", but "понад 21 загиблого").
COUNTED = {
    ("killed", "exact"): NP_("{number} killed", "{number} killed"),
    ("killed", "lower"): NP_("at least {number} killed", "at least {number} killed"),
    ("killed", "over"): NP_("over {number} killed", "over {number} killed"),
    ("killed", "about"): NP_("about {number} killed", "about {number} killed"),
    ("killed", "nearly"): NP_("nearly {number} killed", "nearly {number} killed"),
    ("killed", "up_to"): NP_("up to {number} killed", "up to {number} killed"),
    ("injured", "exact"): NP_("{number} injured", "{number} injured"),
    ("injured", "lower"): NP_("at least {number} injured", "at least {number} injured"),
    ("injured", "over"): NP_("over {number} injured", "over {number} injured"),
    ("injured", "about"): NP_("about {number} injured", "about {number} injured"),
    ("injured", "nearly"): NP_("nearly {number} injured", "nearly {number} injured"),
    ("injured", "up_to"): NP_("up to {number} injured", "up to {number} injured"),
}
COUNTED_QUALIFIER = {"at_least": "lower", "vague": "lower", "estimate": "exact"}
FIGURE_NAMES = {"killed": N_("killed"), "injured": N_("injured")}
NOT_REPORTED_FIGURE = {"killed": N_("killed: not reported"), "injured": N_("injured: not reported")}
# "estimate": a publisher's coded count (ACLED's fatalities, UCDP's best estimate): its phrase says so, it is
# neither open-ended nor a bound, and a total it is part of says "about" (queries/build/is_approximate.sql).
BOUND_WORDS = {"lower": N_("open-ended"), "upper": N_("at most"), "approximate": N_("approximate"), "estimate": "",
               "exact": ""}
STATUS_WORDS = {"claimed": N_("claimed"), "confirmed": N_("confirmed"), "disputed": N_("disputed")}
POPULATIONS = {"civilian": N_("Civilians"), "military": N_("Military"), "unknown": N_("Not said"), "all": N_("Everyone")}
PRECISION_WORDS = {
    "exact": N_("exact place"),
    "neighbourhood": N_("to the neighbourhood"),
    "city": N_("city only, drawn at its centre"),
    "oblast": N_("oblast only, drawn at its centre"),
}
WEAPONS = {
    "ballistic_missile": N_("Ballistic missile"),
    "cruise_missile": N_("Cruise missile"),
    "missile": N_("Missile (kind not stated)"),
    "drone": N_("Drone"),
    "artillery": N_("Artillery"),
    "glide_bomb": N_("Glide bomb"),
    "unknown": N_("Not stated"),
}


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


# --- figures ---------------------------------------------------------------------------------------------


def bound_kind(qualifier) -> str:
    """How a figure bounds the true number: 'exact', 'lower' (open-ended), 'upper' or 'approximate'."""
    if qualifier in LOWER_BOUNDS:
        return "lower"
    if qualifier in UPPER_BOUNDS:
        return "upper"
    if qualifier == "about":
        return "approximate"
    if qualifier == "estimate":
        return "estimate"
    return "exact"


def figure_text(number, qualifier, phrase, blank_phrase=None) -> str:
    """A source figure in its phrase, else its number after its qualifier ('up to 30'), else the data's words
    for a blank figure (`blank_phrase`: 'no fatalities reported (ACLED codes 0 for none and for unknown)'),
    else 'not reported'."""
    # "at least 0" says nothing (rule 3), so a lower bound of 0 with no phrase is not reported either.
    if blank(number) and not blank(blank_phrase):
        return blank_text(blank_phrase)
    if not blank(phrase) and i18n.language() == i18n.DEFAULT:
        return str(phrase).strip()
    if blank(number) or qualifier == "none" or (bound_kind(qualifier) == "lower" and int(number) == 0):
        return _quoted(_(NOT_REPORTED), phrase)
    return _quoted(_(QUALIFIER_WORDS.get(qualifier, "{number}")).format(number=number_text(number)), phrase)


def _quoted(text: str, phrase) -> str:
    """The rule's phrase followed by the source's own phrase (data, untranslated) when it says more than digits."""
    if blank(phrase) or re.fullmatch(r"[\d,.\s]+", str(phrase).strip()):  # bare digits say nothing more
        return text
    return _("{figure} (“{phrase}”)").format(figure=text, phrase=str(phrase).strip())


def blank_text(blank_phrase) -> str:
    """The data's words for a blank figure; an importer's own words (marked in its module) in the reader's language."""
    return _(str(blank_phrase).strip())


def inconsistent_text(inconsistency) -> str:
    """The mark of figures that contradict each other in their source, with the data's words:
    'inconsistent in the source (UCDP's figures contradict each other: best 396 is above high 0)'; '' if none."""
    if blank(inconsistency):
        return ""
    return _("inconsistent in the source ({words})").format(words=str(inconsistency).strip())


def row_figure(row, figure: str, label: bool = False) -> str:
    """A figure of a casualty-report row (a dict or Series) in words: figure_text (figure_label when `label`),
    with the row's words for a blank killed figure and, for killed, the mark of a source that contradicts itself
    ('best 396 (low 0, high 0) — inconsistent in the source (…)'): the publisher's figures as it gives them."""
    number, qualifier, phrase = row.get(figure), row.get(f"{figure}_qualifier"), row.get(f"{figure}_phrase")
    blank_phrase = row.get(f"{figure}_blank_phrase")
    text = figure_label(number, qualifier, phrase) if label else figure_text(number, qualifier, phrase)
    if text == _(NOT_REPORTED) and blank(number) and not blank(blank_phrase):
        text = blank_text(blank_phrase)
    mark = inconsistent_text(row.get("source_inconsistency")) if figure == "killed" else ""
    return _("{figure} — {mark}").format(figure=text, mark=mark) if mark else text


def figure_label(number, qualifier, phrase) -> str:
    """figure_text marked by how it bounds the truth: 'over 100 (open-ended)', 'nearly 3,000 (at most)'."""
    text = figure_text(number, qualifier, phrase)
    if text == _(NOT_REPORTED) or blank(number):
        return text
    word = BOUND_WORDS[bound_kind(qualifier)]
    return _("{figure} ({bound})").format(figure=text, bound=_(word)) if word else text


def gives_figure(text: str) -> bool:
    """Whether a figure_text/figure_label gives a figure (it does not start with "not reported")."""
    return not text.startswith(_(NOT_REPORTED))


def total_text(total, qualifier) -> str:
    """A total as queries/toll_totals.sql qualified it: '35', 'at least 103', 'about 3,000', 'not reported'."""
    # Never "at least 0" (rule 3): a zero that is not exact means the strikes that report say 0 and others say nothing.
    if qualifier == "none" or blank(total):
        return _(NOT_REPORTED)
    if int(total) == 0 and qualifier != "exact":
        return _("0 where reported; others not reported")
    return _(TOTAL_WORDS.get(qualifier, TOTAL_WORDS["about"])).format(number=number_text(total))


def counted_figure(figure: str, number, qualifier, phrase) -> str:
    """A figure with its noun: '35 killed', 'over 100 injured' ('понад 100 поранених («over 100»)')."""
    if not blank(phrase) and i18n.language() == i18n.DEFAULT:
        return f"{str(phrase).strip()} {figure}"
    if figure_text(number, qualifier, None) == _(NOT_REPORTED):
        return _quoted(_(NOT_REPORTED_FIGURE[figure]), phrase)
    kind = COUNTED_QUALIFIER.get(qualifier, qualifier)
    pair = COUNTED.get((figure, kind), COUNTED[(figure, "exact")])
    return _quoted(ngettext(*pair, int(number)).format(number=number_text(number)), phrase)


def toll_text(row) -> str:
    """A casualty report's figures in its source's words: '35 killed; over 100 injured' (row_figure's blank-figure
    words and inconsistency mark included)."""
    parts = []
    for figure in ("killed", "injured"):
        number, qualifier, phrase = row.get(figure), row.get(f"{figure}_qualifier"), row.get(f"{figure}_phrase")
        blank_phrase = row.get(f"{figure}_blank_phrase")
        if blank(number) and not blank(blank_phrase):
            text = _("{figure}: {words}").format(figure=_(FIGURE_NAMES[figure]), words=blank_text(blank_phrase))
        elif figure_text(number, qualifier, phrase) == _(NOT_REPORTED):
            text = _(NOT_REPORTED_FIGURE[figure])
        else:
            text = counted_figure(figure, number, qualifier, phrase)
        mark = inconsistent_text(row.get("source_inconsistency")) if figure == "killed" else ""
        if mark and not blank(phrase) and i18n.language() == i18n.DEFAULT:
            text = f"{row_figure(row, figure)} {figure}"  # the mark beside the publisher's phrase it is about
        elif mark:
            text = _("{figure} — {mark}").format(figure=text, mark=mark)
        parts.append(text)
    return "; ".join(parts)


# --- claims ---------------------------------------------------------------------------------------------


def claimant_text(claimant) -> str:
    """Who claims a figure: 'claimed by Ukraine', or 'unattributed' when the source names no one."""
    if blank(claimant) or str(claimant).strip() in (UNATTRIBUTED, _(UNATTRIBUTED)):
        return _(UNATTRIBUTED)
    return _("claimed by {claimant}").format(claimant=name_text(claimant))


def status_text(status, claimant) -> str:
    """A claim's status with its claimant: 'claimed by Ukraine, not independently verified', 'confirmed'."""
    who = claimant_text(claimant)
    if status == "claimed":
        return _("{who}, not independently verified").format(who=who)
    if status == "disputed":
        return _("{who}, disputed").format(who=who)
    if status == "confirmed":
        return _("confirmed")
    return _("status not given ({who})").format(who=who)


def status_word(status) -> str:
    """A status code in words ('claimed', 'confirmed', 'disputed'); another value as the data gives it."""
    return _(STATUS_WORDS[status]) if status in STATUS_WORDS else name_text(status)


def population_text(population) -> str:
    """Who a toll counts: 'Civilians', 'Military', 'Everyone'; 'Not said' when the source does not say."""
    return _(POPULATIONS.get(population, POPULATIONS["unknown"]))


def precision_text(geo_precision) -> str:
    """How precisely a strike is located: 'exact place', 'city only, drawn at its centre', or 'not stated'."""
    return _(PRECISION_WORDS.get(geo_precision, NOT_STATED))


def weapon_text(weapon) -> str:
    """A weapon code in words: 'Cruise missile'; 'Not stated' when missing or unknown."""
    return _(WEAPONS.get(weapon, WEAPONS["unknown"]))


# --- dates ----------------------------------------------------------------------------------------------


@lru_cache(maxsize=8192)
def _day(value, language: str, form: str = i18n.DATE_FORM) -> str:
    return i18n.format_date(pd.Timestamp(value).date(), form)


def day_text(value, form: str = i18n.DATE_FORM) -> str:
    """A day in the interface language: '13 Apr 2025' / '13 квітня 2025' (form: an i18n date form)."""
    return _day(value, i18n.language(), form)


def date_text(value, precision: str = "day") -> str:
    """A date as precise as the data says: '21 Apr 2025', 'in the week to 21 Apr 2025', 'date not given'."""
    if blank(value):
        return _(NO_DATE)
    day = day_text(value)
    if precision == "week":
        return _("in the week to {day}").format(day=day)
    if precision == "month":
        return _("in the month to {day}").format(day=day)
    return day


def window_text(start, end) -> str:
    """A date window, never narrowed to a day (rule 4): 'between 24 Feb and 12 Sep 2022', 'from 24 Feb 2022'."""
    if blank(start) and blank(end):
        return _(NO_DATE)
    if blank(end):
        return _("from {day}").format(day=date_text(start))
    if blank(start):
        return _("by {day}").format(day=date_text(end))
    first, last = pd.Timestamp(start), pd.Timestamp(end)
    if first.normalize() == last.normalize():
        return date_text(first)
    head = day_text(first, i18n.DAY_MONTH_FORM) if first.year == last.year else date_text(first)
    return _("between {first} and {last}").format(first=head, last=date_text(last))


def span_text(start, end, open_end: str = N_("end not given"), open_start: str = N_("start not given")) -> str:
    """A window with a dash, saying which end the source leaves open: '20 Apr 2025 – end not given'."""
    first = _(open_start) if blank(start) else date_text(start)
    last = _(open_end) if blank(end) else date_text(end)
    return f"{first} – {last}"


def period_text(date_from, date_to) -> str:
    """The filter period in words: '13 Apr 2025 – 21 Apr 2025' (one date when both are the same day)."""
    if not blank(date_from) and not blank(date_to) and pd.Timestamp(date_from) == pd.Timestamp(date_to):
        return date_text(date_from)
    return span_text(date_from, date_to, open_end=N_("today"), open_start=N_("the first date in the data"))


def actors_text(names, meaning: str = N_("involving {actors}")) -> str:
    """The actor filter in words with the page's meaning: 'all actors', 'strikes carried out by Russia or Ukraine'.

    `meaning` is a marked phrase with an {actors} placeholder ("strikes carried out by {actors}").
    """
    names = [name_text(n) for n in (names or []) if not blank(n)]
    if "{actors}" not in meaning:  # an older caller's bare phrase ("strikes carried out by")
        meaning += " {actors}"
    return _(meaning).format(actors=listing(names, "or")) if names else _("all actors")


def chart_caption(period: str, actors: str, source: str, version: str, link: str = "") -> str:
    """A chart's caption in plain-text lines: 'Period: … · Actors: …', the source, 'Data version … · link'."""
    last = _("Data version {version}").format(version=version) + (f" · {link}" if link else "")
    return "\n".join([_("Period: {period} · Actors: {actors}").format(period=period, actors=actors), source, last])


def counted_text(start, end, reported) -> str:
    """The period a claim counted, in words: 'counted 20 Apr 2025 – 21 Apr 2025', or what is missing."""
    if not blank(start) and not blank(end):
        return _("counted {first} – {last}").format(first=date_text(start), last=date_text(end))
    if not blank(start):
        return _("counted from {day}; end not given").format(day=date_text(start))
    if not blank(end):
        return _("counted up to {day}; start not given").format(day=date_text(end))
    if not blank(reported):
        return _("counted period not given; shown on the day reported")
    return _("counted period not given")


# --- places and strikes ---------------------------------------------------------------------------------


def place_text(row) -> str:
    """City and place: 'Sumy, Congress centre'; the city alone when the place repeats it; 'place not given'."""
    city, place = name_text(row.get("city"), ""), name_text(row.get("place"), "")
    if city and place and place != city:
        return f"{city}, {place}"
    return city or place or _("place not given")


def row_date_text(row, date_column: str = "date") -> str:
    """A row's date in words: the publisher's window when it gives one ('between 24 Feb and 12 Sep 2022';
    date_first, date_last), else the date as precise as the data says ('in the week to 21 Apr 2025')."""
    first, last = row.get("date_first"), row.get("date_last")
    if not blank(first) or not blank(last):
        return window_text(first, last)
    return date_text(row.get(date_column), row.get("date_precision") or "day")


def when_text(row) -> str:
    """A strike's date as precise as the data says, with its local time when given: '13 Apr 2025, 10:15 local time'."""
    when = row_date_text(row)
    time = name_text(row.get("time_local"), "")
    return _("{day}, {time} local time").format(day=when, time=time) if time else when


def strike_label(row, date_column: str = "date") -> str:
    """A strike in a few words, the same on the map, the casualty charts and the lists: 'Sumy · 13 Apr 2025'."""
    when = row_date_text(row, date_column)
    return f"{name_text(row.get('city'), N_('place not given'))} · {when}"


def strike_labels(frame: pd.DataFrame, date_column: str = "date") -> dict[str, str]:
    """Strike id -> strike_label, unique within the frame: the place, then the id, added to labels that clash."""
    rows = frame.drop_duplicates("strike_id")
    columns = {name: rows[name].tolist() if name in rows.columns else [None] * len(rows)
               for name in ("strike_id", "city", "place", date_column, "date_precision", "date_first", "date_last")}
    records = [dict(zip(columns, values)) for values in zip(*columns.values())]
    labels = {r["strike_id"]: strike_label(r, date_column) for r in records}
    for extra in ("place", "strike_id"):
        counts: dict[str, int] = {}
        for label in labels.values():
            counts[label] = counts.get(label, 0) + 1
        for record in records:
            label = labels[record["strike_id"]]
            if counts[label] > 1 and not blank(record.get(extra)) and str(record[extra]) != str(record.get("city")):
                labels[record["strike_id"]] = f"{label} ({record[extra]})"
    return labels
