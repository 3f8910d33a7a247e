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

With `--replicas 1,2` the same load goes through HAProxy to 1, then 2 replicas (deploy/replicas.py: one
database built once, opened read-only by each), one run after the other; `--kill-after RENDERS` adds a
run that ends replica r1 mid-load: its sessions reconnect (with their affinity cookie, as a browser does)
and ask for their view again, which must come back right.

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
from typing import Callable
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import websockets  # noqa: E402  (a dependency of streamlit itself)
from streamlit.proto.BackMsg_pb2 import BackMsg  # noqa: E402
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg  # noqa: E402

from conflictdesk.wording import period_text, total_text  # noqa: E402
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
    caption = f"Filtered to {period_text(filters.date_from, filters.date_to)};"
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
    replicas: int = 0  # 0: one server, no balancer; else replicas behind HAProxy
    sessions_per_replica: dict = field(default_factory=dict)  # first replica of each session
    killed: str = ""  # the replica ended mid-run, if any
    killed_after: float = 0.0  # seconds into the load
    interrupted: int = 0  # renders cut off by a dropped connection (asked again after reconnecting)
    reconnects: int = 0
    recoveries: list = field(default_factory=list)  # seconds from a dropped connection to the next correct render

    def summary(self) -> str:
        lines = [
            f"served by:                        "
            + (f"{self.replicas} replica(s) behind HAProxy, sessions per replica {self.sessions_per_replica}"
               if self.replicas else "one server, no balancer"),
            f"sessions (all connected at once): {self.sessions} (peak connected {self.peak_connected}, "
            f"peak renders in flight {self.peak_in_flight})",
            f"page renders:                     {self.renders} over {self.distinct_filters} distinct filter sets",
            f"wall time:                        {self.wall_seconds:.1f} s",
            f"throughput:                       {self.throughput:.2f} renders/s",
            f"render time median / p95 / max:   {self.median_render:.2f} / {self.p95_render:.2f} / "
            f"{self.slowest_render:.2f} s",
            f"first (cold) render, before load: {self.warmup_render:.2f} s",
        ]
        if self.killed:
            slowest = f"{max(self.recoveries):.2f} s" if self.recoveries else "none recovered"
            lines.append(
                f"replica killed:                   {self.killed} after {self.killed_after:.1f} s: "
                f"{self.interrupted} renders cut off, {self.reconnects} reconnects, "
                f"{len(self.recoveries)} sessions back with a correct render (slowest {slowest})"
            )
        lines += [
            f"errors:                           {len(self.errors)}",
            f"mismatches:                       {len(self.mismatches)}",
        ]
        return "\n".join(
            lines + [f"  error: {e}" for e in self.errors[:20]] + [f"  mismatch: {m}" for m in self.mismatches[:20]]
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


def replica_cookie(ws) -> str | None:
    """The replica HAProxy put this connection on, from the handshake's Set-Cookie (None: no balancer/unchanged)."""
    from deploy.replicas import COOKIE

    for value in ws.response.headers.get_all("Set-Cookie"):
        name, _, rest = value.partition("=")
        if name.strip() == COOKIE:
            return rest.split(";")[0]
    return None


async def open_socket(url: str, timeout: float, replica: str | None = None):
    """A websocket to the app's stream, as the browser opens it (with its affinity cookie, if it has one)."""
    from deploy.replicas import COOKIE

    headers = {"Cookie": f"{COOKIE}={replica}"} if replica else None
    return await websockets.connect(
        url.replace("http://", "ws://") + "/_stcore/stream", subprotocols=["streamlit"], origin=url,
        max_size=None, open_timeout=timeout, additional_headers=headers,
    )


async def reopen_socket(url: str, timeout: float, replica: str | None):
    """Reconnect after a dropped connection, retrying as Streamlit's own client does until `timeout`."""
    deadline = time.monotonic() + timeout
    pause = 0.1
    while True:
        try:
            return await open_socket(url, max(1.0, deadline - time.monotonic()), replica)
        except (OSError, websockets.InvalidHandshake, asyncio.TimeoutError):
            if time.monotonic() + pause > deadline:
                raise
            await asyncio.sleep(pause)  # the client's back-off between attempts, not a wait for a result
            pause = min(pause * 2, 1.0)


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
    kill: tuple[int, Callable[[], str]] | None = None,
) -> list[float]:
    """Open every session, then let them all rerun with their own filters until the time is up.

    `kill`: (renders, action): once that many renders are done, call `action` (it ends a replica and returns
    its name). Sessions whose connection drops then reconnect, carrying their affinity cookie as a browser
    does, and ask for the same view again; the render after the reconnect is checked like any other.
    """
    times: list[float] = []
    connected, in_flight = Counter(), Counter()
    all_open = asyncio.Event()
    opened = 0
    begin: list[float] = []
    done_renders = 0

    async def maybe_kill() -> None:
        nonlocal kill
        if kill and done_renders >= kill[0]:
            action, kill = kill[1], None
            outcome.killed = await asyncio.get_running_loop().run_in_executor(None, action)
            outcome.killed_after = time.monotonic() - begin[0]

    async def session(index: int) -> None:
        nonlocal opened, done_renders
        ws = None
        try:
            ws = await open_socket(url, render_timeout)
            replica = replica_cookie(ws)
            if replica:
                outcome.sessions_per_replica[replica] = outcome.sessions_per_replica.get(replica, 0) + 1
            with connected:
                opened += 1
                if opened == sessions:
                    begin.append(time.monotonic())
                    all_open.set()
                await asyncio.wait_for(all_open.wait(), render_timeout)
                rng = random.Random(index)
                step = 0
                lost_at = None
                while step < max_renders and (step < min_renders or time.monotonic() - begin[0] < seconds):
                    # Each session walks the pool from its own offset at its own stride: at any moment the
                    # sessions mostly ask for different views, and neighbouring pool entries differ in figures.
                    filters = plan[(index * 7 + step * (1 + index % 5) + rng.randrange(3)) % len(plan)]
                    while True:
                        try:
                            with in_flight:
                                render = await render_page(ws, url, filters, render_timeout)
                            break
                        except websockets.ConnectionClosed:
                            if outcome.replicas < 2:
                                raise
                            outcome.interrupted += 1
                            lost_at = lost_at or time.monotonic()
                            ws = await reopen_socket(url, render_timeout, replica)
                            outcome.reconnects += 1
                            replica = replica_cookie(ws) or replica
                    step += 1
                    done_renders += 1
                    times.append(render.seconds)
                    where = f"session {index} render {step} ({filters.query_string()})"
                    outcome.errors += [f"{where}: {e}" for e in render.errors]
                    if not render.errors:
                        problems = compare(render, expected[filters])
                        outcome.mismatches += [f"{where}: {m}" for m in problems]
                        if lost_at is not None and not problems:
                            outcome.recoveries.append(time.monotonic() - lost_at)
                            lost_at = None
                    await maybe_kill()
                if lost_at is not None:
                    outcome.errors.append(f"session {index}: no correct render after its connection dropped")
        except Exception as error:  # a refused or dropped connection is an error of the run, not a crash
            outcome.errors.append(f"session {index}: {type(error).__name__}: {error}")
            if not all_open.is_set():
                begin.append(time.monotonic())
                all_open.set()
        finally:
            if ws is not None:
                await ws.close()

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
    ws = await open_socket(url, timeout)
    try:
        return await render_page(ws, url, filters, timeout)
    finally:
        await ws.close()


