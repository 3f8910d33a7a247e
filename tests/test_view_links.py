"""Every link the app writes reproduces what is on screen: menu, citation, embed code, in-app links (AppTest)."""

import re

from streamlit.testing.v1 import AppTest

from apptests import TIMEOUT
from datafixtures import shown


def citation(at: AppTest) -> str:
    """The URL line of the "Cite this view" block, without its as_of time (tested on its own)."""
    return re.sub(r"&as_of=[0-9TZ:-]+", "", at.code[0].value.splitlines()[1])


def test_citation_and_menu_carry_the_filters_after_a_page_switch():
    """From /casualties?actor=united_states to Statements: 2 statements, and every link keeps the actor."""
    at = AppTest.from_file("../app.py", default_timeout=TIMEOUT)
    at.query_params["actor"] = ["united_states"]
    at.run()
    at.switch_page("pages/casualties.py").run()
    at.switch_page("pages/statements.py").run()
    assert not at.exception
    assert any(shown(el.value) == "**2 statements by 1 speaker**" for el in at.markdown)
    expected = "period=2025-04-13&period=2025-04-23&actor=united_states"
    assert citation(at) == f"http://localhost:8501/statements?{expected}"
    assert re.search(f"statements\\?{expected}&as_of=[0-9-]+T[0-9:]+Z&embed=true".replace("&", "&amp;"), at.code[1].value)
    assert re.search(r"&as_of=\d{4}-\d\d-\d\dT\d\d:\d\dZ$", at.code[0].value.splitlines()[1])
    menu = {link.proto.page: link.proto.query_string for link in at.get("page_link")}
    assert menu == {page: expected for page in ("overview", "map", "casualties", "truces", "statements", "air", "sources", "corrections")}


def test_first_visit_cites_the_default_period_and_the_search():
    """A bare first visit cites the period it shows, so an embedded view does not change as data is added."""
    at = AppTest.from_file("../pages/statements.py", default_timeout=TIMEOUT)
    at.run()
    at.text_input(key="q").input("Kremlin").run()
    assert citation(at) == "http://localhost:8501/statements?period=2025-04-13&period=2025-04-23&q=Kremlin"
    assert at.query_params["q"] == "Kremlin"


def test_related_truce_link_opens_that_truce_whatever_the_period():
    """truce= written by "Related truce" links opens the truce even when the period excludes it."""
    at = AppTest.from_file("../pages/truces.py", default_timeout=TIMEOUT)
    at.query_params["period"] = ["2025-04-13", "2025-04-14"]  # before the truce began (20 April)
    at.query_params["truce"] = ["easter-2025"]
    at.run()
    assert not at.exception
    assert [h.value for h in at.main.header] == ["Easter truce"]
    assert any("Showing one linked truce" in el.value for el in at.info)


def test_a_part_link_shows_that_element_alone():
    """part=tolls shows the casualty bars with the title, filters and footer, and nothing else of the page."""
    at = AppTest.from_file("../pages/casualties.py", default_timeout=TIMEOUT)
    at.query_params["part"] = ["tolls"]
    at.run()
    assert not at.exception
    assert [s.value for s in at.subheader] == ["Latest toll per strike"]
    assert len(at.get("plotly_chart")) == 1 and not at.dataframe
    assert any("Data version" in c.value for c in at.caption)
    assert "part=tolls" in citation(at)


def test_an_unknown_part_shows_the_whole_page_with_a_notice():
    """A part the page does not have is named in a notice; the whole page is shown."""
    at = AppTest.from_file("../pages/map.py", default_timeout=TIMEOUT)
    at.query_params["part"] = ["timeline"]
    at.run()
    assert any("Ignored the part “timeline”" in el.value for el in at.info)
    assert at.get("deck_gl_json_chart")


def test_a_parameter_the_page_ignored_is_in_no_link_it_writes():
    """A place not in the data, unknown speakers or a statement not found: the notice says it is ignored, and the
    citation, the embed code and the address bar leave it out."""
    cases = [
        ("map", {"place": "\u202eSumy"}, "Ignored the place"),
        ("statements", {"speaker": ["**x**"]}, "Ignored unknown speakers"),
        ("statements", {"statement": "no-such-statement"}, "No statement"),
    ]
    for page, params, notice in cases:
        at = AppTest.from_file(f"../pages/{page}.py", default_timeout=TIMEOUT)
        for name, value in params.items():
            at.query_params[name] = value
        at.run()
        assert not at.exception
        assert any(notice in shown(el.value) for el in at.info), page
        assert citation(at) == f"http://localhost:8501/{page}?period=2025-04-13&period=2025-04-23", params
        assert not [name for name in params if f"{name}=" in at.code[1].value], params
        assert not [name for name in params if name in at.query_params], params
