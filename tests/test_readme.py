"""The README, read as a newcomer would: its parameters, example links, search example and commands are true."""

import re
from pathlib import Path

import pytest

from conflictdesk.cache import open_data
from conflictdesk.filters import Filters
from conflictdesk.load import data_dir
from conflictdesk.models.statements import statements
from conflictdesk.queries import run_query
from conflictdesk.sitemap import PAGES
from conflictdesk.urlparams import PARAMS, parse
from conflictdesk.view import View

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def run():
    con = open_data(data_dir())
    return lambda name, **params: run_query(con, name, **params)


def test_every_parameter_is_documented_and_read_by_its_page():
    """The README's parameter table names each URL parameter, and each page parameter is read by its page."""
    documented = set(re.findall(r"^\| `([a-z_]+)` \|", README, flags=re.MULTILINE))
    assert documented == set(PARAMS)
    for page in PAGES:
        code = (ROOT / "pages" / f"{page.path}.py").read_text(encoding="utf-8")
        model = ROOT / "conflictdesk" / "models" / f"{page.path}.py"
        code += model.read_text(encoding="utf-8") if model.exists() else ""
        for name in page.params:
            assert f"view.{'speakers' if name == 'speaker' else name}" in code, (page.path, name)


def test_example_links_read_without_a_notice(run):
    """Every example link in the README (…/page?…) is read as written, with nothing ignored."""
    examples = re.findall(r"…/([a-z]+)\?([^`\s]+)", README) + re.findall(r"example/([a-z]+)\?([^\"\s]+)", README)
    assert examples
    actors = run("actors")["actor_id"].tolist()
    for path, query in examples:
        params: dict[str, list[str]] = {}
        for pair in query.split("&"):
            name, _, value = pair.partition("=")
            params.setdefault(name, []).append(value)
        view, notices = parse(params, path, (None, None), actors)
        assert notices == [], (path, query)


def test_the_search_example_finds_statements(run):
    """The README's search example ("Kremlin") finds statements in the bundled data."""
    assert "`Kremlin`" in README
    view = View("statements", Filters(*_span(run)), q="Kremlin")
    assert len(statements(view, run).rows) > 0


def _span(run):
    row = run("date_span").iloc[0]
    return row["first_date"].date(), row["last_date"].date()


def test_make_targets_the_readme_names_exist():
    """Every `make X` the README tells a reader to run is a target of the Makefile."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    targets = set(re.findall(r"^([a-z-]+):", makefile, flags=re.MULTILINE))
    named = set(re.findall(r"make ([a-z-]+)", README))
    assert named and named <= targets, named - targets
