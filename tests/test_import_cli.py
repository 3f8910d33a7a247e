"""`python -m conflictdesk import ...` run as a user runs it: a subprocess from the project folder."""

import os
import subprocess
import sys
from pathlib import Path

from test_importers import ACLED_COLUMNS, UCDP_COLUMNS, acled, ucdp, write_export

ROOT = Path(__file__).resolve().parents[1]
PYTHON = ROOT / ".venv" / "bin" / "python"


def cli(*args) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "CONFLICTDESK_DATA"}
    python = PYTHON if PYTHON.exists() else Path(sys.executable)
    return subprocess.run(
        [str(python), "-m", "conflictdesk", *map(str, args)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_import_then_validate_both_exit_zero(tmp_path):
    """A clean import exits 0 with its summary on stdout, and `validate` accepts the folder it wrote."""
    file = write_export(tmp_path / "acled.csv", ACLED_COLUMNS, [acled(), acled(event_id_cnty="POL1", country="Poland")])
    result = cli("import", "acled", file, "--out", tmp_path / "out")
    assert result.returncode == 0, result.stderr
    assert "Rows read: 2. Written: 1 strike with 1 casualty report. Skipped: 1." in result.stdout
    assert "line 3: country is 'Poland'" in result.stdout
    checked = cli("validate", tmp_path / "out")
    assert checked.returncode == 0, checked.stderr
    assert "strikes 1" in checked.stdout


def test_ucdp_import_exits_zero(tmp_path):
    """The ucdp sub-command imports a GED file."""
    file = write_export(tmp_path / "GEDEvent_v24_1.csv", UCDP_COLUMNS, [ucdp()])
    result = cli("import", "ucdp", file, "--out", tmp_path / "out")
    assert result.returncode == 0, result.stderr
    assert "UCDP import of GEDEvent_v24_1.csv" in result.stdout


def test_missing_file_exits_non_zero(tmp_path):
    """A missing export: non-zero exit and the file named on stderr."""
    result = cli("import", "ucdp", tmp_path / "missing.csv", "--out", tmp_path / "out")
    assert result.returncode == 2
    assert "missing.csv: no such file" in result.stderr


def test_not_an_export_exits_non_zero_naming_the_columns(tmp_path):
    """A CSV that is neither layout: non-zero exit, the missing columns named."""
    file = tmp_path / "other.csv"
    file.write_text("date,place,deaths\n2025-04-13,Sumy,35\n", encoding="utf-8")
    result = cli("import", "ucdp", file, "--out", tmp_path / "out")
    assert result.returncode == 2
    assert "is not in UCDP's export layout: its header lacks the columns id, type_of_violence" in result.stderr
    assert "The header starts: date, place, deaths." in result.stderr
