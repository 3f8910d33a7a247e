"""Sources & method: every source and the rows citing it, what each table holds, how figures are coded."""

import pandas as pd
import streamlit as st

from conflictdesk import store, ui
from conflictdesk.i18n import _, ngettext
from conflictdesk.models.corrections import data_release
from conflictdesk.schema import QUALIFIERS, VAGUE_COUNTS
from conflictdesk.text import safe_url

ctx = ui.start_page("sources", "each table filtered as on its page")

SOURCE_TYPES = {
    "news_report": "News report",
    "official": "Official statement or document",
    "ngo": "Non-governmental organisation",
    "dataset": "Data set",
    "social_post": "Social media post",
    "synthetic": "Synthetic (generated for testing; not reporting)",
}
LANGUAGES = {"en": "English", "uk": "Ukrainian", "ru": "Russian", "de": "German", "fr": "French", "pl": "Polish"}
# (query column, words) for the rows citing a source.
CITING = (
    ("strikes", "strike"),
    ("casualty_reports", "casualty report"),
    ("truces", "truce"),
    ("violation_claims", "truce violation claim"),
    ("statements", "statement"),
    ("events", "diplomatic or political event"),
    ("incidents", _("civilian-harm incident")),
    ("air_reports", _("air-attack report")),
)
# table: (name shown, what it holds, how the period and actor filters apply)
TABLES = {
    "strikes": (
        "Strikes",
        "One row per strike: date, place and its precision, attacker, weapon, target and what happened.",
        _("date, or the publisher's date window, overlaps the period; attacker or the state it is part of"),
    ),
    "other_events": (
        _("Other events (not strikes)"),
        _("Imported events a publisher does not classify as strikes (UCDP's battles and other violence, ACLED's "
          "other attacks), shown under the publisher's own names and never counted as strikes."),
        _("date window overlaps the period; attacker"),
    ),
    "casualties": (
        "Casualty reports",
        "One row per reported toll of a strike (killed, injured) with who reported it; a strike can have several.",
        "the strike's date and attacker; reported by the end of the period",
    ),
    "truces": (
        "Truces",
        "One row per declared truce or ceasefire, with its window and who declared it.",
        "window overlaps the period; the actor filter does not apply",
    ),
    "truce_violations": (
        "Truce violation claims",
        "One row per side's claim of violations of a truce, in that side's own words; never merged.",
        "the truce's window overlaps the period; claimant or accused",
    ),
    "statements": (
        "Statements",
        "One row per quote or paraphrase, with speaker, role, venue, topics and related strike or truce.",
        "date in the period; the speaker's side",
    ),
    "events": (
        "Diplomatic and political events",
        "The timeline of talks, announcements and dismissals.",
        "date in the period; any actor involved",
    ),
    "incidents": (
        _("Civilian-harm incidents (Bellingcat)"),
        _(
            "One row per incident of harm to civilians that Bellingcat verified: date, place (to the city), area "
            "types, weapon systems, links and its description, content warning first. No attacker and no casualty "
            "figures: never counted as strikes. Only in folders with a Bellingcat import."
        ),
        _("date in the period; the actor filter does not apply (incidents name no attacker)"),
    ),
    "air_attacks": (
        _("Air-attack reports"),
        _(
            "One row per command's report of one night or period and one weapon model: how many were launched, "
            "destroyed and did not reach their targets, in the command's words. The national and regional "
            "commands report overlapping attacks and are never added together. Only in folders with an "
            "air-attack import; shown on the Air attacks page."
        ),
        _("night (the day the reported period ends) in the period; claimant"),
    ),
}
QUALIFIER_MEANINGS = {
    "exact": ("exact", "the source gives the number itself: “35 killed”."),
    "at_least": ("at least", "a floor: the true number is this or more (“at least three”)."),
    "over": ("over", "more than this, open-ended (“over 100”); charts mark it as open-ended, not a plain 100."),
    "about": ("about", "an approximation either way (“about 40”)."),
    "nearly": ("nearly", "just under this: the true number is this or a little less (“nearly 3,000”)."),
    "up_to": ("up to", "a ceiling: this many at most."),
    "vague": ("vague word", "no number, only a word (“hundreds”), coded with a conservative count (below)."),
    "estimate": (
        _("publisher's estimate"),
        _("a publisher's coded count, in its words: ACLED's fatalities (a conservative estimate of reported deaths) "
          "or UCDP's best estimate with its low and high as given. Never “at least”; a total with one says “about”."),
    ),
}


