"""Benchmark: how the dashboard copes with 1k, 100k and 1M events, against the plain pandas way.

    python -m conflictdesk bench [--sizes 1000,100000,1000000] [--reruns 7] [--workdir DIR]

For the bundled data (the reference) and a synthetic folder of each size (`conflictdesk.synth`, every
row marked synthetic), each measured in fresh subprocesses so memory and caches do not leak between
sizes:

- CSV load: validate the CSVs and load them into DuckDB with the derived tables (`cache.open_data` with
  an empty cache folder; how long the derived tables took in brackets); cached start: `open_data` again,
  when the cached database exists (the data version comes from the index of the files' signatures,
  conflictdesk/loader/version.py, so the files are not read whole): at the end, every folder's cached
  start is timed again in one process, the folders taking turns 21 times, and the medians are reported,
  so a busy machine slows every size alike.
- Each page's rerun after a filter change (AppTest, the page file run on its own as on a fresh server):
  the median of `--reruns` reruns, each with a new period (the data's whole span, its end moved a day
  further each time, so every rerun misses the query cache and draws every row there is), after one
  untimed warm-up change.
- The map's payload: the deck JSON the browser gets, the largest over those reruns.
- Peak memory (`ru_maxrss`) of the loading process and of the process serving the pages.
- The baseline: the same filter changes done the plain pandas way, in its own process: read the CSVs
  with pandas once, then per change filter the strikes, take each strike's latest toll known by the end
  of the period (sort + groupby), add up the totals and build the map's rows; the median per change, and
  how many times slower that is than the slowest page's rerun.

Prints a Markdown table (kept in bench/README.md) and whether the targets of issue 5 are met.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from conflictdesk.bench_report import PAGES, format_table, load_text, machine, machine_line, targets

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SIZES = (1_000, 100_000, 1_000_000)
STARTS = 5  # cached starts timed right after the build; the median counts
START_ROUNDS = 21  # then every folder's cached start, taking turns in one process (side_by_side_starts)


def add_parser(commands) -> None:
    """Register `bench` on the CLI's sub-parsers."""
    parser = commands.add_parser("bench", help="time the dashboard on synthetic data of several sizes")
    parser.add_argument("--sizes", default=",".join(str(n) for n in DEFAULT_SIZES),
                        help="strikes per synthetic folder, comma-separated (default: 1000,100000,1000000)")
    parser.add_argument("--reruns", type=int, default=7, help="timed filter changes per page (default: 7)")
    parser.add_argument("--workdir", type=Path,
                        help="where the synthetic folders, caches and results go (kept; reused on the next run)")


def parse_sizes(text: str) -> list[int]:
    """'1000,100000' -> [1000, 100000]; each at least 1."""
    sizes = [int(part.replace("_", "")) for part in text.split(",") if part.strip()]
    if not sizes or min(sizes) < 1:
        raise ValueError("sizes must be whole numbers of 1 or more")
    return sizes


def run(args) -> int:
    """Run the benchmark and print its table; 0 when every measurement ran (targets met or not)."""
    try:
        sizes = parse_sizes(args.sizes)
    except ValueError as error:
        print(f"bench: {error}", file=sys.stderr)
        return 2
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="conflictdesk-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    print(machine_line(), flush=True)
    rows = [measure("bundled", ROOT / "data", workdir / "cache-bundled", args.reruns)]
    for size in sizes:
        folder, seconds = synthetic_folder(workdir, size)
        print(f"… {size:,} synthetic strikes ready ({seconds:.1f} s to write)", file=sys.stderr, flush=True)
        row = measure(f"{size:,} synthetic", folder, workdir / f"cache-{size}", args.reruns)
        row["synth_s"] = seconds
        rows.append(row)
    side_by_side_starts(rows, workdir)
    (workdir / "bench.json").write_text(json.dumps({"machine": machine(), "rows": rows}, indent=2), encoding="utf-8")
    print(format_table(rows))
    print()
    print("\n".join(targets(rows)))
    print(f"\n(Measurements in {workdir / 'bench.json'}; load average now {load_text()}.)")
    return 1 if any(row.get("errors") for row in rows) else 0


def synthetic_folder(workdir: Path, size: int) -> tuple[Path, float]:
    """A synthetic folder of `size` strikes in the workdir, written once and reused (marked complete)."""
    from conflictdesk.synth import write_synthetic

    folder = workdir / f"synthetic-{size}"
    done = workdir / f"synthetic-{size}.done"
    if done.exists():
        return folder, float(done.read_text(encoding="utf-8") or 0)
    shutil.rmtree(folder, ignore_errors=True)
    started = time.perf_counter()
    write_synthetic(folder, size)
    seconds = time.perf_counter() - started
    done.write_text(f"{seconds:.3f}", encoding="utf-8")
    return folder, seconds


