"""Strikes map: every strike in the filters, sized by its toll and coloured by its target, with a card per strike.

Past a thousand strikes (deck.POINT_LIMIT) the map adds them up in squares computed in SQL, and draws points
again in a city view or when the filters leave few strikes, so the browser never gets more than about 1 MB.
"""

import streamlit as st

from conflictdesk import charts, deck, store, ui
from conflictdesk.deck import incidents as incident_map
from conflictdesk.i18n import N_, _, ngettext
from conflictdesk.urlparams import shorten
from conflictdesk.text import escape_markdown
from conflictdesk.models import disclosures
from conflictdesk.wording import date_text, name_text, status_word

ctx = ui.start_page("map", N_("strikes carried out by {actors}"))
view = ctx.view
cities = store.run("cities")


def notice(text: str) -> None:
    """A link parameter the page could not use, said plainly."""
    st.info(escape_markdown(text), icon=":material/link_off:")


def map_key() -> str:
    """The deck's key: a new one after each place choice, so the map returns to that place's view even
    when the reader has panned or zoomed and the place did not change (All Ukraine twice)."""
    return f"map-{st.session_state.get('map_round', 0)}"


def choose_place(name: str) -> None:
    """Go to a view; All Ukraine is the default and needs no parameter."""
    ui.go(view.replace(place=None if name == deck.ALL_UKRAINE else name))
    st.session_state["place_pick"] = name
    st.session_state["map_round"] = st.session_state.get("map_round", 0) + 1


def choose_strike(strike_id: str | None) -> None:
    """Open a strike's card."""
    ui.go(view.replace(strike=strike_id))
    st.session_state["strike_pick"] = strike_id


def on_map_select() -> None:
    """A click on a strike opens its card; a click on empty map leaves the card as it is."""
    objects = st.session_state[map_key()]["selection"]["objects"]
    picked = [item["strike_id"] for items in objects.values() for item in items if "strike_id" in item]
    if picked:
        choose_strike(picked[0])


# The view: ?place=Sumy, any city in the data, else All Ukraine.
place = deck.match_place(view.place, cities) if view.place else deck.ALL_UKRAINE
if place is None and len(deck.places_named(view.place, cities)) > 1:
    named = deck.places_named(view.place, cities)
    notice(_("“{place}” names {count} places in the data: {names}. Choose one under “Go to a place”. "
             "Showing all of Ukraine.").format(place=shorten(view.place), count=len(named), names="; ".join(named)))
    place = deck.ALL_UKRAINE
elif place is None:
    notice(_("Ignored the place “{place}”: it is not a city in the data. Showing all of Ukraine.").format(
        place=shorten(view.place)))
    place = deck.ALL_UKRAINE
if view.place and place != view.place:
    view = view.replace(place=None if place == deck.ALL_UKRAINE else place)
    ctx = ctx.moved(view)  # the citation and embed code leave out the place the page ignored
if st.session_state.get("place_pick") != place:
    st.session_state["place_pick"] = place

if ctx.shows("map") and not ctx.embed:  # embedded: the map's own buttons and pinch zoom it
    columns = st.columns([1, 1, 1, 3], vertical_alignment="bottom")
    for column, name in zip(columns, ("Sumy", "Odesa", deck.ALL_UKRAINE)):
        column.button(
            deck.place_label(name),
            key=f"go-{name}",
            type="primary" if place == name else "secondary",
            on_click=choose_place,
            args=(name,),
            width="stretch",
        )
    columns[3].selectbox(
        _("Go to a place"),
        deck.place_names(cities),
        key="place_pick",
        format_func=deck.place_label,
        on_change=lambda: choose_place(st.session_state["place_pick"]),
    )

# The strike whose card is open: ?strike=ID, whatever the filters (a malformed id was named by start_page).
strike_id = view.strike
card = store.run("strike", strike_id=strike_id) if strike_id else None
if card is not None and card.empty:
    notice(_("There is no strike “{id}” in the data.").format(id=strike_id))
    card, strike_id = None, None