def run_async(coroutine):
    """Run a coroutine on its own thread and loop (a caller such as Playwright may own this thread's loop)."""
    import concurrent.futures

    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


class Target:
    """What the sessions talk to: one server (replicas=0), or replicas behind HAProxy (deploy/replicas.py)."""

    def __init__(self, replicas: int, env: dict, workdir: Path):
        self.cluster = None
        self.server = None
        if replicas:
            from deploy.replicas import Cluster

            self.cluster = Cluster(replicas, env=env, workdir=workdir / "cluster").start()
            self.url = self.cluster.url
            self.direct = [f"http://127.0.0.1:{port}" for port in self.cluster.replica_ports]
        else:
            self.server = AppServer(env, workdir)
            self.server.wait()
            self.url = self.server.url
            self.direct = [self.url]

    def logs(self) -> str:
        if self.cluster:
            return "\n".join(self.cluster.logs().values())
        return self.server.log()

    def kill_one(self) -> str:
        """End replica r1 at once (SIGKILL), as a crash would; its name."""
        self.cluster.replica("r1").kill()
        return "r1"

    def stop(self) -> None:
        if self.cluster:
            self.cluster.stop()
        if self.server:
            self.server.stop()


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
    replicas: int = 0,
    kill_after: int | None = None,
) -> Outcome:
    """Run the load test and return its outcome (every server and balancer is always stopped).

    `replicas`: 0 for one server on its own, N for N replicas behind HAProxy. `kill_after`: with 2 or more
    replicas, end replica r1 once that many renders are done (the sessions on it reconnect to another).
    """
    if sessions < 1 or seconds < 0 or min_renders < 1 or max_renders < min_renders:
        raise ValueError("need sessions >= 1, seconds >= 0 and 1 <= min-renders <= max-renders")
    if kill_after is not None and replicas < 2:
        raise ValueError("killing a replica needs at least 2 replicas")
    folder = (Path(data) if data else data_dir()).resolve()
    con = load(folder)
    expected = filter_pool(con, pool, seed)
    plan = list(expected)
    con.close()
    outcome = Outcome(sessions=sessions, distinct_filters=len(plan), replicas=replicas)
    with tempfile.TemporaryDirectory(prefix="conflictdesk-load-") as tmp:
        env = {**os.environ, "CONFLICTDESK_DATA": str(folder), "CONFLICTDESK_CACHE": str(Path(tmp) / "cache")}
        env.pop("CONFLICTDESK_PASSWORD", None)
        target = None
        try:
            target = Target(replicas, env, Path(tmp))
            # Every replica's first reader pays for loading the data: pay it before the timed load.
            for address in target.direct:
                first = run_async(warm_up(address, plan[0], render_timeout))
                outcome.warmup_render = max(outcome.warmup_render, first.seconds)
                outcome.errors += [f"warm-up: {e}" for e in first.errors]
                outcome.mismatches += [f"warm-up: {m}" for m in compare(first, expected[plan[0]])]
            times = run_async(
                run_sessions(
                    target.url, sessions, seconds, min_renders, max_renders, render_timeout, grace,
                    plan, expected, outcome, kill=(kill_after, target.kill_one) if kill_after is not None else None,
                )
            )
            log = target.logs()
            for word in BAD_WORDS:
                if word.lower() in log.lower():
                    outcome.errors.append(f"{word!r} in the server log: …{_around(log, word)}…")
        finally:
            if target is not None:
                target.stop()
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


