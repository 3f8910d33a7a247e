"""Figures and totals in words, bounded as their source says: 'over 100 (open-ended)', 'at least 103'."""

import re

from conflictdesk import i18n
from conflictdesk.i18n import N_, NP_, _, ngettext
from conflictdesk.wording.basics import NOT_REPORTED, blank, number_text

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


def total_kind(total, qualifier, missing: int | None = None) -> str:
    """What a total of queries/toll_totals.sql is: 'none' (no strike gives a figure), 'zero_partial' (those that do
    say 0, the others nothing), 'zero_estimate' (every one gives a figure: 0, but as an estimate, such as UCDP's
    best) or 'figure'. `missing`: how many of the strikes give no figure, when the caller knows."""
    # Never "at least 0" (rule 3): a zero that is not exact means the strikes that report say 0 and others say nothing,
    # or, when none is missing, that the zeros are estimates.
    if qualifier == "none" or blank(total):
        return "none"
    if int(total) == 0 and qualifier != "exact":
        return "zero_estimate" if missing == 0 else "zero_partial"
    return "figure"


def total_text(total, qualifier, missing: int | None = None) -> str:
    """A total as queries/toll_totals.sql qualified it: '35', 'at least 103', 'about 3,000', 'not reported';
    `missing` as in total_kind."""
    kind = total_kind(total, qualifier, missing)
    if kind == "none":
        return _(NOT_REPORTED)
    if kind == "zero_partial":
        return _("0 where reported; others not reported")
    if kind == "zero_estimate":
        return _("0 by the publishers' estimates")
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
