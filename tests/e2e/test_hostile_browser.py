"""Hostile input in real Chromium: data text never runs and shows literally, hostile links get a notice, the gate holds.

Which notice each hostile parameter gets is tested under AppTest (tests/test_hostile.py); here only what needs a real
server and browser: real URL encoding, real rendering of data text, the password gate over HTTP.
"""

from urllib.parse import urlencode

import pytest
from playwright.sync_api import expect

from browser_support import APP, PAGES, expect_no_error, wait_for_app

PWNED = '<script>alert("pwned")</script>'
# Every way the data's text could run in the page: a script element, an inline handler, a javascript: link.
RUNNABLE = "script, [onerror], [onload], [onclick], [onmouseover], img[src='x'], iframe[srcdoc]"
JAVASCRIPT_LINKS = "a[href^='javascript:' i], [href^='javascript:' i], [src^='javascript:' i]"
QUOTE_PAGES = ("overview", "statements")  # the pages that show the hostile quote itself
# Links whose damage would be in the HTTP layer (encoding, size, control characters): page, parameters, notice.
HOSTILE_LINKS = {
    "encoded path traversal": ("map", {"strike": ["..%2F..%2Fdata"], "truce": ["/etc/shadow"]}, "Ignored the strike link"),
    "a 20,000-character period": ("overview", {"period": ["x" * 20000]}, "Ignored the period"),
    "unicode oddities": (
        "statements",
        {"actor": ["\u202eaissur", "ru\u200bssia", "\U0001f4a3"], "place": ["Sumy\x00"], "speaker": ["\ufeff"]},
        "Ignored unknown actors",
    ),
}


def watched_page(context):
    """A tab that records every JavaScript dialog (alert, confirm, prompt) in `page.dialogs` and dismisses it
    (the shared contexts' tabs do so already: conftest.SharedContext)."""
    page = context.new_page()
    if not hasattr(page, "dialogs"):
        page.dialogs = []

        def record(dialog):
            page.dialogs.append(f"{dialog.type}: {dialog.message}")
            dialog.dismiss()

        page.on("dialog", record)
    return page


@pytest.mark.parametrize("name", PAGES)
def test_hostile_data_never_runs_and_shows_as_text(context, hostile_server, name):
    """With script, HTML and javascript: links in the data: no dialog, no runnable markup, the text shown literally."""
    page = watched_page(context)
    page.goto(f"{hostile_server.url}/{name}")
    wait_for_app(page)
    main = page.get_by_test_id("stMain")
    for expander in main.get_by_test_id("stExpander").locator("summary").all():
        expander.click()  # hidden text is drawn too: open every expander
    main.get_by_role("button", name="Cite this view or embed it in an article").click()  # the credit names sources
    expect(page.get_by_test_id("stCode").first).to_be_visible()
    page.mouse.move(640, 400)
    # every image has loaded or failed: its handlers would have fired
    page.wait_for_function("() => [...document.images].every(image => image.complete)")
    expect_no_error(page)
    if name in QUOTE_PAGES:
        expect(main).to_contain_text(PWNED)
        for words in ("**bold**", "[click](javascript:alert(1))", "<img src=x onerror=alert(1)>"):
            expect(main).to_contain_text(words)
        expect(main.locator("strong", has_text="bold")).to_have_count(0)
    assert page.dialogs == []
    assert main.locator(RUNNABLE).count() == 0, main.locator(RUNNABLE).first.evaluate("e => e.outerHTML")
    assert page.locator(JAVASCRIPT_LINKS).count() == 0
    assert page.get_by_test_id("stSidebar").locator("script, [onerror]").count() == 0


@pytest.mark.parametrize("case", sorted(HOSTILE_LINKS))
def test_hostile_link_opens_its_page_with_a_notice(context, server, case):
    """A hostile link over real HTTP opens its page with the notice, no error box and no dialog."""
    name, params, words = HOSTILE_LINKS[case]
    page = watched_page(context)
    page.goto(f"{server.url}/{name}?{urlencode(params, doseq=True)}")
    wait_for_app(page)
    expect(page.get_by_test_id("stMain").get_by_test_id("stAlert").filter(has_text=words)).not_to_have_count(0)
    expect_no_error(page)
    assert page.dialogs == []


GATE_PASSWORD = "gate-check-2025"
# Links the app answers: the password form must come first. The first is the fresh server's first request.
GATE_LINKS = [
    "casualties?period=2025-04-13&period=2025-04-23&embed=true",
    "overview?period=2025-04-13&period=2025-04-23&actor=russia",
    "overview?_gate_passed=true&password=gate-check-2025",
    "statements?statement=../../etc/passwd",
    "map?embed=true&embed_options=show_toolbar&period=2025-04-13&period=2025-04-23",
    "sources?embed=true&password=gate-check-2025",
    "home?embed=true",
    "truces/../overview",
    "app",
]
# Deeper paths: Streamlit serves its index page there but the app never starts (its assets are relative).
DEEP_PATHS = ["overview/extra/path", "pages/overview.py", "data/strikes.csv", ".streamlit/secrets.toml"]
SECRETS = ("Sumy", "over 100", "People killed", "Peskov", "strike_id,", GATE_PASSWORD)


def assert_nothing_shown(page, link: str) -> None:
    """No figure, table, chart, map or data text on the page."""
    body = page.inner_text("body")
    assert page.get_by_test_id("stMetric").count() == 0, link
    assert page.locator("[data-testid='stDataFrame'], [data-testid='stPlotlyChart']").count() == 0, link
    assert page.get_by_test_id("stDeckGlJsonChart").count() == 0, link
    for secret in SECRETS:
        assert secret not in body, (link, secret)


def test_password_gate_holds_against_hostile_links(context, fresh_server):
    """With a password set, no URL parameter, page path or embed view shows a figure before the password."""
    running = fresh_server({"CONFLICTDESK_PASSWORD": GATE_PASSWORD})
    page = watched_page(context)  # one tab, as a reader trying one link after another
    for link in GATE_LINKS:
        page.goto(f"{running.url}/{link}")
        expect(page.locator("input[type='password']")).to_be_visible()
        expect(page.locator(APP)).to_have_attribute("data-test-script-state", "notRunning")
        assert_nothing_shown(page, link)
    for path in DEEP_PATHS:
        response = context.request.get(f"{running.url}/{path}")
        assert not any(secret in response.text() for secret in SECRETS), path
        page.goto(f"{running.url}/{path}", wait_until="networkidle")  # all it loads has loaded
        if page.locator(APP).count():  # the app did start here after all: then the gate must hold
            expect(page.locator(APP)).to_have_attribute("data-test-script-state", "notRunning")
        assert_nothing_shown(page, path)
    # The same server lets the reader in with the password: the checks above looked at a working gate.
    page.goto(f"{running.url}/overview?period=2025-04-13&period=2025-04-23")
    page.locator("input[type='password']").fill(GATE_PASSWORD)
    page.get_by_role("button", name="Open the dashboard").click()
    expect(page.get_by_test_id("stMain")).to_contain_text("People killed")
    wait_for_app(page, "Overview")
