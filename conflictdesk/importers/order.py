"""The order of day and month in a file's numeric dates, decided by the file's own evidence.

ACLED's and UCDP's own files write ISO dates; a copy re-saved by a spreadsheet may hold `13/04/2024` (day-first,
as a European locale writes it) or `4/13/2024` (month-first, a US locale). Without --date-order the importer
reads the whole file, gathering evidence (`Evidence`): a date real in one order only (`4/13/2024`), or a date
whose one reading is later than the row's own ACLED `timestamp` (an event cannot be coded before it happened).
- Evidence for one order only: the file is read in that order (again, if the first pass assumed the other).
- Evidence for both orders: the file mixes them; refused, nothing written.
- No evidence, but dates that read either way (`4/12/2024`): refused, nothing written; the message asks for
  --date-order. Never a silent guess.
- No numeric dates whose order matters: nothing to decide.
With --date-order the given order is used and a date impossible in it is left out with its reason.
"""

from dataclasses import dataclass, field
from pathlib import Path

from conflictdesk.importers.dates import DAY_FIRST, MONTH_FIRST


class Undecided(Exception):
    """The file's dates do not say their order; the message says what to do (exit code 1)."""


@dataclass
class Evidence:
    """What a file's numeric dates say about their order: values real in one order only, values a
    publisher's timestamp rules out in one order, and values that read either way."""

    only: dict[str, int] = field(default_factory=lambda: {DAY_FIRST: 0, MONTH_FIRST: 0})
    example: dict[str, str] = field(default_factory=dict)  # order -> "line 4: 4/13/2024 (why)"
    either: int = 0
    either_example: str = ""
    numeric: int = 0  # dates written with numbers only (13/04/2024), whose order of day and month is read

    def found(self, order: str, line: int, value: str, why: str) -> None:
        self.only[order] += 1
        self.example.setdefault(order, f"line {line}: {value} ({why})")

    def order(self) -> str | None:
        """The order the evidence supports, or None when it supports neither or both."""
        day, month = self.only[DAY_FIRST], self.only[MONTH_FIRST]
        if bool(day) == bool(month):
            return None
        return DAY_FIRST if day else MONTH_FIRST



def decide_order(file: Path, evidence, assumed: str) -> str:
    """The order of day and month the file's dates show, or Undecided (nothing may be written) when they cannot say."""
    only = evidence.only
    if only[DAY_FIRST] and only[MONTH_FIRST]:
        raise Undecided(
            f"{file} mixes day-first and month-first dates ({evidence.example[DAY_FIRST]}; "
            f"{evidence.example[MONTH_FIRST]}), so no single order reads it. Nothing was written. Correct the file, "
            "or choose an order with --date-order day-first or --date-order month-first (the other dates are then "
            "left out with their reason).",
        )
    decided = evidence.order()
    if decided:
        return decided
    if evidence.either:
        raise Undecided(
            f"{file}: {evidence.either:,} numeric dates read as real dates both day-first and month-first (e.g. "
            f"{evidence.either_example}), and nothing in the file (a date possible in one order only, or a timestamp "
            "it cannot come after) says which. Nothing was written. Import it again with --date-order day-first "
            "(ACLED's and UCDP's own order for such dates) or --date-order month-first (a file re-saved by a "
            "spreadsheet in a US locale).",
        )
    return assumed


def order_note(evidence, order: str) -> str:
    """The summary line saying in which order numeric dates were read, and why."""
    only = evidence.only[order]
    said = f"Numeric dates were read {order}"
    if only:
        said += (
            f": the file shows it ({only:,} date{'s' if only != 1 else ''} can only be read that way, e.g. "
            f"{evidence.example[order]})"
        )
    if evidence.either:
        said += f"; {evidence.either:,} date{'s' if evidence.either != 1 else ''} that read either way were read {order} too"
    return said + "."
