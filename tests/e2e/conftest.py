"""Browser tests: a real `streamlit run app.py` on a free loopback port, driven by real Chromium.

Under `make test` (two xdist workers) every test in this folder runs on one worker, so one Chromium and one server
of each kind start once while the other worker runs the unit and page tests: see tests/conftest.py.
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


def new_context(browser, **options):
    """A browser context with the generous timeouts."""
    ctx = browser.new_context(**options)
    ctx.set_default_timeout(TIMEOUT_MS)
    ctx.set_default_navigation_timeout(TIMEOUT_MS)
    return ctx


@pytest.fixture(scope="session")
def shared_contexts(browser):
    """Browser contexts kept for the whole run, one per set of options (see make_context)."""
    made: dict[str, object] = {}
    yield made
    for ctx in made.values():
        ctx.close()


@pytest.fixture
def make_context(browser, shared_contexts, request):
    """A browser context for this test: `make_context(viewport=..., locale=...)`.

    Contexts with the same options are shared between tests, like one reader's browser profile: the app's
    scripts come from its HTTP cache instead of being fetched and compiled for every test (most of a page
    load's time). After each test its tabs are closed (screenshotted first if it failed) and its cookies
    cleared. `fresh=True` gives a new, empty context (no cookies, no cache, no storage), closed after the test:
    for a second reader, or a first visit.
    """
    used = []

    def make(fresh: bool = False, **options):
        options = {"viewport": LAPTOP, **options}
        if fresh:
            ctx = new_context(browser, **options)
        else:
            key = repr(sorted(options.items()))
            if key not in shared_contexts:
                shared_contexts[key] = new_context(browser, **options)
            ctx = shared_contexts[key]
        used.append((ctx, fresh))
        return ctx

    def finish():
        report = getattr(request.node, "report_call", None)
        for number, (ctx, fresh) in enumerate(used):
            if report is not None and report.failed:
                save_failure_screenshots(ctx, f"{request.node.name.replace('/', '_')}-{number}")
            if fresh:
                ctx.close()
            else:
                for page in ctx.pages:
                    page.close()
                ctx.clear_cookies()

    request.addfinalizer(finish)
    return make


@pytest.fixture
def context(make_context):
    """A browser context at laptop size, shared between tests (see make_context); its tabs close after the test."""
    return make_context()
