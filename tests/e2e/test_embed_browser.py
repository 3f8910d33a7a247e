"""Article-ready output in real Chromium: a view embedded in a 640 px frame of an article served from another
port, its static snapshot opened with the network blocked, CSV and snapshot downloads."""

import functools
import http.server
import re
import threading

import pytest

from playwright.sync_api import expect

from browser_support import APP, free_port, wait_for_app

FILTERS = "period=2025-04-14&period=2025-04-23&actor=russia"
FILTER_WORDS = "Filtered to 14 Apr 2025 – 23 Apr 2025; strikes carried out by Russia."
APP_READY = "[data-testid='stApp'][data-test-script-state='notRunning']"


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the article's folder without logging each request."""

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def article(tmp_path):
    """A second local web server for a test article page: write(html) gives its address."""
    port = free_port()
    handler = functools.partial(QuietHandler, directory=str(tmp_path))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()

    def write(body: str, name: str = "story.html") -> str:
        (tmp_path / name).write_text(
            "<!DOCTYPE html><html><head><meta charset='utf-8'><title>A story</title></head>"
            "<body style='margin:0;font-family:serif'><article style='max-width:640px;margin:0 auto'>"
            "<h1>Sumy: what we know</h1><p>Reporting text above the chart.</p>"
            f"{body}<p>Reporting text below the chart.</p>"
            "<div style='height:1500px'>More of the story.</div></article></body></html>",
            encoding="utf-8",
        )
        return f"http://127.0.0.1:{port}/{name}"

    yield write
    httpd.shutdown()
    httpd.server_close()


def app_page(context, server, path: str):
    """Open a page of the app and wait until it is drawn."""
    page = context.new_page()
    page.goto(f"{server.url}/{path}")
    wait_for_app(page)
    return page


def open_cite_block(page) -> None:
    """Open the "Cite this view or embed it in an article" block and wait until its codes are drawn."""
    page.get_by_role("button", name="Cite this view or embed it in an article").click()
    expect(page.locator("[data-testid='stCode']", has_text="<iframe").first).to_be_visible()


def embed_code_from_app(context, server, path: str, part_label: str) -> str:
    """The embed code the app offers for one part, read from its "Cite this view or embed it" block on the
    page opened at that part (the block's "What to embed" choice starts at the view's part)."""
    page = app_page(context, server, path)
    open_cite_block(page)
    expect(page.locator("[data-testid='stCode']", has_text=part_label).first).to_be_visible()
    code = page.locator("[data-testid='stCode']", has_text="<iframe").first
    code.wait_for()
    page.wait_for_function("() => [...document.querySelectorAll('[data-testid=stCode]')]"
                           ".some(e => e.innerText.includes('part=tolls'))")
    text = code.inner_text()
    page.close()
    return text


def embedded_frame(page):
    """The app's frame in the article, once its script has finished."""
    handle = page.locator("iframe[data-conflictdesk]").element_handle()
    frame = handle.content_frame()
    frame.wait_for_selector(APP_READY)
    frame.wait_for_selector("[data-testid='stMain'] h1")
    frame.wait_for_selector("[data-testid='stPlotlyChart'] .main-svg")
    return frame


