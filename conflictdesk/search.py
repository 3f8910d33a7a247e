"""The reader's search: spelling keys (any script, via anyascii), variants of places and actors, whole-word matching.

A spelling key is a word transliterated to ASCII (anyascii), lowercased, apostrophes dropped, `y` read as `i` and
doubled letters as one, so Zelenskyy, Zelenskiy, Zelensky and Зеленський share one key, as do Odesa, Odessa and
Одеса. Names that differ by more than that (Kyiv and Kiev, Kharkiv and Kharkov) are joined by PLACE_VARIANTS.
"""

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

import pandas as pd
from anyascii import anyascii

MAX_TEXT = 200  # characters of search text read; the rest is ignored
MAX_TERMS = 30  # search terms in all, the reader's own text first
SEARCHED = ("quote", "speaker", "speaker_role", "venue", "topics", "excerpt", "actor_name")  # statement columns

# Ukrainian place names and the other spellings sources use (Russian-based and older transliterations);
# spellings that differ only as the spelling key allows (Odesa/Odessa/Одеса) need no entry of their own for
# search, but the Ukrainian spelling is listed so the Ukrainian interface names the place in it (names.py).
PLACE_VARIANTS: tuple[tuple[str, ...], ...] = (
    ("Odesa", "Odessa", "Одеса"),
    ("Kyiv", "Kiev", "Київ"),
    ("Kharkiv", "Kharkov", "Харків"),
    ("Mykolaiv", "Nikolaev", "Nikolayev", "Миколаїв"),
    ("Zaporizhzhia", "Zaporizhia", "Zaporozhye", "Zaporozhie", "Запоріжжя"),
    ("Dnipro", "Dnepr", "Dnipropetrovsk", "Dnepropetrovsk", "Дніпро"),
    ("Lviv", "Lvov", "Lwow", "Львів"),
    ("Chernihiv", "Chernigov", "Чернігів"),
    ("Luhansk", "Lugansk", "Луганськ"),
    ("Kherson", "Херсон"),
    ("Sumy", "Суми"),
    ("Donetsk", "Донецьк"),
    ("Kramatorsk", "Краматорськ"),
    ("Sloviansk", "Slovyansk", "Slavyansk", "Слов'янськ"),
    ("Bakhmut", "Artemovsk", "Artemivsk", "Бахмут"),
    ("Kryvyi Rih", "Krivoy Rog", "Kryvyi Rig", "Кривий Ріг"),
)
# A word: letters and digits of any script, with apostrophes inside (L'viv, Zelens'kyi, Зеленськ'ий).
WORD = re.compile(r"[^\W_]+(?:['’ʼ`][^\W_]+)*")


def clean_text(text) -> str:
    """The search text as read: lowercase, whitespace collapsed, at most MAX_TEXT characters."""
    if text is None or (not isinstance(text, str) and pd.isna(text)):
        return ""
    cleaned = "".join(ch if ch.isprintable() else " " for ch in str(text)[: MAX_TEXT * 4])
    return " ".join(cleaned.lower().split())[:MAX_TEXT].strip()


@lru_cache(maxsize=65536)
def word_key(word: str) -> str:
    """One word's spelling key: 'Зеленський' → 'zelenski'; '' for a word with no letter or digit."""
    ascii_word = re.sub(r"[^a-z0-9]", "", anyascii(word).lower())
    return re.sub(r"(.)\1+", r"\1", ascii_word.replace("y", "i"))


def _tokens(text: str) -> list[tuple[str, int, int]]:
    """(key, start, end) of each word of the text, skipping words with an empty key."""
    found = ((word_key(m.group()), m.start(), m.end()) for m in WORD.finditer(text))
    return [token for token in found if token[0]]


@lru_cache(maxsize=65536)
def text_keys(text: str) -> tuple[str, ...]:
    """The spelling keys of every word of a text, in order."""
    return tuple(key for key, _, _ in _tokens(text))


