"""Many readers at once: concurrent sessions against one `streamlit run app.py`, each with its own filters.

    python bench/load_test.py --sessions 25 --seconds 60

Starts one server on a free loopback port (with a private cache folder and no password), then opens
`--sessions` websocket sessions at once and keeps them all rerunning the overview page with changing
filters for `--seconds`. The client speaks Streamlit's own protocol, as the browser does: a websocket to
`/_stcore/stream` (subprotocol "streamlit"), a `BackMsg.rerun_script` carrying the page name and the
link's query string, and the `ForwardMsg` deltas the server sends back until `script_finished`.

Every render is checked against figures computed independently, in this process, from the same data
folder (`conflictdesk.load.load` + the `reference/overview_totals` query + `figures.total_text`): the three metrics
("Strikes", "People killed", "People injured"), the "Filtered to …" caption and the sidebar's period and
actors (as the date input and multiselect elements carry them) must be the session's own.
An exception box, an error box, a "connection is busy" text, a failed or timed-out render, or a traceback
in the server's log is an error; a wrong figure is a mismatch. Exits 1 on any error or mismatch.

Loopback only; bounded in count (`--max-renders` per session) and time (`--seconds`, then every render
must finish within `--render-timeout`, and the whole run within `--seconds` + `--grace`).
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import websockets  # noqa: E402  (a dependency of streamlit itself)
from streamlit.proto.BackMsg_pb2 import BackMsg  # noqa: E402
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg  # noqa: E402

from conflictdesk.wording import total_text  # noqa: E402
from conflictdesk.load import data_dir, load  # noqa: E402
from conflictdesk.queries import run_query  # noqa: E402

PAGE = "overview"
METRICS = ("Strikes", "People killed", "People injured")
BAD_WORDS = ("connection is busy", "Traceback")
CANDIDATES = 100  # filter sets considered when building the pool


# --- the filters each session asks for, and the figures they must show --------------------------------


@dataclass(frozen=True)
class FilterSet:
    """One view of the overview: a period and the actors (empty = all)."""

    date_from: dt.date
    date_to: dt.date
    actors: tuple[str, ...] = ()

    def query_string(self) -> str:
        """The link's query string, as the dashboard writes it."""
        query = {"period": [self.date_from.isoformat(), self.date_to.isoformat()]}
        if self.actors:
            query["actor"] = list(self.actors)
        return urlencode(query, doseq=True)


@dataclass(frozen=True)
class Expected:
    """What the overview must show for one filter set."""

    metrics: dict
    caption: str
    sidebar: dict


def filter_pool(con, size: int, seed: int) -> dict[FilterSet, Expected]:
    """Distinct filter sets over the data with their expected views, balanced across the figures they give.

    Candidates: the whole span, its first and last day, every actor alone and the first two together, and
    random sub-periods with those actor choices; then picked round-robin over the distinct figure triples,
    so that most neighbouring sessions expect different numbers, not just different captions.
    """
    span = run_query(con, "date_span").iloc[0]
    first, last = _as_date(span["first_date"]), _as_date(span["last_date"])
    actors = run_query(con, "actors")
    names = dict(zip(actors["actor_id"], actors["name"]))
    ids = list(names)
    days = [first + dt.timedelta(days=i) for i in range(min((last - first).days, 3650) + 1)]
    choices = [()] + [(a,) for a in ids] + ([tuple(ids[:2])] if len(ids) > 1 else [])
    candidates = [FilterSet(first, last), FilterSet(first, first), FilterSet(last, last)]
    candidates += [FilterSet(first, last, choice) for choice in choices[1:]]
    rng = random.Random(seed)
    wanted = min(CANDIDATES, max(4 * size, 30))
    for _ in range(wanted * 5):  # bounded: stop once there are enough or the data has no more variety
        if len(candidates) >= wanted:
            break
        start, end = sorted(rng.choices(days, k=2))
        candidate = FilterSet(start, end, rng.choice(choices))
        if candidate not in candidates:
            candidates.append(candidate)
    groups: dict[tuple, list] = {}
    for filters in candidates:
        want = expected_for(con, filters, names)
        groups.setdefault(tuple(want.metrics.values()), []).append((filters, want))
    pool: dict[FilterSet, Expected] = {}
    queues = [groups[key] for key in sorted(groups)]
    while len(pool) < size and any(queues):
        for queue in queues:
            if queue and len(pool) < size:
                filters, want = queue.pop(0)
                pool[filters] = want
    return pool


