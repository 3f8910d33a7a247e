"""The link contract: what a shared link restores, what it ignores with a notice, and the links the app writes."""

import datetime as dt
import pytest

from conflictdesk.filters import Filters
from conflictdesk.urlparams import is_id, parse
from conflictdesk.view import View, site_base

SPAN = (dt.date(2025, 4, 13), dt.date(2025, 4, 23))
ACTORS = ["russia", "ukraine", "united_states"]


def read(query: dict, page: str = "overview"):
    return parse(query, page, SPAN, ACTORS)


def test_no_parameters_give_the_whole_span_and_all_actors():
    """A bare link shows the whole span of the data and every actor, with no notice."""
    assert read({}) == (View("overview", Filters(*SPAN)), [])


def test_the_documented_example_link_round_trips():
    """Reading a link and writing it back gives the same parameters in the documented order."""
    query = {"period": ["2025-04-13", "2025-04-21"], "actor": ["russia"], "place": ["Sumy"], "strike": ["s-1"]}
    view, notices = read(query, "map")
    assert notices == []
    assert view.query() == query
    assert view.link() == "map?period=2025-04-13&period=2025-04-21&actor=russia&place=Sumy&strike=s-1"


@pytest.mark.parametrize("period", [["13/04/2025", "2025-04-21"], ["2025-02-30", "2025-04-21"], ["x' or 1=1 --", "y"],
                                    ["2025-04-13", "2025-04-21", "2025-04-22"]])
def test_malformed_period_is_ignored_with_a_notice(period):
    """A period that is not two ISO dates falls back to the whole span and says so."""
    view, notices = read({"period": period})
    assert (view.filters.date_from, view.filters.date_to) == SPAN
    assert any("Ignored the period" in n for n in notices)


def test_reversed_period_is_swapped_with_a_notice():
    """Dates the wrong way round are put right, and the reader is told."""
    view, notices = read({"period": ["2025-04-21", "2025-04-13"]})
    assert (view.filters.date_from, view.filters.date_to) == (dt.date(2025, 4, 13), dt.date(2025, 4, 21))
    assert any("swapped" in n for n in notices)


def test_unknown_parameters_are_named_in_one_notice():
    """999 unknown parameters give one notice that names a few and counts the rest."""
    query = {f"x{i}": ["1"] for i in range(999)} | {"actor": ["russia", "atlantis"]}
    view, notices = read(query)
    assert view.filters.actors == ("russia",)
    assert len([n for n in notices if "unknown link parameter" in n]) == 1
    assert "Ignored 999 unknown link parameters: “x0”, “x1”, “x2”, “x3”, “x4” and 994 more." in notices
    assert "Ignored unknown actor: “atlantis”." in notices


def test_dropped_is_believed_only_as_the_server_writes_it():
    """`dropped=N` alone (server.LinkGuard's redirect) says the link was unread; beside other parameters, or absurd,
    it is ignored with its own notice, and the others are read."""
    assert read({"dropped": ["1500"]})[1] == [
        "The link was too long to read (1,500 parameters; a page reads at most 1,000, and 512 kB), so none of them "
        "were read (the period and actors included): showing the default view."]
    for odd in ("²", "١٢٣٤", "0", "-5"):  # digits of other scripts, superscripts, zero: never the server's
        assert read({"dropped": [odd]})[1] == [
            "Ignored the parameter dropped: the app writes it alone, when it could not read a link."], odd
    view, notices = read({"dropped": ["99999999999999999999"], "period": ["2025-04-14", "2025-04-15"]})
    assert notices == ["Ignored the parameter dropped: the app writes it alone, when it could not read a link."]
    assert view.filters.date_from == dt.date(2025, 4, 14)


def test_hundreds_of_actor_values_are_capped():
    """A link repeating actor hundreds of times reads only the first 50 and says so."""
    view, notices = read({"actor": ["russia"] * 400})
    assert view.filters.actors == ("russia",)
    assert any("only the first 50" in n for n in notices)


def test_ids_follow_the_data_contract_rule_exactly():
    """The id rule is the loader's: 120 characters pass, a trailing newline, traversal or SQL do not."""
    assert is_id("a" * 120) and not is_id("a" * 121)
    assert not is_id("s-1\n") and not is_id("../../etc/passwd") and not is_id("x'; drop table statements; --")
    view, notices = read({"strike": ["s-1\n"], "statement": ["a" * 110]}, "map")
    assert view.strike is None and view.statement == "a" * 110
    assert notices == ["Ignored the strike link “s-1?”: it is not an id."]


def test_other_pages_parameters_are_kept_out_of_this_pages_link():
    """A link to another page keeps the filters and drops this page's own parameters."""
    view, _ = read({"actor": ["ukraine"], "q": ["ceasefire"], "speaker": ["Donald Trump"]}, "statements")
    assert view.link() == "statements?period=2025-04-13&period=2025-04-23&actor=ukraine&q=ceasefire&speaker=Donald+Trump"
    assert view.on("map", strike="s-1").link() == "map?period=2025-04-13&period=2025-04-23&actor=ukraine&strike=s-1"
    assert view.on("truces").url("https://desk.example", embed=True).endswith("truces?period=2025-04-13&period=2025-04-23&actor=ukraine&embed=true")


@pytest.mark.parametrize(
    "browser_url, base_path, expected",
    [
        ("https://desk.example.org/casualties", "", "https://desk.example.org"),
        ("https://desk.example.org/Overview/overview", "", "https://desk.example.org"),
        ("http://127.0.0.1:8501/desk/map", "desk", "http://127.0.0.1:8501/desk"),
        ("javascript:alert(1)//x", "", "http://localhost:8501"),
        ("https://evil.example)[x](https://a/b", "", "http://localhost:8501"),
        (None, "", "http://localhost:8501"),
    ],
)
def test_the_apps_own_address_comes_from_its_registry_not_the_request_path(browser_url, base_path, expected):
    """A mistyped or crafted page path never reaches a link the app builds."""
    assert site_base(browser_url, base_path) == expected


def test_a_configured_public_address_wins():
    """Behind a proxy, CONFLICTDESK_PUBLIC_URL names the address links use."""
    assert site_base("http://10.0.0.5:8501/map", "", "https://news.example/desk/") == "https://news.example/desk"



def test_an_id_the_loader_accepts_is_one_a_link_can_name(tmp_path):
    """A 120-character statement id passes validate, and a link to it is read (the id rule is said once)."""
    from conflictdesk.load import validate
    from datafixtures import minimal_tables, write_folder

    long_id = "s" * 120
    tables = minimal_tables()
    tables["statements"][0]["statement_id"] = long_id
    problems, _ = validate(write_folder(tmp_path / "data", **tables))
    assert problems == []
    view, notices = read({"statement": [long_id]}, "statements")
    assert view.statement == long_id and notices == []