def plural(count: int, word: str) -> str:
    """'1 strike', '2 strikes'."""
    return f"{count:,} {word}{'' if count == 1 else 's'}"


def when(value) -> str:
    """A date in words, or 'not given'."""
    return "not given" if value is None or pd.isna(value) else f"{pd.Timestamp(value):%-d %B %Y}"


def text_or(value, missing: str = "not given") -> str:
    """Data text escaped for markdown, or a word for a missing value."""
    return missing if value is None or (not isinstance(value, str) and pd.isna(value)) else ui.escape_markdown(value)


def dataset_details(source) -> list[str]:
    """A publisher's dataset: version, release date, licence, credit, changes, terms, what its import left out."""
    given = [name for name in ("version", "licence", "credit", "changes", "redistribution") if not pd.isna(source[name])]
    if not given and pd.isna(source["left_out_rows"]):
        return []
    released = when(source["released_on"]) if not pd.isna(source["released_on"]) else _("release date not given")
    lines = [
        "**" + _("Version") + ":** " + text_or(source["version"]),
        "**" + _("Released") + ":** " + released,
        "**" + _("Licence") + ":** " + text_or(source["licence"]),
        "**" + _("Credit") + ":** " + text_or(source["credit"]),
        "**" + _("Changes") + ":** " + text_or(source["changes"]),
    ]
    if source["redistribution"] == "restricted":
        lines.append("**" + _("Redistribution") + ":** " + _("restricted by the publisher's terms"))
    if not pd.isna(source["left_out_rows"]):
        deaths = source["left_out_deaths"]
        held = _("deaths not given") if pd.isna(deaths) else _("{deaths} deaths by the publisher's figures").format(
            deaths=f"{int(deaths):,}")
        rows = int(source["left_out_rows"])
        if rows == 0:
            held = _("nothing left out")
        lines.append("**" + _("Left out by the import") + ":** " + (held if rows == 0 else ngettext(
            "{rows} row ({held})", "{rows} rows ({held})", rows).format(rows=f"{rows:,}", held=held)))
    return lines


st.header("Sources")
sources = store.run("sources")
st.caption(f"{plural(len(sources), 'source')}. Every row of the data names one of them and quotes its exact words.")
for _index, source in sources.iterrows():
    with st.container(border=True):
        st.markdown(f"**{ui.escape_markdown(source['title'])}**")
        link = safe_url(source["url"])
        kind = source["source_type"]
        language = source["language"]
        details = [
            f"**Publisher:** {text_or(source['publisher'], _('not named in the source'))}",
            f"**Link:** [{ui.escape_markdown(link)}]({link})" if link else "**Link:** none known",
            f"**Published:** {when(source['published_on'])}",
            f"**Type:** {SOURCE_TYPES.get(kind, text_or(kind))}",
            f"**Language:** {LANGUAGES.get(language, text_or(language))}",
        ]
        st.markdown("  \n".join(details))
        dataset = dataset_details(source)
        if dataset:
            st.markdown("  \n".join(dataset))
        cited = [plural(int(source[column]), word) for column, word in CITING if int(source[column])]
        st.markdown("**Rows citing it:** " + (", ".join(cited) if cited else "none") + ".")
        ui.correction_mark([("sources", source["source_id"])], source.get("corrected_on"), ctx.view)
        if isinstance(source["notes"], str) and source["notes"].strip():
            st.caption(f"Curator's notes: {ui.escape_markdown(source['notes'])}")
ui.download_csv(ctx, sources, "sources", "Download the sources (CSV)")