def measure(label: str, folder: Path, cache: Path, reruns: int) -> dict:
    """Every measurement for one data folder, each part in its own subprocess."""
    print(f"… measuring {label}", file=sys.stderr, flush=True)
    row: dict = {"label": label, "folder": str(folder), "errors": []}
    loaded = _child("load", folder, cache, reruns)
    row |= loaded
    if "first_date" not in loaded:
        return row
    span = [loaded["first_date"], loaded["last_date"]]
    for kind in ("app", "pandas"):
        result = _child(kind, folder, cache, reruns, span)
        row["errors"] += result.pop("errors", [])
        row |= result
    return row


def side_by_side_starts(rows: list[dict], workdir: Path) -> None:
    """Time the cached starts of every folder in one process, taking turns, so a busy machine slows all alike.

    Replaces each row's `cached_start_s` with the median of START_ROUNDS turns (the one measured right
    after its build is kept as `cached_start_after_build_s`).
    """
    caches = {"bundled": workdir / "cache-bundled"} | {
        row["label"]: workdir / f"cache-{row['strikes']}" for row in rows[1:] if "strikes" in row
    }
    pairs = [(row["folder"], str(caches[row["label"]])) for row in rows if row["label"] in caches and "strikes" in row]
    if len(pairs) < 2:
        return
    command = [sys.executable, "-m", "conflictdesk.bench", "starts", json.dumps(pairs)]
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT,
                          env=os.environ | {"PYTHONPATH": str(ROOT)})
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        rows[0]["errors"].append(f"side-by-side starts failed: {(done.stderr or done.stdout).strip()[-300:]}")
        return
    medians = json.loads(lines[-1])
    for row in rows:
        if row["folder"] in medians:
            row["cached_start_after_build_s"] = row.get("cached_start_s")
            row["cached_start_s"] = medians[row["folder"]]


def child_starts(pairs: list[list[str]]) -> dict:
    """Median cached start of each (folder, cache) pair, over START_ROUNDS rounds taking turns."""
    from conflictdesk.cache import open_data

    times: dict[str, list[float]] = {folder: [] for folder, _ in pairs}
    for _ in range(START_ROUNDS):
        for folder, cache in pairs:
            os.environ["CONFLICTDESK_CACHE"] = cache
            started = time.perf_counter()
            open_data(Path(folder)).close()
            times[folder].append(time.perf_counter() - started)
    return {folder: statistics.median(values) for folder, values in times.items()}


def _child(kind: str, folder: Path, cache: Path, reruns: int, span: list[str] | None = None) -> dict:
    env = os.environ | {"CONFLICTDESK_DATA": str(folder), "CONFLICTDESK_CACHE": str(cache), "PYTHONPATH": str(ROOT)}
    env.pop("CONFLICTDESK_PASSWORD", None)
    command = [sys.executable, "-m", "conflictdesk.bench", kind, str(folder), str(cache), str(reruns), *(span or [])]
    done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT)
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        tail = (done.stderr or done.stdout).strip().splitlines()[-3:]
        return {"errors": [f"{kind} failed (exit {done.returncode}): {' / '.join(tail)}"]}
    return json.loads(lines[-1])


# --- the measurements, each run in a child process -------------------------------------------------------


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports kilobytes


def child_load(folder: Path, cache: Path) -> dict:
    """CSV load into an empty cache folder, then a cached start; the data's size and span."""
    from conflictdesk import cache as cache_module
    from conflictdesk.cache import open_data
    from conflictdesk.queries import run_query

    derived = []
    add_derived = cache_module.add_derived

    def timed_add_derived(con) -> None:  # how much of the load is building the derived tables
        started = time.perf_counter()
        add_derived(con)
        derived.append(time.perf_counter() - started)

    cache_module.add_derived = timed_add_derived
    shutil.rmtree(cache, ignore_errors=True)
    started = time.perf_counter()
    open_data(folder).close()
    csv_load = time.perf_counter() - started
    starts = []
    for _ in range(STARTS):  # each finds the version by the files' signatures, then opens the cached file
        started = time.perf_counter()
        con = open_data(folder)
        starts.append(time.perf_counter() - started)
        con.close()
    cached_start = statistics.median(starts)
    con = open_data(folder)
    span = run_query(con, "date_span").iloc[0]
    strikes = int(con.execute("select count(*) from strikes").fetchone()[0])
    reports = int(con.execute("select count(*) from casualties").fetchone()[0])
    con.close()
    return {
        "strikes": strikes, "reports": reports, "csv_load_s": csv_load, "derived_s": sum(derived),
        "cached_start_s": cached_start,
        "first_date": str(span["first_date"].date()), "last_date": str(span["last_date"].date()),
        "peak_load_mb": _peak_mb(),
    }


