"""`python -m conflictdesk import ...`: through the command's `main` in this process (tests/test_cli.py runs the real
`python -m conflictdesk` as a user does), and two real processes importing into one folder at once."""

import csv
import os
import shutil
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from importfixtures import ACLED_COLUMNS, UCDP_COLUMNS, acled, ucdp, write_export
from conflictdesk.__main__ import main

ROOT = Path(__file__).resolve().parents[1]
PYTHON = ROOT / ".venv" / "bin" / "python"


@pytest.fixture
def cli(monkeypatch, capsys):
    """Run `python -m conflictdesk ARGS` in this process: its returncode, stdout and stderr."""
    monkeypatch.delenv("CONFLICTDESK_DATA", raising=False)

    def run(*args) -> SimpleNamespace:
        code = main([str(arg) for arg in args])
        out, err = capsys.readouterr()
        return SimpleNamespace(returncode=code, stdout=out, stderr=err)

    return run


def test_import_then_validate_both_exit_zero(cli, tmp_path):
    """A clean import exits 0 with its summary on stdout, and `validate` accepts the folder it wrote."""
    file = write_export(tmp_path / "acled.csv", ACLED_COLUMNS, [acled(), acled(event_id_cnty="POL1", country="Poland")])
    result = cli("import", "acled", file, "--out", tmp_path / "out")
    assert result.returncode == 0, result.stderr
    assert "Rows read: 2. Written: 1 strike with 1 casualty report. Skipped: 1." in result.stdout
    assert "line 3: country is 'Poland'" in result.stdout
    checked = cli("validate", tmp_path / "out")
    assert checked.returncode == 0, checked.stderr
    assert "strikes 1" in checked.stdout


def test_ucdp_merged_into_the_bundled_data_validates(cli, tmp_path):
    """A GED file merged into a copy of data/ with its release: exit 0, and `validate` accepts the folder."""
    shutil.copytree(ROOT / "data", tmp_path / "data")
    file = write_export(tmp_path / "ged.csv", UCDP_COLUMNS, [ucdp(), ucdp(id="2", where_prec="6", best="40")])
    result = cli("import", "ucdp", file, "--out", tmp_path / "data", "--merge", "--release", "24.1", "--released", "2024-06-10")
    assert result.returncode == 0, result.stderr
    assert "UCDP import of ged.csv" in result.stdout
    assert "1 located only to the country or at sea (40 deaths in 1 row with a figure; left out)" in result.stdout
    checked = cli("validate", tmp_path / "data")
    assert checked.returncode == 0, checked.stderr
    assert "strikes 3" in checked.stdout


def test_two_imports_at_once_never_both_succeed_while_one_set_is_lost(tmp_path):
    """Two processes import different files into one folder at the same moment: each that reports success has its
    rows in the folder; one refused says another import was running."""
    files = [
        write_export(tmp_path / f"{name}.csv", ACLED_COLUMNS, [acled(event_id_cnty=f"{name}{i}") for i in range(3000)])
        for name in ("UKRA", "UKRB")
    ]
    env = {k: v for k, v in os.environ.items() if k != "CONFLICTDESK_DATA"}
    python = PYTHON if PYTHON.exists() else Path(sys.executable)
    runs = [
        subprocess.Popen(
            [str(python), "-m", "conflictdesk", "import", "acled", str(f), "--out", str(tmp_path / "out"), "--merge"],
            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        for f in files
    ]
    results = [(r.wait(timeout=300), r.stdout.read(), r.stderr.read()) for r in runs]
    ids = {row["strike_id"] for row in csv.DictReader((tmp_path / "out" / "strikes.csv").open(encoding="utf-8"))}
    assert any(code == 0 for code, _, _ in results), results
    for (code, _, err), name in zip(results, ("UKRA", "UKRB")):
        if code == 0:
            assert f"acled-{name}0" in ids and f"acled-{name}2999" in ids
        else:
            assert code == 2 and "another import into" in err, err
            assert not any(i.startswith(f"acled-{name}") for i in ids)


def test_missing_file_exits_non_zero(cli, tmp_path):
    """A missing export: non-zero exit and the file named on stderr."""
    result = cli("import", "ucdp", tmp_path / "missing.csv", "--out", tmp_path / "out")
    assert result.returncode == 2
    assert "missing.csv: no such file" in result.stderr


def test_not_an_export_exits_non_zero_naming_the_columns(cli, tmp_path):
    """A CSV that is neither layout: non-zero exit, the missing columns named."""
    file = tmp_path / "other.csv"
    file.write_text("date,place,deaths\n2025-04-13,Sumy,35\n", encoding="utf-8")
    result = cli("import", "ucdp", file, "--out", tmp_path / "out")
    assert result.returncode == 2
    assert "is not in UCDP's export layout: its header lacks the columns id, type_of_violence" in result.stderr
    assert "The header starts: date, place, deaths." in result.stderr
