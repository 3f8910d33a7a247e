"""What the daily air-attack file's text columns mean: the weapon family of a model label, the command
behind a post path, and the Python-dict text of the details columns read as data.

Weapon families (the contract's, plus `recon_drone`): a label may join several models with "and"
("X-101/X-555 and Kalibr"); a family is given only when every part names one — parts of different
missile families make `missile`, anything else mixed (drones with missiles, attack with
reconnaissance drones) or a part naming no known model makes `unknown`. Models are matched in Latin
and Cyrillic spellings ("X-101", "Kh-101", "Х-101"). Reconnaissance drones (Orlan, ZALA, Supercam,
Merlin, Forpost) are `recon_drone`, never `drone`; a bare "UAV" or "drone" is `unknown`, since it may
be either.
"""

import ast
import math
import re

from conflictdesk.importers.cells import bare
from conflictdesk.importers.common import slug

_KH = r"(?:x|kh|х)-?\s?"
FAMILIES = {
    "recon_drone": r"orlan|орлан|zala|зала|supercam|суперкам|merlin|мерлін|forpost|форпост|eleron|елерон"
    r"|reconnaissance|розвідувальн|recon",
    "drone": r"shahed|шахед|geran|герань|gerbera|гербера|lancet|ланцет|attack (?:uav|drone)|ударн\w* (?:бпла|дрон)"
    r"|imitat|імітатор",
    "ballistic_missile": rf"iskander-m|іскандер-м|kn-23|kinzhal|кинджал|{_KH}47|tochka|точка|ballistic|балістичн",
    "cruise_missile": rf"kalibr|калібр|{_KH}(?:101|555|55|22|32|59|69|35)\b|iskander-k|іскандер-к|cruise|крилат"
    r"|oniks|онікс|zircon|циркон",
    "glide_bomb": r"\bkab\b|\bкаб\b|glide bomb|guided aerial bomb|керован\w* авіабомб",
    "missile": rf"s-300|s-400|с-300|с-400|{_KH}(?:31|29|25|58)\b|iskander|іскандер|missile|ракет",
    "uav": r"\buav\b|\bdrones?\b|бпла|дрон",
}
PATTERNS = {family: re.compile(pattern, re.IGNORECASE) for family, pattern in FAMILIES.items()}
MISSILES = {"ballistic_missile", "cruise_missile", "missile"}
JOIN = re.compile(r"\s+(?:and|&|та|і|и)\s+|\s*[+,]\s*", re.IGNORECASE)

# Commands whose page names are certain; any other page is named by its handle, not guessed.
COMMANDS = {"kpszsu": ("ukraine-air-force", "Air Force of the Armed Forces of Ukraine")}
SITE = r"^(?:www\.)?(?:facebook\.com|fb\.com|t\.me|twitter\.com|x\.com|telegram\.me)/"
NOT_NAMED = ("ukraine-air-force-command-not-named", "Ukraine's Air Force (the reporting command is not named)")


def family(label: str) -> tuple[str, str]:
    """(weapon family, why) of a model label: ('cruise_missile', '') for 'X-101/X-555 and Kalibr'; why says what
    made it `missile` or `unknown`."""
    text = bare(label)
    if not text:
        return "unknown", "no model given"
    found = []
    for part in (p for p in JOIN.split(text) if p.strip()):
        hits = {name for name, pattern in PATTERNS.items() if pattern.search(part)}
        specific = hits - {"missile", "uav"}
        if specific & MISSILES:
            specific -= {"drone"}  # "missile" words beside a model name do not make it a drone
        if len(specific) > 1:
            return "unknown", f"{part!r} names more than one kind of weapon"
        if specific:
            found.append(specific.pop())
        elif "missile" in hits:
            found.append("missile")
        elif "uav" in hits:
            return "unknown", f"{part!r} does not say whether it is an attack or a reconnaissance drone"
        else:
            return "unknown", f"{part!r} is not a model this importer knows"
    kinds = set(found)
    if len(kinds) == 1:
        return kinds.pop(), ""
    if kinds <= MISSILES:
        return "missile", "the label joins missiles of different kinds"
    return "unknown", "the label joins different kinds of weapon (" + ", ".join(sorted(kinds)) + ")"


def command(source: str) -> tuple[str, str, str]:
    """(actor id, actor name, page handle) of the command a post path belongs to: a known page's command by its
    full name, any other command by its page's handle verbatim (the name it posts under).

    The handle is the path's first segment after any scheme and host: 'kpszsu/posts/123',
    'https://www.facebook.com/kpszsu/posts/123' and 'https://t.me/kpszsu/123' all give 'kpszsu'."""
    path = bare(source)
    if not path:
        return (*NOT_NAMED, "")
    path = re.sub(r"^[a-z]+://[^/]+/", "", path, flags=re.IGNORECASE)
    path = re.sub(SITE, "", path, flags=re.IGNORECASE)
    handle = path.strip("/").split("/")[0].split("?")[0].lstrip("@")
    if not handle:
        return (*NOT_NAMED, "")
    known = COMMANDS.get(handle.casefold())
    if known:
        return (*known, handle)
    # The file names a command only by its page's handle: that is its own naming, shown as it is ("PvKPivden"),
    # never expanded into a guessed full name.
    return f"command-{slug(handle, prefix='page')}", handle, handle


def literal(text: str) -> object | None:
    """The value of a Python literal written as text ("{'Kyiv': 3.0, 'Odesa': nan}"), with NaN as None;
    None when the text is not one. Read with ast.literal_eval on a parsed tree: never executed."""
    text = text.strip()
    if not text or text.casefold() in ("nan", "none"):
        return None
    try:
        tree = ast.parse(text, mode="eval")
    except (SyntaxError, ValueError, MemoryError, RecursionError):
        return None
    for node in ast.walk(tree):
        for name, child in ast.iter_fields(node):
            if _empty_name(child):
                setattr(node, name, ast.Constant(None))
            elif isinstance(child, list):
                child[:] = [ast.Constant(None) if _empty_name(item) else item for item in child]
    try:
        return ast.literal_eval(tree)
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        return None


def _empty_name(node) -> bool:
    return isinstance(node, ast.Name) and node.id.casefold() in ("nan", "none", "null")


def described(value: object) -> str:
    """A parsed details value in words, without its empty parts: "Kyiv 3, Odesa 1"."""
    if isinstance(value, dict):
        parts = [f"{key} {described(item)}".strip() for key, item in value.items() if _present(item)]
        return ", ".join(parts)
    if isinstance(value, (list, tuple, set)):
        return ", ".join(described(item) for item in value if _present(item))
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else str(value)


def _present(value: object) -> bool:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return False
    return not (isinstance(value, (dict, list, tuple, set, str)) and not value)
