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


class SharedContext:
    """A browser context kept for the whole run, whose tabs later tests reuse: a tab that has drawn the app once
    draws it again for a fraction of the CPU a new tab needs (the scripts stay compiled in its renderer), and
    on a 2-core machine the browser is most of the suite's time. Anything else is the context's own API.

    Every tab records the JavaScript dialogs it meets (and dismisses them) in `page.dialogs`, reset for each test.
    """

    KEEP = 2  # idle tabs kept per context

    def __init__(self, ctx):
        self.ctx = ctx
        self.idle: list = []
        self.viewport = LAPTOP  # the size this test asked for (make_context)

    def new_page(self):
        """A tab for this test, at its size: an idle one from an earlier test (still at its last address), else
        a new one."""
        page = self.idle.pop() if self.idle else self._open()
        if page.viewport_size != self.viewport:
            page.set_viewport_size(self.viewport)
        page.dialogs = []
        return page

    def _open(self):
        page = self.ctx.new_page()

        def record(dialog):
            page.dialogs.append(f"{dialog.type}: {dialog.message}")
            dialog.dismiss()

        page.on("dialog", record)
        return page

    def release(self) -> None:
        """After a test: its open tabs become idle (beyond KEEP they are closed) and its cookies are cleared."""
        for page in self.ctx.pages:
            if page in self.idle:
                continue
            if len(self.idle) < self.KEEP and not page.is_closed():
                self.idle.append(page)
            else:
                page.close()
        self.ctx.clear_cookies()

    def __getattr__(self, name):
        return getattr(self.ctx, name)


@pytest.fixture(scope="session")
def shared_contexts(browser):
    """Browser contexts kept for the whole run, one per set of options (see make_context)."""
    made: dict[str, SharedContext] = {}
    yield made
    for shared in made.values():
        shared.ctx.close()


@pytest.fixture
def make_context(browser, shared_contexts, request):
    """A browser context for this test: `make_context(viewport=..., locale=...)`.

    Contexts with the same options but the viewport are shared between tests, like one reader's browser: the
    app's scripts come from its cache and its tabs are reused (SharedContext), sized to `viewport`. After each test its cookies are cleared.
    `fresh=True` gives a new, empty context (no cookies, no cache, no storage), closed after the test: for a
    second reader, a first visit, or a test that changes the context itself (routes, init scripts).
    """
    used = []

    def make(fresh: bool = False, viewport: dict = LAPTOP, **options):
        if fresh:
            made = new_context(browser, viewport=viewport, **options)
        else:
            # One context per kind of browser (phone or not, language): the window's size is each tab's own.
            key = repr(sorted(options.items()))
            if key not in shared_contexts:
                shared_contexts[key] = SharedContext(new_context(browser, viewport=viewport, **options))
            made = shared_contexts[key]
            made.viewport = viewport
        used.append(made)
        return made

    def finish():
        report = getattr(request.node, "report_call", None)
        for number, made in enumerate(used):
            if report is not None and report.failed:
                save_failure_screenshots(made, f"{request.node.name.replace('/', '_')}-{number}")
            if isinstance(made, SharedContext):
                made.release()
            else:
                made.close()

    request.addfinalizer(finish)
    return make


@pytest.fixture
def context(make_context):
    """A browser context at laptop size, shared between tests (see make_context); its tabs close after the test."""
    return make_context()
