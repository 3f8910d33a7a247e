"""The benchmark's report (conflictdesk/bench.py): its Markdown table, its targets said met or not, the machine."""

from __future__ import annotations

import datetime as dt
import os
import platform
from pathlib import Path

PAGES = ("overview", "casualties", "map", "statements", "truces", "sources")
RATIO_LIMIT = 1.2  # a filter change at the largest size may cost this many times the bundled data's
PANDAS_FACTOR = 5  # and must beat the pandas baseline this many times over
PAYLOAD_LIMIT = 1_000_000  # bytes of deck JSON, at every size
START_LIMIT = 1.5  # a cached start at the largest size may cost this many times the bundled data's (issue 17)


def seconds(value) -> str:
    """A duration as people read it: '87 ms', '1.4 s', '32 s'."""
    if value is None:
        return "–"
    if value < 1:
        return f"{value * 1000:.0f} ms"
    return f"{value:.1f} s" if value < 10 else f"{value:.0f} s"


def size_text(value, unit: str = "B") -> str:
    """Bytes (or megabytes with unit='MB') as '212 kB', '1.3 GB'."""
    if value is None:
        return "–"
    amount = float(value) * (1_000_000 if unit == "MB" else 1)
    for name, step in (("GB", 1e9), ("MB", 1e6), ("kB", 1e3)):
        if amount >= step:
            return f"{amount / step:.1f} {name}" if amount / step < 10 else f"{amount / step:.0f} {name}"
    return f"{amount:.0f} B"


def slowest(row: dict) -> float | None:
    """The slowest page's median rerun."""
    reruns = row.get("rerun_s") or {}
    values = [reruns[name] for name in PAGES if name in reruns]
    return max(values) if values else None


def format_table(rows: list[dict]) -> str:
    """The measurements as a Markdown table: one line per data folder, bundled first."""
    head = ["data", "strikes", "CSV load", "cached start", *[f"{name} rerun" for name in PAGES], "map payload",
            "peak memory: load / app", "pandas: read CSVs", "pandas: per change", "pandas ÷ slowest page"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for row in rows:
        reruns = row.get("rerun_s") or {}
        worst = slowest(row)
        ratio = row.get("pandas_change_s") / worst if worst and row.get("pandas_change_s") else None
        cells = [
            row["label"],
            f"{row['strikes']:,}" if "strikes" in row else "–",
            seconds(row.get("csv_load_s")) + (f" ({seconds(row['derived_s'])} derived)" if "derived_s" in row else ""),
            seconds(row.get("cached_start_s")),
            *[seconds(reruns.get(name)) for name in PAGES],
            size_text(row.get("map_payload")),
            f"{size_text(row.get('peak_load_mb'), 'MB')} / {size_text(row.get('peak_app_mb'), 'MB')}",
            seconds(row.get("pandas_read_s")),
            seconds(row.get("pandas_change_s")),
            "–" if ratio is None else f"{ratio:.1f}×",
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def targets(rows: list[dict]) -> list[str]:
    """Issue 5's and 17's targets, each said met or not, with the numbers, at the largest size measured."""
    bundled, largest = rows[0], max(rows[1:], key=lambda row: row.get("strikes", 0), default=None)
    lines = []
    if largest is None or not largest.get("rerun_s") or not bundled.get("rerun_s"):
        return ["Targets: not evaluated (a measurement failed; see the errors above)."]
    name = largest["label"]
    parts, met = [], True
    for page in PAGES:
        ratio = largest["rerun_s"][page] / bundled["rerun_s"][page]
        met &= ratio <= RATIO_LIMIT
        parts.append(f"{page} {seconds(largest['rerun_s'][page])} vs {seconds(bundled['rerun_s'][page])} = {ratio:.2f}×")
    lines.append(f"- A filter change at {name} costs at most {RATIO_LIMIT}× the bundled data's: "
                 f"{'MET' if met else 'NOT MET'} ({'; '.join(parts)}).")
    worst = slowest(largest)
    factor = largest["pandas_change_s"] / worst if worst and largest.get("pandas_change_s") else 0
    lines.append(f"- Beats the pandas baseline at least {PANDAS_FACTOR}× at {name}: "
                 f"{'MET' if factor >= PANDAS_FACTOR else 'NOT MET'} (pandas {seconds(largest.get('pandas_change_s'))} "
                 f"per change vs the slowest page's rerun {seconds(worst)}: {factor:.1f}×).")
    if largest.get("cached_start_s") and bundled.get("cached_start_s"):
        ratio = largest["cached_start_s"] / bundled["cached_start_s"]
        lines.append(f"- A cached start at {name} costs at most {START_LIMIT}× the bundled data's: "
                     f"{'MET' if ratio <= START_LIMIT else 'NOT MET'} ({seconds(largest['cached_start_s'])} vs "
                     f"{seconds(bundled['cached_start_s'])} = {ratio:.2f}×).")
    payloads = [(row["label"], row.get("map_payload", 0)) for row in rows]
    biggest = max(payloads, key=lambda item: item[1])
    lines.append(f"- Map payload under 1 MB at every size: "
                 f"{'MET' if biggest[1] < PAYLOAD_LIMIT else 'NOT MET'} (largest {size_text(biggest[1])}, {biggest[0]}).")
    for row in rows:
        for error in row.get("errors", []):
            lines.append(f"- ERROR ({row['label']}): {error}")
    return lines


def machine() -> dict:
    """What the numbers were measured on."""
    cpu = next((line.split(":", 1)[1].strip() for line in _read("/proc/cpuinfo").splitlines()
                if line.startswith("model name")), platform.processor() or "unknown CPU")
    memory = next((int(line.split()[1]) * 1024 for line in _read("/proc/meminfo").splitlines()
                   if line.startswith("MemTotal")), 0)
    return {"date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"), "cpu": cpu,
            "cores": os.cpu_count(), "memory": memory, "python": platform.python_version(), "load": load_text()}


def machine_line() -> str:
    """One line naming the machine, for the top of the output."""
    info = machine()
    return (f"Conflict Desk benchmark, {info['date']}: {info['cores']} cores ({info['cpu']}), "
            f"{size_text(info['memory'])} memory, Python {info['python']}, load average {info['load']}.")


def _read(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8")
    except OSError:
        return ""


def load_text() -> str:
    """The load average over 1, 5 and 15 minutes, as printed."""
    try:
        return " ".join(f"{value:.2f}" for value in os.getloadavg())
    except OSError:
        return "unknown"
