"""Issue 14 in a real browser: a citation link made before a correction announces it; the link the page's own
"Cite this view" makes now announces nothing."""

import re
import sys
from pathlib import Path

from playwright.sync_api import expect

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from correctionfixtures import corrected_copy  # noqa: E402

OLD_LINK = "2026-11-10T09:00Z"  # before the Sumy correction of 20 Nov 2026 (and the bundled ones)
DONE = '[data-testid="stApp"][data-test-script-state="notRunning"]'
TIMEOUT = 90_000


def settled(page) -> None:
    """Wait until the script has run and the page's footer is drawn (the last thing every page draws)."""
    expect(page.get_by_text("Cite this view or embed it in an article")).to_be_visible(timeout=TIMEOUT)
    expect(page.locator(DONE)).to_be_attached(timeout=TIMEOUT)


def test_older_citation_link_names_the_change_and_a_fresh_one_says_nothing(context, fresh_server, tmp_path):
    server = fresh_server({"CONFLICTDESK_DATA": str(corrected_copy(tmp_path))})
    page = context.new_page()
    page.goto(f"{server.url}/casualties?period=2025-04-13&period=2025-04-23&as_of={OLD_LINK}")
    settled(page)
    notice = page.locator(".st-key-updated-since")
    expect(notice).to_have_count(1)
    expect(notice).to_contain_text("Updated since this link was made: 4 corrections")
    expect(notice).to_contain_text("Casualty report on the strike in Sumy, 13 Apr 2025")
    expect(notice).to_contain_text("killed: 35 → 34")
    expect(notice).to_contain_text("The publisher corrected its count of the dead")
    # The notice comes before the first figure.
    first_chart = page.locator('[data-testid="stPlotlyChart"]').first
    expect(first_chart).to_be_visible(timeout=TIMEOUT)
    assert notice.bounding_box()["y"] < first_chart.bounding_box()["y"]

    page.get_by_role("button", name="Cite this view or embed it in an article").click()
    citation = page.locator('[data-testid="stCode"]').first
    expect(citation).to_contain_text("as_of=", timeout=TIMEOUT)
    fresh = re.search(r"https?://\S+", citation.inner_text()).group(0)
    assert "as_of=" in fresh and OLD_LINK not in fresh

    page.goto(fresh)
    settled(page)
    expect(page.get_by_role("heading", name="Casualties")).to_be_visible()
    expect(page.locator(".st-key-updated-since")).to_have_count(0)
    expect(page.get_by_text("Updated since this link was made")).to_have_count(0)