def comparison(outcomes: list[Outcome]) -> str:
    """A markdown table of the runs side by side, with throughput and p95 relative to the first run."""
    first = outcomes[0]
    rows = ["| served by | sessions per replica | renders | renders/s | × first | median / p95 render | p95 × first "
            "| replica killed | errors / mismatches |",
            "|---|---|---|---|---|---|---|---|---|"]
    for o in outcomes:
        who = f"{o.replicas} replica{'s' if o.replicas != 1 else ''} + HAProxy" if o.replicas else "one server"
        killed = (f"{o.killed} at {o.killed_after:.0f} s: {o.interrupted} cut off, {o.reconnects} reconnected, "
                  f"{len(o.recoveries)} back (slowest {max(o.recoveries):.1f} s)" if o.killed and o.recoveries
                  else (f"{o.killed}: none recovered" if o.killed else "–"))
        rows.append(
            f"| {who} | {o.sessions_per_replica or '–'} | {o.renders} | {o.throughput:.2f} | "
            f"{o.throughput / first.throughput if first.throughput else 0:.2f}× | "
            f"{o.median_render:.2f} / {o.p95_render:.2f} s | {o.p95_render / first.p95_render if first.p95_render else 0:.2f}× "
            f"| {killed} | {len(o.errors)} / {len(o.mismatches)} |"
        )
    return "\n".join(rows)


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
    parser.add_argument(
        "--replicas", default="0",
        help="comma-separated runs, one after another: 0 = one server without a balancer, N = N replicas behind "
             "HAProxy (deploy/replicas.py); e.g. --replicas 1,2 (default 0)",
    )
    parser.add_argument("--through-haproxy", action="store_true", help="same as --replicas 1 when --replicas is not given")
    parser.add_argument(
        "--kill-after", type=int, metavar="RENDERS",
        help="one more run on the last replica count: end replica r1 once RENDERS renders are done",
    )
    parser.add_argument("--json", action="store_true", help="print the outcomes as JSON too")
    args = parser.parse_args(argv)
    counts = [int(n) for n in args.replicas.split(",")]
    if args.through_haproxy and counts == [0]:
        counts = [1]
    runs = [(n, None) for n in counts] + ([(counts[-1], args.kill_after)] if args.kill_after is not None else [])
    outcomes = []
    ok = True
    for replicas, kill_after in runs:
        outcome = run(
            args.sessions, args.seconds, args.min_renders, args.max_renders, args.render_timeout, args.grace,
            args.pool, args.seed, args.data, replicas, kill_after,
        )
        outcomes.append(outcome)
        print(outcome.summary(), end="\n\n", flush=True)
        ok = ok and not outcome.errors and not outcome.mismatches
        ok = ok and outcome.renders >= args.sessions * args.min_renders
    if len(outcomes) > 1:
        print(comparison(outcomes))
    if args.json:
        print(json.dumps([asdict(o) for o in outcomes], indent=2))
    print("OK" if ok else "FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
