"""The casualty and truce chart builders, on small frames built here: what a reader would see in each figure."""

import json
from pathlib import Path

import pandas as pd
import pytest

from conflictdesk import charts

CAPTION = "Source: Test Wire via Conflict Desk"


def toll(strike_id, city, killed=None, killed_q=None, killed_p=None, injured=None, injured_q=None, injured_p=None,
         claimant="unattributed", reported_on="2025-04-21", report_id="r"):
    """One row shaped like the latest_tolls query's."""
    return {
        "strike_id": strike_id,
        "date": pd.Timestamp("2025-04-13"),
        "date_precision": "day",
        "city": city,
        "report_id": None if report_id is None else f"{strike_id}-{report_id}",
        "reported_on": pd.Timestamp(reported_on),
        "killed": killed,
        "killed_qualifier": killed_q,
        "killed_phrase": killed_p,
        "injured": injured,
        "injured_qualifier": injured_q,
        "injured_phrase": injured_p,
        "claimant_name": claimant,
        "toll_status": "claimed",
    }


def tolls(*rows) -> pd.DataFrame:
    frame = pd.DataFrame(list(rows))
    for column in ("killed", "injured"):
        frame[column] = frame[column].astype("Int64")
    return frame


def history_row(strike_id, city, reported_on, killed, killed_q, killed_p, injured, injured_q, injured_p):
    """One row shaped like the toll_history query's."""
    return {
        "report_id": f"{strike_id}-{reported_on}",
        "strike_id": strike_id,
        "city": city,
        "strike_date": pd.Timestamp("2025-04-13"),
        "date_precision": "day",
        "reported_on": pd.Timestamp(reported_on),
        "killed": killed,
        "killed_qualifier": killed_q,
        "killed_phrase": killed_p,
        "injured": injured,
        "injured_qualifier": injured_q,
        "injured_phrase": injured_p,
        "claimant_name": "Ukraine",
        "status": "claimed",
    }


TRUCE = {
    "truce_id": "easter",
    "name": "Easter truce",
    "declared_by_name": "Russia",
    "start_date": pd.Timestamp("2025-04-20"),
    "end_date": pd.NaT,
}
CLAIMS = pd.DataFrame(
    [
        {
            "claim_id": "ua", "truce_id": "easter", "claimant_name": "Ukraine", "accused_name": "Russia",
            "period_start": pd.Timestamp("2025-04-20"), "period_end": pd.NaT,
            "count": 3000, "count_qualifier": "nearly", "count_phrase": "nearly 3,000 times",
            "categories": ["breached the ceasefire"], "status": "claimed", "reported_on": pd.Timestamp("2025-04-21"),
        },
        {
            "claim_id": "ru", "truce_id": "easter", "claimant_name": "Russia", "accused_name": "Ukraine",
            "period_start": pd.NaT, "period_end": pd.NaT,
            "count": 100, "count_qualifier": "vague", "count_phrase": "hundreds",
            "categories": ["drone attacks", "artillery attacks"], "status": "claimed",
            "reported_on": pd.Timestamp("2025-04-21"),
        },
    ]
)


def bar(figure, name):
    return next(trace for trace in figure.data if trace.type == "bar" and trace.name == name)


def labelled(trace, words):
    """Index of the first bar or point whose label contains the words."""
    return next(i for i, text in enumerate(trace.text) if words in text)


def test_over_100_bar_is_marked_open_ended_and_exact_35_is_not():
    """An "over 100" bar is hatched and says open-ended; an exact 35 is a plain bar labelled 35."""
    figure = charts.toll_bars(tolls(toll("sumy", "Sumy", 35, "exact", "35", 100, "over", "over 100")))
    injured = bar(figure, "People injured")
    at = labelled(injured, "over 100")
    assert injured.marker.pattern.shape[at] == "/"
    assert "over 100 (open-ended)" in injured.text[at]
    assert "unattributed" in injured.text[at]
    killed = bar(figure, "People killed")
    at = labelled(killed, "35")
    assert killed.marker.pattern.shape[at] == ""
    assert "open-ended" not in killed.text[at]
    arrows = [t for t in figure.data if t.type == "scatter" and "Open-ended" in (t.name or "")]
    assert arrows and arrows[0].marker.symbol == "arrow-right" and list(arrows[0].x) == [100]


