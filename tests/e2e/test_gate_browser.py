"""The password gate in real Chromium against a real `streamlit run app.py`: closed for every way in."""

import urllib.error
import urllib.request

import pytest
from playwright.sync_api import expect

from browser_support import Server

PASSWORD = "gate-e2e-Qv7"
SESSION_ROUTE = "/_conflictdesk/gate/session"
# Every way a reader (or a stranger) can arrive over HTTP: the bare address, embeds, deep and crafted links
# (each page's own gate is checked under AppTest: tests/test_app.py). The first is the server's first request.
WAYS_IN = [
    "casualties?period=2025-04-13&period=2025-04-23&embed=true",
    "",
    "overview?period=2025-04-13&period=2025-04-23&actor=russia",
    f"overview?_gate_passed=true&password={PASSWORD}",
    "statements?statement=../../etc/passwd",
    "statements?statement=putin-2025-04-21-kyiv-regime",
    "map?embed=true&embed_options=show_toolbar&period=2025-04-13&period=2025-04-23",
    "map?strike=sumy-2025-04-13&embed=true",
    f"sources?embed=true&password={PASSWORD}",
    "home?embed=true",
    "home?period=2025-04-13&period=2025-04-23",
    "truces/../overview",
    "app",
]
# Deeper paths: Streamlit serves its index page there but the app never starts (its assets are relative).
DEEP_PATHS = ["overview/extra/path", "pages/overview.py", "data/strikes.csv", ".streamlit/secrets.toml"]
# Words only the data puts on a page (and the password itself): none may show before the password.
DATA_WORDS = ("Sumy", "Putin", "Odesa", "Zelensky", "Kyiv regime", "over 100", "People killed", "Peskov",
              "strike_id,", PASSWORD)
IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"


@pytest.fixture(scope="module")
def gated_server():
    """One server with a password, for the tests that only read."""
    running = Server({"CONFLICTDESK_PASSWORD": PASSWORD})
    yield running
    running.stop()


def http_status(url: str, cookie: str | None = None) -> tuple[int, str]:
    """Status and body of a plain GET, as a client with no browser session sends it."""
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    try:
        with urllib.request.urlopen(request, timeout=20) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace")


def assert_nothing_shown(page, link: str) -> None:
    """No figure, table, chart, map or data text on the page."""
    body = page.inner_text("body")
    assert not [word for word in DATA_WORDS if word in body], (link, body[:500])
    assert page.locator("[data-testid='stMetric'], [data-testid='stDataFrame']").count() == 0, link
    assert page.locator("[data-testid='stPlotlyChart'], [data-testid='stDeckGlJsonChart']").count() == 0, link


def expect_closed(page, link: str = "") -> None:
    """The password form and nothing from the data."""
    expect(page.locator("input[type='password']")).to_be_visible(timeout=30000)
    expect(page.locator(IDLE)).to_be_attached(timeout=30000)
    assert_nothing_shown(page, link)


def log_in(page) -> None:
    """Give the password; wait until the page shows data and the browser has its cookie."""
    page.fill("input[type='password']", PASSWORD)
    with page.expect_response(lambda r: SESSION_ROUTE in r.url and r.status == 204, timeout=30000):
        page.get_by_role("button", name="Open the dashboard").click()
    expect(page.locator("input[type='password']")).to_have_count(0, timeout=30000)
    expect(page.locator(IDLE)).to_be_attached(timeout=30000)


