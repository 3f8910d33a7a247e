"""Sources & method: every source and the rows citing it, what each table holds, how figures are coded."""

import pandas as pd
import streamlit as st

from babel import Locale, UnknownLocaleError

from conflictdesk import i18n, store, ui
from conflictdesk.i18n import N_, NP_, _, ngettext
from conflictdesk.wording import day_text, number_text
from conflictdesk.schema import QUALIFIERS, VAGUE_COUNTS
from conflictdesk.text import safe_url

ctx = ui.start_page("sources", N_("each table filtered as on its page {actors}"))

SOURCE_TYPES = {
    "news_report": N_("News report"),
    "official": N_("Official statement or document"),
    "ngo": N_("Non-governmental organisation"),
    "dataset": N_("Data set"),
    "social_post": N_("Social media post"),
    "synthetic": N_("Synthetic (generated for testing; not reporting)"),
}
# (query column, words) for the rows citing a source.
CITING = (
    ("strikes", NP_("{count} strike", "{count} strikes")),
    ("casualty_reports", NP_("{count} casualty report", "{count} casualty reports")),
    ("truces", NP_("{count} truce", "{count} truces")),
    ("violation_claims", NP_("{count} truce violation claim", "{count} truce violation claims")),
    ("statements", NP_("{count} statement", "{count} statements")),
    ("events", NP_("{count} diplomatic or political event", "{count} diplomatic or political events")),
)
# table: (name shown, what it holds, how the period and actor filters apply)
TABLES = {
    "strikes": (
        N_("Strikes"),
        N_("One row per strike: date, place and its precision, attacker, weapon, target and what happened."),
        N_("date in the period; attacker"),
    ),
    "casualties": (
        N_("Casualty reports"),
        N_("One row per reported toll of a strike (killed, injured) with who reported it; a strike can have several."),
        N_("the strike's date and attacker; reported by the end of the period"),
    ),
    "truces": (
        N_("Truces"),
        N_("One row per declared truce or ceasefire, with its window and who declared it."),
        N_("window overlaps the period; the actor filter does not apply"),
    ),
    "truce_violations": (
        N_("Truce violation claims"),
        N_("One row per side's claim of violations of a truce, in that side's own words; never merged."),
        N_("the truce's window overlaps the period; claimant or accused"),
    ),
    "statements": (
        N_("Statements"),
        N_("One row per quote or paraphrase, with speaker, role, venue, topics and related strike or truce."),
        N_("date in the period; the speaker's side"),
    ),
    "events": (
        N_("Diplomatic and political events"),
        N_("The timeline of talks, announcements and dismissals."),
        N_("date in the period; any actor involved"),
    ),
}
QUALIFIER_MEANINGS = {
    "exact": (N_("exact"), N_("the source gives the number itself: “35 killed”.")),
    "at_least": (N_("at least"), N_("a floor: the true number is this or more (“at least three”).")),
    "over": (N_("over"), N_("more than this, open-ended (“over 100”); charts mark it as open-ended, not a plain 100.")),
    "about": (N_("about"), N_("an approximation either way (“about 40”).")),
    "nearly": (N_("nearly"), N_("just under this: the true number is this or a little less (“nearly 3,000”).")),
    "up_to": (N_("up to"), N_("a ceiling: this many at most.")),
    "vague": (N_("vague word"), N_("no number, only a word (“hundreds”), coded with a conservative count (below).")),
}


def plural(count: int, words: tuple[str, str]) -> str:
    """'1 strike', '2 strikes' (a NP_ pair), in the reader's language."""
    return ngettext(*words, count).format(count=number_text(count))


def when(value) -> str:
    """A date in words, or 'not given'."""
    return _("not given") if value is None or pd.isna(value) else day_text(pd.Timestamp(value), i18n.MONTH_FORM)