def test_upper_bound_and_approximate_figures_are_marked():
    """A "nearly" figure is marked as at most, an "about" figure as approximate: neither looks exact."""
    figure = charts.toll_bars(tolls(toll("x", "Kharkiv", 40, "about", "about 40", 3000, "nearly", "nearly 3,000")))
    assert "(approximate)" in bar(figure, "People killed").text[0]
    assert bar(figure, "People killed").marker.pattern.shape[0] != ""
    assert "nearly 3,000 (at most)" in bar(figure, "People injured").text[0]
    assert bar(figure, "People injured").marker.pattern.shape[0] != ""


def test_strike_without_a_figure_has_no_bar_and_says_not_reported():
    """A strike whose reports give no death toll gets "not reported", never a zero-length bar."""
    figure = charts.toll_bars(
        tolls(
            toll("sumy", "Sumy", 35, "exact", "35", 100, "over", "over 100"),
            toll("odesa", "Odesa", injured=3, injured_q="at_least", injured_p="at least three"),
        )
    )
    killed = bar(figure, "People killed")
    assert len(killed.x) == 1 and not any("Odesa" in text for text in killed.hovertext)
    silent = next(t for t in figure.data if t.name == "Not reported")
    assert list(silent.text) == ["not reported"] and list(silent.x) == [0]
    assert "Odesa" in silent.hovertext[0] and "killed: not reported" in silent.hovertext[0]


def test_text_from_the_data_is_escaped_in_labels_and_hover():
    """A city or phrase containing <script> shows as text in labels and hover, never as markup."""
    figure = charts.toll_bars(
        tolls(toll("x", "<script>alert(1)</script>", 5, "exact", "<script>5</script>", claimant="<b>me</b>")),
        caption="<script>credit</script>",
    )
    shown = figure.to_json()
    assert "<script>" not in shown and "<b>me" not in shown
    killed = bar(figure, "People killed")
    assert "&lt;script&gt;5&lt;/script&gt;" in killed.text[0]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in killed.hovertext[0]
    assert any("&lt;script&gt;alert(1)" in note.text for note in figure.layout.annotations)


def test_toll_history_has_one_trace_per_strike_with_phrases_as_text():
    """Each strike with several reports gets its own line in each panel, its points labelled with the phrases."""
    history = pd.DataFrame(
        [
            history_row("sumy", "Sumy", "2025-04-14", 35, "exact", "35", 100, "over", "over 100"),
            history_row("sumy", "Sumy", "2025-04-25", 40, "about", "about 40", 120, "over", "more than 120"),
            history_row("kyiv", "Kyiv", "2025-04-15", 5, "exact", "5", None, None, None),
            history_row("kyiv", "Kyiv", "2025-04-16", 9, "at_least", "at least nine", 20, "exact", "20"),
            history_row("lviv", "Lviv", "2025-04-16", 1, "exact", "1", 2, "exact", "2"),
        ]
    )
    assert charts.several_reports(history)
    figure = charts.toll_history_figure(history, caption=CAPTION)
    killed = [t for t in figure.data if t.yaxis == "y"]
    injured = [t for t in figure.data if t.yaxis == "y2"]
    assert len(killed) == len(injured) == 2  # Sumy and Kyiv; Lviv has one report
    sumy_killed = next(t for t in killed if "Sumy" in t.name)
    assert [text.split(" — ")[0] for text in sumy_killed.text] == ["35", "about 40 (approximate)"]
    sumy_injured = next(t for t in injured if "Sumy" in t.name)
    assert "more than 120 (open-ended) — Ukraine" in sumy_injured.text
    kyiv_injured = next(t for t in injured if "Kyiv" in t.name)
    assert kyiv_injured.y[0] is None  # a report silent on the injured leaves a gap, not a zero


def test_one_report_per_strike_is_not_a_history():
    """With one report per strike there is no toll history to draw."""
    history = pd.DataFrame([history_row("sumy", "Sumy", "2025-04-14", 35, "exact", "35", 100, "over", "over 100")])
    assert not charts.several_reports(history)
    assert not charts.several_reports(history.iloc[0:0])


