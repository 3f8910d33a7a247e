"""Importers for publishers' event data: ACLED and UCDP GED exports become data folders of the contract.

`run_import("acled", file, out, merge=True)` returns (exit code, summary text); the CLI is
`python -m conflictdesk import {acled,ucdp} FILE --out DIR [--merge] [--date-order ...]`.
What maps to what is written in `acled.py` and `ucdp.py`; how messy files are read, in `reading.py`
and `dates.py`; how a merge keeps the existing rows, in `folder.py`.
"""

from conflictdesk.importers.job import PUBLISHERS, run_import

__all__ = ["PUBLISHERS", "run_import"]
