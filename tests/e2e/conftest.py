"""Browser tests: a real `streamlit run app.py` on a free loopback port, driven by real Chromium."""

import pytest
from playwright.sync_api import sync_playwright

from browser_support import CHROMIUM_FLAGS, Server, chromium_path


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole run; fails loudly if there is none."""
    with sync_playwright() as playwright:
        executable = chromium_path()
        try:
            launched = playwright.chromium.launch(
                executable_path=executable, args=CHROMIUM_FLAGS, headless=True
            )
        except Exception as error:  # no browser at all: say why, never skip silently
            pytest.fail(
                f"No Chromium for the browser tests ({error}). Run `make test`, which installs Debian's chromium, "
                "or `python -m playwright install chromium`."
            )
        yield launched
        launched.close()


@pytest.fixture(scope="session")
def server():
    """A server shared by the tests that do not need a fresh one."""
    running = Server()
    yield running
    running.stop()


@pytest.fixture
def fresh_server():
    """Start a new server for one test (its first request is the test's)."""
    started = []

    def start(env: dict | None = None) -> Server:
        running = Server(env)
        started.append(running)
        return running

    yield start
    for running in started:
        running.stop()


@pytest.fixture
def context(browser):
    """A new browser context (no cookies, no storage) at laptop size."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 800})
    yield ctx
    ctx.close()