def test_truce_window_is_a_band_with_one_row_per_claimant_never_summed():
    """The truce window is a band from its start; each side's claim sits on its own row in its own words."""
    figure = charts.truce_window_figure(TRUCE, CLAIMS, caption=CAPTION)
    band = figure.layout.shapes[0]
    assert band.type == "rect" and pd.Timestamp(band.x0) == pd.Timestamp("2025-04-20")
    rows = [trace.name for trace in figure.data]
    assert rows == ["Truce window", "Claimed by Ukraine", "Claimed by Russia"]
    assert len({trace.y[0] for trace in figure.data}) == 3  # each on a line of its own
    labels = [note.text for note in figure.layout.annotations if note.name == "label"]
    assert "Claimed by Ukraine against Russia:<br><b>nearly 3,000 times (at most)</b>" in labels
    texts = [text for trace in figure.data for text in trace.text if text]
    assert any("nearly 3,000 times" in text for text in texts)
    assert any("hundreds" in text for text in texts)
    assert any("end not given" in text for text in texts)
    shown = figure.to_json()
    assert "3,100" not in shown and "3100" not in shown
    assert not any("total" in (trace.name or "").lower() for trace in figure.data)


def test_truce_claim_without_a_period_sits_on_its_report_date():
    """A claim with no counted period is a single point on the day it was reported."""
    figure = charts.truce_window_figure(TRUCE, CLAIMS)
    russia = next(trace for trace in figure.data if trace.name == "Claimed by Russia")
    assert [pd.Timestamp(x) for x in russia.x] == [pd.Timestamp("2025-04-21")]
    assert "not independently verified" in russia.hovertext[0]


def test_charts_carry_a_caption_naming_the_source():
    """A downloaded chart still says where its figures come from."""
    figures = [
        charts.toll_bars(tolls(toll("sumy", "Sumy", 35, "exact", "35", 100, "over", "over 100")), caption=CAPTION),
        charts.truce_window_figure(TRUCE, CLAIMS, caption=CAPTION),
    ]
    for figure in figures:
        assert any(annotation.text == CAPTION for annotation in figure.layout.annotations)


def test_timeline_per_day_has_a_panel_per_kind_with_counts():
    """The per-day timeline: one bar panel per kind present, counts as bar heights, the count in the hover."""
    days = pd.DataFrame({
        "kind": ["strike", "strike", "statement", "event"],
        "date": pd.to_datetime(["2025-04-13", "2025-04-14", "2025-04-14", "2025-04-15"]),
        "items": [912, 3, 2, 1],
    })
    figure = charts.timeline_days_figure(days, caption=CAPTION)
    assert [trace.name for trace in figure.data] == ["Strikes", "Statements", "Diplomacy and politics"]
    assert [list(trace.y) for trace in figure.data] == [[912, 3], [2], [1]]
    assert [trace.yaxis for trace in figure.data] == ["y", "y2", "y3"]
    assert "strikes" in figure.data[0].hovertemplate and "%{y:,}" in figure.data[0].hovertemplate
    texts = [note.text for note in figure.layout.annotations]
    assert "Strikes per day" in texts and "Statements per day" in texts and CAPTION in texts
    domains = [figure.layout[f"yaxis{n}"].domain for n in ("", "2", "3")]
    assert all(a[0] > b[1] for a, b in zip(domains, domains[1:]))  # stacked, not overlapping


def test_report_table_shows_phrases_claimants_and_text_as_is():
    """Each report in its source's words, a missing figure as "not reported", notes blank when none."""
    reports = pd.DataFrame([
        history_row("sumy", "Sumy", "2025-04-14", 35, "exact", "35", 100, "over", "over 100")
        | {"population": "civilian", "publisher": "Wire", "excerpt": "<b>words</b>", "notes": None},
        history_row("odesa", "Odesa", "2025-04-21", None, None, None, 3, "at_least", None)
        | {"population": None, "publisher": "Wire", "excerpt": "x", "notes": "**n**"},
    ])
    table = charts.report_table(reports, {"sumy": "Sumy · 13 Apr 2025"})
    assert list(table["Strike"]) == ["Sumy · 13 Apr 2025", "odesa"]
    assert list(table["Reported"]) == ["14 Apr 2025", "21 Apr 2025"]
    assert list(table["People killed"]) == ["35", "not reported"]
    assert list(table["People injured"]) == ["over 100", "at least 3"]
    assert list(table["Who was counted"]) == ["Civilians", "Not said"]
    assert list(table["Source's words"]) == ["<b>words</b>", "x"] and list(table["Notes"]) == ["", "**n**"]
    assert table["Status"][0] == "claimed by Ukraine, not independently verified"


