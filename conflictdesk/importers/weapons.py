"""The weapon of an ACLED event, only when its sub-event type allows it and its notes name one family.

Drone/UAV; glide or guided aerial bomb; missile (ballistic or cruise when the notes say which and not both);
artillery/shelling/mortar/MLRS. Two families named, or one the sub-event type does not allow (a drone in a
"Shelling/artillery/missile attack"), give `unknown`: the contract never states a weapon the source does not.
"""

import re

FAMILIES = re.compile(
    r"\b(?:(?P<drone>drones?|UAVs?)|(?P<glide_bomb>(?:glide|guided aerial|guided air) bombs?)|(?P<missile>missiles?)"
    r"|(?P<artillery>artillery|shell(?:s|ed|ing)|mortars?|MLRS))\b",
    re.IGNORECASE,
)
ALLOWED = {
    "air/drone strike": {"drone", "glide_bomb", "missile"},
    "shelling/artillery/missile attack": {"artillery", "missile"},
}
BALLISTIC = re.compile(r"\bballistic missiles?\b", re.IGNORECASE)
CRUISE = re.compile(r"\bcruise missiles?\b", re.IGNORECASE)


def weapon(sub_type: str, notes: str) -> str:
    """The contract's weapon for an ACLED sub-event type and its notes (`unknown` unless sure)."""
    allowed = ALLOWED.get(sub_type.casefold())
    if not allowed:
        return "unknown"
    found = {match.lastgroup for match in FAMILIES.finditer(notes)}
    if len(found) != 1 or not found <= allowed:
        return "unknown"
    family = found.pop()
    if family == "missile":
        ballistic, cruise = bool(BALLISTIC.search(notes)), bool(CRUISE.search(notes))
        if ballistic != cruise:
            return "ballistic_missile" if ballistic else "cruise_missile"
    return family
