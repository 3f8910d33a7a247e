"""What an import tells the pages: kinds from the publisher's classification, ACLED's 0 and its coded count,
date windows, UCDP's three figures, excerpts, credit and terms, and what was left out (issue 10)."""

import csv

import pytest

from conflictdesk.load import validate

from importfixtures import acled, import_acled, import_ucdp, one, rows, ucdp

UP_TO_30 = (
    "On 5 May 2024, Ukrainian forces shelled a Russian position near Krynky. According to Russian sources, up to 30 "
    "Ukrainian servicemen were killed in the counter-attack. Ukrainian sources did not comment."
)


def ledger(folder) -> list[dict]:
    with (folder / "imports.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


# --- ACLED figures -----------------------------------------------------------------------------


def test_acled_zero_is_no_figure_with_acleds_meaning(tmp_path):
    """fatalities 0 leaves killed empty (it never counts as a figure, never 'at least 0') and says ACLED's meaning."""
    code, _, err, folder = import_acled(
        tmp_path,
        [
            acled(event_id_cnty="UKR1", fatalities="0", notes="Russian forces shelled Nikopol. Casualties unknown."),
            acled(event_id_cnty="UKR2", fatalities="3"),
        ],
    )
    assert code == 0, err
    tolls = {t["strike_id"]: t for t in rows(folder, "casualties")}
    zero = tolls["acled-UKR1"]
    assert (zero["killed"], zero["killed_qualifier"], zero["killed_phrase"]) == ("", "", "")
    assert zero["killed_blank_phrase"] == "no fatalities reported (ACLED codes 0 for none and for unknown)"
    assert zero["excerpt"] == "Casualties unknown."
    assert [t["strike_id"] for t in tolls.values() if t["killed"]] == ["acled-UKR2"]  # "1 of 2 give a figure"
    assert all(t["killed_qualifier"] != "at_least" for t in tolls.values())


def test_acled_count_is_its_coded_estimate_with_the_claim_words(tmp_path):
    """ACLED's 30 from "up to 30" is ACLED's coded estimate (never at least), and the claim sentence is the excerpt."""
    code, _, err, folder = import_acled(tmp_path, [acled(fatalities="30", notes=UP_TO_30)])
    assert code == 0, err
    toll = one(folder, "casualties")
    assert (toll["killed"], toll["killed_qualifier"], toll["killed_phrase"], toll["claimant"]) == (
        "30", "estimate", "30 (ACLED's coded fatalities)", "acled"
    )  # fmt: skip
    assert toll["excerpt"] == "According to Russian sources, up to 30 Ukrainian servicemen were killed in the counter-attack."
    assert one(folder, "strikes")["excerpt"] == UP_TO_30


# --- kinds -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("event_type", "sub_event_type", "kind"),
    [
        ("Explosions/Remote violence", "Air/drone strike", "strike"),
        ("Explosions/Remote violence", "Shelling/artillery/missile attack", "strike"),
        ("Explosions/Remote violence", "Remote explosive/landmine/IED", "strike"),
        ("Explosions/Remote violence", "Grenade", "other_attack"),
        ("Violence against civilians", "Attack", "other_attack"),
        ("Battles", "Armed clash", None),
        ("Strategic developments", "Disrupted weapons use", None),
        ("Protests", "Peaceful protest", None),
    ],
)
def test_acled_kind_follows_its_event_and_sub_event_type(tmp_path, event_type, sub_event_type, kind):
    """Only three ACLED sub-event types are strikes; others are kept under ACLED's names or left out by type."""
    code, out, err, folder = import_acled(tmp_path, [acled(event_type=event_type, sub_event_type=sub_event_type)])
    assert code == 0, err
    found = rows(folder, "strikes")
    if kind is None:
        assert found == [] and f"1 ACLED {event_type} (35 deaths in 1 row with a figure; left out)" in out
    else:
        assert [(s["event_kind"], s["publisher_type"], s["publisher_subtype"]) for s in found] == [
            (kind, event_type, sub_event_type)
        ]


@pytest.mark.parametrize(("code", "kind"), [("1", "state_based"), ("2", "non_state"), ("3", "one_sided"), ("1.0", "state_based")])
def test_ucdp_events_are_never_strikes(tmp_path, code, kind):
    """UCDP's type_of_violence becomes its own kind, kept verbatim; none is a strike."""
    status, _, err, folder = import_ucdp(tmp_path, [ucdp(type_of_violence=code)])
    assert status == 0, err
    strike = one(folder, "strikes")
    assert (strike["event_kind"], strike["publisher_type"]) == (kind, code[0])


# --- date windows ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("precision", "day", "first", "last"),
    [
        ("1", "2022-03-15", "2022-03-15", "2022-03-15"),
        ("2", "2022-03-15", "2022-03-09", "2022-03-21"),
        ("3", "2022-03-15", "2022-03-01", "2022-03-31"),
        ("3", "2024-02-15", "2024-02-01", "2024-02-29"),
    ],
)
def test_acled_date_is_inside_its_window(tmp_path, precision, day, first, last):
    """time_precision 2: the coded day lies inside a week (6 days either side); 3: inside its calendar month."""
    code, _, err, folder = import_acled(tmp_path, [acled(event_date=day, time_precision=precision)])
    assert code == 0, err
    strike = one(folder, "strikes")
    assert (strike["date"], strike["date_first"], strike["date_last"]) == (day, first, last)


