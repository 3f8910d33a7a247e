"""Where the data is and which version of it: the folder, its files' signatures and the hash of their contents.

The data version is a hash of every CSV and every source text (sources/ and its subfolders). Hashing a
million-event folder reads ~330 MB, so a start with unchanged files looks the version up instead in an
index kept beside the cache (`indexed_version`), keyed by each file's signature: path, size, inode,
modification and status-change times (ns) and a hash of its first and last blocks. Any doubt means a full
hash. Why an edit cannot slip through: every write, and every `touch`/`os.utime` that puts a modification
time back, sets the file's status-change time (ctime) to the current time, and no program can set ctime
back (only changing the system clock can). An entry is trusted only if every file's times were at least
RACY_SECONDS older than the moment the entry was written (as git does for its index), so an edit within
the same clock tick as the hash is never missed; a file replaced by another (a re-save) has a new inode.
"""

import hashlib
import json
import logging
import os
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BLOCK = 1 << 16  # bytes hashed at each end of a file for its signature
RACY_SECONDS = 2.0
MAX_FOLDERS = 20  # data folders remembered in the index
log = logging.getLogger(__name__)
CHANGELOG = "CHANGELOG.md"  # optional: the curator's plain-language changelog of data releases


def data_dir() -> Path:
    """The data folder: $CONFLICTDESK_DATA when set, else the bundled `data/`."""
    return Path(os.environ.get("CONFLICTDESK_DATA") or ROOT / "data")


def data_files(path: Path) -> list[Path]:
    """Every file that is part of the data: the CSVs, everything under sources/ (subfolders too) and the
    curator's CHANGELOG.md, sorted."""
    path = Path(path)
    files = sorted(path.glob("*.csv")) + sorted((path / "sources").rglob("*")) + [path / CHANGELOG]
    return [f for f in files if f.is_file()]


def folder_signature(path: Path) -> tuple:
    """Names, sizes, inodes and times of the data files: cheap to take on every rerun."""
    out = []
    for file in data_files(path):
        try:
            stat = file.stat()
        except OSError:
            continue  # removed between listing and stat: the next rerun sees it gone
        out.append((file.relative_to(path).as_posix(), stat.st_size, stat.st_ino, stat.st_mtime_ns, stat.st_ctime_ns))
    return tuple(out)


def data_version(path: Path) -> str:
    """A short hash of every CSV and source text in the folder (read whole): the data version."""
    path = Path(path)
    digest = hashlib.sha256()
    for file in data_files(path):
        digest.update(file.relative_to(path).as_posix().encode())
        with file.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    return digest.hexdigest()[:12]


def file_signature(path: Path, file: Path) -> list:
    """[path, size, inode, device, mtime ns, ctime ns, hash of the first and last BLOCK bytes]."""
    stat = file.stat()
    ends = hashlib.sha256()
    with file.open("rb") as handle:
        ends.update(handle.read(BLOCK))
        if stat.st_size > BLOCK:
            handle.seek(max(BLOCK, stat.st_size - BLOCK))
            ends.update(handle.read(BLOCK))
    return [file.relative_to(path).as_posix(), stat.st_size, stat.st_ino, stat.st_dev, stat.st_mtime_ns,
            stat.st_ctime_ns, ends.hexdigest()[:16]]


def signatures(path: Path) -> list[list]:
    """Every data file's signature (reads at most 2 × BLOCK bytes of each)."""
    return [file_signature(Path(path), file) for file in data_files(path)]


def indexed_version(path: Path, index: Path | None) -> tuple[str, bool]:
    """The data version and whether it was hashed in full just now.

    Looked up by the files' signatures in `index` when they are unchanged and not racy; otherwise the
    folder is hashed in full and the index updated (when it can be written). `index` None: always in full.
    """
    path = Path(path).resolve()
    if index is None:
        return data_version(path), True
    key = str(path)
    before = signatures(path)
    entry = _read(index).get(key)
    if entry and entry.get("files") == before and _settled(before, entry.get("recorded_ns", 0)):
        return entry["version"], False
    version = data_version(path)
    if signatures(path) == before:  # nothing changed while hashing: the entry is true
        entries = _read(index)
        entries[key] = {"files": before, "version": version, "recorded_ns": time.time_ns()}
        newest = sorted(entries, key=lambda name: entries[name].get("recorded_ns", 0))[-MAX_FOLDERS:]
        _write(index, {name: entries[name] for name in newest})
    return version, True


def _settled(files: list[list], recorded_ns: int) -> bool:
    """Whether every file was last changed RACY_SECONDS before the entry was recorded."""
    margin = int(RACY_SECONDS * 1e9)
    return all(max(mtime, ctime) + margin <= recorded_ns for *_, mtime, ctime, _ends in files)


def _read(index: Path) -> dict:
    try:
        entries = json.loads(index.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return entries if isinstance(entries, dict) else {}


def _write(index: Path, entries: dict) -> None:
    temporary = index.with_name(f"{index.name}.{os.getpid()}.{time.monotonic_ns()}.tmp")
    try:
        temporary.write_text(json.dumps(entries), encoding="utf-8")
        os.replace(temporary, index)
    except OSError as error:
        log.warning("could not write the data-version index %s (%s); the next start hashes the data in full", index, error)
        temporary.unlink(missing_ok=True)


def changelog(path: Path) -> str | None:
    """The text of the folder's CHANGELOG.md (UTF-8, invalid bytes replaced), or None when it keeps none."""
    file = Path(path) / CHANGELOG
    return file.read_text(encoding="utf-8", errors="replace") if file.is_file() else None
