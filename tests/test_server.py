"""The server's door: an oversized link is not dropped silently (LinkGuard, on a real ASGI app)."""

import asyncio
from concurrent.futures import ThreadPoolExecutor

from starlette.applications import Starlette
from starlette.responses import PlainTextResponse
from starlette.routing import Route
from streamlit.testing.v1 import AppTest

from apptests import TIMEOUT
from conflictdesk.server import LinkGuard


def get(target: str) -> tuple[int, dict[str, str]]:
    """GET a path through LinkGuard in front of a small Starlette app, over ASGI; the status and headers."""
    app = LinkGuard(Starlette(routes=[Route("/{path:path}", lambda request: PlainTextResponse("page"))]))
    path, _, query = target.partition("?")
    scope = {"type": "http", "method": "GET", "path": path, "raw_path": path.encode(), "root_path": "",
             "query_string": query.encode(), "headers": [], "scheme": "http", "server": ("test", 80),
             "http_version": "1.1"}
    sent = []

    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):
        sent.append(message)

    # In a thread of its own: on the worker that ran the browser tests, Playwright's loop is still running here.
    with ThreadPoolExecutor(1) as pool:
        pool.submit(asyncio.run, app(scope, receive, send)).result()
    start = next(m for m in sent if m["type"] == "http.response.start")
    return start["status"], {k.decode(): v.decode() for k, v in start["headers"]}


def test_a_link_with_too_many_parameters_is_sent_to_the_page_with_a_count():
    """1,001 parameters: redirected to the same page with dropped=1001; 1,000 pass untouched."""
    too_many = "&".join(f"x{i}=1" for i in range(1001))
    status, headers = get(f"/map?{too_many}")
    assert status == 303 and headers["location"] == "/map?dropped=1001"
    fine = "&".join(f"x{i}=1" for i in range(1000))
    assert get(f"/map?{fine}")[0] == 200


def test_the_page_says_no_parameter_was_read():
    """The page opened with dropped= says the link's parameters were too many and shows the default view."""
    at = AppTest.from_file("../pages/overview.py", default_timeout=TIMEOUT)
    at.query_params["dropped"] = ["1001"]
    at.run()
    assert any("The link was too long to read" in el.value and "1,001 parameters" in el.value for el in at.info)
    assert not any("unknown link parameter" in el.value for el in at.info)