# --- the timeline, long labels and captions ---------------------------------------------------------------

ITEMS = pd.DataFrame([
    {"kind": "strike", "item_id": "sumy", "date": pd.Timestamp("2025-04-13"), "date_precision": "day",
     "end_date": pd.NaT, "label": "Strike on Sumy (Congress centre)"},
    {"kind": "truce", "item_id": "easter", "date": pd.Timestamp("2025-04-20"), "date_precision": "day",
     "end_date": pd.NaT, "label": "Easter truce"},
    {"kind": "event", "item_id": "pause", "date": pd.Timestamp("2025-04-21"), "date_precision": "week",
     "end_date": pd.NaT, "label": "Zelensky proposes a 30-day pause"},
    {"kind": "statement", "item_id": "q", "date": pd.Timestamp("2025-04-21"), "date_precision": "day",
     "end_date": pd.NaT, "label": "Donald Trump: HOPEFULLY"},
])
PERIOD = (pd.Timestamp("2025-04-01"), pd.Timestamp("2025-05-31"))


def test_open_ended_truce_runs_to_the_edge_of_the_period_and_ends_in_an_arrow():
    """A truce the source gives no end for is a line to the end of the chosen period, ending in an arrow, and
    the axis spans the period, not just the dates in the data."""
    figure = charts.timeline_figure(ITEMS, caption=CAPTION, period=PERIOD)
    truce = next(t for t in figure.data if t.name == "Truces: windows")
    assert [pd.Timestamp(x) for x in truce.x[:2]] == [pd.Timestamp("2025-04-20"), pd.Timestamp("2025-06-01")]
    arrow = next(t for t in figure.data if t.name == "Truces: no end given, runs on")  # to the end of 31 May
    assert [pd.Timestamp(x) for x in arrow.x] == [pd.Timestamp("2025-06-01")] and arrow.marker.symbol == "arrow-right"
    first, last = (pd.Timestamp(x) for x in figure.layout.xaxis.range)
    assert first <= PERIOD[0] and last >= PERIOD[1]


def test_timeline_marks_are_numbered_as_in_its_text_list():
    """Each mark carries a number, and the text list gives that number with the item in words."""
    figure = charts.timeline_figure(ITEMS, period=PERIOD)
    numbers = {name: list(t.text) for t in figure.data if t.mode == "markers+text" for name in [t.name]}
    assert numbers == {"Strikes": ["1"], "Statements": ["4"], "Truces": ["2"], "Diplomacy and politics": ["3"]}
    assert charts.timeline_list(ITEMS) == [
        "1. 13 Apr 2025 · Strike: Strike on Sumy (Congress centre)",
        "2. 20 Apr 2025 – end not given · Truce: Easter truce",
        "3. in the week to 21 Apr 2025 · Diplomacy and politics: Zelensky proposes a 30-day pause",
        "4. 21 Apr 2025 · Statement: Donald Trump: HOPEFULLY",
    ]


def test_an_item_dated_to_a_week_is_drawn_over_the_week():
    """"In the week to 21 Apr" is a line over 15–21 Apr, not a day."""
    figure = charts.timeline_figure(ITEMS, period=PERIOD)
    week = next(t for t in figure.data if t.name == "Diplomacy and politics: windows")
    assert [pd.Timestamp(x) for x in week.x[:2]] == [pd.Timestamp("2025-04-15"), pd.Timestamp("2025-04-21")]


LONG_NAME = "Ministry of Foreign Affairs of the Extremely Long Named Republic of Somewhere Far Away (85)"
LONG_WORD = "x" * 3000