data = deck.map_data(store.run, view.params(), place, cities) if ctx.shows("map") else None
if ctx.shows("map"):
    if data.in_view == 0:
        st.info(_("No strikes match these filters. The map still shows the borders and the cities in the data."))
    summary, note = deck.map_text(data, place)
    if note:
        st.info(escape_markdown(note), icon=":material/grid_on:")
    chart = deck.map_deck(data, deck.place_view(place, cities), deck.read_outline(), cities, scroll_zoom=not ctx.embed)
    # Civilian-harm incidents (Bellingcat), when imported: a layer of their own, never counted as strikes.
    incidents = store.run("map_incidents", date_from=view.filters.date_from, date_to=view.filters.date_to,
                          limit=incident_map.LIMIT)
    if not incidents.empty:
        deck.add_under_strikes(chart, incident_map.incident_layer(incidents))
    st.pydeck_chart(
        chart,
        on_select=on_map_select,
        selection_mode="single-object",
        key=map_key(),
        height=420 if ctx.embed else 560,
        alt=summary,
    )
    st.caption(escape_markdown(summary) + "  \n" + escape_markdown(_(deck.CREDIT)) + "  \n" + escape_markdown(ui.credit("map")))
    others = disclosures.other_events(view, store.run)
    if others.sentence:
        st.markdown(
            "**" + _("Other events (not strikes): not drawn") + "**  \n"
            + escape_markdown(others.sentence + " " + _("The map draws strikes only."))
        )
    if not incidents.empty:
        st.caption(
            ngettext(
                "Civilian-harm incidents (Bellingcat), purple dots on a layer of their own: {n} incident in the "
                "period, whatever the actor filter. Incidents record harm to civilians in verified footage, with no attacker and no "
                "toll: they are not strikes and are never counted with them.",
                "Civilian-harm incidents (Bellingcat), purple dots on a layer of their own: {n} incidents in the "
                "period, whatever the actor filter. Incidents record harm to civilians in verified footage, with no attacker and no "
                "toll: they are not strikes and are never counted with them.",
                len(incidents),
            ).format(n=len(incidents))
            + (_(" The first {limit} by date are drawn.").format(limit=incident_map.LIMIT)
               if len(incidents) >= incident_map.LIMIT else "")
        )
    if not ctx.embed:
        with st.expander(_("Static image of the map (PNG or SVG)"), icon=":material/image:"):
            kind = st.segmented_control(_("Image format"), ["png", "svg"], default="png", key="map_image_format",
                                        format_func=str.upper) or "png"
            st.caption(_("Drawn from the bundled country outlines, no map tiles: save it with the camera icon "
                         "in the chart's toolbar."))
            static_config = charts.chart_config("strikes-map")
            static_config["toImageButtonOptions"]["format"] = kind
            st.plotly_chart(
                deck.map_figure(data, deck.read_outline(), cities, None if place == deck.ALL_UKRAINE else place,
                                caption=ui.chart_caption(ctx, "map"), title=_("Strikes map")),
                width="stretch", config=static_config, key="map-static",
            )
    ui.download_csv(
        ctx,
        lambda: store.fetch("strikes_for_map", **view.params()),
        "strikes",
        _("Download the strikes matching these filters (CSV)"),
    )
    if data.cells is not None:
        st.markdown(
            _("**Squares: strikes added up**")
            + "  \n"
            + _("Each square holds the strikes located inside it; the darker the square, the more strikes. "
                "Hover over a square for how many strikes and their latest reported tolls added up: the total says "
                "“at least” when any figure in it is open-ended or missing, and “about” when any is approximate or an "
                "upper bound. "
                "Strikes located only to a city or an oblast count in the square of that place's centre.")
        )
    else:
        colours, shapes = st.columns([1, 2])
        colours.markdown(
            _("**Colour: what was hit**") + "  \n"
            + "  \n".join(f':color[●]{{foreground="{colour}"}} {label}' for label, colour in deck.target_legend())
        )
        shapes.markdown(
            "  \n".join([
                _("**Shape: how precisely it is located**"),
                _("● Solid dot: the exact place or neighbourhood is known."),
                _("○ Hollow ring: the data places it only in a city (radius at least 3 km), an oblast "
                  "(at least 40 km) or a wider area such as a front (at least 100 km; never listed as a place), so "
                  "it is drawn at the centre of that place or area."),
                _("**Size:** circle area grows with the people killed and injured in the latest report "
                  "(“over 100” counts as 100); it is not the area hit. Hover over a strike for its toll; click it for "
                  "its card."),
            ])
        )