def test_every_way_in_is_closed_without_the_password(browser, gated_server):
    """The bare address, embeds, deep and crafted links (a password in the link, path tricks, the first request
    to a fresh server) show only the password form, also after a reload; deeper paths show nothing at all."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 800})
    page = ctx.new_page()
    for path in WAYS_IN:
        page.goto(f"{gated_server.url}/{path}")
        expect_closed(page, path)
    page.reload()
    expect_closed(page)
    for path in DEEP_PATHS:
        response = ctx.request.get(f"{gated_server.url}/{path}")
        assert not [word for word in DATA_WORDS if word in response.text()], path
        page.goto(f"{gated_server.url}/{path}")
        page.wait_for_function("() => document.readyState === 'complete'")
        if page.locator("[data-testid='stApp']").count():  # the app did start here after all: the gate must hold
            expect(page.locator(IDLE)).to_be_attached(timeout=30000)
        assert_nothing_shown(page, path)
    assert not [c for c in ctx.cookies() if c["name"] == "conflictdesk_gate"]
    ctx.close()


def test_passing_keeps_links_and_reloads_open_and_downloads_stay_gated(browser, gated_server):
    """After the password: reload and an in-app link stay open; the download URL is refused to anyone else."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 800}, accept_downloads=True)
    page = ctx.new_page()
    page.goto(f"{gated_server.url}/statements?period=2025-04-13&period=2025-04-23")
    expect_closed(page)
    log_in(page)
    expect(page.get_by_text("Putin").first).to_be_visible(timeout=30000)
    cookie = next(c for c in ctx.cookies() if c["name"] == "conflictdesk_gate")
    assert cookie["httpOnly"] and cookie["sameSite"] == "Strict" and PASSWORD not in cookie["value"]
    assert PASSWORD not in page.url

    # An in-app link opened in a new tab (a new session): open, no password asked.
    href = page.get_by_role("link", name="Link to this statement").first.get_attribute("href")
    linked = ctx.new_page()
    linked.goto(href if href.startswith("http") else f"{gated_server.url}/{href.lstrip('/')}")
    expect(linked.get_by_text("Showing one linked statement").first).to_be_visible(timeout=30000)
    assert linked.locator("input[type='password']").count() == 0

    # A reload of the first tab: still open.
    page.reload()
    expect(page.get_by_text("Putin").first).to_be_visible(timeout=30000)
    assert page.locator("input[type='password']").count() == 0

    # The download's URL: the browser that passed gets the rows, a client without the cookie gets nothing.
    with page.expect_download(timeout=30000) as download:
        page.get_by_role("button", name="Download these statements (CSV)").click()
    media_url = download.value.url
    assert "/media/" in media_url
    assert ctx.request.get(media_url).status == 200
    assert "Putin" in open(download.value.path(), encoding="utf-8").read()
    status, body = http_status(media_url)
    assert status == 403 and "Putin" not in body
    forged = f"conflictdesk_gate={cookie['value'][:-3]}abc"
    assert http_status(media_url, forged)[0] == 403
    stranger = browser.new_context()
    response = stranger.request.get(media_url)
    assert response.status == 403 and "Putin" not in response.text()
    stranger.close()
    ctx.close()


def test_metrics_are_not_served(gated_server):
    """/_stcore/metrics (reader activity) is not served; the health check still answers for the proxy."""
    assert http_status(f"{gated_server.url}/_stcore/metrics")[0] == 404
    assert http_status(f"{gated_server.url}/_stcore/health")[0] == 200


def test_unreadable_secrets_file_shows_no_data(browser, fresh_server, tmp_path):
    """`password = s3cret` without quotes: every page says the settings are broken, with no data and no secret."""
    (tmp_path / ".streamlit").mkdir()
    (tmp_path / ".streamlit" / "secrets.toml").write_text("password = s3cret-unquoted\n", encoding="utf-8")
    running = fresh_server({"HOME": str(tmp_path)})
    ctx = browser.new_context(viewport={"width": 1280, "height": 800})
    page = ctx.new_page()
    for path in ("overview", "statements?embed=true", "casualties"):
        page.goto(f"{running.url}/{path}")
        expect(page.get_by_text("password settings are broken")).to_be_visible(timeout=30000)
        expect(page.locator(IDLE)).to_be_attached(timeout=30000)
        body = page.inner_text("body")
        assert "s3cret" not in body and not [word for word in DATA_WORDS if word in body]
        assert page.locator("input[type='password']").count() == 0
    ctx.close()