def expected_for(con, filters: FilterSet, names: dict[str, str]) -> Expected:
    """The overview's figures, caption and sidebar filters for these filters, computed without Streamlit."""
    totals = run_query(
        con, "reference/overview_totals", date_from=filters.date_from, date_to=filters.date_to, actors=list(filters.actors)
    ).set_index("figure")
    metrics = {"Strikes": str(int(totals.at["strikes", "total"]))}
    for figure in ("killed", "injured"):
        row = totals.loc[figure]
        metrics[f"People {figure}"] = total_text(row["total"], row["qualifier"])
    caption = f"Filtered to {filters.date_from:%-d %b %Y} – {filters.date_to:%-d %b %Y};"
    sidebar = {
        "period": [filters.date_from.isoformat(), filters.date_to.isoformat()],
        "actors": [names[a] for a in filters.actors],
    }
    return Expected(metrics, caption, sidebar)


def _as_date(value) -> dt.date:
    import pandas as pd

    return pd.Timestamp(value).date()


# --- the server ----------------------------------------------------------------------------------------


def free_port() -> int:
    """A free TCP port on the loopback interface."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class AppServer:
    """`streamlit run app.py` on a free loopback port, its log kept in a file for the error scan."""

    def __init__(self, env: dict, workdir: Path):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = workdir / "streamlit.log"
        self._log = open(self.log_path, "w+")
        command = [
            sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"),
            "--server.port", str(self.port), "--server.address", "127.0.0.1",
            "--server.headless", "true", "--browser.gatherUsageStats", "false",
            "--server.fileWatcherType", "none",
        ]
        self.process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=self._log, stderr=subprocess.STDOUT)

    def wait(self, timeout: float = 60) -> None:
        """Block until /_stcore/health answers ok."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"streamlit exited with code {self.process.returncode}: {self.log()[-2000:]}")
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("streamlit did not become healthy in time")

    def log(self) -> str:
        self._log.flush()
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)
        self._log.close()


# --- one session -----------------------------------------------------------------------------------------


@dataclass
class Render:
    """What one rerun of the page showed."""

    seconds: float
    metrics: dict = field(default_factory=dict)
    captions: list = field(default_factory=list)
    titles: list = field(default_factory=list)
    sidebar: dict = field(default_factory=dict)
    errors: list = field(default_factory=list)


def rerun_message(url: str, filters: FilterSet) -> bytes:
    """The BackMsg the browser sends when it opens `/overview?<filters>`."""
    msg = BackMsg()
    state = msg.rerun_script
    state.query_string = filters.query_string()
    state.page_name = PAGE
    state.context_info.url = f"{url}/{PAGE}?{state.query_string}"
    state.context_info.timezone = "UTC"
    state.context_info.locale = "en-GB"
    state.context_info.is_embedded = False
    return msg.SerializeToString()


def _scan_text(text: str, render: Render) -> None:
    for word in BAD_WORDS:
        if word.lower() in text.lower():
            render.errors.append(f"{word!r} in the page: {text[:160]!r}")


async def render_page(ws, url: str, filters: FilterSet, timeout: float) -> Render:
    """Rerun the page with these filters and collect what it draws until the script finishes."""
    started = time.monotonic()
    render = Render(0.0)
    await ws.send(rerun_message(url, filters))
    deadline = started + timeout
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            render.errors.append(f"render did not finish within {timeout:.0f} s")
            break
        try:
            data = await asyncio.wait_for(ws.recv(), left)
        except asyncio.TimeoutError:
            continue
        message = ForwardMsg()
        message.ParseFromString(data)
        kind = message.WhichOneof("type")
        if kind == "script_finished":
            if message.script_finished != ForwardMsg.FINISHED_SUCCESSFULLY:
                render.errors.append(f"script finished with status {message.script_finished}")
            break
        if kind == "page_not_found":
            render.errors.append("page not found")
        elif kind == "session_event":
            event = message.session_event.WhichOneof("type")
            if event and "exception" in event:
                render.errors.append(f"session event {event}")
        elif kind == "ref_hash":
            render.errors.append("got a cached-message reference though no cache was announced")
        elif kind == "delta" and message.delta.WhichOneof("type") == "new_element":
            element = message.delta.new_element
            element_kind = element.WhichOneof("type")
            if element_kind == "metric":
                label = element.metric.label
                if label in render.metrics:
                    render.errors.append(f"metric {label!r} drawn twice in one run")
                render.metrics[label] = element.metric.body
            elif element_kind == "exception":
                render.errors.append(f"exception box: {element.exception.type}: {element.exception.message[:160]}")
            elif element_kind == "alert":
                if element.alert.format == element.alert.ERROR:
                    render.errors.append(f"error box: {element.alert.body[:160]}")
                _scan_text(element.alert.body, render)
            elif element_kind == "date_input":
                render.sidebar["period"] = list(element.date_input.value)
            elif element_kind == "multiselect":
                render.sidebar["actors"] = list(element.multiselect.raw_values)
            elif element_kind == "heading":
                render.titles.append(element.heading.body)
            elif element_kind == "markdown":
                render.captions.append(element.markdown.body)
                _scan_text(element.markdown.body, render)
    render.seconds = time.monotonic() - started
    return render


