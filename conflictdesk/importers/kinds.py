"""What an imported row is and who its actors are: the rules, each said once.

Event kind (the contract's `strikes.event_kind`, from the publisher's own classification, which is kept
verbatim in `publisher_type` and `publisher_subtype`):
- `strike`: ACLED `Explosions/Remote violence` of the sub-event types Air/drone strike,
  Shelling/artillery/missile attack and Remote explosive/landmine/IED — attacks from a distance (ACLED
  codebook, "Explosions/Remote violence"). Only these count as strikes.
- `other_attack`: ACLED's other Explosions/Remote violence (Grenade, Suicide bomb, Chemical weapon) and
  Violence against civilians: Attack. Shown under ACLED's own sub-event type, never called a strike.
- `state_based`, `non_state`, `one_sided`: UCDP GED `type_of_violence` 1, 2 and 3 (UCDP GED codebook). GED
  records fatal events and cannot tell a strike from a battle, so its events are never strikes.
Every other ACLED event type (Battles, Protests, Riots, Strategic developments, and Violence against civilians
other than Attack) is left out, counted in the import summary with the deaths it held.

Actors: a state's forces are a state whatever ACLED's `inter` code says (ACLED codes a foreign state's forces
acting outside its territory as 8, External/Other forces): "Military Forces of Russia (2000-) Air Force",
"Police Forces of Ukraine (2019-)" and UCDP's "Government of Russia (Soviet Union)" are actor_type `state`, and
`part_of` the country ("russia"), so the actor filter rolls a country's services up to it while the
publisher's own actor names are kept.
"""

import re

from conflictdesk.importers.common import slug

STRIKE = "strike"
OTHER_ATTACK = "other_attack"
ACLED_STRIKES = frozenset({"air/drone strike", "shelling/artillery/missile attack", "remote explosive/landmine/ied"})
ACLED_EXPLOSIONS = "explosions/remote violence"
ACLED_AGAINST_CIVILIANS = "violence against civilians"
UCDP_KINDS = {1: "state_based", 2: "non_state", 3: "one_sided"}
UCDP_NAMES = {1: "state-based conflict", 2: "non-state conflict", 3: "one-sided violence"}

# "Military Forces of Russia (2000-) Air Force", "Police Forces of Ukraine (2019-)", "Government of Ukraine (2019-)"
_ACLED_STATE = re.compile(r"^(?:Military|Police|Naval) Forces of (?P<country>[^()]+?) \(\d{4}-(?:\d{4})?\)")
_ACLED_GOVERNMENT = re.compile(r"^Government of (?P<country>[^()]+?) \(\d{4}-(?:\d{4})?\)")
# UCDP: "Government of Russia (Soviet Union)", "Government of Ukraine"
_UCDP_GOVERNMENT = re.compile(r"^Government of (?P<country>[^()]+?)(?: \([^()]*\))?$")


def acled_kind(event_type: str, sub_type: str) -> str | None:
    """The event kind of an ACLED row, or None when the row is left out (see the module rule)."""
    event, sub = event_type.strip().casefold(), sub_type.strip().casefold()
    if event == ACLED_EXPLOSIONS:
        return STRIKE if sub in ACLED_STRIKES else OTHER_ATTACK
    if event == ACLED_AGAINST_CIVILIANS and sub == "attack":
        return OTHER_ATTACK
    return None


def ucdp_kind(code: int | None) -> str | None:
    """The event kind of a UCDP GED type_of_violence code, or None when it is not 1, 2 or 3."""
    return UCDP_KINDS.get(code)


def state_of(name: str, publisher: str) -> str | None:
    """The country whose forces or government an actor name is, or None ('Wagner Group' -> None)."""
    patterns = (_ACLED_STATE, _ACLED_GOVERNMENT) if publisher == "acled" else (_UCDP_GOVERNMENT,)
    for pattern in patterns:
        if match := pattern.match(name.strip()):
            return match.group("country").strip()
    return None


def actor_rows(name: str, publisher: str, coded_state: bool) -> list[dict[str, str]]:
    """The actor rows for a publisher's actor name: the actor (its name verbatim) and, for a state's forces,
    the country it rolls up to. `coded_state` is the publisher's own code (ACLED inter 1, UCDP gwno)."""
    country = state_of(name, publisher)
    actor = {
        "actor_id": slug(name),
        "name": name,
        "actor_type": "state" if country or coded_state else "organisation",
    }
    if country is None:
        return [actor]
    country_id = slug(country)
    if country_id == actor["actor_id"]:
        return [actor]
    actor["part_of"] = country_id
    return [actor, {"actor_id": country_id, "name": country, "actor_type": "state"}]
