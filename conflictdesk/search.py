"""The reader's search text and its spelling variants: an actor's other names, a place's transliterations."""

import re
from collections.abc import Iterable

import pandas as pd

MAX_TEXT = 200  # characters of search text read; the rest is ignored
MAX_TERMS = 30  # search terms in all, the reader's own text first

# Ukrainian place names and the other spellings sources use (Russian-based and older transliterations).
PLACE_VARIANTS: tuple[tuple[str, ...], ...] = (
    ("Odesa", "Odessa"),
    ("Kyiv", "Kiev"),
    ("Kharkiv", "Kharkov"),
    ("Mykolaiv", "Nikolaev", "Nikolayev"),
    ("Zaporizhzhia", "Zaporizhia", "Zaporozhye", "Zaporozhie"),
    ("Dnipro", "Dnepr", "Dnipropetrovsk", "Dnepropetrovsk"),
    ("Lviv", "Lvov", "Lwow"),
    ("Chernihiv", "Chernigov"),
    ("Luhansk", "Lugansk"),
    ("Kherson",),
    ("Sumy",),
    ("Donetsk",),
    ("Kramatorsk",),
    ("Sloviansk", "Slovyansk", "Slavyansk"),
    ("Bakhmut", "Artemovsk", "Artemivsk"),
    ("Kryvyi Rih", "Krivoy Rog", "Kryvyi Rig"),
)


def clean_text(text) -> str:
    """The search text as read: lowercase, whitespace collapsed, at most MAX_TEXT characters."""
    if text is None or (not isinstance(text, str) and pd.isna(text)):
        return ""
    cleaned = "".join(ch if ch.isprintable() else " " for ch in str(text)[: MAX_TEXT * 4])
    return " ".join(cleaned.lower().split())[:MAX_TEXT].strip()


def _key(name: str) -> str:
    """A place name reduced for matching spellings: lowercase letters and digits only."""
    return re.sub(r"[^0-9a-z]", "", name.lower().replace("'", "").replace("\u02bc", "").replace("\u2019", ""))


def _aliases(value) -> list[str]:
    """An actor's aliases as a list, whether given as a list, an array, a `;`-string or nothing."""
    if value is None:
        return []
    if isinstance(value, str):
        return [part for part in value.split(";")]
    try:
        return [str(part) for part in value if part is not None and not pd.isna(part)]
    except TypeError:
        return []


def _actor_rows(actors) -> Iterable[tuple[str, list[str]]]:
    if actors is None:
        return []
    if isinstance(actors, pd.DataFrame):
        if actors.empty or "name" not in actors.columns:
            return []
        aliases = actors["aliases"] if "aliases" in actors.columns else [None] * len(actors)
        return [(str(name), _aliases(alias)) for name, alias in zip(actors["name"], aliases)]
    return [(str(name), _aliases(alias)) for name, alias in actors]


def place_groups(places: Iterable[str] = ()) -> list[list[str]]:
    """The built-in spelling groups, with the data's city names joined to the group they spell (else alone)."""
    groups = [list(group) for group in PLACE_VARIANTS]
    keys = [{_key(name) for name in group} for group in groups]
    for place in places or ():
        if not isinstance(place, str) or not place.strip():
            continue
        key = _key(place)
        for group, group_keys in zip(groups, keys):
            if key in group_keys:
                if place.strip() not in group:
                    group.append(place.strip())
                break
        else:
            groups.append([place.strip()])
            keys.append({key})
    return groups


def expand_terms(text: str, actors=None, places: Iterable[str] = ()) -> list[str]:
    """The reader's text (lowercase, trimmed, capped) and its spelling variants, without repeats; [] for no text.

    Variants: every name and alias of an actor whose name or any alias equals the text (case-insensitive),
    and every spelling of a place named in the text (built-in transliterations plus the data's city names).
    """
    query = clean_text(text)
    if not query:
        return []
    terms = [query]

    def add(term: str) -> None:
        term = clean_text(term)
        if term and term not in terms and len(terms) < MAX_TERMS:
            terms.append(term)

    for name, aliases in _actor_rows(actors):
        names = [name, *aliases]
        if any(clean_text(n) == query for n in names):
            for n in names:
                add(n)
    for group in place_groups(places):
        for spelling in group:
            word = clean_text(spelling)
            pattern = re.compile(rf"(?<!\w){re.escape(word)}(?!\w)")
            if word and pattern.search(query):
                for other in group:
                    add(pattern.sub(lambda _match, other=other: clean_text(other), query))
                break
    return terms[:MAX_TERMS]
