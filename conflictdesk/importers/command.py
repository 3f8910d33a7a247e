"""The `import` sub-command: `python -m conflictdesk import {acled,ucdp} FILE --out DIR [--merge]`."""

import argparse
import sys
from pathlib import Path

from conflictdesk.importers.dates import DAY_FIRST, MONTH_FIRST
from conflictdesk.importers.job import PUBLISHERS, run_import

HELP = """Turn an ACLED or UCDP GED export into a data folder of the contract (strikes, one casualty report
each, the publisher as source and claimant, attacker actors), or add it to an existing folder with
--merge. Prints a summary: rows read, written and skipped, with the line and reason of each skip.
Exit code 0 when a valid folder was written, 1 when it could not be, 2 for a usage problem."""


def add_parser(commands) -> None:
    """Register the command on the CLI's sub-parsers."""
    parser = commands.add_parser("import", help="import an ACLED or UCDP export into a data folder", description=HELP)
    parser.add_argument("publisher", choices=sorted(PUBLISHERS), help="whose export the file is")
    parser.add_argument("file", type=Path, help="the export (CSV in UTF-8 or Windows-1252, or the API's JSON)")
    parser.add_argument("--out", type=Path, required=True, help="the data folder to write")
    parser.add_argument(
        "--merge",
        action="store_true",
        help="add to an existing valid data folder: its rows stay byte for byte; rows of an earlier import of the "
        "same file are replaced",
    )
    parser.add_argument(
        "--date-order",
        choices=(DAY_FIRST, MONTH_FIRST),
        help="how to read numeric dates like 04/05/2025; by default the file's own evidence decides (a date real "
        "in one order only, or ACLED's timestamp), and a file that cannot tell is refused with nothing written",
    )
    parser.add_argument("--release", help="UCDP GED version for the credit, e.g. 24.1 (else read from the file name or API URL)")
    parser.add_argument("--released", help="UCDP GED release date, YYYY-MM-DD, shown on the Sources page")


def run(args: argparse.Namespace) -> int:
    """Run the import the arguments describe; print the summary; return the exit code."""
    code, report = run_import(
        args.publisher,
        args.file,
        args.out,
        merge=args.merge,
        date_order=args.date_order,
        release=args.release,
        released=args.released,
        progress=sys.stderr,
    )
    print(report, file=sys.stdout if code == 0 else sys.stderr)
    return code
