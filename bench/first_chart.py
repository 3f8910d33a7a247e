"""The first chart, side by side: the dashboard's address against a bare one-chart Streamlit page.

    python bench/first_chart.py --rounds 9

Serves both the same way (`streamlit run` on a free loopback port, the project's .streamlit/config.toml, the
dashboard on a database built once and named by $CONFLICTDESK_DB), then opens each address in turn in a new
Chromium context (no cookies, no browser cache) and takes, from the page's own clock (`performance.now()`,
0 = the navigation's start), the moment the first chart has a drawn trace (a Plotly `g.trace` inside a
`.main-svg`). One untimed visit to each first (the first reader of a server pays for imports and queries).
Rounds alternate which page goes first. Prints the median of each and their ratio (dashboard ÷ bare);
`--paths` also times other dashboard addresses (e.g. `overview`) against the same bare page.

The bare page (BARE_PAGE below, run from the project folder so the same config applies) draws one Plotly
chart of the same kind and size as the overview's timeline and nothing else. Loopback only; every server is stopped at the end.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from deploy.replicas import free_port, wait_healthy  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
# Records, on the page's clock, when the first chart trace appears in the document.
WATCH = """
(() => {
  const seen = () => document.querySelector('.main-svg g.trace');
  const mark = () => { if (!window.__firstChart && seen()) { window.__firstChart = performance.now(); } };
  new MutationObserver(mark).observe(document, {childList: true, subtree: true});
})();
"""

# The bare page: one Plotly chart like the overview's timeline (markers on four rows, 300 px high), nothing else.
BARE_PAGE = """
import plotly.graph_objects as go
import streamlit as st

rows = ["Strike", "Statement", "Truce", "Diplomacy"]
figure = go.Figure(
    [go.Scatter(x=["2025-04-13", "2025-04-17", "2025-04-21"], y=[row] * 3, mode="markers", name=row) for row in rows]
)
figure.update_layout(height=300, margin=dict(l=10, r=10, t=30, b=60), showlegend=False)
st.plotly_chart(figure, width="stretch")
"""


def serve(script: str, env: dict, log: Path) -> tuple[subprocess.Popen, str]:
    """`streamlit run SCRIPT` on a free loopback port, as the app is served; (process, url) once healthy."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", script, "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false",
         "--server.fileWatcherType", "none"],
        cwd=ROOT, env=env, stdout=open(log, "w"), stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    wait_healthy(url, process, log=lambda: log.read_text(errors="replace"))
    return process, url


def first_chart_ms(browser, url: str, timeout: float) -> float:
    """Milliseconds from opening `url` in a fresh context to its first drawn chart trace."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    try:
        context.add_init_script(WATCH)
        page = context.new_page()
        page.goto(url, wait_until="commit")
        page.wait_for_function("() => window.__firstChart", timeout=timeout)
        return float(page.evaluate("() => window.__firstChart"))
    finally:
        context.close()


def measure(rounds: int, paths: list[str], data: str | None, timeout: float, apps: list[str]) -> dict:
    """Median first-chart time per address over `rounds` alternating rounds, after one warm-up visit each."""
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="conflictdesk-first-chart-") as tmp:
        env = {**os.environ}
        env.pop("CONFLICTDESK_PASSWORD", None)
        if data:
            env["CONFLICTDESK_DATA"] = data
        database = Path(tmp) / "conflictdesk.duckdb"
        subprocess.run([sys.executable, "-m", "conflictdesk", "build", "--out", str(database)],
                       cwd=ROOT, env=env, check=True, capture_output=True)
        env["CONFLICTDESK_DB"] = str(database)
        processes = []
        try:
            app_urls = {}
            for script in apps:
                app, app_urls[script] = serve(script, env, Path(tmp) / f"{Path(script).stem}.log")
                processes.append(app)
            bare_script = Path(tmp) / "bare_chart.py"
            bare_script.write_text(BARE_PAGE, encoding="utf-8")
            bare, bare_url = serve(str(bare_script), env, Path(tmp) / "bare.log")
            processes.append(bare)
            targets = {"bare page": bare_url + "/"} | {
                f"{'dashboard' if script == 'app.py' else script} /{p}": f"{url}/{p}"
                for script, url in app_urls.items() for p in paths
            }
            times: dict[str, list[float]] = {name: [] for name in targets}
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
                try:
                    for url in targets.values():
                        first_chart_ms(browser, url, timeout)
                    names = list(targets)
                    for index in range(rounds):
                        order = names if index % 2 == 0 else names[::-1]
                        for name in order:
                            times[name].append(first_chart_ms(browser, targets[name], timeout))
                finally:
                    browser.close()
        finally:
            for process in processes:
                process.terminate()
                try:
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()
    bare_median = statistics.median(times["bare page"])
    return {
        name: {"median_ms": statistics.median(values), "ratio": statistics.median(values) / bare_median,
               "all_ms": [round(v) for v in values]}
        for name, values in times.items()
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=9, help="timed visits per address (default 9)")
    parser.add_argument("--paths", default="", help="dashboard paths to time, comma-separated ('' is the bare "
                        "address; default: just the bare address), e.g. ',overview'")
    parser.add_argument("--apps", default="app.py", help="entry scripts to serve and time, comma-separated "
                        "(default app.py; another, e.g. an older app.py copied into the project, to compare)")
    parser.add_argument("--data", help="data folder (default: $CONFLICTDESK_DATA or the bundled data/)")
    parser.add_argument("--timeout", type=float, default=60, help="seconds one visit may take (default 60)")
    parser.add_argument("--target", type=float, default=1.2, help="ratio to meet (default 1.2)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    load = os.getloadavg()[0]
    started = time.time()
    result = measure(args.rounds, args.paths.split(","), args.data, args.timeout * 1000, args.apps.split(","))
    print(f"load average at start {load:.2f}, at end {os.getloadavg()[0]:.2f}; {args.rounds} rounds, "
          f"{time.time() - started:.0f} s")
    for name, row in result.items():
        print(f"{name:24} median {row['median_ms']:6.0f} ms  ×{row['ratio']:.2f}  ({', '.join(map(str, row['all_ms']))})")
    worst = max(row["ratio"] for name, row in result.items() if name != "bare page")
    print(f"dashboard ÷ bare page: {worst:.2f}× (target ≤ {args.target}×): {'met' if worst <= args.target else 'NOT met'}")
    if args.json:
        print(json.dumps(result, indent=2))
    return 0 if worst <= args.target else 1


if __name__ == "__main__":
    sys.exit(main())
