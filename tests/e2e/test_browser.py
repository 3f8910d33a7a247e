"""The dashboard in a real browser: every page, the map's pixels, filters in the URL, phone width."""

import re

import pytest

from browser_support import PAGES, save_screenshot, wait_for_app

FILTERED = "period=2025-04-14&period=2025-04-21&actor=russia"


def open_page(context, server, path: str):
    """Open a path in a new tab and wait for the app to finish drawing it."""
    page = context.new_page()
    page.goto(f"{server.url}/{path}")
    wait_for_app(page)
    return page


def assert_no_error(page) -> None:
    """No exception box, no error box, no traceback on the page."""
    assert page.locator("[data-testid='stException']").count() == 0
    assert page.locator("[data-testid='stAlertContentError']").count() == 0
    assert "Traceback" not in page.inner_text("body")


def period_inputs(page) -> list[str]:
    """The two dates the sidebar's period picker holds."""
    inputs = page.locator("[data-testid='stSidebar'] [data-testid='stDateInput'] input[type='date']")
    return [inputs.nth(i).input_value() for i in range(inputs.count())]


def metric(page, label: str) -> str:
    """The value shown under a metric's label."""
    box = page.locator("[data-testid='stMetric']", has_text=label).first
    return box.locator("[data-testid='stMetricValue']").inner_text()


@pytest.mark.parametrize("name", PAGES)
def test_every_page_renders_without_error(context, server, name):
    """Each page draws its title and no error or traceback; a screenshot is saved for a person to check."""
    page = open_page(context, server, name)
    assert_no_error(page)
    assert page.locator("[data-testid='stMain'] h1").first.is_visible()
    save_screenshot(page, name)


def test_map_canvas_has_pixels(context, server):
    """The strikes map's canvas is drawn: it holds many distinct colours, not a blank box."""
    page = open_page(context, server, "map?place=Sumy")
    canvas = page.locator("[data-testid='stDeckGlJsonChart'] canvas").first
    canvas.wait_for(state="visible", timeout=30000)
    page.wait_for_timeout(3000)
    shot = canvas.screenshot()
    from io import BytesIO
    import struct
    import zlib

    colours = png_colours(shot)
    assert len(colours) > 20, f"map canvas looks blank ({len(colours)} colours)"


