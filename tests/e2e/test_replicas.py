"""Two replicas behind a real HAProxy: readers keep their view, with the right figures, when one replica dies.

Loopback only, bounded: 30 websocket sessions (two renders each, every one checked, spread over both
replicas) and a Chromium reader at the bare address, each with its own filters; the reader's replica is
killed (SIGKILL) once 30 renders are done: the reader reconnects on its own, then reloads.
"""

import sys
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import expect
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

import load_test  # noqa: E402
from deploy.replicas import COOKIE, Cluster  # noqa: E402

SESSIONS = 30  # websocket sessions, each with its own filters
READERS = 1  # browser readers, pinned to r1 by their affinity cookie
RENDERS = 2  # renders per websocket session
TIMEOUT = 90_000  # ms for one expectation on a busy machine
DONE = "[data-testid='stApp'][data-test-script-state='notRunning'][data-test-connection-state='CONNECTED']"


@pytest.fixture(scope="module")
def plan():
    """Distinct filter sets with the overview's figures for each, computed without Streamlit."""
    from conflictdesk.cache import open_data
    from conflictdesk.load import data_dir

    con = open_data(data_dir())
    try:
        pool = load_test.filter_pool(con, SESSIONS + READERS, seed=3)
    finally:
        con.close()
    assert len(pool) == SESSIONS + READERS, "the bundled data should give enough distinct views"
    return pool


@pytest.fixture(scope="module")
def cluster():
    """Two replicas sharing one read-only database, HAProxy in front; all stopped afterwards."""
    with Cluster(2, env={"CONFLICTDESK_PASSWORD": None}) as running:
        yield running


class Reader:
    """One reader in their own browser context, pinned to a replica, counting the websocket runs they get."""

    def __init__(self, browser, cluster, replica: str, filters, path: str = "overview"):
        self.filters = filters
        self.context = browser.new_context(viewport={"width": 1280, "height": 800})
        self.context.add_cookies([{"name": COOKIE, "value": replica, "url": cluster.url}])
        self.page = self.context.new_page()
        self.sockets = []  # (websocket, script runs it finished)
        self.page.on("websocket", self._on_socket)
        self.page.goto(f"{cluster.url}/{path}?{filters.query_string()}")

    def _on_socket(self, socket) -> None:
        finished = []
        self.sockets.append((socket, finished))
        socket.on("framereceived", lambda payload: finished.append(1) if _finished(payload) else None)

    def replica(self) -> str:
        """The replica named by the reader's affinity cookie."""
        return next(c["value"] for c in self.context.cookies() if c["name"] == COOKIE)

    def wait_for_new_run(self, sockets_before: int) -> None:
        """Block until a websocket opened after `sockets_before` ones has delivered a finished script run."""
        if len(self.sockets) <= sockets_before:
            self.page.wait_for_event("websocket", timeout=TIMEOUT)
        socket, finished = self.sockets[-1]
        if not finished:
            socket.wait_for_event("framereceived", predicate=_finished, timeout=TIMEOUT)

    def check_view(self, want) -> None:
        """The page shows this reader's own view: its filters in the URL and sidebar, its figures, no error."""
        page = self.page
        expect(page.locator(DONE)).to_be_visible(timeout=TIMEOUT)
        for label, value in want.metrics.items():
            box = page.locator("[data-testid='stMetric']", has_text=label).first
            expect(box.locator("[data-testid='stMetricValue']")).to_have_text(value, timeout=TIMEOUT)
        expect(page.locator("[data-testid='stCaptionContainer']", has_text=want.caption).first).to_be_visible()
        dates = page.locator("[data-testid='stSidebar'] [data-testid='stDateInput'] input[type='date']")
        for index, value in enumerate(want.sidebar["period"]):
            expect(dates.nth(index)).to_have_value(value, timeout=TIMEOUT)
        query = parse_qs(urlparse(page.url).query)
        assert query == parse_qs(self.filters.query_string()), f"{page.url} lost the view"
        expect(page.locator("[data-testid='stException'], [data-testid='stAlertContentError']")).to_have_count(0)
        assert "Traceback" not in page.inner_text("body")


def _finished(payload) -> bool:
    """Whether a websocket frame is Streamlit's `script_finished` (a completed render)."""
    if not isinstance(payload, (bytes, bytearray)):
        return False
    message = ForwardMsg()
    message.ParseFromString(bytes(payload))
    return message.WhichOneof("type") == "script_finished"


def test_readers_keep_their_view_when_a_replica_dies(browser, cluster, plan):
    views = list(plan.items())
    # The reader comes by the bare address, which shows the overview in place.
    readers = [
        Reader(browser, cluster, f"r{1 + i % 2}", filters, "" if i == READERS - 1 else "overview")
        for i, (filters, _) in enumerate(views[:READERS])
    ]
    try:
        for reader, (_, want) in zip(readers, views):
            reader.check_view(want)
        assert [r.replica() for r in readers] == ["r1"]
        doomed = readers[0].replica()
        opened = [len(r.sockets) for r in readers]

        # 30 more readers over websockets, each walking its own filter sets; a replica dies after 30 renders.
        sessions = dict(views[READERS:])
        outcome = load_test.Outcome(sessions=SESSIONS, distinct_filters=len(sessions), replicas=2)

        def kill() -> str:
            cluster.replica(doomed).kill()
            return doomed

        times = load_test.run_async(
            load_test.run_sessions(
                cluster.url, SESSIONS, seconds=0, min_renders=RENDERS, max_renders=RENDERS, render_timeout=120,
                grace=600, plan=list(sessions), expected=sessions, outcome=outcome, kill=(SESSIONS, kill),
            )
        )
        assert outcome.errors == [] and outcome.mismatches == [], outcome.summary()
        assert len(times) == SESSIONS * RENDERS, outcome.summary()
        assert set(outcome.sessions_per_replica) == {"r1", "r2"}, outcome.summary()
        assert outcome.killed == doomed and outcome.reconnects >= 1, outcome.summary()
        assert len(outcome.recoveries) >= 1, outcome.summary()

        # Browser readers of the dead replica reconnect on their own and get their view back from the URL.
        for reader, before, (_, want) in zip(readers, opened, views):
            if reader.replica() == doomed:
                reader.wait_for_new_run(before)
            reader.check_view(want)
        assert all(r.replica() != doomed for r in readers), "a reader still names the dead replica"
        # …and every reader who reloads gets the same view again.
        for reader, (_, want) in zip(readers, views):
            before = len(reader.sockets)
            reader.page.reload()
            reader.wait_for_new_run(before)
            reader.check_view(want)
        for name, log in cluster.logs().items():
            if name != doomed:
                assert "Traceback" not in log, f"{name}: {log[-3000:]}"
    finally:
        for reader in readers:
            reader.context.close()


def test_haproxy_accepts_the_configuration_for_any_number_of_replicas(tmp_path):
    """deploy/haproxy.cfg with the server lines replicas.py appends passes `haproxy -c`, for 1 and 5 replicas."""
    import subprocess

    from deploy.replicas import haproxy_binary, haproxy_config

    for ports in ([8601], list(range(8601, 8606))):
        config = tmp_path / f"haproxy-{len(ports)}.cfg"
        config.write_text(haproxy_config(ports), encoding="utf-8")
        check = subprocess.run([haproxy_binary(), "-c", "-f", str(config)], capture_output=True, text=True)
        assert check.returncode == 0, check.stdout + check.stderr
        servers = [line for line in config.read_text().splitlines() if line.startswith("    server ")]
        assert servers == [f"    server r{i} 127.0.0.1:{port} cookie r{i}" for i, port in enumerate(ports, start=1)]
