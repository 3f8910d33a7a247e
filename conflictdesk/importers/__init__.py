"""Importers for publishers' data: each export becomes (or is merged into) a data folder of the contract.

- ACLED and UCDP GED exports become strikes with one casualty report each: `run_import("acled", file, out,
  merge=True)` returns (exit code, summary text). What maps to what is in `acled.py` and `ucdp.py`; how a
  merge keeps the existing rows, in `folder.py`.
- Bellingcat's civilian-harm map export (JSON) becomes rows of the optional `incidents` table (no attacker,
  no tolls): `bellingcat.run(file, out, merge=..., include_sexual_violence=...)`, in `bellingcat.py`.
- The public daily air-attack file (CSV compiled from the Air Force's posts) becomes rows of the optional
  `air_attacks` table, one per command's report of a period and a weapon model, the command as claimant:
  `air_attacks.run(file, out, merge=..., compiler=...)`, in `air_attacks.py` and `air_models.py`.
  Both write through `tables.py` (a table of their own, validated in a staging folder before it replaces
  anything).

The CLI is `python -m conflictdesk import {acled,ucdp,bellingcat,air-attacks} FILE --out DIR [--merge]
[--date-order ...]` (importers/command.py). How messy files are read is in `reading.py`, `cells.py` and
`dates.py`.
"""

from conflictdesk.importers.job import PUBLISHERS, run_import

__all__ = ["PUBLISHERS", "run_import"]
