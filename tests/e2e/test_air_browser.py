"""The Air attacks page in a real browser over an imported daily air-attack file: the headline figures and the
per-claimant charts are drawn (what the page computes is tested under AppTest in tests/test_page_air.py)."""

import pytest
from playwright.sync_api import expect

from airfixtures import imported_folder
from browser_support import Server, expect_no_error, metric, open_page


@pytest.fixture(scope="module")
def air_server(tmp_path_factory):
    """A server over a copy of data/ with the daily air-attack file of tests/airfixtures.py merged in."""
    tmp = tmp_path_factory.mktemp("air-browser")
    running = Server({"CONFLICTDESK_DATA": str(imported_folder(tmp)), "CONFLICTDESK_CACHE": str(tmp / "cache")})
    yield running
    running.stop()


def test_air_page_draws_its_figures_and_a_chart_per_claimant(context, air_server):
    """The week of 14 April: the Air Force's 200 drones launched, its chart titled with the claimant and drawn
    with bars, and the regional command's chart beside it."""
    page = open_page(context, f"{air_server.url}/air?period=2025-04-14&period=2025-04-20", "Air attacks")
    expect_no_error(page)
    expect(metric(page, "Attack drones launched")).to_have_text("200")
    expect(page.get_by_text("According to Air Force of the Armed Forces of Ukraine", exact=True).first).to_be_visible()
    charts = page.get_by_test_id("stPlotlyChart")
    expect(charts).to_have_count(6)
    first = charts.first
    expect(first.locator(".main-svg").first).to_be_attached()
    expect(first.locator("g.bars path").first).to_be_attached()
    expect(first).to_contain_text("According to Air Force of the Armed Forces")  # the title wraps after "Forces"