def text_or(value, missing: str | None = None) -> str:
    """Data text escaped for markdown, or a word for a missing value."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return missing or _("not given")
    return ui.escape_markdown(value)


def language_name(code) -> str:
    """A source's language (an ISO 639-1 code) named in the reader's language by Babel: Ukrainian / українська."""
    try:
        name = Locale.parse(str(code)).get_display_name(i18n.language())
    except (ValueError, TypeError, UnknownLocaleError):
        return text_or(code)
    return name[:1].upper() + name[1:] if name else text_or(code)


st.header(_("Sources"))
sources = store.run("sources")
st.caption(ngettext("{count} source. Every row of the data names one of them and quotes its exact words.",
                    "{count} sources. Every row of the data names one of them and quotes its exact words.",
                    len(sources)).format(count=number_text(len(sources))))
for source in sources.to_dict("records"):
    with st.container(border=True):
        st.markdown(f"**{ui.escape_markdown(source['title'])}**")
        link = safe_url(source["url"])
        kind = source["source_type"]
        details = [
            _("**Publisher:** {publisher}").format(publisher=text_or(source["publisher"])),
            _("**Link:** {link}").format(link=f"[{ui.escape_markdown(link)}]({link})") if link else _("**Link:** none known"),
            _("**Published:** {day}").format(day=when(source["published_on"])),
            _("**Type:** {kind}").format(kind=_(SOURCE_TYPES[kind]) if kind in SOURCE_TYPES else text_or(kind)),
            _("**Language:** {language}").format(language=language_name(source["language"])),
        ]
        st.markdown("  \n".join(details))
        cited = [plural(int(source[column]), words) for column, words in CITING if int(source[column])]
        st.markdown(_("**Rows citing it:** {rows}.").format(rows=", ".join(cited) if cited else _("none")))
        if isinstance(source["notes"], str) and source["notes"].strip():
            st.caption(_("Curator's notes: {notes}").format(notes=ui.escape_markdown(source["notes"])))
ui.download_csv(ctx, sources, "sources", _("Download the sources (CSV)"))

st.header(_("What each table holds"))
counts = store.run("table_counts", **ctx.view.params()).set_index("table_name")
reference = {"sources": len(sources), "actors": len(store.run("actors"))}
columns = {"table": _("Table"), "holds": _("What it holds"), "all": _("Rows in all"),
           "passing": _("Rows passing the filters"), "how": _("How the filters apply")}
rows = [
    {
        columns["table"]: _(name),
        columns["holds"]: _(holds),
        columns["all"]: int(counts.at[table, "total_rows"]),
        columns["passing"]: int(counts.at[table, "filtered_rows"]),
        columns["how"]: _(how),
    }
    for table, (name, holds, how) in TABLES.items()
    if table in counts.index
]
rows += [
    {
        columns["table"]: _("Sources"),
        columns["holds"]: _("One row per source: publisher, title, link, date, type, language, and its full text if kept."),
        columns["all"]: reference["sources"],
        columns["passing"]: reference["sources"],
        columns["how"]: _("not filtered: every source is listed"),
    },
    {
        columns["table"]: _("Actors"),
        columns["holds"]: _("One row per state, alliance or body named in the data, with its other names."),
        columns["all"]: reference["actors"],
        columns["passing"]: reference["actors"],
        columns["how"]: _("not filtered: it names the actors the filters choose from"),
    },
]
st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
st.caption(_("Rows passing the filters for {period} and the actors chosen in the sidebar.").format(
    period=ui.period_text(ctx.view)))

st.header(_("How figures are coded"))
st.markdown(_(
    "A figure is somebody's claim. Every number is kept in three parts: the number as digits, a qualifier, "
    "and the source's own phrase, which is what the dashboard shows. Nothing is shown as more precise than "
    "its phrase."
))
st.markdown(
    "\n".join(
        f"- **{_(QUALIFIER_MEANINGS[q][0])}**: {_(QUALIFIER_MEANINGS[q][1])}" if q in QUALIFIER_MEANINGS else f"- **{q}**"
        for q in QUALIFIERS
    )
)
vague = "; ".join(f"“{word}” → {number_text(count)}" for word, count in VAGUE_COUNTS.items())
st.markdown(_(
    "**Vague words** are coded with the conservative counts conflict-data coders use: {words}. "
    "The phrase is still what is shown; the count is only used in totals, as a floor."
).format(words=vague))
st.markdown(_(
    "**Totals** add each strike's latest reported toll in the period. A total is given as a plain number only "
    "when every part is exact and every strike has a figure; it reads “at least” when any part is a floor "
    "(at least, over, a vague word) or a strike has no figure, and “about” when any part is approximate or a "
    "ceiling (about, nearly, up to). Claims by opposing sides, such as each side's count of truce violations, "
    "are shown side by side and never added together."
))
st.markdown(_(
    "**Status.** *Confirmed*: the source reports it as established (for example, the attacking side acknowledged "
    "the strike). *Claimed*: somebody's claim, not independently verified. *Disputed*: the sides disagree. "
    "A toll with no claimant is shown as unattributed."
))
st.markdown(_(
    "**Dates** are as precise as the source allows. A date shown as a day is that day. “In the week to” a date "
    "(*week* precision) means some day in the seven days ending on that date; “in the month to” a date "
    "(*month* precision) means some day in the month ending on that date. How each date was worked out is in "
    "the row's notes."
))
st.markdown(_(
    "**Languages.** The dashboard's own words follow the language chosen in the sidebar; the data stays in "
    "the words of its sources. In Ukrainian, a figure is written by the rule of its qualifier, with the "
    "source's own phrase after it in quotes."
))

st.header(_("Data version and checks"))
version = ctx.meta.get("data_version")
st.markdown(
    _("**Data version:** `{version}`, a hash of every table and source text in the data "
      "folder: it changes whenever any of them changes, so a screenshot or citation can name the data it used.").format(
        version=ui.escape_markdown(version))
    + "  \n"
    + _("**Last update:** {day} (the newest source's publication date).").format(day=when(ctx.meta.get("last_update")))
)
st.success(_("**Passed: every rule of the data contract.**"), icon=":material/verified:")
st.markdown(_(
    "The dashboard only shows a data folder that passes every check, whole or not at all: unique ids, links "
    "between tables that resolve, allowed values, required fields present, coordinates in range, dates that "
    "parse with ends after starts, no negative numbers, a qualifier and phrase with every figure, and every "
    "excerpt found word for word in its source's text. To check a folder yourself after adding a row:"
))
st.code(
    "python -m conflictdesk validate                # "
    + _("the bundled data/, or $CONFLICTDESK_DATA when set")
    + "\npython -m conflictdesk validate path/to/data",
    language="bash",
)
st.caption(_("It lists every problem with its file, line, column and what is wrong, and exits non-zero if any."))

ui.footer(ctx)