def test_long_names_and_words_wrap_and_are_cut_without_squeezing_the_truce_chart():
    """An 85-character claimant and a 3,000-character phrase: labels wrap to a few short lines, the plot keeps
    its width (no y-axis labels beside it), and hover boxes stay small; the figure stays in the label."""
    claims = CLAIMS.assign(claimant_name=[LONG_NAME, "Russia"], count_phrase=["nearly 3,000 times", LONG_WORD])
    figure = charts.truce_window_figure(TRUCE, claims, caption=CAPTION)
    assert figure.layout.margin.l <= 20 and figure.layout.yaxis.visible is False
    for note in figure.layout.annotations:
        lines = note.text.replace("<b>", "").replace("</b>", "").split("<br>")
        assert len(lines) <= 4 and all(len(line) <= 60 for line in lines), note.text[:80]
    assert any("nearly 3,000 times" in note.text for note in figure.layout.annotations)  # not cut off
    for trace in figure.data:
        for hover in trace.hovertext:
            lines = hover.split("<br>")
            assert len(hover) < 1200 and all(len(line.replace("<b>", "").replace("</b>", "")) <= 60 for line in lines)


def test_caption_sits_below_the_axis_in_lines_that_fit_a_phone():
    """The caption (period, actors, source, credit, version) is wrapped to fit 390 px and placed below the
    axis's dates in the bottom margin, so neither overlaps on screen or in the PNG."""
    caption = f"Period: 1 Apr 2025 – 31 May 2025 · Actors: {LONG_NAME}\nSource: Test Wire via Conflict Desk\nData v1"
    figure = charts.timeline_figure(ITEMS, caption=caption, period=PERIOD, title="Timeline")
    foot = [note for note in figure.layout.annotations if note.name == "caption"]
    assert [note.text.split("<br>")[0][:7] for note in foot][-3:] == ["Period:", "Source:", "Data v1"]
    assert all(len(line) <= 53 for note in foot for line in note.text.split("<br>"))
    assert all(note.yref == "paper" and note.y == 0 and note.yshift <= -40 for note in foot)
    bottom = min(note.yshift - 15 * (note.text.count("<br>") + 1) for note in foot)
    assert -bottom <= figure.layout.margin.b
    assert figure.layout.xaxis.tickangle == 0 and figure.layout.xaxis.automargin is False
    assert any(note.name == "title" and "Timeline" in note.text for note in figure.layout.annotations)


def test_the_png_is_saved_at_the_size_on_screen():
    """The toolbar camera saves the chart as laid out on screen (no 700-px redraw) and sharp."""
    options = charts.chart_config("timeline")["toImageButtonOptions"]
    assert options["width"] is None and options["height"] is None and options["scale"] == 2


# --- in Chromium, 390 px wide: nothing cut, nothing overlapping ----------------------------------------------

PHONE_CHART_PX = 358  # a chart's width on a 390-px phone, inside Streamlit's page padding


