"""Hostile input in real Chromium: data text never runs and shows literally, hostile links get a notice (crafted
links against the password gate: test_gate_browser.py).

Which notice each hostile parameter gets is tested under AppTest (tests/test_hostile.py); here only what needs a real
server and browser: real URL encoding, real rendering of data text.
"""

from urllib.parse import urlencode

import pytest
from playwright.sync_api import expect

from browser_support import PAGES, expect_no_error, wait_for_app

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