def test_a_chart_embedded_in_an_article_shows_title_filters_chart_and_credit(make_context, server, article):
    """The embed code for one chart, pasted into a 640 px article on another port: the frame shows the title,
    the filters in words, the chart, source, credit, data version and a link to the full dashboard, and takes
    the height of what it shows (no scrolling inside the frame)."""
    context = make_context(viewport={"width": 1280, "height": 900})
    code = embed_code_from_app(context, server, f"casualties?{FILTERS}&part=tolls", "Latest toll per strike")
    assert 'title="Conflict Desk: Casualties — Latest toll per strike"' in code
    page = context.new_page()
    page.goto(article(code))
    frame = embedded_frame(page)
    main = frame.locator("[data-testid='stMain']")
    assert frame.locator("[data-testid='stMain'] h1").inner_text().strip() == "Casualties"
    assert FILTER_WORDS in main.inner_text()
    assert frame.locator("[data-testid='stPlotlyChart']").count() == 1
    assert frame.locator("[data-testid='stSidebar']").is_hidden()
    assert frame.locator("[data-testid='stDownloadButton']").count() == 0
    footer = main.locator("[data-testid='stCaptionContainer']", has_text="open the full dashboard")
    version = re.search(r"Data version (\w+)", footer.inner_text())
    assert version and "via Conflict Desk" in footer.inner_text()
    link = footer.get_by_role("link", name="open the full dashboard").get_attribute("href")
    assert link.startswith(f"{server.url}/casualties?") and "embed" not in link and "actor=russia" in link
    # Auto-height: the article's frame grows to the view's content; nothing is cut or scrolled inside it.
    iframe = page.locator("iframe[data-conflictdesk]")
    page.wait_for_function("() => parseInt(document.querySelector('iframe[data-conflictdesk]').style.height) > 480")
    frame_box = iframe.bounding_box()
    assert frame_box["width"] == 640
    content = frame.evaluate("() => document.querySelector(\"[data-testid='stMainBlockContainer']\")"
                             ".getBoundingClientRect().height")
    assert abs(frame_box["height"] - content) <= 4
    for element in (frame.locator("[data-testid='stMain'] h1"), frame.locator("[data-testid='stPlotlyChart']"),
                    footer):
        box = element.bounding_box()  # page coordinates: inside the frame's box
        assert frame_box["y"] <= box["y"] and box["y"] + box["height"] <= frame_box["y"] + frame_box["height"] + 1
        assert box["x"] >= frame_box["x"] and box["x"] + box["width"] <= frame_box["x"] + frame_box["width"] + 1
    

@pytest.mark.parametrize("width", [640, 350])
def test_an_embedded_chart_fits_a_fixed_frame(make_context, server, article, width):
    """In a frame of the old fixed kind (640×480, and 350 wide on a phone), the chart's view shows its title,
    filters, chart and footer with no sideways scroll."""
    context = make_context(viewport={"width": max(width, 400), "height": 900})
    page = context.new_page()
    src = f"{server.url}/casualties?{FILTERS}&part=tolls&embed=true"
    page.goto(article(f'<iframe src="{src}" title="Chart" width="{width}" height="480" style="border:0" '
                      'data-conflictdesk></iframe>'))
    frame = embedded_frame(page)
    main = frame.locator("[data-testid='stMain']")
    assert FILTER_WORDS in main.inner_text()
    assert "open the full dashboard" in main.inner_text() and "Data version" in main.inner_text()
    overflow = frame.evaluate("() => { const m = document.querySelector(\"[data-testid='stMain']\");"
                              " return m.scrollWidth - m.clientWidth; }")
    assert overflow <= 1
    chart = frame.locator("[data-testid='stPlotlyChart']").bounding_box()
    assert chart["width"] <= width
    # In the frame's first screen: the title and filters at the top, the credit line pinned at the bottom.
    top = page.locator("iframe[data-conflictdesk]").bounding_box()
    for part in (frame.locator("[data-testid='stMain'] h1"), frame.get_by_text(FILTER_WORDS),
                 frame.locator(".st-key-embed-footer")):
        box = part.bounding_box()
        assert top["y"] <= box["y"] and box["y"] + box["height"] <= top["y"] + 480 + 1, part
    footer = frame.locator(".st-key-embed-footer").inner_text()
    assert "via Conflict Desk" in footer and "Data version" in footer and "open the full dashboard" in footer
    

def test_an_embedded_map_leaves_the_mouse_wheel_to_the_article(make_context, server, article):
    """The wheel over an embedded map (framed by the app's embed code) scrolls the article; the map does not
    capture it."""
    from conflictdesk.export import embed_code

    context = make_context(viewport={"width": 800, "height": 700})
    page = context.new_page()
    page.goto(article(embed_code(f"{server.url}/map?{FILTERS}&part=map&embed=true", "Map")))
    handle = page.locator("iframe[data-conflictdesk]").element_handle()
    frame = handle.content_frame()
    frame.wait_for_selector(APP_READY)
    canvas = frame.locator("[data-testid='stDeckGlJsonChart'] canvas").first
    canvas.wait_for(state="visible")
    assert frame.locator("button", has_text="All Ukraine").count() == 0  # no place buttons row embedded
    page.wait_for_function("() => parseInt(document.querySelector('iframe[data-conflictdesk]').style.height) > 420")  # sized to its content: nothing to scroll inside the frame
    box = canvas.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    before = page.evaluate("() => window.scrollY")
    page.mouse.wheel(0, 400)
    page.wait_for_function(f"() => window.scrollY > {before}")
    