@pytest.fixture(scope="module")
def phone():
    """A headless Chromium page 390 px wide that draws a figure with the bundled plotly.js (no network) and
    returns the boxes of every text it drew, and the figure's size."""
    sync_api = pytest.importorskip("playwright.sync_api")
    import plotly

    script = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium",
                                             args=["--headless", "--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 390, "height": 844})
        page.set_content(f'<div id="chart" style="width:{PHONE_CHART_PX}px"></div>')
        page.add_script_tag(path=str(script))

        def draw(figure):
            spec = json.loads(figure.to_json())
            return page.evaluate(
                """async ([spec, config]) => {
                    const chart = document.getElementById('chart');
                    await Plotly.newPlot(chart, spec.data, spec.layout, config);
                    const svg = chart.querySelector('.main-svg').getBoundingClientRect();
                    const texts = [...chart.querySelectorAll('svg text')]
                        .filter(t => t.textContent.trim() && getComputedStyle(t).opacity !== '0')
                        .map(t => { const r = t.getBoundingClientRect();
                                    return {text: t.textContent, left: r.left - svg.left, right: r.right - svg.left,
                                            top: r.top - svg.top, bottom: r.bottom - svg.top}; })
                        .filter(t => t.right > t.left);
                    return {width: svg.width, height: svg.height, texts};
                }""",
                [spec, charts.chart_config()],
            )

        yield draw
        browser.close()


def overlaps(texts: list[dict]) -> list[tuple[str, str]]:
    """Pairs of drawn texts whose boxes overlap by more than a pixel each way."""
    return [
        (a["text"][:40], b["text"][:40])
        for i, a in enumerate(texts) for b in texts[i + 1:]
        if min(a["right"], b["right"]) - max(a["left"], b["left"]) > 1
        and min(a["bottom"], b["bottom"]) - max(a["top"], b["top"]) > 1
    ]


def cut(drawn: dict) -> list[str]:
    """Texts that run past the chart's edges."""
    width, height = drawn["width"] + 0.5, drawn["height"] + 0.5
    return [t["text"][:40] for t in drawn["texts"]
            if t["left"] < -0.5 or t["right"] > width or t["top"] < -0.5 or t["bottom"] > height]


def static_map(caption: str):
    """The static map of two strikes in Sumy and Odesa, as the map page would export it."""
    from conflictdesk import deck

    strikes = pd.DataFrame([
        {"strike_id": "sumy", "city": "Sumy", "latitude": 50.9077, "longitude": 34.7981, "geo_precision": "city",
         "target_type": "civilian", "killed": 35, "injured": 100, "date": pd.Timestamp("2025-04-13")},
        {"strike_id": "odesa", "city": "Odesa", "latitude": 46.4825, "longitude": 30.7233, "geo_precision": "exact",
         "target_type": "military", "killed": None, "injured": 3, "date": pd.Timestamp("2025-04-21")},
    ])
    cities = strikes[["city", "latitude", "longitude"]].assign(strikes=1)
    data = deck.MapData(in_view=2, strikes=strikes)
    return deck.map_figure(data, deck.read_outline(), cities, caption=caption, title="Strikes")


PHONE_CAPTION = (f"Period: 1 Apr 2025 – 31 May 2025 · Actors: {LONG_NAME}\n"
                 "Source: Test Wire; Not named in the report via Conflict Desk\nData version 3f2a9c1d · 29 Nov 2026")


@pytest.mark.parametrize(
    "name", ["timeline", "timeline per day", "tolls", "truce", "truce with long text", "history", "static map"]
)
def test_on_a_phone_no_label_is_cut_and_no_text_overlaps(phone, name):
    """At 390 px: casualty labels and claimants, truce labels, the timeline's dates, numbers and source line,
    and the caption are all drawn whole, inside the chart, none over another."""
    long_claims = CLAIMS.assign(claimant_name=[LONG_NAME, "Russia"], count_phrase=["nearly 3,000 times", LONG_WORD])
    days = pd.DataFrame({"kind": ["strike", "statement", "event"], "items": [912, 3, 1],
                         "date": pd.to_datetime(["2025-04-13", "2025-04-14", "2025-04-15"])})
    history = pd.DataFrame([
        history_row("sumy", "Sumy", "2025-04-14", 35, "exact", "35", 100, "over", "over 100"),
        history_row("sumy", "Sumy", "2025-04-25", 40, "about", "about 40", 120, "over", "more than 120"),
    ])
    figure = {
        "timeline": lambda: charts.timeline_figure(ITEMS, caption=PHONE_CAPTION, period=PERIOD, title="Timeline"),
        "timeline per day": lambda: charts.timeline_days_figure(days, caption=PHONE_CAPTION, period=PERIOD),
        "tolls": lambda: charts.toll_bars(
            tolls(toll("sumy", "Sumy", 35, "exact", "35", 100, "over", "over 100", claimant=LONG_NAME),
                  toll("odesa", "Odesa", injured=3, injured_q="at_least", injured_p="at least three",
                       claimant="Local officials in Odesa")),
            caption=PHONE_CAPTION, title="Casualties"),
        "truce": lambda: charts.truce_window_figure(TRUCE, CLAIMS, caption=PHONE_CAPTION, title="Easter truce"),
        "truce with long text": lambda: charts.truce_window_figure(TRUCE, long_claims, caption=PHONE_CAPTION),
        "history": lambda: charts.toll_history_figure(history, caption=PHONE_CAPTION),
        "static map": lambda: static_map(PHONE_CAPTION),
    }[name]()
    drawn = phone(figure)
    assert drawn["width"] == PHONE_CHART_PX
    assert any("Data version" in t["text"] for t in drawn["texts"])
    assert cut(drawn) == []
    assert overlaps(drawn["texts"]) == []