def test_ucdp_window_spans_months_as_given(tmp_path):
    """Izyum, 24 Feb – 12 Sep 2022: the window is carried whole, not a month ending on 12 Sep."""
    code, _, err, folder = import_ucdp(
        tmp_path, [ucdp(date_prec="5", date_start="2022-02-24", date_end="2022-09-12", best="871", low="871", high="871")]
    )
    assert code == 0, err
    strike = one(folder, "strikes")
    assert (strike["date_first"], strike["date_last"], strike["date"]) == ("2022-02-24", "2022-09-12", "2022-09-12")


# --- excerpts ----------------------------------------------------------------------------------


def test_ucdp_excerpt_never_a_single_word(tmp_path):
    """A surname headline and a "-" are left out of the excerpt; with nothing descriptive, UCDP's labelled fields."""
    code, _, err, folder = import_ucdp(
        tmp_path,
        [
            ucdp(id="1", source_headline="Shevchenko", where_description="-", source_article="Ukrinform 2022-04-01 Bodies found in Bucha"),
            ucdp(id="2", source_headline="-", where_description="Bucha", source_article=""),
        ],
    )
    assert code == 0, err
    excerpts = [s["excerpt"] for s in rows(folder, "strikes")]
    assert excerpts == [
        "source_article: Ukrinform 2022-04-01 Bodies found in Bucha",
        "dyad_name: Government of Russia (Soviet Union) - Government of Ukraine | where_coordinates: Kharkiv town | "
        "adm_1: Kharkiv oblast",
    ]


# --- credit and what was left out --------------------------------------------------------------


def test_ucdp_release_and_date_from_the_command_line(tmp_path):
    """--release and --released fill the credit; published_on is the release date, not the last event date."""
    code, _, err, folder = import_ucdp(tmp_path, [ucdp()], "--release", "25.1", "--released", "2025-06-10", name="ged.csv")
    assert code == 0, err
    source = one(folder, "sources")
    assert (source["version"], source["released_on"], source["published_on"]) == ("25.1", "2025-06-10", "2025-06-10")
    assert "Global version 25.1" in source["credit"]


@pytest.mark.parametrize(("name", "version"), [("ged241.csv", "24.1"), ("GEDEvent_v25_0_3.csv", "25.0.3")])
def test_ucdp_version_from_the_file_name(tmp_path, name, version):
    code, _, err, folder = import_ucdp(tmp_path, [ucdp()], name=name)
    assert code == 0, err
    assert one(folder, "sources")["version"] == version


def test_ucdp_without_a_version_is_refused_and_writes_nothing(tmp_path):
    """The credit needs the version: without it nothing is written and the message says how to give it."""
    code, _, err, folder = import_ucdp(tmp_path, [ucdp()], name="ukraine.csv")
    assert code == 2
    assert "--release VERSION" in err
    assert not folder.exists()


def test_left_out_rows_and_deaths_are_disclosed(tmp_path):
    """Country-level and at-sea rows are left out with their best deaths, by reason, in the summary, the source row
    and imports.csv; rows of another country are out of scope, not 'left out'."""
    code, out, err, folder = import_ucdp(
        tmp_path,
        [
            ucdp(id="1", best="12"),
            ucdp(id="2", where_prec="6", best="5000"),
            ucdp(id="3", where_prec="7", best="996"),
            ucdp(id="4", country="Russia", best="7"),
        ],
    )
    assert code == 0, err
    assert "2 located only to the country or at sea (5,996 deaths in 2 rows with a figure; left out)" in out
    source = one(folder, "sources")
    assert (source["left_out_rows"], source["left_out_deaths"]) == ("2", "5996")
    assert "Left out: 2 rows holding 5,996 deaths" in source["notes"]
    got = [(r["outcome"], r["reason"], r["rows"], r["deaths"]) for r in ledger(folder)]
    assert got == [
        ("imported", "", "1", "12"),
        ("left_out", "located only to the country or at sea", "2", "5996"),
        ("out_of_scope", "not in Ukraine", "1", "7"),
    ]


def test_reimport_replaces_its_ledger_rows_and_keeps_others(tmp_path):
    """imports.csv keeps one set of rows per imported file: a re-import replaces its own, another file's stay."""
    import_ucdp(tmp_path, [ucdp(id="1")])
    code, _, err, folder = import_acled(tmp_path, [acled()], "--merge")
    assert code == 0, err
    code, _, err, folder = import_ucdp(tmp_path, [ucdp(id="1"), ucdp(id="2", where_prec="6")], "--merge")
    assert code == 0, err
    got = [(r["source_id"], r["outcome"], r["rows"]) for r in ledger(folder)]
    assert got == [
        ("acled-file-acled", "imported", "1"),
        ("ucdp-file-gedevent-v24-1", "imported", "1"),
        ("ucdp-file-gedevent-v24-1", "left_out", "1"),
    ]


def test_a_window_ending_before_it_starts_does_not_load(tmp_path):
    """The contract checks the window: date_last before date_first is a problem at its line and column."""
    code, _, err, folder = import_ucdp(tmp_path, [ucdp(date_start="2022-02-24", date_end="2022-09-12", date_prec="5")])
    assert code == 0, err
    file = folder / "strikes.csv"
    file.write_text(file.read_text(encoding="utf-8").replace("2022-02-24", "2022-10-01"), encoding="utf-8")
    problems, _ = validate(folder)
    assert [(p.file, p.line, p.column) for p in problems] == [("strikes.csv", 2, "date_last")]