st.header(_("What the imports left out"))
imports = store.run("imports")
if imports.empty:
    st.caption(_("No import ledger (imports.csv) in the data folder: nothing imported from a publisher's file is "
                 "recorded as left out."))
else:
    left = imports[imports["outcome"] != "imported"]
    if left.empty:
        st.markdown(_("The imports left nothing out."))
    else:
        rows_left, deaths_left = int(left["rows"].sum()), left["deaths"].sum(min_count=1)
        st.markdown(
            ngettext(
                "The imports left out {rows} row of the publishers' files, holding {deaths} deaths by the publishers' "
                "own figures. It is in no map, count or total of this dashboard.",
                "The imports left out {rows} rows of the publishers' files, holding {deaths} deaths by the publishers' "
                "own figures. They are in no map, count or total of this dashboard.",
                rows_left,
            ).format(rows=f"{rows_left:,}", deaths=_("no") if pd.isna(deaths_left) else f"{int(deaths_left):,}")
        )
    OUTCOMES = {
        "imported": _("imported"),
        "left_out": _("left out"),
        "out_of_scope": _("out of scope"),
        "superseded": _("superseded by a newer version"),
    }
    table = pd.DataFrame({
        _("Publisher"): imports["publisher"],
        _("File"): imports["file"],
        _("Imported on"): [when(d) for d in imports["imported_on"]],
        _("Outcome"): [OUTCOMES.get(o, o) for o in imports["outcome"]],
        _("Reason"): imports["reason"].fillna(""),
        _("Rows"): imports["rows"],
        _("Deaths (publisher's figures)"): imports["deaths"],
    })
    st.dataframe(table, hide_index=True, width="stretch")
    ui.download_csv(ctx, imports, "imports", _("Download the import ledger (CSV)"))

st.header("What each table holds")
counts = store.run("table_counts", **ctx.view.params()).set_index("table_name")
reference = {"sources": len(sources), "actors": len(store.run("actors"))}
rows = [
    {
        "Table": name,
        "What it holds": holds,
        "Rows in all": int(counts.at[table, "total_rows"]),
        "Rows passing the filters": int(counts.at[table, "filtered_rows"]),
        "How the filters apply": how,
    }
    for table, (name, holds, how) in TABLES.items()
    if table in counts.index
]
rows += [
    {
        "Table": "Sources",
        "What it holds": "One row per source: publisher, title, link, date, type, language, and its full text if kept.",
        "Rows in all": reference["sources"],
        "Rows passing the filters": reference["sources"],
        "How the filters apply": "not filtered: every source is listed",
    },
    {
        "Table": "Actors",
        "What it holds": "One row per state, alliance or body named in the data, with its other names.",
        "Rows in all": reference["actors"],
        "Rows passing the filters": reference["actors"],
        "How the filters apply": "not filtered: it names the actors the filters choose from",
    },
]
st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
st.caption(f"Rows passing the filters for {ui.period_text(ctx.view)} and the actors chosen in the sidebar.")

st.header("How figures are coded")
st.markdown(
    "A figure is somebody's claim. Every number is kept in three parts: the number as digits, a qualifier, "
    "and the source's own phrase, which is what the dashboard shows. Nothing is shown as more precise than "
    "its phrase."
)
st.markdown(
    "\n".join(
        f"- **{QUALIFIER_MEANINGS[q][0]}**: {QUALIFIER_MEANINGS[q][1]}" if q in QUALIFIER_MEANINGS else f"- **{q}**"
        for q in QUALIFIERS
    )
)
vague = "; ".join(f"“{word}” → {count:,}" for word, count in VAGUE_COUNTS.items())
st.markdown(
    f"**Vague words** are coded with the conservative counts conflict-data coders use: {vague}. "
    "The phrase is still what is shown; the count is only used in totals, as a floor."
)
st.markdown(
    "**Totals** add each strike's latest reported toll in the period. A total is given as a plain number only "
    "when every part is exact and every strike has a figure; it reads “at least” when any part is a floor "
    "(at least, over, a vague word) or a strike has no figure, and “about” when any part is approximate or a "
    "ceiling (about, nearly, up to). Claims by opposing sides, such as each side's count of truce violations, "
    "are shown side by side and never added together."
)
st.markdown(
    "**Status.** *Confirmed*: the source reports it as established (for example, the attacking side acknowledged "
    "the strike). *Claimed*: somebody's claim, not independently verified. *Disputed*: the sides disagree. "
    "A toll with no claimant is shown as unattributed."
)
st.markdown(
    "**Dates** are as precise as the source allows. A date shown as a day is that day. “In the week to” a date "
    "(*week* precision) means some day in the seven days ending on that date; “in the month to” a date "
    "(*month* precision) means some day in the month ending on that date. How each date was worked out is in "
    "the row's notes."
)