def periods(span: list[str], reruns: int) -> list[list[str]]:
    """The filter changes: the whole span, its end moved one more day each time (a warm-up first)."""
    first, last = dt.date.fromisoformat(span[0]), dt.date.fromisoformat(span[1])
    return [[first.isoformat(), (last + dt.timedelta(days=k)).isoformat()] for k in range(1, reruns + 2)]


def child_app(span: list[str], reruns: int) -> dict:
    """Each page's first run and its median rerun after a filter change, under AppTest; the map's payload."""
    from streamlit.testing.v1 import AppTest

    result: dict = {"first_s": {}, "rerun_s": {}, "map_payload": 0, "errors": []}
    for name in PAGES:
        at = AppTest.from_file(str(ROOT / "pages" / f"{name}.py"), default_timeout=900)
        started = time.perf_counter()
        at.run()
        result["first_s"][name] = time.perf_counter() - started
        times = []
        for index, period in enumerate(periods(span, reruns)):
            at.query_params["period"] = period
            started = time.perf_counter()
            at.run()
            if index:  # the first change warms up what a page builds once per process
                times.append(time.perf_counter() - started)
            if at.exception:
                result["errors"].append(f"{name}: {str(at.exception[0].message)[:200]}")
            for chart in at.get("deck_gl_json_chart"):
                result["map_payload"] = max(result["map_payload"], len(chart.proto.json))
        result["rerun_s"][name] = statistics.median(times)
        result["rerun_all_s"] = result.get("rerun_all_s", {}) | {name: times}
    result["peak_app_mb"] = _peak_mb()
    return result


def child_pandas(folder: Path, span: list[str], reruns: int) -> dict:
    """The plain pandas way: read the CSVs once; per filter change, filter, latest toll, totals, map rows."""
    import pandas as pd

    started = time.perf_counter()
    ids = {name: "string" for name in ("strike_id", "report_id", "attacker", "claimant", "source_id", "actor_id")}
    strikes = pd.read_csv(folder / "strikes.csv", parse_dates=["date"], dtype=ids)
    casualties = pd.read_csv(folder / "casualties.csv", parse_dates=["reported_on"], dtype=ids)
    actors = pd.read_csv(folder / "actors.csv", dtype=ids)[["actor_id", "name"]]
    sources = pd.read_csv(folder / "sources.csv", dtype=ids)[["source_id", "publisher", "title", "source_type"]]
    read = time.perf_counter() - started

    def change(date_from: str, date_to: str, chosen: list[str]) -> tuple:
        start, end = pd.Timestamp(date_from), pd.Timestamp(date_to)
        view = strikes[(strikes["date"] >= start) & (strikes["date"] <= end)]
        if chosen:
            view = view[view["attacker"].isin(chosen)]
        known = casualties[casualties["reported_on"] <= end]
        latest = known.sort_values(["strike_id", "reported_on", "report_id"]).groupby("strike_id").tail(1)
        tolls = view.merge(latest, on="strike_id", how="left", suffixes=("", "_toll"))
        totals = []
        for figure in ("killed", "injured"):
            qualifiers = tolls[f"{figure}_qualifier"]
            about = qualifiers.isin(["about", "nearly", "up_to"]).any()
            inexact = (qualifiers.notna() & (qualifiers != "exact")).any() or tolls[figure].isna().any()
            totals.append((tolls[figure].sum(), "about" if about else "at_least" if inexact else "exact"))
        names = actors.rename(columns={"actor_id": "attacker", "name": "attacker_name"})
        claimants = actors.rename(columns={"actor_id": "claimant", "name": "toll_claimant"})
        rows = tolls.merge(names, on="attacker", how="left").merge(claimants, on="claimant", how="left")
        rows = rows.merge(sources, on="source_id", how="left").sort_values(["date", "strike_id"])
        return len(view), totals, len(rows)

    times = []
    for index, (date_from, date_to) in enumerate(periods(span, reruns)):
        started = time.perf_counter()
        change(date_from, date_to, [])
        if index:
            times.append(time.perf_counter() - started)
    return {"pandas_read_s": read, "pandas_change_s": statistics.median(times), "peak_pandas_mb": _peak_mb()}


def child(argv: list[str]) -> None:
    """`python -m conflictdesk.bench KIND FOLDER CACHE RERUNS [FIRST LAST]`: print one JSON line."""
    if argv[0] == "starts":
        print(json.dumps(child_starts(json.loads(argv[1]))), flush=True)
        return
    kind, folder, cache, reruns = argv[0], Path(argv[1]), Path(argv[2]), int(argv[3])
    span = argv[4:6]
    if kind == "load":
        result = child_load(folder, cache)
    elif kind == "app":
        result = child_app(span, reruns)
    elif kind == "pandas":
        result = child_pandas(folder, span, reruns)
    else:
        raise SystemExit(f"unknown measurement {kind!r}")
    print(json.dumps(result), flush=True)


if __name__ == "__main__":
    child(sys.argv[1:])
