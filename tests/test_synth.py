"""The synthetic benchmark data: `python -m conflictdesk synth`, marked synthetic in every row and on every page."""

import csv
import json
import shutil
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from streamlit.testing.v1 import AppTest

from datafixtures import write_folder
from conflictdesk.__main__ import main
from conflictdesk.load import validate
from conflictdesk.schema import TABLES
from conflictdesk.synth import SOURCE_ID

ROOT = Path(__file__).resolve().parent.parent


def synth(*args: str) -> subprocess.CompletedProcess:
    """Run `python -m conflictdesk synth ARGS` from the project folder (a real process, as a user runs it)."""
    return subprocess.run(
        [sys.executable, "-m", "conflictdesk", "synth", *args], cwd=ROOT, capture_output=True, text=True, timeout=120
    )


@pytest.fixture
def synth_here(capsys):
    """Run `synth ARGS` through the command's `main` in this process: its returncode and stderr."""

    def run(*args: str) -> SimpleNamespace:
        code = main(["synth", *args])
        out, err = capsys.readouterr()
        return SimpleNamespace(returncode=code, stdout=out, stderr=err)

    return run


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    """A synthetic folder of 300 strikes written by the command."""
    out = tmp_path_factory.mktemp("synth") / "data"
    done = synth("--events", "300", "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert "300 synthetic strikes" in done.stdout
    return out


def rows(folder: Path, name: str) -> list[dict]:
    with (folder / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_the_folder_validates(folder):
    """The written folder passes validation: 300 strikes, one casualty report each."""
    problems, counts = validate(folder)
    assert problems == []
    assert counts["strikes"] == 300 and counts["casualties"] == 300


def test_every_fact_row_cites_the_synthetic_source_and_says_so(folder):
    """One source, of type synthetic; every row of every fact table cites it and says synthetic in its notes."""
    sources = rows(folder, "sources")
    assert [(s["source_id"], s["source_type"]) for s in sources] == [(SOURCE_ID, "synthetic")]
    seen = 0
    for table in TABLES:
        if not table.is_fact or table.name == "sources":
            continue
        for row in rows(folder, table.name):
            assert row["source_id"] == SOURCE_ID, (table.name, row)
            assert "synthetic" in row["notes"].lower(), (table.name, row)
            assert "SYNTHETIC" in row["excerpt"], (table.name, row)
            seen += 1
    assert seen == 600


def test_refuses_to_write_over_other_data(tmp_path, synth_here):
    """The command never writes over a folder holding real data, nor over a file, nor zero events."""
    real = write_folder(tmp_path / "real")
    before = (real / "strikes.csv").read_bytes()
    done = synth_here("--events", "10", "--out", str(real))
    assert done.returncode == 1 and "not a synthetic folder" in done.stderr
    assert (real / "strikes.csv").read_bytes() == before
    file = tmp_path / "file.txt"
    file.write_text("x")
    assert synth_here("--events", "10", "--out", str(file)).returncode == 1
    assert synth_here("--events", "0", "--out", str(tmp_path / "new")).returncode == 2


def test_rewrites_a_synthetic_folder(tmp_path, folder, synth_here):
    """A synthetic folder can be written again with another size."""
    copy = tmp_path / "copy"
    shutil.copytree(folder, copy)
    assert synth_here("--events", "5", "--out", str(copy)).returncode == 0
    assert len(rows(copy, "strikes")) == 5


@pytest.fixture
def synthetic_app(folder, monkeypatch, tmp_path):
    """The app reads the synthetic folder."""
    monkeypatch.setenv("CONFLICTDESK_DATA", str(folder))
    monkeypatch.delenv("CONFLICTDESK_PASSWORD", raising=False)


def test_map_tooltips_flag_synthetic_strikes(synthetic_app):
    """On the map, the synthetic banner shows and every strike's tooltip says it is synthetic (the banner on every
    page: tests/test_app.py, the page set-up test)."""
    at = AppTest.from_file("../pages/map.py", default_timeout=180).run()
    assert any("Synthetic data is loaded" in warning.value for warning in at.warning)
    spec = json.loads(at.get("deck_gl_json_chart")[0].proto.json)
    drawn = [row for layer in spec["layers"] if layer["id"].startswith("strike-") for row in layer["data"]]
    assert len(drawn) == 300
    assert all("SYNTHETIC DATA" in row["tooltip"] for row in drawn)
