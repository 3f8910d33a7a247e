"""Every phrase the app builds from data: figures, totals, claims, dates, periods, places and strike labels.

The newsroom's rules decide the words: a figure is said no more precisely than its source (rule 2), an
unknown figure is "not reported", never 0 and never "at least 0" (rule 3), "up to" stays "up to" and a date
window stays a window (rule 4). Plain functions of plain values; no Streamlit, no HTML, no markdown.
"""

from functools import lru_cache

import pandas as pd

from conflictdesk.i18n import _

NOT_REPORTED = "not reported"
NOT_STATED = "not stated"
UNATTRIBUTED = "unattributed"
NO_DATE = "date not given"

LOWER_BOUNDS = {"at_least", "over", "vague"}  # the true number is this or more
UPPER_BOUNDS = {"nearly", "up_to"}  # the true number is this or less
# A figure with no phrase of its own: the number after its qualifier's words. "vague" (a word such as
# "hundreds", coded to its least value: schema.VAGUE_COUNTS) can only honestly be "at least" that number.
QUALIFIER_WORDS = {"exact": "", "at_least": "at least ", "over": "over ", "about": "about ", "nearly": "nearly ",
                   "up_to": "up to ", "vague": "at least ", "estimate": ""}
TOTAL_WORDS = {"exact": "", "at_least": "at least ", "about": "about "}
# "estimate": a publisher's coded count (ACLED's fatalities, UCDP's best estimate): its phrase says so, it is
# neither open-ended nor a bound, and a total it is part of says "about" (queries/build/is_approximate.sql).
BOUND_WORDS = {"lower": "open-ended", "upper": "at most", "approximate": "approximate", "estimate": "", "exact": ""}
POPULATIONS = {"civilian": "Civilians", "military": "Military", "unknown": "Not said", "all": "Everyone"}
PRECISION_WORDS = {
    "exact": "exact place",
    "neighbourhood": "to the neighbourhood",
    "city": "city only, drawn at its centre",
    "oblast": "oblast only, drawn at its centre",
}
WEAPONS = {
    "ballistic_missile": "Ballistic missile",
    "cruise_missile": "Cruise missile",
    "missile": "Missile (kind not stated)",
    "drone": "Drone",
    "artillery": "Artillery",
    "glide_bomb": "Glide bomb",
    "unknown": "Not stated",
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
    """A name or word from the data as text, or `fallback` ("not stated") when it is blank."""
    return fallback if blank(value) else str(value).strip()


def plural(count, noun: str, many: str | None = None) -> str:
    """A count with its noun: '1 strike', '2,000 strikes'; `many` for irregular plurals ('1 person', '3 people')."""
    count = int(count)
    return f"{count:,} {noun if count == 1 else many or noun + 's'}"


def listing(names: list[str], word: str = "and") -> str:
    """Names joined as a reader writes them: 'Sumy', 'Sumy and Odesa', 'Sumy, Odesa and Kyiv' (or `word`)."""
    names = [str(n) for n in names]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + f" {word} {names[-1]}"


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
        return str(blank_phrase).strip()
    if not blank(phrase):
        return str(phrase).strip()
    if blank(number) or qualifier == "none" or (bound_kind(qualifier) == "lower" and int(number) == 0):
        return NOT_REPORTED
    return f"{QUALIFIER_WORDS.get(qualifier, '')}{int(number):,}"


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
    if text == NOT_REPORTED and blank(number) and not blank(blank_phrase):
        text = str(blank_phrase).strip()
    mark = inconsistent_text(row.get("source_inconsistency")) if figure == "killed" else ""
    return f"{text} — {mark}" if mark else text


def figure_label(number, qualifier, phrase) -> str:
    """figure_text marked by how it bounds the truth: 'over 100 (open-ended)', 'nearly 3,000 (at most)'."""
    text = figure_text(number, qualifier, phrase)
    if text == NOT_REPORTED or blank(number):
        return text
    word = BOUND_WORDS[bound_kind(qualifier)]
    return f"{text} ({word})" if word else text


def total_text(total, qualifier) -> str:
    """A total as queries/toll_totals.sql qualified it: '35', 'at least 103', 'about 3,000', 'not reported'."""
    # Never "at least 0" (rule 3): a zero that is not exact means the strikes that report say 0 and others say nothing.
    if qualifier == "none" or blank(total):
        return NOT_REPORTED
    if int(total) == 0 and qualifier != "exact":
        return "0 where reported; others not reported"
    return f"{TOTAL_WORDS.get(qualifier, 'about ')}{int(total):,}"


def toll_text(row) -> str:
    """A casualty report's figures in its source's words: '35 killed; over 100 injured'."""
    parts = []
    for figure in ("killed", "injured"):
        text = row_figure(row, figure)
        parts.append(f"{figure}: {NOT_REPORTED}" if text == NOT_REPORTED else f"{text} {figure}")
    return "; ".join(parts)


# --- claims ---------------------------------------------------------------------------------------------


def claimant_text(claimant) -> str:
    """Who claims a figure: 'claimed by Ukraine', or 'unattributed' when the source names no one."""
    return UNATTRIBUTED if blank(claimant) or str(claimant).strip() == UNATTRIBUTED else f"claimed by {claimant}"


def status_text(status, claimant) -> str:
    """A claim's status with its claimant: 'claimed by Ukraine, not independently verified', 'confirmed'."""
    who = claimant_text(claimant)
    if status == "claimed":
        return f"{who}, not independently verified"
    if status == "disputed":
        return f"{who}, disputed"
    if status == "confirmed":
        return "confirmed"
    return f"status not given ({who})"


def population_text(population) -> str:
    """Who a toll counts: 'Civilians', 'Military', 'Everyone'; 'Not said' when the source does not say."""
    return POPULATIONS.get(population, POPULATIONS["unknown"])


def precision_text(geo_precision) -> str:
    """How precisely a strike is located: 'exact place', 'city only, drawn at its centre', or 'not stated'."""
    return PRECISION_WORDS.get(geo_precision, NOT_STATED)


def weapon_text(weapon) -> str:
    """A weapon code in words: 'Cruise missile'; 'Not stated' when missing or unknown."""
    return WEAPONS.get(weapon, WEAPONS["unknown"])


# --- dates ----------------------------------------------------------------------------------------------


@lru_cache(maxsize=8192)
def _day(value) -> str:
    return pd.Timestamp(value).strftime("%-d %b %Y")


def date_text(value, precision: str = "day") -> str:
    """A date as precise as the data says: '21 Apr 2025', 'in the week to 21 Apr 2025', 'date not given'."""
    if blank(value):
        return NO_DATE
    day = _day(value)
    if precision == "week":
        return f"in the week to {day}"
    if precision == "month":
        return f"in the month to {day}"
    return day


def window_text(start, end) -> str:
    """A date window, never narrowed to a day (rule 4): 'between 24 Feb and 12 Sep 2022', 'from 24 Feb 2022'."""
    if blank(start) and blank(end):
        return NO_DATE
    if blank(end):
        return f"from {date_text(start)}"
    if blank(start):
        return f"by {date_text(end)}"
    first, last = pd.Timestamp(start), pd.Timestamp(end)
    if first.normalize() == last.normalize():
        return date_text(first)
    head = first.strftime("%-d %b") if first.year == last.year else date_text(first)
    return f"between {head} and {date_text(last)}"


def span_text(start, end, open_end: str = "end not given", open_start: str = "start not given") -> str:
    """A window with a dash, saying which end the source leaves open: '20 Apr 2025 – end not given'."""
    first = open_start if blank(start) else date_text(start)
    last = open_end if blank(end) else date_text(end)
    return f"{first} – {last}"


def period_text(date_from, date_to) -> str:
    """The filter period in words: '13 Apr 2025 – 21 Apr 2025' (one date when both are the same day)."""
    if not blank(date_from) and not blank(date_to) and pd.Timestamp(date_from) == pd.Timestamp(date_to):
        return date_text(date_from)
    return span_text(date_from, date_to, open_end="today", open_start="the first date in the data")


def actors_text(names, meaning: str = "involving") -> str:
    """The actor filter in words with the page's meaning: 'all actors', 'strikes carried out by Russia or Ukraine'."""
    names = [name_text(n) for n in (names or []) if not blank(n)]
    return f"{meaning} {listing(names, 'or')}" if names else "all actors"


def chart_caption(period: str, actors: str, source: str, version: str, link: str = "") -> str:
    """A chart's caption in plain-text lines: 'Period: … · Actors: …', the source, 'Data version … · link'."""
    last = f"Data version {version}" + (f" · {link}" if link else "")
    return "\n".join([f"Period: {period} · Actors: {actors}", source, last])


def counted_text(start, end, reported) -> str:
    """The period a claim counted, in words: 'counted 20 Apr 2025 – 21 Apr 2025', or what is missing."""
    if not blank(start) and not blank(end):
        return f"counted {date_text(start)} – {date_text(end)}"
    if not blank(start):
        return f"counted from {date_text(start)}; end not given"
    if not blank(end):
        return f"counted up to {date_text(end)}; start not given"
    return "counted period not given; shown on the day reported" if not blank(reported) else "counted period not given"


# --- places and strikes ---------------------------------------------------------------------------------


def place_text(row) -> str:
    """City and place: 'Sumy, Congress centre'; the city alone when the place repeats it; 'place not given'."""
    city, place = name_text(row.get("city"), ""), name_text(row.get("place"), "")
    if city and place and place != city:
        return f"{city}, {place}"
    return city or place or "place not given"


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
    return f"{when}, {time} local time" if time else when


def strike_label(row, date_column: str = "date") -> str:
    """A strike in a few words, the same on the map, the casualty charts and the lists: 'Sumy · 13 Apr 2025'."""
    when = row_date_text(row, date_column)
    return f"{name_text(row.get('city'), 'place not given')} · {when}"


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