if ctx.view.part is None and not ctx.embed:
    drawn = data.strikes  # None when the map draws squares: no single strikes to pick from
    labels = {} if drawn is None else deck.strike_label_map(drawn)
    if card is not None and strike_id not in labels:
        labels[strike_id] = deck.strike_label(card.iloc[0])
    if st.session_state.get("strike_pick") != strike_id:
        st.session_state["strike_pick"] = strike_id
    st.selectbox(
        _("Strike") if card is None or card.iloc[0]["kind"] == "strike" else _("Strike, or the linked event"),
        list(labels),
        key="strike_pick",
        format_func=labels.get,
        index=None,
        placeholder=_("Choose a strike, or click one on the map")
        if drawn is not None
        else _("Choose a city, or narrow the filters, to pick a single strike"),
        on_change=lambda: choose_strike(st.session_state["strike_pick"]),
    )
if card is not None and ctx.shows("strike"):
    row = card.iloc[0]
    is_strike = row["kind"] == "strike"  # a publisher's other events keep their own names (rule 4)
    with st.container(border=True, key=f"strike-{row['strike_id']}"):
        heading = deck.place_text(row) if is_strike else _("Event: {place}").format(place=deck.place_text(row))
        st.subheader(escape_markdown(heading), anchor=False)
        if not is_strike:
            # Never drawn whatever the filters (the map and its strike_in_view query take strikes only), so the
            # reason given is its kind, not the filters.
            st.info(
                escape_markdown(
                    _("Not a strike: {publisher} classifies this event as “{kind}”. The Strikes map draws strikes "
                      "only, so this event is not drawn on it, whatever the filters, and it is not counted or "
                      "added up with the strikes.").format(publisher=row["publisher"], kind=row["kind_name"])
                ),
                icon=":material/category:",
            )
        elif not bool(store.run("strike_in_view", strike_id=row["strike_id"], **view.params()).iloc[0]["in_view"]):
            st.warning(_("This strike is outside the current filters, so it is not drawn on the map."))
        if row["source_type"] == "synthetic":
            st.warning(_("Synthetic data: this strike comes from a generated benchmark source. Do not quote it.")
                       if is_strike else
                       _("Synthetic data: this event comes from a generated benchmark source. Do not quote it."))
        if isinstance(row["description"], str):
            st.markdown(escape_markdown(row["description"]))
        facts = deck.strike_facts(row)
        st.markdown("  \n".join(f"**{name}:** {escape_markdown(value)}" for name, value in facts.items()))
        ui.correction_mark([("strikes", row["strike_id"])], row.get("corrected_on"), view)
        st.markdown(_("**Toll, report by report** (oldest first; every figure is its claimant's)"))
        reports = store.run("strike_reports", strike_id=row["strike_id"])
        if reports.empty:
            st.caption(_("No casualty report in the data."))
        for report in reports.to_dict(orient="records"):
            st.markdown(
                f"{escape_markdown(date_text(report['reported_on']))}: "
                f"**{escape_markdown(deck.toll_text(report))}**  \n"
                + _("Claimed by: {claimant} · status: {status}").format(
                    claimant=escape_markdown(name_text(report["claimant_name"])),
                    status=escape_markdown(status_word(report["status"])))
            )
            ui.source_caption(report["publisher"], report["source_title"], report["source_url"], report["excerpt"])
            ui.correction_mark([("casualties", report["report_id"])], report.get("corrected_on"), view)
        st.markdown(_("**Source of the strike**") if is_strike else _("**Source of the event**"))
        ui.source_caption(row["publisher"], row["source_title"], row["source_url"], row["excerpt"])
        if isinstance(row["notes"], str):
            st.caption(_("Notes: {notes}").format(notes=escape_markdown(row["notes"])))
        st.markdown("[{text}]({url})".format(text=_("Link to this strike") if is_strike else _("Link to this event"),
                                             url=ui.link(view.on("map", strike=row["strike_id"]))))
    statements = store.run("strike_statement_cards", strike_id=row["strike_id"])
    if not statements.empty:
        st.markdown(_("**Statements about this strike**") if is_strike else _("**Statements about this event**"))
    for statement in statements.to_dict(orient="records"):
        ui.statement_card(statement, view)

ui.footer(ctx)
