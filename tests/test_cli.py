"""`python -m conflictdesk validate [DIR]` and `build`: run once as a newcomer runs it (a subprocess from the project
folder, exit 0 and exit 1), the rest through the command's `main` in this process, which is what the subprocess runs."""

import csv
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from datafixtures import minimal_tables, write_folder
from conflictdesk.__main__ import main
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


@pytest.fixture
def cli(monkeypatch, capsys):
    """Run `python -m conflictdesk ARGS` in this process: (exit code, stdout, stderr); `data` sets CONFLICTDESK_DATA."""

    def run(*args: str, data: Path | None = None) -> tuple[int, str, str]:
        if data is None:
            monkeypatch.delenv("CONFLICTDESK_DATA", raising=False)
        else:
            monkeypatch.setenv("CONFLICTDESK_DATA", str(data))
        try:
            code = main(list(args))
        except SystemExit as leaving:  # argparse's --help
            code = leaving.code
        out, err = capsys.readouterr()
        return code, out, err

    return run


def test_validate_missing_folder(cli, tmp_path):
    """A folder that does not exist exits 1 with a readable message, not a traceback."""
    code, out, err = cli("validate", str(tmp_path / "nowhere"))
    assert code == 1
    assert "does not exist" in out + err


def test_validate_reads_conflictdesk_data(cli, tmp_path):
    """Without an argument the command checks the folder named by CONFLICTDESK_DATA."""
    code, out, err = cli("validate", data=write_folder(tmp_path / "good"))
    assert code == 0, err
    assert_summary(out, {name: len(rows) for name, rows in minimal_tables().items()})

    code, out, err = cli("validate", data=broken_copy(tmp_path))
    assert code == 1
    assert "strikes.csv, line 2, column latitude" in err


def test_argument_wins_over_conflictdesk_data(cli, tmp_path):
    """A folder given on the command line is checked even when CONFLICTDESK_DATA names another."""
    code, out, err = cli("validate", str(ROOT / "data"), data=broken_copy(tmp_path))
    assert code == 0, err
    assert_summary(out, row_counts(ROOT / "data"))


def test_build_writes_one_database_file(cli, tmp_path):
    """`build --out FILE DIR` validates the folder and writes the database, saying how to serve it."""
    out = tmp_path / "built" / "conflictdesk.duckdb"
    code, said, err = cli("build", "--out", str(out), str(write_folder(tmp_path / "data")))
    assert code == 0, err
    assert out.is_file()
    assert f"CONFLICTDESK_DB={out}" in said
    assert [p.name for p in out.parent.iterdir()] == [out.name]  # no temporary file left behind


def test_build_of_a_broken_folder_writes_nothing(cli, tmp_path):
    """A broken folder: exit 1, the problem at its file, line and column, and the old database untouched."""
    out = tmp_path / "conflictdesk.duckdb"
    out.write_bytes(b"the previous build")
    code, said, err = cli("build", "--out", str(out), str(broken_copy(tmp_path)))
    assert code == 1
    assert "strikes.csv, line 2, column latitude" in err
    assert out.read_bytes() == b"the previous build"
    assert [p.name for p in tmp_path.iterdir() if p.is_file()] == [out.name]


def test_help_documents_build_and_the_database_variable(cli):
    """`--help` names the build command and CONFLICTDESK_DB."""
    code, out, _ = cli("--help")
    assert code == 0
    assert "build --out FILE.duckdb" in out and "CONFLICTDESK_DB" in out
