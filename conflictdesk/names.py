"""Names of actors and places in the reader's language, when the data gives them in that language's script.

How a name's language is known: by its script. Each catalogue names the Unicode script its language writes
names in (the msgid "Latin", translated "Cyrillic" in Ukrainian). A name already in that script is shown as it
is; otherwise the first of its aliases written wholly in that script is shown (Russia → Росія, when the actor's
aliases list "Росія"); with none, the name as the data spells it. So curators list a name's Ukrainian spelling
as its first Cyrillic alias (a Russian spelling, when also kept, after it). Places take their other spellings
from search.PLACE_VARIANTS (Sumy → Суми). Search finds every spelling either way (conflictdesk.search).
"""

import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from conflictdesk.i18n import N_, _

# TRANSLATORS: not shown. The Unicode script (as in the characters' Unicode names: Latin, Cyrillic, Greek…)
# that this language writes names in; a name in another script is shown by its alias in this one.
SCRIPT = N_("Latin")


@lru_cache(maxsize=4096)
def written_in(name: str, script: str) -> bool:
    """Whether every letter of `name` belongs to `script` (a Unicode script name: 'Latin', 'Cyrillic')."""
    letters = [ch for ch in name if ch.isalpha()]
    prefix = script.upper() + " "
    return bool(letters) and all(unicodedata.name(ch, "").startswith(prefix) for ch in letters)


def local_name(name, aliases: Iterable | None = None) -> str:
    """The name in the reader's script: `name` when written in it, else its first alias that is, else `name`."""
    name = str(name)
    script = _(SCRIPT)
    if written_in(name, script):
        return name
    for alias in aliases if aliases is not None else ():
        if isinstance(alias, str) and alias.strip() and written_in(alias.strip(), script):
            return alias.strip()
    return name


_actor_aliases: dict[str, tuple[str, ...]] = {}  # an actor's name as queries/ give it -> its aliases


def _aliases(value) -> tuple[str, ...]:
    if value is None or isinstance(value, float):
        return ()
    return tuple(str(alias) for alias in (value.split(";") if isinstance(value, str) else value))


def learn_actors(actors) -> None:
    """Remember the actors' aliases (the `actors` query's rows), so `display` can name them in rows of data."""
    aliases = actors["aliases"] if "aliases" in actors.columns else [None] * len(actors)
    _actor_aliases.clear()
    _actor_aliases.update({str(name): _aliases(alias) for name, alias in zip(actors["name"], aliases)})


def actor_names(actors) -> dict[str, str]:
    """Actor id -> its name in the reader's language, from the `actors` query's rows (actor_id, name, aliases)."""
    aliases = actors["aliases"] if "aliases" in actors.columns else [None] * len(actors)
    return {actor_id: local_name(name, _aliases(alias))
            for actor_id, name, alias in zip(actors["actor_id"], actors["name"], aliases)}


@lru_cache(maxsize=1)
def _place_spellings() -> dict[str, tuple[str, ...]]:
    from conflictdesk.search import PLACE_VARIANTS

    return {spelling.casefold(): spellings for spellings in PLACE_VARIANTS for spelling in spellings}


def place_name(place: str) -> str:
    """A place's name in the reader's language from its known spellings (search.PLACE_VARIANTS), else as given."""
    spellings = _place_spellings().get(str(place).casefold())
    return local_name(place, spellings) if spellings else str(place)


def display(name: str) -> str:
    """A name from a row of data in the reader's language: an actor's (by its aliases) or a place's, else as is."""
    if name in _actor_aliases:
        return local_name(name, _actor_aliases[name])
    return place_name(name)
