"""Sources & method: every source and the rows citing it, what each table holds, how figures are coded."""

import pandas as pd
import streamlit as st

from conflictdesk import store, ui
from conflictdesk.i18n import N_, _, ngettext
from conflictdesk.models import sources as source_card
from conflictdesk.models.corrections import data_release
from conflictdesk.wording import number_text, plural
from conflictdesk.schema import QUALIFIERS, VAGUE_COUNTS

ctx = ui.start_page("sources", N_("each table filtered as on its page {actors}"))

# table: (name shown, what it holds, how the period and actor filters apply)
TABLES = {
    "strikes": (
        N_("Strikes"),
        N_("One row per strike: date, place and its precision, attacker, weapon, target and what happened."),
        N_("date, or the publisher's date window, overlaps the period; attacker or the state it is part of"),
    ),
    "other_events": (
        N_("Other events (not strikes)"),
        N_("Imported events a publisher does not classify as strikes (UCDP's battles and other violence, ACLED's "
           "other attacks), shown under the publisher's own names and never counted as strikes."),
        N_("date window overlaps the period; attacker"),
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
    "incidents": (
        N_("Civilian-harm incidents (Bellingcat)"),
        N_(
            "One row per incident of harm to civilians that Bellingcat verified: date, place (to the city), area "
            "types, weapon systems, links and its description, content warning first. No attacker and no casualty "
            "figures: never counted as strikes. Only in folders with a Bellingcat import."
        ),
        N_("date in the period; the actor filter does not apply (incidents name no attacker)"),
    ),
    "air_attacks": (
        N_("Air-attack reports"),
        N_(
            "One row per command's report of one night or period and one weapon model: how many were launched, "
            "destroyed and did not reach their targets, in the command's words. The national and regional "
            "commands report overlapping attacks and are never added together. Only in folders with an "
            "air-attack import; shown on the Air attacks page."
        ),
        N_("night (the day the reported period ends) in the period; claimant"),
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
    "estimate": (
        N_("publisher's estimate"),
        N_("a publisher's coded count, in its words: ACLED's fatalities (a conservative estimate of reported deaths) "
           "or UCDP's best estimate with its low and high as given. Never “at least”; a total with one says “about”."),
    ),
}


st.header(_("Sources"))
sources = store.run("sources")
st.caption(ngettext("{count} source. Every row of the data names one of them and quotes its exact words.",
                    "{count} sources. Every row of the data names one of them and quotes its exact words.",
                    len(sources)).format(count=number_text(len(sources))))
for source in sources.to_dict("records"):
    with st.container(border=True):
        st.markdown(f"**{ui.escape_markdown(source['title'])}**")
        st.markdown("  \n".join(source_card.details(source)))
        dataset = source_card.dataset_details(source)
        if dataset:
            st.markdown("  \n".join(dataset))
        cited = source_card.citing(source)
        st.markdown(_("**Rows citing it:** {rows}.").format(rows=", ".join(cited) if cited else _("none")))
        ui.correction_mark([("sources", source["source_id"])], source.get("corrected_on"), ctx.view)
        if isinstance(source["notes"], str) and source["notes"].strip():
            st.caption(_("Curator's notes: {notes}").format(notes=ui.escape_markdown(source["notes"])))
ui.download_csv(ctx, sources, "sources", _("Download the sources (CSV)"))

st.header(_("What the imports left out"))
imports = store.run("imports")
if imports.empty:
    st.caption(_("No import ledger (imports.csv) in the data folder: nothing imported from a publisher's file is "
                 "recorded as left out."))
else:
    # Superseded rows have a newer version on the pages and out-of-scope rows are about another country: the
    # sentence counts the rows whose deaths are missing from this dashboard's totals (as Overview and Casualties do).
    left = imports[imports["outcome"] == "left_out"]
    if left.empty and (imports["outcome"] == "imported").all():
        st.markdown(_("The imports left nothing out."))
    elif left.empty:
        st.markdown(_("The imports left out no event within this dashboard's scope; the table lists the older "
                      "versions they replaced and the rows about other countries."))
    else:
        rows_left, deaths_left = int(left["rows"].sum()), left["deaths"].sum(min_count=1)
        given = left["rows_with_deaths"].fillna(0).sum()
        if pd.isna(deaths_left):  # no death figure for any of them: said so, never "no deaths" (rule 3)
            said = ngettext(
                "The imports left out {rows} row of the publishers' files; the publishers give no death figure for "
                "it. It is in no map, count or total of this dashboard.",
                "The imports left out {rows} rows of the publishers' files; the publishers give no death figure for "
                "them. They are in no map, count or total of this dashboard.",
                rows_left,
            )
        elif given < rows_left:  # some rows give no figure: the sum is a floor (rule 2)
            said = ngettext(
                "The imports left out {rows} row of the publishers' files, holding at least {deaths} by the "
                "publishers' own figures (some rows give none). It is in no map, count or total of this dashboard.",
                "The imports left out {rows} rows of the publishers' files, holding at least {deaths} by the "
                "publishers' own figures (some rows give none). They are in no map, count or total of this dashboard.",
                rows_left,
            )
        else:
            said = ngettext(
                "The imports left out {rows} row of the publishers' files, holding {deaths} by the publishers' "
                "own figures. It is in no map, count or total of this dashboard.",
                "The imports left out {rows} rows of the publishers' files, holding {deaths} by the publishers' "
                "own figures. They are in no map, count or total of this dashboard.",
                rows_left,
            )
        deaths = "" if pd.isna(deaths_left) else plural(deaths_left, "death")
        st.markdown(said.format(rows=number_text(rows_left), deaths=deaths))
    OUTCOMES = {
        "imported": _("imported"),
        "left_out": _("left out"),
        "out_of_scope": _("out of scope"),
        "superseded": _("superseded by a newer version"),
    }
    table = pd.DataFrame({
        _("Publisher"): imports["publisher"],
        _("File"): imports["file"],
        _("Imported on"): [source_card.when(d) for d in imports["imported_on"]],
        _("Outcome"): [OUTCOMES.get(o, o) for o in imports["outcome"]],
        _("Reason"): imports["reason"].fillna(""),
        _("Rows"): imports["rows"],
        _("Deaths (publisher's figures)"): imports["deaths"],
    })
    st.dataframe(table, hide_index=True, width="stretch")
    ui.download_csv(ctx, imports, "imports", _("Download the import ledger (CSV)"))

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
    "when every part is exact and every strike has a figure; it reads “about” when any part is approximate or a "
    "ceiling (about, nearly, up to), else “at least” when any part is a floor (at least, over, a vague word) or a "
    "strike has no figure; beside each total, how many strikes give a figure. Claims by opposing sides, such as "
    "each side's count of truce violations, "
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

st.header(_("Data version and checks"))
version = ctx.meta.get("data_version")
st.markdown(
    _("**Data version:** `{version}`, a hash of every table and source text in the data "
      "folder: it changes whenever any of them changes, so a screenshot or citation can name the data it used.").format(
        version=ui.escape_markdown(version))
    + "  \n"
    + _("**Last update:** {day} (the newest source's publication date).").format(day=source_card.when(ctx.meta.get("last_update")))
)
release = data_release(ctx.meta, store.run)
st.markdown(ui.escape_markdown(release.words))
if release.changelog:
    with st.expander(_("Changelog of data releases (the curator's words)"), icon=":material/history:"):
        st.markdown(ui.escape_markdown(release.changelog))
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