def _find(keys: Sequence[str], wanted: Sequence[str], plural: bool = False) -> int:
    """Index where the words `wanted` stand one after another in `keys` (-1 if nowhere)."""
    def same(have: str, want: str) -> bool:
        # "strike" also finds "strikes"; short words (US, EU) only themselves.
        return have == want or (plural and len(want) >= 4 and have in (want + "s", want + "es"))

    for start in range(len(keys) - len(wanted) + 1):
        if all(same(keys[start + i], want) for i, want in enumerate(wanted)):
            return start
    return -1


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
    keys = [{text_keys(name) for name in group} for group in groups]
    for place in places or ():
        if not isinstance(place, str) or not text_keys(place):
            continue
        key = text_keys(place)
        for group, group_keys in zip(groups, keys):
            if key in group_keys:
                if place.strip() not in group:
                    group.append(place.strip())
                break
        else:
            groups.append([place.strip()])
            keys.append({key})
    return groups


def same_place(name: str, other: str) -> bool:
    """Whether two names spell one place: the same spelling key (Odesa, Odessa, Одеса) or one group of
    PLACE_VARIANTS (Kyiv, Kiev)."""
    first, second = text_keys(name or ""), text_keys(other or "")
    if not first or not second:
        return False
    return first == second or any(
        {first, second} <= {text_keys(spelling) for spelling in group} for group in PLACE_VARIANTS
    )


def expand_terms(text: str, actors=None, places: Iterable[str] = ()) -> list[str]:
    """The reader's text (lowercase, trimmed, capped) and its spelling variants, without repeats; [] for no text.

    Variants: every name and alias of an actor whose name or an alias spells the whole text (aliases that name
    a place, like Kyiv for Ukraine, find the place, not the actor), and every spelling of a place named in the
    text (built-in variants plus the data's city names), each put in the place's stead.
    """
    query = clean_text(text)
    if not query or not text_keys(query):
        return [query] if query else []
    terms = [query]

    def add(term: str) -> None:
        term = clean_text(term)
        if term and text_keys(term) and term not in terms and len(terms) < MAX_TERMS:
            terms.append(term)

    groups = place_groups(places)
    place_keys = {text_keys(spelling) for group in groups for spelling in group}
    query_keys = text_keys(query)
    for name, aliases in _actor_rows(actors):
        names = [n for n in [name, *aliases] if text_keys(n) and text_keys(n) not in place_keys]
        if any(text_keys(n) == query_keys for n in names):
            for n in names:
                add(n)
    tokens = _tokens(query)
    for group in groups:
        for spelling in group:
            at = _find([key for key, _, _ in tokens], text_keys(spelling))
            if at >= 0:
                start, end = tokens[at][1], tokens[at + len(text_keys(spelling)) - 1][2]
                for other in group:
                    add(query[:start] + clean_text(other) + query[end:])
                break
    return terms[:MAX_TERMS]


def text_matches(text, terms: Sequence[str]) -> bool:
    """True if any term's words stand, whole and in order, in the text (compared by spelling key)."""
    if text is None or (not isinstance(text, str) and pd.isna(text)):
        return False
    keys = text_keys(str(text))
    return any(_find(keys, text_keys(term), plural=True) >= 0 for term in terms if text_keys(term))


def matching(rows: pd.DataFrame, terms: Sequence[str], columns: Sequence[str] = SEARCHED) -> pd.Series:
    """A boolean mask over rows: True where the searched columns match any term (all True for no terms)."""
    if not terms or rows.empty:
        return pd.Series(True, index=rows.index)
    present = [column for column in columns if column in rows.columns]

    def as_text(value) -> str:
        if isinstance(value, str):
            return value
        if value is None or (not hasattr(value, "__len__") and pd.isna(value)):
            return ""
        return " ".join(str(part) for part in value) if hasattr(value, "__iter__") else str(value)

    joined = rows[present].apply(lambda row: " · ".join(as_text(value) for value in row), axis=1)
    return joined.map(lambda text: text_matches(text, terms)).astype(bool)
