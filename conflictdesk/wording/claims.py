"""Who claims what in words: claimant, status, population, the actor filter and a chart's caption."""

from conflictdesk.i18n import N_, _
from conflictdesk.wording.basics import UNATTRIBUTED, blank, listing, name_text

STATUS_WORDS = {"claimed": N_("claimed"), "confirmed": N_("confirmed"), "disputed": N_("disputed")}
POPULATIONS = {"civilian": N_("Civilians"), "military": N_("Military"), "unknown": N_("Not said"), "all": N_("Everyone")}


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