def compare(render: Render, want: Expected) -> list[str]:
    """How a finished render differs from what its own filters must show (empty: it is right)."""
    problems = []
    got = {label: render.metrics.get(label) for label in METRICS}
    if got != want.metrics:
        problems.append(f"figures {got}, expected {want.metrics}")
    if not any(c.startswith(want.caption) for c in render.captions):
        shown = next((c for c in render.captions if c.startswith("Filtered to")), None)
        problems.append(f"caption {shown!r}, expected {want.caption!r}…")
    if render.sidebar != want.sidebar:
        problems.append(f"sidebar filters {render.sidebar}, expected {want.sidebar}")
    if "Overview" not in render.titles:
        problems.append(f"no 'Overview' title (got {render.titles})")
    return problems


@dataclass
class Outcome:
    """The load test's result."""

    sessions: int = 0
    peak_connected: int = 0
    peak_in_flight: int = 0
    renders: int = 0
    wall_seconds: float = 0.0
    throughput: float = 0.0
    median_render: float = 0.0
    p95_render: float = 0.0
    slowest_render: float = 0.0
    warmup_render: float = 0.0
    distinct_filters: int = 0
    errors: list = field(default_factory=list)
    mismatches: list = field(default_factory=list)

    def summary(self) -> str:
        return "\n".join(
            [
                f"sessions (all connected at once): {self.sessions} (peak connected {self.peak_connected}, "
                f"peak renders in flight {self.peak_in_flight})",
                f"page renders:                     {self.renders} over {self.distinct_filters} distinct filter sets",
                f"wall time:                        {self.wall_seconds:.1f} s",
                f"throughput:                       {self.throughput:.2f} renders/s",
                f"render time median / p95 / max:   {self.median_render:.2f} / {self.p95_render:.2f} / "
                f"{self.slowest_render:.2f} s",
                f"first (cold) render, before load: {self.warmup_render:.2f} s",
                f"errors:                           {len(self.errors)}",
                f"mismatches:                       {len(self.mismatches)}",
            ]
            + [f"  error: {e}" for e in self.errors[:20]]
            + [f"  mismatch: {m}" for m in self.mismatches[:20]]
        )


class Counter:
    def __init__(self):
        self.now = 0
        self.peak = 0

    def __enter__(self):
        self.now += 1
        self.peak = max(self.peak, self.now)

    def __exit__(self, *exc):
        self.now -= 1


async def run_sessions(
    url: str,
    sessions: int,
    seconds: float,
    min_renders: int,
    max_renders: int,
    render_timeout: float,
    grace: float,
    plan: list[FilterSet],
    expected: dict[FilterSet, Expected],
    outcome: Outcome,
) -> list[float]:
    """Open every session, then let them all rerun with their own filters until the time is up."""
    ws_url = url.replace("http://", "ws://") + "/_stcore/stream"
    times: list[float] = []
    connected, in_flight = Counter(), Counter()
    all_open = asyncio.Event()
    opened = 0
    begin: list[float] = []

    async def session(index: int) -> None:
        nonlocal opened
        try:
            async with websockets.connect(
                ws_url, subprotocols=["streamlit"], origin=url, max_size=None, open_timeout=render_timeout
            ) as ws:
                with connected:
                    opened += 1
                    if opened == sessions:
                        begin.append(time.monotonic())
                        all_open.set()
                    await asyncio.wait_for(all_open.wait(), render_timeout)
                    rng = random.Random(index)
                    step = 0
                    while step < max_renders and (step < min_renders or time.monotonic() - begin[0] < seconds):
                        # Each session walks the pool from its own offset at its own stride: at any moment the
                        # sessions mostly ask for different views, and neighbouring pool entries differ in figures.
                        filters = plan[(index * 7 + step * (1 + index % 5) + rng.randrange(3)) % len(plan)]
                        with in_flight:
                            render = await render_page(ws, url, filters, render_timeout)
                        step += 1
                        times.append(render.seconds)
                        where = f"session {index} render {step} ({filters.query_string()})"
                        outcome.errors += [f"{where}: {e}" for e in render.errors]
                        if render.errors:
                            continue
                        outcome.mismatches += [f"{where}: {m}" for m in compare(render, expected[filters])]
        except Exception as error:  # a refused or dropped connection is an error of the run, not a crash
            outcome.errors.append(f"session {index}: {type(error).__name__}: {error}")
            if not all_open.is_set():
                begin.append(time.monotonic())
                all_open.set()

    tasks = [asyncio.create_task(session(i)) for i in range(sessions)]
    done, pending = await asyncio.wait(tasks, timeout=seconds + grace)
    for task in pending:
        task.cancel()
    if pending:
        outcome.errors.append(f"{len(pending)} sessions still running after {seconds + grace:.0f} s; cancelled")
        await asyncio.gather(*pending, return_exceptions=True)
    outcome.peak_connected = connected.peak
    outcome.peak_in_flight = in_flight.peak
    outcome.wall_seconds = time.monotonic() - (begin[0] if begin else time.monotonic())
    return times


