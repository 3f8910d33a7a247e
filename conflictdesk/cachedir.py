"""The cache folder's housekeeping: where it is, what to do when it cannot be written, checksums, cleanup.

A cached database `conflictdesk-<data version>-<code version>.duckdb` has a sidecar `<file>.sum` holding
the SHA-256 of its bytes and the file's size, inode and times when it was written. A file whose times
and size still match is trusted at once; any difference means a full read and compare (a block written
by anything else changes them). `verify` compares in full, for a check once per process start.
"""

import hashlib
import json
import logging
import os
import re
import tempfile
import time
from pathlib import Path

log = logging.getLogger(__name__)
ORPHAN_SECONDS = 6 * 3600  # a temporary file older than this is a crash's leftover whoever made it
PARTIAL = re.compile(r"\.(\d+)-[0-9a-f]{8}\.partial(\.wal)?$")
_warned: set[str] = set()


def configured(root: Path) -> Path:
    """The cache folder asked for: $CONFLICTDESK_CACHE, else .cache/ in the project."""
    return Path(os.environ.get("CONFLICTDESK_CACHE") or root / ".cache")


def writable(root: Path) -> Path | None:
    """A cache folder that can be written: the configured one, else a private temporary one, else None (memory).

    Each fallback is logged once per process.
    """
    wanted = configured(root)
    fallback = Path(tempfile.gettempdir()) / f"conflictdesk-cache-{os.getuid()}"
    for folder in (wanted, fallback):
        reason = _probe(folder)
        if reason is None:
            if folder != wanted:
                _warn(f"cache folder {wanted} cannot be written ({_probe(wanted)}); using {folder} instead")
            return folder
    _warn(f"no cache folder can be written ({wanted}, {fallback}); the database is built in memory on each start")
    return None


def _probe(folder: Path) -> str | None:
    """None if a file can be created in folder, else why not."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".probe-"):
            pass
    except OSError as error:
        return error.strerror or type(error).__name__
    return None


def _warn(message: str) -> None:
    if message not in _warned:
        _warned.add(message)
        log.warning(message)


def digest(file: Path) -> str:
    """SHA-256 of a file's bytes, read in 1 MiB blocks."""
    hasher = hashlib.sha256()
    with file.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            hasher.update(block)
    return hasher.hexdigest()


def _stamp(file: Path) -> list[int]:
    stat = file.stat()
    return [stat.st_size, stat.st_ino, stat.st_mtime_ns, stat.st_ctime_ns]


def record(file: Path) -> None:
    """Write the checksum sidecar of a freshly written database file."""
    sidecar = Path(f"{file}.sum")
    temporary = Path(f"{sidecar}.{os.getpid()}.tmp")
    temporary.write_text(json.dumps({"sha256": digest(file), "stamp": _stamp(file)}), encoding="utf-8")
    os.replace(temporary, sidecar)


def intact(file: Path) -> bool:
    """Whether a database file matches its sidecar: at once if untouched since written, else by a full compare."""
    try:
        recorded = json.loads(Path(f"{file}.sum").read_text(encoding="utf-8"))
        if recorded["stamp"] == _stamp(file):
            return True
        return recorded["sha256"] == digest(file)
    except (OSError, ValueError, KeyError, TypeError):
        return False


def verify(file: Path) -> bool:
    """Whether a database file's bytes match the checksum recorded when it was written (a full read)."""
    try:
        recorded = json.loads(Path(f"{file}.sum").read_text(encoding="utf-8"))
        return recorded["sha256"] == digest(file)
    except (OSError, ValueError, KeyError, TypeError):
        return False


def discard(file: Path) -> None:
    """Remove a cached database and its sidecar and WAL (a damaged or outdated file)."""
    for each in (file, Path(f"{file}.sum"), Path(f"{file}.wal")):
        try:
            each.unlink(missing_ok=True)
        except OSError as error:
            _warn(f"could not remove {each} ({error.strerror})")


def clean(folder: Path, keep: set[Path], code: str) -> None:
    """Remove what dead builds left (.partial, .wal, .tmp) and databases built by code other than `code`.

    A temporary file is removed when the process named in it is gone or it is older than ORPHAN_SECONDS;
    a database of another code version when it is older than ORPHAN_SECONDS (another server may still be
    running that code). Files in `keep` stay.
    """
    now = time.time()
    for file in folder.glob("conflictdesk-*"):
        try:
            age = now - file.stat().st_mtime
        except OSError:
            continue
        if file in keep:
            continue
        partial = PARTIAL.search(file.name)
        if partial:
            if age > ORPHAN_SECONDS or not _alive(int(partial.group(1))):
                file.unlink(missing_ok=True)
        elif file.name.endswith(".tmp"):
            if age > ORPHAN_SECONDS:
                file.unlink(missing_ok=True)
        elif file.name.endswith(".duckdb.wal") and not Path(str(file)[: -len(".wal")]).exists():
            file.unlink(missing_ok=True)
        elif file.suffix == ".duckdb" and not file.stem.endswith(f"-{code}") and age > ORPHAN_SECONDS:
            discard(file)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
