"""Helpers for the browser tests: a real `streamlit run app.py` server, Chromium, and waits on the app's own state.

No test here waits a fixed time. Pages are ready when Streamlit says its script has finished
(`[data-testid="stApp"][data-test-script-state="notRunning"]`) and the page's title is drawn; everything
after an interaction is checked with Playwright's retrying `expect`, which waits for the outcome itself.
Timeouts are generous (TIMEOUT_MS) so the tests pass on a fully loaded machine; a passing test never waits them.
"""

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import expect

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"  # failure screenshots only (git-ignored)
TIMEOUT_MS = 120_000  # an upper bound for a loaded 2-core machine, not a wait
SERVER_START_SECONDS = 180
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
PAGES = ["overview", "map", "casualties", "truces", "statements", "air", "sources"]
APP = "[data-testid='stApp']"
TITLE = "[data-testid='stMain'] h1"


def free_port() -> int:
    """A free TCP port on the loopback interface."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """A running `streamlit run app.py` on a free loopback port; `stop()` ends it."""

    def __init__(self, env: dict | None = None, script: Path | None = None):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        logs = ROOT / ".pytest_cache"
        self.log = open(logs / f"streamlit-{self.port}.log", "w+") if logs.exists() else subprocess.DEVNULL
        command = [
            sys.executable, "-m", "streamlit", "run", str(script or ROOT / "app.py"),
            "--server.port", str(self.port), "--server.address", "127.0.0.1",
            "--server.headless", "true", "--browser.gatherUsageStats", "false",
            "--server.fileWatcherType", "none",
        ]
        self.process = subprocess.Popen(
            command, cwd=ROOT, env={**os.environ, **(env or {})}, stdout=self.log, stderr=subprocess.STDOUT
        )
        try:
            self.wait_healthy()
        except Exception:
            self.stop()
            raise

    def wait_healthy(self, timeout: float = SERVER_START_SECONDS) -> None:
        """Poll /_stcore/health until it answers ok (a readiness poll: it returns as soon as the server is up)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"streamlit exited with code {self.process.returncode}")
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=5) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.1)  # poll interval while the port is not yet open
        raise RuntimeError(f"streamlit did not become healthy in {timeout:.0f} s")

    def stop(self) -> None:
        """Stop the server."""
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def chromium_path() -> str | None:
    """The system Chromium if there is one (else Playwright's own, when installed)."""
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def wait_for_app(page, title: str | None = None) -> None:
    """Wait until Streamlit is connected, has finished running the script and has drawn the page's title.

    Use it after opening a URL. After a click, assert the click's outcome with `expect` instead: the script
    state reads notRunning for a moment before the rerun starts.
    """
    app = page.locator(APP)
    expect(app).to_have_attribute("data-test-connection-state", "CONNECTED")
    expect(app).to_have_attribute("data-test-script-state", "notRunning")
    heading = page.locator(TITLE).first
    if title is None:
        expect(heading).to_be_visible()
    else:
        expect(heading).to_have_text(title)
    expect(page.get_by_test_id("stSkeleton")).to_have_count(0)
    expect(app).to_have_attribute("data-test-script-state", "notRunning")


def open_page(context, url: str, title: str | None = None):
    """Open a URL in a new tab of the context and wait for the app to draw it."""
    page = context.new_page()
    page.goto(url)
    wait_for_app(page, title)
    return page


def expect_drawn(page) -> None:
    """Wait until every chart and map on the page has drawn itself (they draw after the script finishes)."""
    for chart in page.get_by_test_id("stPlotlyChart").all():
        expect(chart.locator(".main-svg").first).to_be_attached()
    for deck in page.get_by_test_id("stDeckGlJsonChart").all():
        expect(deck.locator("canvas").first).to_be_visible()


def metric(page, label: str):
    """The value under a metric's label, as a locator for `expect`."""
    return page.locator("[data-testid='stMetric']", has_text=label).first.locator("[data-testid='stMetricValue']")


def expect_no_error(page) -> None:
    """No exception box, no error box, no traceback on the page."""
    expect(page.get_by_test_id("stException")).to_have_count(0)
    expect(page.get_by_test_id("stAlertContentError")).to_have_count(0)
    expect(page.locator("body")).not_to_contain_text("Traceback")


def save_failure_screenshots(context, name: str) -> None:
    """Screenshot every open tab of a failed test into screenshots/ for a person to look at."""
    SCREENSHOTS.mkdir(exist_ok=True)
    for number, page in enumerate(context.pages):
        try:
            page.screenshot(path=str(SCREENSHOTS / f"{name}-{number}.png"), full_page=True, timeout=10_000)
        except Exception:  # a crashed or closed tab: the failure itself says more
            pass
