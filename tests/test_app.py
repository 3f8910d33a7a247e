"""The app shell: navigation, the set-up every page shares (even without app.py), the password gate.

What every page shares is tested here once, on every page; each page's own behaviour is in test_page_<name>.py.
"""

import datetime as dt

import pytest
from streamlit.testing.v1 import AppTest

from apptests import PAGES, TIMEOUT, TITLES

BANNER = "Synthetic data is loaded"


def test_bare_address_opens_the_overview_keeping_the_link():
    """The root address shows the overview with the link's filters applied; real data has no synthetic banner."""
    at = AppTest.from_file("../app.py", default_timeout=TIMEOUT)
    at.query_params["period"] = ["2025-04-14", "2025-04-23"]
    at.run()
    assert not at.exception
    assert at.title[0].value == "Overview"
    assert {m.label: m.value for m in at.metric}["Strikes"] == "1"
    assert not any(BANNER in warning.value for warning in at.warning)


@pytest.mark.parametrize("name", PAGES)
def test_every_page_sets_itself_up_when_run_directly(name, folder, monkeypatch):
    """Each page file run on its own (as a fresh server's first request does) reads the link's filters into the
    sidebar, says what it is filtered to, warns that synthetic data is loaded and ends with the data version."""
    monkeypatch.setenv("CONFLICTDESK_DATA", str(folder))  # the minimal folder's source is synthetic
    at = AppTest.from_file(f"../pages/{name}.py", default_timeout=TIMEOUT)
    at.query_params["period"] = ["2025-04-21", "2025-04-21"]
    at.query_params["actor"] = ["ukraine"]
    at.run()
    assert not at.exception
    assert at.sidebar.date_input(key="period").value == (dt.date(2025, 4, 21), dt.date(2025, 4, 21))
    assert at.sidebar.multiselect(key="actor").value == ["ukraine"]
    assert any("Filtered to 21 Apr 2025; " in c.value and "Ukraine" in c.value for c in at.caption)
    assert any(BANNER in warning.value for warning in at.warning)
    assert any("Data version" in c.value for c in at.caption)


def test_filters_survive_switch_page():
    """Filters chosen on one page are still applied after switching to another page."""
    at = AppTest.from_file("../app.py", default_timeout=TIMEOUT)
    at.query_params["period"] = ["2025-04-14", "2025-04-23"]
    at.run()
    at.sidebar.multiselect(key="actor").select("russia").run()
    at.switch_page("pages/casualties.py").run()
    assert not at.exception
    assert at.sidebar.date_input(key="period").value[0].isoformat() == "2025-04-14"
    assert at.sidebar.multiselect(key="actor").value == ["russia"]


@pytest.mark.parametrize("name", PAGES)
def test_password_gate_shows_no_data_until_the_password(name, monkeypatch):
    """With a password set, no figure or filter appears before it is given; a wrong one is refused, the right one
    opens the page."""
    monkeypatch.setenv("CONFLICTDESK_PASSWORD", "s3cret")
    at = AppTest.from_file(f"../pages/{name}.py", default_timeout=TIMEOUT).run()
    assert not at.exception
    assert len(at.metric) == 0 and len(at.sidebar.date_input) == 0
    assert TITLES[name] not in [t.value for t in at.title]
    assert at.text_input[0].label == "Password"
    at.text_input[0].input("wrong")
    at.button[0].click().run()
    assert any("not right" in e.value for e in at.error)
    assert len(at.metric) == 0 and len(at.sidebar.date_input) == 0
    at.text_input[0].input("s3cret")
    at.button[0].click().run()
    assert not at.exception
    assert TITLES[name] in [t.value for t in at.title] and len(at.sidebar.date_input) == 1
