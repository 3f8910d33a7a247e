"""Command line of Conflict Desk.

  python -m conflictdesk validate [DATA_DIR]              check a data folder; every problem by file, line, column
  python -m conflictdesk build --out FILE.duckdb [DATA_DIR]   validate and write the whole database once
  python -m conflictdesk import {acled,ucdp} FILE --out DIR   import a publisher's export
  python -m conflictdesk synth --events N --out DIR      write a synthetic benchmark folder
  python -m conflictdesk bench [--sizes 1000,100000,1000000]  time the dashboard
  python -m conflictdesk snapshot "PAGE_URL" --out DIR [--images]   write a static, offline copy of a view

Environment: CONFLICTDESK_DATA (the data folder; default data/), CONFLICTDESK_CACHE (where the app caches
the loaded database; default .cache/), CONFLICTDESK_DB (a database written by `build`: the app then opens
that file read-only and never reads, hashes or builds from the data folder; for replicas sharing one file),
CONFLICTDESK_CURATOR=1 (this server lists the problems of newer, invalid files on every page; readers
elsewhere see the last good data with a notice), CONFLICTDESK_CHECK_WAIT (seconds a reader waits for
newer files to be checked before being shown the last good version; default 2).
"""

import argparse
import sys
from pathlib import Path

from conflictdesk import bench
from conflictdesk.importers import command as import_command
from conflictdesk.load import data_dir, validate
from conflictdesk.problems import format_report


def main(argv: list[str] | None = None) -> int:
    """Run a command and return its exit code."""
    parser = argparse.ArgumentParser(
        prog="python -m conflictdesk", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("validate", help="check a data folder against the contract")
    check.add_argument("data_dir", nargs="?", type=Path, help="default: $CONFLICTDESK_DATA or data/")
    make = commands.add_parser(
        "build",
        help="validate a data folder and write its whole database to one file (open it with CONFLICTDESK_DB=FILE)",
    )
    make.add_argument("--out", type=Path, required=True, help="the database file to write (replaced atomically)")
    make.add_argument("data_dir", nargs="?", type=Path, help="default: $CONFLICTDESK_DATA or data/")
    import_command.add_parser(commands)
    synth = commands.add_parser("synth", help="write a synthetic benchmark data folder (marked synthetic in every row)")
    synth.add_argument("--events", type=int, required=True, help="how many strikes (each with one casualty report)")
    synth.add_argument("--out", type=Path, required=True, help="the folder to write (new, empty or synthetic)")
    bench.add_parser(commands)
    snap = commands.add_parser("snapshot", help="write a self-contained static folder of a view (index.html, data, "
                               "citation.json) that opens with no server and no network")
    snap.add_argument("url", help='the page\'s address with its parameters, e.g. "http://host/casualties?period=…"')
    snap.add_argument("--out", type=Path, required=True, help="the folder to write")
    snap.add_argument("--images", action="store_true", help="also write each chart as SVG and PNG (needs kaleido "
                      "and Chromium)")
    args = parser.parse_args(argv)
    if args.command == "validate":
        return run_validate(args.data_dir or data_dir())
    if args.command == "build":
        return run_build(args.data_dir or data_dir(), args.out)
    if args.command == "import":
        return import_command.run(args)
    if args.command == "synth":
        return run_synth(args.events, args.out)
    if args.command == "bench":
        return bench.run(args)
    if args.command == "snapshot":
        return run_snapshot(args.url, args.out, args.images)
    return 2


def run_validate(path: Path) -> int:
    """Print the validation report for a folder; 0 when it is valid."""
    problems, counts = validate(path)
    if problems:
        print(f"{path}: {format_report(problems)}", file=sys.stderr)
        return 1
    rows = ", ".join(f"{name} {count}" for name, count in counts.items())
    print(f"{path}: valid. Rows: {rows}.")
    return 0


def run_build(path: Path, out: Path) -> int:
    """Validate a folder and write its database to `out`; 0 when written, 1 (and `out` untouched) when invalid."""
    from conflictdesk.cache import build
    from conflictdesk.problems import DataError

    if out.exists() and not out.is_file():
        print(f"build: {out} is not a file", file=sys.stderr)
        return 1
    try:
        version = build(path, out)
    except DataError as error:
        print(f"{path}: {format_report(error.problems)}", file=sys.stderr)
        return 1
    print(f"{out}: built from {path} (data version {version}). Serve it with CONFLICTDESK_DB={out}.")
    return 0


def run_synth(events: int, out: Path) -> int:
    """Write a synthetic folder; never over a folder that holds other data."""
    from conflictdesk.synth import SOURCE_ID, write_synthetic

    if events < 1:
        print("synth: --events must be 1 or more", file=sys.stderr)
        return 2
    sources = out / "sources.csv"
    if out.exists() and not out.is_dir():
        print(f"synth: {out} is a file, not a folder", file=sys.stderr)
        return 1
    if out.exists() and any(out.iterdir()) and not (sources.is_file() and SOURCE_ID in sources.read_text("utf-8")):
        print(f"synth: {out} holds other files and is not a synthetic folder; choose a new folder", file=sys.stderr)
        return 1
    write_synthetic(out, events)
    print(f"{out}: {events:,} synthetic strikes, each with one casualty report, all citing the source "
          f"'{SOURCE_ID}' (source_type synthetic). Open it with CONFLICTDESK_DATA={out}.")
    return 0


def run_snapshot(url: str, out: Path, with_images: bool) -> int:
    """Write a view's snapshot folder; 0 when written, 1 for an address that is not a page or invalid data."""
    from conflictdesk.problems import DataError
    from conflictdesk.snapshot import write_snapshot

    if out.exists() and not out.is_dir():
        print(f"snapshot: {out} is a file, not a folder", file=sys.stderr)
        return 1
    try:
        cited = write_snapshot(url, out, with_images=with_images)
    except ValueError as error:
        print(f"snapshot: {error}", file=sys.stderr)
        return 1
    except DataError as error:
        print(f"snapshot: {format_report(error.problems)}", file=sys.stderr)
        return 1
    print(f"{out}: snapshot of {url} (data version {cited['data_version']}). Open {out / 'index.html'}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
