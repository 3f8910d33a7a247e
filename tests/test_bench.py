"""The benchmark: its table and target lines, and a tiny end-to-end run."""

import pytest

from conflictdesk import bench, bench_report
from conflictdesk.__main__ import main


def row(label, strikes, reruns, pandas=None, payload=100_000, **extra):
    """A measured row as the benchmark keeps it."""
    result = {
        "label": label, "strikes": strikes, "csv_load_s": 0.5, "cached_start_s": 0.04,
        "rerun_s": dict(zip(bench_report.PAGES, reruns)), "map_payload": payload,
        "peak_load_mb": 180.0, "peak_app_mb": 2300.0, "pandas_read_s": 0.02, "pandas_change_s": pandas, "errors": [],
    }
    return result | extra


BUNDLED = row("bundled", 2, [0.140, 0.150, 0.080, 0.08, 0.1, 0.06], pandas=0.03)


def test_units_read_naturally():
    """Durations in ms under a second, sizes in kB, MB, GB."""
    assert [bench_report.seconds(v) for v in (0.0874, 1.44, 32.2, None)] == ["87 ms", "1.4 s", "32 s", "–"]
    assert [bench_report.size_text(v) for v in (212_385, 999, 1_300_000)] == ["212 kB", "999 B", "1.3 MB"]
    assert bench_report.size_text(2300.0, "MB") == "2.3 GB"
    assert bench.parse_sizes("1000,100_000") == [1000, 100000]
    with pytest.raises(ValueError):
        bench.parse_sizes("0")


def test_table_has_a_line_per_folder_and_the_pandas_ratio():
    """The table names each folder, its strikes, each page's rerun and how much faster than pandas it is."""
    big = row("1,000,000 synthetic", 1_000_000, [0.160, 0.170, 0.090, 0.08, 0.1, 0.07], pandas=1.7, payload=212_385)
    table = bench_report.format_table([BUNDLED, big]).splitlines()
    assert table[0].startswith("| data | strikes | CSV load | cached start | overview rerun |")
    assert len(table) == 4 and all(line.count("|") == table[0].count("|") for line in table)
    assert "| 1,000,000 synthetic | 1,000,000 | 500 ms | 40 ms | 160 ms | 170 ms | 90 ms |" in table[3]
    assert "212 kB" in table[3] and "180 MB / 2.3 GB" in table[3] and "10.0×" in table[3]


def test_targets_say_met_or_not_with_the_numbers():
    """Each target line says MET or NOT MET, at the largest size, with the figures behind it."""
    good = row("1,000,000 synthetic", 1_000_000, [0.160, 0.170, 0.090, 0.08, 0.1, 0.07], pandas=1.7)
    lines = bench_report.targets([BUNDLED, row("1,000 synthetic", 1000, [1] * 6, pandas=0.1), good])
    assert lines[0].startswith("- A filter change at 1,000,000 synthetic costs at most 1.2×") and ": MET (" in lines[0]
    assert "casualties 170 ms vs 150 ms = 1.13×" in lines[0]
    assert ": MET (pandas 1.7 s per change vs the slowest page's rerun 170 ms: 10.0×)" in lines[1]
    assert lines[2] == "- A cached start at 1,000,000 synthetic costs at most 1.5× the bundled data's: MET (40 ms vs 40 ms = 1.00×)."
    assert ": MET (largest 100 kB" in lines[3]
    slow = row("1,000,000 synthetic", 1_000_000, [0.5, 0.2, 0.2, 0.1, 0.1, 0.1], pandas=1.0, payload=1_200_000,
               cached_start_s=0.5)
    lines = bench_report.targets([BUNDLED, slow])
    assert all("NOT MET" in line for line in lines)
    assert "(500 ms vs 40 ms = 12.50×)" in lines[2]
    assert "overview 500 ms vs 140 ms = 3.57×" in lines[0]


def test_a_failed_measurement_is_reported_not_hidden():
    """A row without measurements prints dashes and an ERROR line."""
    broken = {"label": "1,000 synthetic", "errors": ["app failed (exit 1): boom"]}
    table = bench_report.format_table([BUNDLED, broken])
    assert "| 1,000 synthetic | – |" in table
    assert bench_report.targets([BUNDLED, broken]) == ["Targets: not evaluated (a measurement failed; see the errors above)."]


def test_tiny_run_end_to_end(tmp_path, capsys):
    """`python -m conflictdesk bench --sizes 1 --reruns 1` measures the bundled data and one synthetic strike.

    The smallest run that goes through every stage (write the folder, load, app, pandas, side-by-side starts,
    table, targets); the command's `main` runs here, each measurement in its own subprocess as always.
    """
    assert main(["bench", "--sizes", "1", "--reruns", "1", "--workdir", str(tmp_path)]) == 0, capsys.readouterr().err[-2000:]
    out = capsys.readouterr().out
    assert out.startswith("Conflict Desk benchmark, ") and " cores " in out.splitlines()[0]
    lines = [line for line in out.splitlines() if line.startswith("| ")]
    assert lines[1].startswith("| bundled | 2 |") and lines[2].startswith("| 1 synthetic | 1 |")
    assert "–" not in lines[2]  # every measurement ran
    assert "- Map payload under 1 MB at every size: MET" in out
    assert "- A cached start at 1 synthetic costs at most 1.5× the bundled data's: " in out
    assert (tmp_path / "bench.json").is_file() and (tmp_path / "synthetic-1.done").is_file()
