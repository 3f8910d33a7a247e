"""Imports merged into an existing data folder: curated bytes kept, earlier imports replaced, curated ids never."""

import csv
import shutil
from pathlib import Path

from conflictdesk.schema import TABLES
from conflictdesk.load import validate
from importfixtures import (
    ROOT,
    acled,
    assert_valid,
    import_acled,
    rows,
)


# --- merging into an existing folder ---------------------------------------------------------


def kept(old: bytes, new: bytes) -> bool:
    """Whether every line of the old file starts the same line of the new one (cells kept byte for byte; the
    contract's import columns a file lacked are appended, empty, to its lines)."""
    old_lines, new_lines = old.splitlines(keepends=True), new.splitlines(keepends=True)
    return len(new_lines) >= len(old_lines) and all(
        after.startswith(line.rstrip(b"\r\n")) and after.endswith(line[len(line.rstrip(b"\r\n")):])
        for line, after in zip(old_lines, new_lines)
    )


def copy_bundled(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(ROOT / "data", folder)
    return folder


def test_merge_into_the_bundled_data_keeps_every_curated_byte(tmp_path):
    """Merging keeps each curated cell byte for byte (the contract's import columns appended, empty, where a file
    lacks them; imported rows appended) and the folder validates."""
    folder = copy_bundled(tmp_path)
    before = {t.file: (folder / t.file).read_bytes() for t in TABLES}
    code, out, err, _ = import_acled(tmp_path, [acled()], "--merge", out="data")
    assert code == 0, err
    assert "merged into the existing folder" in out
    for file, old in before.items():
        new = (folder / file).read_bytes()
        assert kept(old, new), file
        if file not in ("strikes.csv", "casualties.csv", "sources.csv", "actors.csv"):
            assert new == old, file
    assert [s["strike_id"] for s in rows(folder, "strikes")] == ["sumy-2025-04-13", "odesa-2025-04-21", "acled-UKR1001"]
    # The imported row keeps what the bundled header lacked: its kind and window (else UCDP battles read as strikes).
    assert rows(folder, "strikes")[-1]["event_kind"] == "strike" and rows(folder, "strikes")[-1]["date_first"]
    assert_valid(folder)
    assert not list(folder.glob(".import-*"))


def test_merge_keeps_crlf_rows_and_a_missing_final_line_break(tmp_path):
    """A curated file saved with CRLF and no final line break keeps its bytes; imported rows follow in CRLF."""
    folder = copy_bundled(tmp_path)
    old = (folder / "strikes.csv").read_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n").rstrip(b"\r\n")
    (folder / "strikes.csv").write_bytes(old)
    code, _, err, _ = import_acled(tmp_path, [acled()], "--merge", out="data")
    assert code == 0, err
    new = (folder / "strikes.csv").read_bytes()
    assert kept(old + b"\r\n", new) and b"\r\nacled-UKR1001," in new
    assert new.endswith(b"\r\n") and b"\n" not in new.replace(b"\r\n", b"")
    assert_valid(folder)


def test_header_only_export_gives_a_valid_empty_folder(tmp_path):
    """An export with no rows still writes a valid folder: the source and its publisher, no strikes."""
    code, out, err, folder = import_acled(tmp_path, [])
    assert code == 0, err
    assert rows(folder, "strikes") == [] and [a["actor_id"] for a in rows(folder, "actors")] == ["acled"]
    assert "Rows read: 0." in out
    assert_valid(folder)


def test_reimport_replaces_instead_of_duplicating(tmp_path):
    """Importing the same file again replaces its rows: an updated toll wins and a withdrawn event disappears."""
    folder = copy_bundled(tmp_path)
    first = [acled(), acled(event_id_cnty="UKR2", location="Odesa", latitude="46.4825", longitude="30.7233")]
    import_acled(tmp_path, first, "--merge", out="data")
    curated = (ROOT / "data" / "strikes.csv").read_bytes()
    code, _, err, _ = import_acled(tmp_path, first, "--merge", out="data")
    assert code == 0, err
    assert [s["strike_id"] for s in rows(folder, "strikes")].count("acled-UKR1001") == 1
    assert len(rows(folder, "strikes")) == 4
    code, out, err, _ = import_acled(tmp_path, [acled(fatalities="40")], "--merge", out="data")
    assert code == 0, err
    assert [s["strike_id"] for s in rows(folder, "strikes")] == ["sumy-2025-04-13", "odesa-2025-04-21", "acled-UKR1001"]
    assert [c["killed"] for c in rows(folder, "casualties") if c["claimant"] == "acled"] == ["40"]
    assert [s["source_id"] for s in rows(folder, "sources")] == ["seed-2025-04-21", "acled-file-acled"]
    assert "Replaced by this import (rows of an earlier ACLED import): 2 strikes, 2 casualty reports." in out
    assert kept(curated, (folder / "strikes.csv").read_bytes())
    assert_valid(folder)


def test_a_newer_export_replaces_events_an_older_one_holds(tmp_path):
    """Two ACLED files sharing an event: the newer import's row replaces the older, ids never repeat."""
    code, _, err, folder = import_acled(tmp_path, [acled(), acled(event_id_cnty="UKR2")], name="march.csv")
    assert code == 0, err
    code, _, err, _ = import_acled(tmp_path, [acled(fatalities="41")], "--merge", name="april.csv")
    assert code == 0, err
    got = [(s["strike_id"], s["source_id"]) for s in rows(folder, "strikes")]
    assert got == [("acled-UKR2", "acled-file-march"), ("acled-UKR1001", "acled-file-april")]
    assert [c["killed"] for c in rows(folder, "casualties")] == ["35", "41"]
    assert_valid(folder)


def test_a_curated_row_with_the_same_id_is_never_replaced(tmp_path):
    """An imported event whose id a curated strike already uses is skipped; the curated row stays."""
    folder = copy_bundled(tmp_path)
    with (folder / "strikes.csv").open(encoding="utf-8", newline="") as handle:
        table = list(csv.reader(handle))
    table.append(["acled-UKR1001", *table[1][1:]])
    with (folder / "strikes.csv").open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(table)
    before = (folder / "strikes.csv").read_bytes()
    code, out, err, _ = import_acled(tmp_path, [acled()], "--merge", out="data")
    assert code == 0, err
    assert kept(before, (folder / "strikes.csv").read_bytes())
    assert "acled-UKR1001 is already a strike of source 'seed-2025-04-21'" in out


def test_existing_folder_without_merge_is_left_alone(tmp_path):
    """Without --merge an existing data folder is refused (exit 2) and not changed."""
    folder = copy_bundled(tmp_path)
    before = {t.file: (folder / t.file).read_bytes() for t in TABLES}
    code, _, err, _ = import_acled(tmp_path, [acled()], out="data")
    assert code == 2
    assert "already holds a data folder" in err and "--merge" in err
    assert {t.file: (folder / t.file).read_bytes() for t in TABLES} == before


def test_invalid_existing_folder_is_not_merged_into(tmp_path):
    """An invalid folder is reported (exit 1) and left as it was."""
    folder = copy_bundled(tmp_path)
    (folder / "events.csv").unlink()
    before = (folder / "strikes.csv").read_bytes()
    code, _, err, _ = import_acled(tmp_path, [acled()], "--merge", out="data")
    assert code == 1
    assert "is not a valid data folder" in err and "events.csv" in err
    assert (folder / "strikes.csv").read_bytes() == before


def test_a_folder_from_before_the_import_columns_is_merged_into(tmp_path):
    """A folder whose strikes.csv lacks the import columns still loads (they read as empty), so it is merged into."""
    folder = copy_bundled(tmp_path)
    with (folder / "strikes.csv").open(encoding="utf-8", newline="") as handle:
        table = list(csv.reader(handle))
    keep = [i for i, name in enumerate(table[0]) if name not in ("event_kind", "date_first", "date_last")]
    with (folder / "strikes.csv").open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows([[row[i] for i in keep] for row in table])
    assert validate(folder)[0] == []
    code, _, err, _ = import_acled(tmp_path, [acled()], "--merge", out="data")
    assert code == 0, err
    assert_valid(folder)
