"""`python -m conflictdesk validate [DIR]`, run as a newcomer runs it: a subprocess from the project folder."""

import csv
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from datafixtures import changed, minimal_tables, write_folder
from conflictdesk.schema import TABLES

ROOT = Path(__file__).resolve().parents[1]
PYTHON = ROOT / ".venv" / "bin" / "python"


def run_validate(*args: str, data: Path | None = None) -> subprocess.CompletedProcess:
    """Run the validate command; `data` sets CONFLICTDESK_DATA, otherwise it is unset."""
    env = {k: v for k, v in os.environ.items() if k != "CONFLICTDESK_DATA"}
    if data is not None:
        env["CONFLICTDESK_DATA"] = str(data)
    python = PYTHON if PYTHON.exists() else Path(sys.executable)
    return subprocess.run(
        [str(python), "-m", "conflictdesk", "validate", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def row_counts(folder: Path) -> dict[str, int]:
    counts = {}
    for table in TABLES:
        with (folder / table.file).open(encoding="utf-8-sig", newline="") as handle:
            counts[table.name] = len(list(csv.DictReader(handle)))
    return counts


def assert_summary(output: str, counts: dict[str, int]) -> None:
    """One line naming every table with its row count."""
    lines = output.strip().splitlines()
    assert len(lines) == 1, output
    for name, count in counts.items():
        assert re.search(rf"\b{name}\b\W*{count}\b", lines[0]), f"{name} {count} not in {lines[0]!r}"


def broken_copy(tmp_path: Path) -> Path:
    """A copy of the bundled data/ with a bad latitude on strikes.csv line 2."""
    folder = tmp_path / "broken"
    shutil.copytree(ROOT / "data", folder)
    file = folder / "strikes.csv"
    with file.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    rows[1][rows[0].index("latitude")] = "91"
    with file.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)
    return folder


def test_validate_bundled_data():
    """On data/ the command exits 0 with a one-line summary of rows per table."""
    result = run_validate()
    assert result.returncode == 0, result.stderr
    assert_summary(result.stdout, row_counts(ROOT / "data"))
    assert "valid" in result.stdout


def test_validate_broken_copy(tmp_path):
    """On a broken copy of data/ the command exits 1 and names file, line and column of the problem."""
    result = run_validate(str(broken_copy(tmp_path)))
    assert result.returncode == 1
    output = result.stdout + result.stderr
    assert "1 problem found" in output
    assert "strikes.csv, line 2, column latitude" in output
    assert "91 is outside the range -90 to 90" in output
    assert "Traceback" not in output


def test_validate_reports_every_problem(tmp_path):
    """Two broken files give two report lines, each with its place."""
    tables = changed("casualties", 0, killed="-1") | changed("events", 2, date="2025-02-30")
    result = run_validate(str(write_folder(tmp_path, **tables)))
    assert result.returncode == 1
    output = result.stdout + result.stderr
    assert "2 problems found" in output
    assert "casualties.csv, line 2, column killed" in output
    assert "events.csv, line 4, column date" in output


def test_validate_missing_folder(tmp_path):
    """A folder that does not exist exits 1 with a readable message, not a traceback."""
    result = run_validate(str(tmp_path / "nowhere"))
    assert result.returncode == 1
    assert "does not exist" in result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr


def test_validate_reads_conflictdesk_data(tmp_path):
    """Without an argument the command checks the folder named by CONFLICTDESK_DATA."""
    good = write_folder(tmp_path / "good")
    result = run_validate(data=good)
    assert result.returncode == 0, result.stderr
    assert_summary(result.stdout, {name: len(rows) for name, rows in minimal_tables().items()})

    result = run_validate(data=broken_copy(tmp_path))
    assert result.returncode == 1
    assert "strikes.csv, line 2, column latitude" in result.stdout + result.stderr


def test_argument_wins_over_conflictdesk_data(tmp_path):
    """A folder given on the command line is checked even when CONFLICTDESK_DATA names another."""
    result = run_validate(str(ROOT / "data"), data=broken_copy(tmp_path))
    assert result.returncode == 0, result.stderr
    assert_summary(result.stdout, row_counts(ROOT / "data"))


def run_command(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    python = PYTHON if PYTHON.exists() else Path(sys.executable)
    return subprocess.run(
        [str(python), "-m", "conflictdesk", *args], cwd=ROOT, env=env or dict(os.environ),
        capture_output=True, text=True, timeout=300,
    )


def test_build_writes_one_database_file(tmp_path):
    """`build --out FILE DIR` validates the folder and writes the database, saying how to serve it."""
    out = tmp_path / "built" / "conflictdesk.duckdb"
    result = run_command("build", "--out", str(out), str(write_folder(tmp_path / "data")))
    assert result.returncode == 0, result.stderr
    assert out.is_file()
    assert f"CONFLICTDESK_DB={out}" in result.stdout
    assert [p.name for p in out.parent.iterdir()] == [out.name]  # no temporary file left behind


def test_build_of_a_broken_folder_writes_nothing(tmp_path):
    """A broken folder: exit 1, the problem at its file, line and column, and the old database untouched."""
    out = tmp_path / "conflictdesk.duckdb"
    out.write_bytes(b"the previous build")
    result = run_command("build", "--out", str(out), str(broken_copy(tmp_path)))
    assert result.returncode == 1
    assert "strikes.csv, line 2, column latitude" in result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert out.read_bytes() == b"the previous build"
    assert [p.name for p in tmp_path.iterdir() if p.is_file()] == [out.name]


def test_help_documents_build_and_the_database_variable():
    """`--help` names the build command and CONFLICTDESK_DB."""
    result = run_command("--help")
    assert result.returncode == 0
    assert "build --out FILE.duckdb" in result.stdout and "CONFLICTDESK_DB" in result.stdout