def test_static_snapshot_opens_offline_with_chart_filters_and_credit(make_context, tmp_path):
    """`snapshot URL --out DIR`, opened from file:// with every other request aborted: the chart draws, and
    the title, filters in words, credit and data version are on the page; nothing asked for the network."""
    import json

    from conflictdesk.__main__ import main

    url = f"http://desk.example/casualties?{FILTERS}"
    assert main(["snapshot", url, "--out", str(tmp_path / "snap")]) == 0
    cited = json.loads((tmp_path / "snap" / "citation.json").read_text("utf-8"))
    context = make_context(fresh=True, viewport={"width": 390, "height": 844})  # its route blocks the network
    blocked = []

    def route(request_route):
        if request_route.request.url.startswith("file://"):
            request_route.continue_()
        else:
            blocked.append(request_route.request.url)
            request_route.abort()

    context.route("**/*", route)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto((tmp_path / "snap" / "index.html").as_uri())
    page.wait_for_selector("[data-chart='casualties-latest-tolls'] .main-svg .bars path")
    assert page.locator("h1").inner_text() == "Conflict Desk: Casualties"
    assert page.locator("#filters").inner_text() == FILTER_WORDS
    credit = page.locator("#credit").inner_text()
    assert cited["credit"] in credit and f"Data version {cited['data_version']}" in credit
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
    assert not errors and not blocked
    

def test_downloaded_csv_keeps_curly_quotes_for_a_spreadsheet(make_context, server):
    """The statements CSV, downloaded in the browser: a byte-order mark, and ’ as its UTF-8 bytes; the JSON
    button gives the same rows with the view's address."""
    import json

    context = make_context(viewport={"width": 1280, "height": 900})  # downloads are accepted by default
    page = app_page(context, server, "statements")
    with page.expect_download() as caught:
        page.get_by_role("button", name="Download these statements (CSV)").click()
    data = open(caught.value.path(), "rb").read()
    assert data.startswith(b"\xef\xbb\xbf") and not data.startswith(b"\xef\xbb\xbf\xef\xbb\xbf")
    assert "’".encode("utf-8") in data and b"\xc3\xa2\xe2\x82\xac" not in data
    assert b"['" not in data
    with page.expect_download() as caught:
        page.get_by_role("button", name="Same rows as JSON").click()
    document = json.loads(open(caught.value.path(), "rb").read())
    assert document["data_version"] and document["view"].startswith(f"{server.url}/statements?")
    assert any("’" in (row.get("quote") or "") for row in document["rows"])
    

def test_download_this_view_gives_the_snapshot_zip(make_context, server):
    """"Download this view" in the cite block: a .zip of the snapshot folder for this view, of the part chosen to
    embed when one is."""
    import io
    import json
    import zipfile

    context = make_context(viewport={"width": 1280, "height": 900})  # downloads are accepted by default
    page = app_page(context, server, f"casualties?{FILTERS}")
    open_cite_block(page)
    page.get_by_test_id("stSelectbox").filter(has_text="What to embed").click()
    page.get_by_role("option", name="Latest toll per strike").click()
    expect(page.locator("[data-testid='stCode']", has_text="part=tolls").first).to_be_visible()
    button = page.get_by_role("button", name="Download this view (static page, .zip)")
    expect(button).to_be_enabled()
    with page.expect_download() as caught:
        button.click()
        # A failed build shows its reason under the button: fail with it rather than wait for a download.
        expect(page.get_by_test_id("stDownloadButtonError")).to_have_count(0)
    with zipfile.ZipFile(io.BytesIO(open(caught.value.path(), "rb").read())) as archive:
        names = set(archive.namelist())
        cited = json.loads(archive.read("conflictdesk-casualties/citation.json"))
        index = archive.read("conflictdesk-casualties/index.html").decode("utf-8")
    assert {"conflictdesk-casualties/plotly.min.js", "conflictdesk-casualties/data/latest-tolls.csv"} <= names
    assert cited["url"].startswith(f"{server.url}/casualties?{FILTERS}&part=tolls&as_of=") and cited["part"] == "tolls"
    assert FILTER_WORDS in index and cited["data_version"] in index
