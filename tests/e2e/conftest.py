"""Browser tests: a real `streamlit run app.py` on a free loopback port, driven by real Chromium.

Every test in this folder runs in one pytest-xdist group ("browser"), so under `-n 2` they share one worker,
one Chromium and the session's servers while the other worker runs the unit and page tests.
"""

import sys
from pathlib import Path

import pytest
from playwright.sync_api import expect, sync_playwright

from browser_support import CHROMIUM_FLAGS, TIMEOUT_MS, Server, chromium_path, save_failure_screenshots

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/, for datafixtures

from datafixtures import write_hostile_folder  # noqa: E402

expect.set_options(timeout=TIMEOUT_MS)
LAPTOP = {"width": 1280, "height": 800}


def pytest_collection_modifyitems(items):
    """Keep every browser test on one xdist worker, so the session's servers and Chromium start once."""
    here = Path(__file__).resolve().parent
    for item in items:
        if here in Path(str(item.fspath)).resolve().parents:
            item.add_marker(pytest.mark.xdist_group("browser"))


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    """Remember each phase's outcome on the test item, for the failure screenshots."""
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole run; fails loudly if there is none."""
    with sync_playwright() as playwright:
        try:
            launched = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS, headless=True)
        except Exception as error:  # no browser at all: say why, never skip silently
            pytest.fail(
                f"No Chromium for the browser tests ({error}). Run `make test`, which installs Debian's chromium, "
                "or `python -m playwright install chromium`."
            )
        yield launched
        launched.close()


@pytest.fixture(scope="session")
def server():
    """A server over the bundled data, shared by the tests that do not need a fresh one."""
    running = Server()
    yield running
    running.stop()


@pytest.fixture(scope="session")
def hostile_server(tmp_path_factory):
    """A server over a valid data folder whose text carries HTML, script, markdown and javascript: links."""
    tmp = tmp_path_factory.mktemp("hostile")
    folder = write_hostile_folder(tmp / "data")
    running = Server({"CONFLICTDESK_DATA": str(folder), "CONFLICTDESK_CACHE": str(tmp / "cache")})
    yield running
    running.stop()


@pytest.fixture
def fresh_server():
    """Start a new server for one test (its first request is the test's); stopped after the test."""
    started = []

    def start(env: dict | None = None) -> Server:
        running = Server(env)
        started.append(running)
        return running

    yield start
    for running in started:
        running.stop()


def new_context(browser, request, **options):
    """A browser context with the generous timeouts; tabs are screenshotted if the test fails."""
    ctx = browser.new_context(**options)
    ctx.set_default_timeout(TIMEOUT_MS)
    ctx.set_default_navigation_timeout(TIMEOUT_MS)
    request.addfinalizer(lambda: close_context(ctx, request))
    return ctx


def close_context(ctx, request) -> None:
    """Close a context, first saving screenshots of its tabs if the test failed."""
    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed:
        save_failure_screenshots(ctx, request.node.name.replace("/", "_"))
    ctx.close()


@pytest.fixture
def context(browser, request):
    """A new browser context (no cookies, no storage) at laptop size."""
    return new_context(browser, request, viewport=LAPTOP)


@pytest.fixture
def make_context(browser, request):
    """Make more contexts in one test (a second reader, a phone); each is closed after the test."""
    return lambda **options: new_context(browser, request, **{"viewport": LAPTOP, **options})