async def warm_up(url: str, filters: FilterSet, timeout: float) -> Render:
    """One render before the load, so the data is loaded once (the first reader of a fresh server pays it)."""
    ws_url = url.replace("http://", "ws://") + "/_stcore/stream"
    async with websockets.connect(ws_url, subprotocols=["streamlit"], origin=url, max_size=None) as ws:
        return await render_page(ws, url, filters, timeout)


def run_async(coroutine):
    """Run a coroutine on its own thread and loop (a caller such as Playwright may own this thread's loop)."""
    import concurrent.futures

    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


def run(
    sessions: int = 25,
    seconds: float = 60,
    min_renders: int = 3,
    max_renders: int = 1000,
    render_timeout: float = 60,
    grace: float = 120,
    pool: int = 24,
    seed: int = 1,
    data: str | None = None,
) -> Outcome:
    """Run the load test and return its outcome (the server is always stopped)."""
    if sessions < 1 or seconds < 0 or min_renders < 1 or max_renders < min_renders:
        raise ValueError("need sessions >= 1, seconds >= 0 and 1 <= min-renders <= max-renders")
    folder = (Path(data) if data else data_dir()).resolve()
    con = load(folder)
    expected = filter_pool(con, pool, seed)
    plan = list(expected)
    con.close()
    outcome = Outcome(sessions=sessions, distinct_filters=len(plan))
    with tempfile.TemporaryDirectory(prefix="conflictdesk-load-") as tmp:
        env = {**os.environ, "CONFLICTDESK_DATA": str(folder), "CONFLICTDESK_CACHE": str(Path(tmp) / "cache")}
        env.pop("CONFLICTDESK_PASSWORD", None)
        server = AppServer(env, Path(tmp))
        try:
            server.wait()
            first = run_async(warm_up(server.url, plan[0], render_timeout))
            outcome.warmup_render = first.seconds
            outcome.errors += [f"warm-up: {e}" for e in first.errors]
            outcome.mismatches += [f"warm-up: {m}" for m in compare(first, expected[plan[0]])]
            times = run_async(
                run_sessions(
                    server.url, sessions, seconds, min_renders, max_renders, render_timeout, grace,
                    plan, expected, outcome,
                )
            )
            log = server.log()
            for word in BAD_WORDS:
                if word.lower() in log.lower():
                    outcome.errors.append(f"{word!r} in the server log: …{_around(log, word)}…")
        finally:
            server.stop()
    outcome.renders = len(times)
    if times:
        ordered = sorted(times)
        outcome.median_render = statistics.median(ordered)
        outcome.p95_render = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
        outcome.slowest_render = ordered[-1]
    outcome.throughput = outcome.renders / outcome.wall_seconds if outcome.wall_seconds > 0 else 0.0
    return outcome


def _around(text: str, word: str, width: int = 300) -> str:
    at = text.lower().find(word.lower())
    return text[max(0, at - width) : at + width]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sessions", type=int, default=25, help="concurrent sessions (default 25)")
    parser.add_argument("--seconds", type=float, default=60, help="how long the sessions keep rerunning (default 60)")
    parser.add_argument("--min-renders", type=int, default=3, help="renders every session does at least (default 3)")
    parser.add_argument("--max-renders", type=int, default=1000, help="renders a session does at most (default 1000)")
    parser.add_argument("--render-timeout", type=float, default=60, help="seconds one render may take (default 60)")
    parser.add_argument("--grace", type=float, default=120, help="extra seconds before the run is cut (default 120)")
    parser.add_argument("--pool", type=int, default=24, help="distinct filter sets to draw from (default 24)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--data", help="data folder (default: $CONFLICTDESK_DATA or the bundled data/)")
    parser.add_argument("--json", action="store_true", help="print the outcome as JSON too")
    args = parser.parse_args(argv)
    outcome = run(
        args.sessions, args.seconds, args.min_renders, args.max_renders, args.render_timeout, args.grace,
        args.pool, args.seed, args.data,
    )
    print(outcome.summary())
    if args.json:
        print(json.dumps(asdict(outcome), indent=2))
    ok = not outcome.errors and not outcome.mismatches and outcome.renders >= args.sessions * args.min_renders
    print("OK" if ok else "FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
