"""Where the data is and which version of it: the folder, its cheap signature and the hash of its contents."""

import hashlib
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHANGELOG = "CHANGELOG.md"  # optional: the curator's plain-language changelog of data releases


def data_dir() -> Path:
    """The data folder: $CONFLICTDESK_DATA when set, else the bundled `data/`."""
    return Path(os.environ.get("CONFLICTDESK_DATA") or ROOT / "data")


def folder_signature(path: Path) -> tuple:
    """Names, sizes and modification times of the data files: cheap to take on every rerun."""
    files = sorted(Path(path).glob("*.csv")) + sorted((Path(path) / "sources").glob("*")) + [Path(path) / CHANGELOG]
    return tuple((f.name, f.stat().st_size, f.stat().st_mtime_ns) for f in files if f.is_file())


def data_version(path: Path) -> str:
    """A short hash of every CSV and source text in the folder: the data version."""
    digest = hashlib.sha256()
    files = sorted(path.glob("*.csv")) + sorted((path / "sources").glob("*")) + [path / CHANGELOG]
    for file in files:
        if file.is_file():
            digest.update(file.relative_to(path).as_posix().encode())
            with file.open("rb") as handle:
                for block in iter(lambda: handle.read(1 << 20), b""):
                    digest.update(block)
    return digest.hexdigest()[:12]


def changelog(path: Path) -> str | None:
    """The text of the folder's CHANGELOG.md (UTF-8, invalid bytes replaced), or None when it keeps none."""
    file = Path(path) / CHANGELOG
    return file.read_text(encoding="utf-8", errors="replace") if file.is_file() else None
