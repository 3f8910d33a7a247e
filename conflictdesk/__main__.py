"""Command line: `python -m conflictdesk validate [DATA_DIR]`, `python -m conflictdesk import {acled,ucdp} FILE --out DIR`,
`python -m conflictdesk synth --events N --out DIR`, `python -m conflictdesk bench [--sizes 1000,100000,1000000]`."""

import argparse
import sys
from pathlib import Path

from conflictdesk import bench
from conflictdesk.importers import command as import_command
from conflictdesk.load import data_dir, validate
from conflictdesk.problems import format_report


def main(argv: list[str] | None = None) -> int:
    """Run a command and return its exit code."""
    parser = argparse.ArgumentParser(prog="python -m conflictdesk", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("validate", help="check a data folder against the contract")
    check.add_argument("data_dir", nargs="?", type=Path, help="default: $CONFLICTDESK_DATA or data/")
    import_command.add_parser(commands)
    synth = commands.add_parser("synth", help="write a synthetic benchmark data folder (marked synthetic in every row)")
    synth.add_argument("--events", type=int, required=True, help="how many strikes (each with one casualty report)")
    synth.add_argument("--out", type=Path, required=True, help="the folder to write (new, empty or synthetic)")
    bench.add_parser(commands)
    args = parser.parse_args(argv)
    if args.command == "validate":
        return run_validate(args.data_dir or data_dir())
    if args.command == "import":
        return import_command.run(args)
    if args.command == "synth":
        return run_synth(args.events, args.out)
    if args.command == "bench":
        return bench.run(args)
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


if __name__ == "__main__":
    sys.exit(main())