def png_colours(data: bytes) -> set:
    """The distinct RGB colours of a (non-interlaced, 8-bit RGB/RGBA) PNG, read without extra packages."""
    import struct
    import zlib

    pos, chunks, width, height, colour_type = 8, b"", 0, 0, 6
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        body = data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            width, height, _, colour_type = struct.unpack(">IIBB", body[:10])
        elif kind == b"IDAT":
            chunks += body
        pos += 12 + length
    raw = zlib.decompress(chunks)
    channels = 4 if colour_type == 6 else 3
    stride = width * channels
    colours, prev = set(), bytearray(stride)
    for row in range(height):
        start = row * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up, corner = prev[i], prev[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 255
            elif kind == 2:
                line[i] = (line[i] + up) & 255
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 255
        if row % 4 == 0:
            for x in range(0, stride, channels * 4):
                colours.add(bytes(line[x : x + 3]))
        prev = line
    return colours


def test_actor_filter_changes_figures_and_url(context, server):
    """Choosing an actor in the sidebar changes the headline figures and is written into the URL."""
    page = open_page(context, server, "overview?period=2025-04-13&period=2025-04-23")
    assert metric(page, "Strikes") == "2"
    page.locator("[data-testid='stSidebar'] [data-testid='stMultiSelect']").first.click()
    page.get_by_role("option", name="Ukraine").click()
    page.keyboard.press("Escape")
    wait_for_app(page)
    page.wait_for_function("() => location.search.includes('actor=ukraine')", timeout=10000)
    assert metric(page, "Strikes") == "0"


def test_period_filter_changes_figures(context, server):
    """A shorter period drawn from the URL drops the Sumy strike from the totals."""
    page = open_page(context, server, "overview?period=2025-04-13&period=2025-04-23")
    assert metric(page, "People killed") == "at least 35"
    page.goto(f"{server.url}/overview?period=2025-04-14&period=2025-04-23")
    wait_for_app(page)
    assert metric(page, "Strikes") == "1"
    assert metric(page, "People killed") == "not reported"


def test_copied_link_restores_the_view_in_a_new_browser(browser, server):
    """A URL copied after filtering opens in a fresh browser context with the same filters and figures."""
    first = browser.new_context(viewport={"width": 1280, "height": 800})
    page = open_page(first, server, f"casualties?{FILTERED}")
    page.get_by_role("link", name="Overview").first.click()
    wait_for_app(page)
    page.wait_for_function("() => location.search.includes('period=2025-04-14')", timeout=10000)
    copied, shown = page.url, metric(page, "People injured")
    first.close()
    second = browser.new_context(viewport={"width": 1280, "height": 800})
    again = second.new_page()
    again.goto(copied)
    wait_for_app(again)
    assert metric(again, "People injured") == shown == "at least 3"
    assert period_inputs(again) == ["2025-04-14", "2025-04-21"]
    second.close()


def test_statement_link_opens_that_statement(context, server):
    """A statement's own link opens the statements page showing that one quote."""
    page = open_page(context, server, "statements?statement=trump-2025-04-20-deal-this-week")
    text = page.inner_text("[data-testid='stMain']")
    assert "HOPEFULLY RUSSIA AND UKRAINE WILL MAKE A DEAL THIS WEEK" in text
    assert "We await a clear response from Moscow" not in text


@pytest.mark.parametrize("name", PAGES)
def test_phone_width_has_no_horizontal_scroll(browser, server, name):
    """At 390×844 the page body does not scroll sideways."""
    ctx = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = open_page(ctx, server, name)
    overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
    save_screenshot(page, f"phone-{name}")
    ctx.close()
    assert overflow <= 1


@pytest.mark.parametrize("name", ["map", "statements"])
def test_first_request_to_fresh_server_keeps_filters(browser, fresh_server, name):
    """A page's URL as the very first request to a new server still applies its filters and draws the sidebar."""
    running = fresh_server()
    ctx = browser.new_context(viewport={"width": 1280, "height": 800})
    page = ctx.new_page()
    page.goto(f"{running.url}/{name}?period=2025-04-21&period=2025-04-21&actor=ukraine")
    wait_for_app(page)
    assert_no_error(page)
    sidebar = page.inner_text("[data-testid='stSidebar']")
    assert "Ukraine" in sidebar
    assert re.search(r"21 Apr 2025 – 21 Apr 2025", page.inner_text("[data-testid='stMain']"))
    ctx.close()


def test_embed_view_is_article_friendly(context, server):
    """?embed=true: no sidebar or menu, the URL's filters applied, a source line linking to the full dashboard."""
    page = open_page(context, server, "overview?period=2025-04-14&period=2025-04-23&embed=true")
    assert_no_error(page)
    assert not page.locator("[data-testid='stSidebar']").is_visible()
    assert metric(page, "Strikes") == "1"
    link = page.get_by_role("link", name="open the full dashboard")
    href = link.get_attribute("href")
    assert "period=2025-04-14" in href and "embed" not in href
    save_screenshot(page, "embed-overview")


def test_password_gate_in_the_browser(browser, fresh_server):
    """With a password set, a page opened first by its URL (also embedded) shows no data until it is given."""
    running = fresh_server({"CONFLICTDESK_PASSWORD": "newsroom-2025"})
    ctx = browser.new_context(viewport={"width": 1280, "height": 800})
    page = ctx.new_page()
    page.goto(f"{running.url}/casualties?period=2025-04-13&period=2025-04-23&embed=true")
    page.wait_for_selector("input[type='password']", timeout=30000)
    body = page.inner_text("body")
    assert "over 100" not in body and "Sumy" not in body
    page.fill("input[type='password']", "wrong")
    page.get_by_role("button", name="Open the dashboard").click()
    page.wait_for_selector("text=That password is not right", timeout=15000)
    assert "Sumy" not in page.inner_text("body")
    page.fill("input[type='password']", "newsroom-2025")
    page.get_by_role("button", name="Open the dashboard").click()
    wait_for_app(page)
    assert "over 100" in page.inner_text("[data-testid='stMain']")
    ctx.close()


def test_csv_download_is_the_filtered_rows(context, server):
    """The casualties download holds the filtered reports with source ids and the data version, formula-safe."""
    page = open_page(context, server, "casualties?period=2025-04-14&period=2025-04-23")
    with page.expect_download() as download:
        page.get_by_role("button", name="Download every report (CSV)").click()
    text = open(download.value.path(), encoding="utf-8").read()
    lines = text.strip().splitlines()
    assert lines[0].startswith("report_id,strike_id,")
    assert "source_id" in lines[0] and lines[0].endswith("data_version")
    assert len(lines) == 2 and lines[1].startswith("odesa-2025-04-21-toll-1,")


def test_menu_is_the_same_when_a_page_is_opened_first(browser, fresh_server):
    """Opened first by its URL, a page still shows the dashboard's menu by title, not file names."""
    running = fresh_server()
    ctx = browser.new_context(viewport={"width": 1280, "height": 800})
    page = ctx.new_page()
    page.goto(f"{running.url}/truces")
    wait_for_app(page)
    sidebar = page.locator("[data-testid='stSidebar']")
    links = sidebar.locator("a").all_inner_texts()
    assert [link.strip().splitlines()[-1] for link in links if link.strip()] == [
        "Overview", "Strikes map", "Casualties", "Truce violations", "Statements", "Sources & method"
    ]
    sidebar.get_by_role("link", name="Strikes map").click()
    wait_for_app(page)
    assert page.locator("[data-testid='stMain'] h1").first.inner_text() == "Strikes map"
    ctx.close()
