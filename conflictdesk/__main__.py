"""Command line: `python -m conflictdesk validate [DATA_DIR]`."""

import argparse
import sys
from pathlib import Path

from conflictdesk.load import data_dir, validate
from conflictdesk.problems import format_report


def main(argv: list[str] | None = None) -> int:
    """Run a command and return its exit code."""
    parser = argparse.ArgumentParser(prog="python -m conflictdesk", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("validate", help="check a data folder against the contract")
    check.add_argument("data_dir", nargs="?", type=Path, help="default: $CONFLICTDESK_DATA or data/")
    args = parser.parse_args(argv)
    if args.command == "validate":
        return run_validate(args.data_dir or data_dir())
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


if __name__ == "__main__":
    sys.exit(main())
