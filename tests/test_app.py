"""The app shell: navigation, shared set-up on every page (even without app.py), embed view, password gate."""

from streamlit.testing.v1 import AppTest

PAGE_FILES = ["overview", "map", "casualties", "truces", "statements", "sources"]


def test_bare_address_opens_the_overview_keeping_the_link():
    """The root address shows the overview with the link's filters applied."""
    at = AppTest.from_file("../app.py", default_timeout=30)
    at.query_params["period"] = ["2025-04-14", "2025-04-23"]
    at.run()
    assert not at.exception
    assert at.title[0].value == "Overview"
    assert {m.label: m.value for m in at.metric}["Strikes"] == "1"


def test_every_page_sets_itself_up_when_run_directly():
    """Each page file, run on its own (as a fresh server's first request does), draws filters and footer."""
    for name in PAGE_FILES:
        at = AppTest.from_file(f"../pages/{name}.py", default_timeout=30)
        at.query_params["period"] = ["2025-04-21", "2025-04-21"]
        at.query_params["actor"] = ["ukraine"]
        at.run()
        assert not at.exception, name
        assert at.sidebar.date_input(key="period").value == (
            __import__("datetime").date(2025, 4, 21),
            __import__("datetime").date(2025, 4, 21),
        ), name
        assert at.sidebar.multiselect(key="actor").value == ["ukraine"], name
        assert any("Data version" in c.value for c in at.caption), name


def test_filters_survive_switch_page():
    """Filters chosen on one page are still applied after switching to another page."""
    at = AppTest.from_file("../app.py", default_timeout=30)
    at.query_params["period"] = ["2025-04-14", "2025-04-23"]
    at.run()
    at.sidebar.multiselect(key="actor").select("russia").run()
    at.switch_page("pages/casualties.py").run()
    assert not at.exception
    assert at.sidebar.date_input(key="period").value[0].isoformat() == "2025-04-14"
    assert at.sidebar.multiselect(key="actor").value == ["russia"]


def test_password_gate_shows_no_data_until_the_password(monkeypatch):
    """With a password set, no figure appears before it is given; the right one opens the page."""
    monkeypatch.setenv("CONFLICTDESK_PASSWORD", "s3cret")
    for name in PAGE_FILES:
        at = AppTest.from_file(f"../pages/{name}.py", default_timeout=30)
        at.run()
        assert not at.exception, name
        assert len(at.metric) == 0 and len(at.sidebar.date_input) == 0, name
        assert at.text_input[0].label == "Password", name
    at.text_input[0].input("wrong")
    at.button[0].click().run()
    assert any("not right" in e.value for e in at.error)
    assert len(at.sidebar.date_input) == 0
    at.text_input[0].input("s3cret")
    at.button[0].click().run()
    assert not at.exception
    assert at.title[0].value == "Sources & method"