st.markdown(
    "**" + _("Strikes and other events.") + "** " + _(
        "Only what a publisher classifies as a strike is counted or drawn as one: curated rows, and ACLED's "
        "Explosions/Remote violence of the sub-event types Air/drone strike, Shelling/artillery/missile attack and "
        "Remote explosive/landmine/IED. ACLED's other attacks keep ACLED's sub-event type; UCDP's events keep UCDP's "
        "type of violence (state-based conflict, non-state conflict, one-sided violence), because UCDP cannot tell a "
        "strike from a battle. Wherever strikes are counted, the other events are counted beside them under their "
        "own names."
    )
)
st.markdown(
    "**" + _("Date windows and the period filter.") + "** " + _(
        "A publisher may give a window instead of a day (ACLED: the week or month it knows; UCDP: the first and "
        "last day of an event). The window is shown as given (“between 24 Feb and 12 Sep 2022”) and never "
        "narrowed to a day. An event counts in a period when its window overlaps the period, so it may have "
        "happened in it; the totals then say how many of the events counted have a window reaching past the "
        "period's edge, and the deaths they hold, because they may have happened outside it."
    )
)
st.markdown(
    "**" + _("No figure is not zero.") + "** " + _(
        "ACLED codes 0 fatalities both when none were reported and when the toll is unknown, so its 0 is shown as "
        "ACLED's “no fatalities reported” and counts as no figure, never as 0 or “at least 0”. UCDP's best, low "
        "and high estimates are shown as UCDP gives them; where they contradict each other they are marked "
        "“inconsistent in the source”, not corrected."
    )
)
st.markdown(
    "**" + _("Places and actors.") + "** " + _(
        "A place is its name within its district and oblast: villages of one name are never merged. Choosing a "
        "state in the actor filter also chooses its services (army, air force, police), whose rows keep the "
        "publisher's own actor names."
    )
)

st.header("Data version and checks")
version = ctx.meta.get("data_version")
st.markdown(
    f"**Data version:** `{ui.escape_markdown(version)}`, a hash of every table and source text in the data "
    "folder: it changes whenever any of them changes, so a screenshot or citation can name the data it used.  \n"
    f"**Last update:** {when(ctx.meta.get('last_update'))} (the newest source's publication date)."
)
release = data_release(ctx.meta, store.run)
st.markdown(ui.escape_markdown(release.words))
if release.changelog:
    with st.expander(_("Changelog of data releases (the curator's words)"), icon=":material/history:"):
        st.markdown(ui.escape_markdown(release.changelog))
st.success("**Passed: every rule of the data contract.**", icon=":material/verified:")
st.markdown(
    "The dashboard only shows a data folder that passes every check, whole or not at all: unique ids, links "
    "between tables that resolve, allowed values, required fields present, coordinates in range, dates that "
    "parse with ends after starts, no negative numbers, a qualifier and phrase with every figure, and every "
    "excerpt found word for word in its source's text. To check a folder yourself after adding a row:"
)
st.code(
    "python -m conflictdesk validate                # the bundled data/, or $CONFLICTDESK_DATA when set\n"
    "python -m conflictdesk validate path/to/data",
    language="bash",
)
st.caption("It lists every problem with its file, line, column and what is wrong, and exits non-zero if any.")

ui.footer(ctx)
