"""The dashboard in a real browser: the map's pixels, filters in the URL, a first request, embed, CSV.

What a page computes is tested under AppTest (tests/test_page_*.py); here only what needs the browser: layout,
drawing, links and the address bar, a fresh server's first request, downloads.
"""

import io
import re
import time

from PIL import Image
from playwright.sync_api import expect

from browser_support import TIMEOUT_MS, expect_no_error, metric, open_page

MENU = ["Overview", "Strikes map", "Casualties", "Truce violations", "Statements", "Air attacks", "Sources & method", "Corrections"]


def colours(png: bytes) -> int:
    """How many distinct colours a PNG holds (up to 10,000)."""
    found = Image.open(io.BytesIO(png)).convert("RGB").getcolors(maxcolors=10_000)
    return 10_000 if found is None else len(found)


def test_map_canvas_has_pixels(context, server):
    """The strikes map's canvas is drawn: it comes to hold many distinct colours, not a blank box."""
    page = open_page(context, f"{server.url}/map?place=Sumy", "Strikes map")
    canvas = page.get_by_test_id("stDeckGlJsonChart").locator("canvas").first
    expect(canvas).to_be_visible()
    seen, deadline = 0, time.monotonic() + TIMEOUT_MS / 1000
    while seen <= 20 and time.monotonic() < deadline:
        seen = colours(canvas.screenshot())  # WebGL draws asynchronously: look again until it has
    assert seen > 20, f"map canvas looks blank ({seen} colours)"


def test_filters_follow_the_reader_into_the_address_bar_and_a_new_browser(make_context, server):
    """Filters survive the menu, a chosen actor is written into the URL, and the copied URL restores the view."""
    page = open_page(make_context(), f"{server.url}/casualties?period=2025-04-14&period=2025-04-21", "Casualties")
    page.get_by_test_id("stSidebar").get_by_role("link", name="Overview").click()
    expect(page.locator("[data-testid='stMain'] h1").first).to_have_text("Overview")
    expect(page).to_have_url(re.compile(r"/overview\?period=2025-04-14&period=2025-04-21"))
    expect(metric(page, "Strikes")).to_have_text("1")
    expect(metric(page, "People injured")).to_have_text("at least 3")
    page.locator("[data-testid='stSidebar'] [data-testid='stMultiSelect']").first.click()
    page.get_by_role("option", name="Ukraine").click()
    page.keyboard.press("Escape")
    expect(page).to_have_url(re.compile(r"actor=ukraine"))
    expect(metric(page, "Strikes")).to_have_text("0")
    copied = page.url

    again = open_page(make_context(fresh=True), copied, "Overview")  # another reader: nothing but the link
    expect(metric(again, "Strikes")).to_have_text("0")
    dates = again.locator("[data-testid='stSidebar'] [data-testid='stDateInput'] input")
    expect(dates).to_have_count(2)
    expect(dates.nth(0)).to_have_value("2025-04-14")
    expect(dates.nth(1)).to_have_value("2025-04-21")
    expect(again.get_by_test_id("stSidebar").get_by_test_id("stMultiSelect").first).to_contain_text("Ukraine")


def test_first_request_to_a_fresh_server(context, fresh_server):
    """A page's URL as a new server's very first request (the page runs without app.py) applies its filters,
    shows the menu by title, and the menu leads on."""
    running = fresh_server()
    page = open_page(context, f"{running.url}/statements?period=2025-04-21&period=2025-04-21&actor=ukraine")
    expect_no_error(page)
    expect(page.get_by_test_id("stSidebar").get_by_test_id("stMultiSelect").first).to_contain_text("Ukraine")
    expect(page.get_by_test_id("stMain")).to_contain_text("Filtered to 21 Apr 2025;")
    links = page.get_by_test_id("stSidebar").get_by_role("link")
    expect(links).to_have_count(len(MENU))
    assert [text.strip().splitlines()[-1] for text in links.all_inner_texts()] == MENU
    links.filter(has_text="Strikes map").click()
    expect(page.locator("[data-testid='stMain'] h1").first).to_have_text("Strikes map")


def test_embed_view_is_article_friendly(context, server):
    """?embed=true: no sidebar or menu, the URL's filters applied, a source line linking to the full dashboard."""
    page = open_page(context, f"{server.url}/overview?period=2025-04-14&period=2025-04-23&embed=true", "Overview")
    expect_no_error(page)
    expect(metric(page, "Strikes")).to_have_text("1")
    expect(page.get_by_test_id("stSidebar")).to_be_hidden()
    link = page.get_by_role("link", name="open the full dashboard")
    expect(link).to_have_attribute("href", re.compile(r"period=2025-04-14"))
    assert "embed" not in link.get_attribute("href")


def test_csv_download_is_the_filtered_rows(context, server):
    """The casualties download holds the filtered reports with source ids and the data version."""
    page = open_page(context, f"{server.url}/casualties?period=2025-04-14&period=2025-04-23", "Casualties")
    with page.expect_download() as download:
        page.get_by_role("button", name="Download every report (CSV)").click()
    lines = open(download.value.path(), encoding="utf-8").read().strip().splitlines()
    assert lines[0].startswith("\ufeffreport_id,strike_id,")  # the byte-order mark Excel needs for UTF-8
    assert "source_id" in lines[0] and lines[0].endswith("corrections,data_version,credit")
    assert len(lines) == 2 and lines[1].startswith("odesa-2025-04-21-toll-1,")
