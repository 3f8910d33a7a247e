"""What an import did, told to the user: rows read, written and skipped, with the line and reason
of every skip and warning (listed up to a cap, then counted), the deaths the skipped rows held by reason,
and the validation result; and the same counts as the rows of `imports.csv` (see `ledger.py`)."""

from collections import Counter
from dataclasses import dataclass, field

from conflictdesk.importers.common import LEFT_OUT, SUPERSEDED

LISTED = 50  # lines listed per section; the rest are counted

WRITTEN_NOT = "Converted, but nothing written (see the validation below)"


@dataclass
class Note:
    """A skipped or flagged row: where it is and why."""

    line: int
    text_line: int
    message: str
    reason: str = ""
    unit: str = "line"

    def where(self) -> str:
        extra = f" (text line {self.text_line})" if self.text_line != self.line else ""
        return f"{self.unit} {self.line}{extra}"


@dataclass
class Tally:
    """Rows of one outcome and reason, and the deaths the publisher gives for them."""

    outcome: str
    rows: int = 0
    deaths: int = 0
    rows_with_deaths: int = 0

    def add(self, deaths: int | None, sign: int = 1) -> None:
        self.rows += sign
        if deaths is not None:
            self.deaths += sign * deaths
            self.rows_with_deaths += sign


@dataclass
class Summary:
    """Counts and notes gathered while importing one file."""

    publisher: str
    file: str
    out: str
    merge: bool = False
    encoding: str = ""
    layout: str = ""
    date_order: str = ""
    rows_read: int = 0
    strikes: int = 0
    casualties: int = 0
    actors_added: int = 0
    replaced: dict[str, int] = field(default_factory=dict)
    reasons: Counter = field(default_factory=Counter)
    skips: list[Note] = field(default_factory=list)
    warning_count: int = 0
    warnings: list[Note] = field(default_factory=list)
    ambiguous_count: int = 0
    ambiguous: list[Note] = field(default_factory=list)
    events: list[str] = field(default_factory=list)  # plain lines: the encoding fallback and the like
    validation: str = ""
    written: bool = True  # False when the folder failed validation: nothing was written
    strikes_proper: int = 0  # of the rows written (`strikes`), those that are strikes (event_kind 'strike')
    unit: str = "line"  # "event" for API JSON
    tallies: dict[str, Tally] = field(default_factory=dict)  # reason ("" = imported) -> tally
    tolls: bool = True  # whether the publisher gives a death figure at all (Bellingcat and the air file do not)

    @property
    def skipped(self) -> int:
        return sum(self.reasons.values())

    def skip(self, line: int, text_line: int, reason: str, message: str, outcome: str = LEFT_OUT, deaths=None) -> None:
        self.reasons[reason] += 1
        self.tallies.setdefault(reason, Tally(outcome)).add(deaths)
        if len(self.skips) < LISTED:
            self.skips.append(Note(line, text_line, message, reason, self.unit))

    def imported(self, deaths: int | None, strike: bool = True) -> None:
        """One row written; `strike` False for an event of another kind (a battle, UCDP's violence types)."""
        self.strikes += 1
        self.strikes_proper += strike
        self.casualties += 1
        self.tallies.setdefault("", Tally("imported")).add(deaths)

    def supersede(self, earlier: tuple[int, int | None], line: int, strike_id: str) -> None:
        """An already written row replaced by a newer version of the same event further down the export."""
        first_line, deaths = earlier
        self.strikes -= 1
        self.casualties -= 1
        self.tallies[""].add(deaths, -1)
        self.skip(first_line, first_line, "older version of an event",
                  f"{strike_id} has a newer timestamp on {self.unit} {line}; that version is kept", SUPERSEDED, deaths)  # fmt: skip

    def warn(self, line: int, text_line: int, message: str) -> None:
        self.warning_count += 1
        if len(self.warnings) < LISTED:
            self.warnings.append(Note(line, text_line, message, unit=self.unit))

    def ambiguity(self, line: int, text_line: int, value: str) -> None:
        if any(note.line == line and note.message == value for note in self.ambiguous[-2:]):
            return  # the same cell read twice (a date and its year, say): one example
        self.ambiguous_count += 1
        if len(self.ambiguous) < 5:
            self.ambiguous.append(Note(line, text_line, value, unit=self.unit))

    def left_out_rows(self) -> int:
        return sum(t.rows for t in self.tallies.values() if t.outcome == LEFT_OUT)

    def left_out_deaths(self) -> int | None:
        """The deaths the publisher gives for the rows left out; None when none of them has a figure (silence is not 0)."""
        left = [t for t in self.tallies.values() if t.outcome == LEFT_OUT and t.rows_with_deaths]
        return sum(t.deaths for t in left) if left else None

    def left_out_text(self) -> str:
        """'Left out: 38 rows holding 5,996 deaths by UCDP's figures (located only to the country or at sea: 38 rows,
        5,996 deaths); see imports.csv.' A row with no figure is "deaths not reported", never 0 deaths."""
        left = {reason: t for reason, t in self.tallies.items() if t.outcome == LEFT_OUT}
        if not left:
            kept = "; ".join(f"{reason}: {_n(t.rows, 'row')}" for reason, t in self.tallies.items()
                             if t.outcome not in (LEFT_OUT, "imported"))
            if kept:  # repeats of rows kept, rows about other countries: skipped, yet nothing missing from the totals
                return f"Nothing in Ukraine was left out of the totals (skipped as repeats or outside Ukraine: {kept})."
            return "Nothing in Ukraine was left out."
        if not self.tolls:
            parts = "; ".join(f"{reason}: {_n(t.rows, 'row')}" for reason, t in left.items())
            return (
                f"Left out: {_n(self.left_out_rows(), 'row')} ({parts}); {self.publisher} gives no death figures. "
                "See imports.csv."
            )
        parts = "; ".join(f"{reason}: {_n(t.rows, 'row')}, {_held(t)}" for reason, t in left.items())
        deaths, rows = self.left_out_deaths(), self.left_out_rows()
        if deaths is None:
            held = "deaths not reported"
        elif sum(t.rows_with_deaths for t in left.values()) < rows:
            held = f"holding at least {_n(deaths, 'death')} by {self.publisher}'s figures (some rows give none)"
        else:
            held = f"holding {_n(deaths, 'death')} by {self.publisher}'s figures"
        return f"Left out: {_n(rows, 'row')} {held} ({parts}); see imports.csv."

    def ledger(self, source_id: str, today: str) -> list[dict[str, str]]:
        """The rows of imports.csv for this import."""
        return [
            {
                "source_id": source_id,
                "file": self.file,
                "imported_on": today,
                "outcome": tally.outcome,
                "reason": reason,
                "rows": str(tally.rows),
                "deaths": str(tally.deaths) if tally.rows_with_deaths else "",
                "rows_with_deaths": str(tally.rows_with_deaths),
            }
            for reason, tally in self.tallies.items()
            if tally.rows
        ]

    def text(self) -> str:
        """The report printed at the end of an import."""
        mode = "merged into the existing folder" if self.merge else "a new data folder"
        out = [f"{self.publisher} import of {self.file} into {self.out} ({mode})."]
        out += self.events
        if self.encoding:
            out.append(f"Read as {self.encoding}, {self.layout}.")
        others = self.strikes - self.strikes_proper
        events = (_n(self.strikes, "strike") if not others else
                  f"{_n(self.strikes, 'event')} ({_n(self.strikes_proper, 'strike')}, {others:,} of other kinds, "
                  "never counted as strikes)")
        out.append(
            f"Rows read: {self.rows_read:,}. {'Written' if self.written else WRITTEN_NOT}: {events} with "
            f"{_n(self.casualties, 'casualty report')}. Skipped: {self.skipped:,}."
        )
        if self.actors_added:
            out.append(f"Actors added: {self.actors_added:,}.")
        replaced = ", ".join(_n(count, noun) for noun, count in self.replaced.items() if count)
        if replaced:
            out.append(f"Replaced by this import (rows of an earlier {self.publisher} import): {replaced}.")
        if self.ambiguous_count:
            examples = ", ".join(f"{n.where()}: {n.message}" for n in self.ambiguous)
            out.append(
                f"{self.ambiguous_count:,} dates could be read day-first or month-first and were read {self.date_order}, "
                f"as {self.publisher}'s spreadsheet re-saves are written (e.g. {examples}). If this file is the other "
                "way round, import it again with --date-order."
            )
        if self.reasons and not self.tolls:
            out.append("Skipped rows by reason:")
            out += [f"  {count:,} {reason}" for reason, count in self.reasons.most_common()]
        if self.reasons and self.tolls:
            out.append(f"Skipped rows by reason (with the deaths {self.publisher} gives for them):")
            out += [f"  {count:,} {reason} ({self._deaths(reason)})" for reason, count in self.reasons.most_common()]
        if self.reasons:
            out.append(self.left_out_text())
            out.append("Skipped rows:")
            out += [f"  {n.where()}: {n.message}" for n in self.skips]
            if self.skipped > len(self.skips):
                out.append(f"  ... and {self.skipped - len(self.skips):,} more skipped rows (counted by reason above)")
        if self.warning_count:
            out.append("Imported with a warning:")
            out += [f"  {n.where()}: {n.message}" for n in self.warnings]
            if self.warning_count > len(self.warnings):
                out.append(f"  ... and {self.warning_count - len(self.warnings):,} more warnings")
        if self.validation:
            out.append(self.validation)
        return "\n".join(out)


    def _deaths(self, reason: str) -> str:
        tally = self.tallies[reason]
        kind = {LEFT_OUT: "left out", SUPERSEDED: "kept in the newer version"}.get(tally.outcome, "outside Ukraine")
        if not tally.rows_with_deaths:
            return f"no death figure; {kind}"
        return f"{_n(tally.deaths, 'death')} in {_n(tally.rows_with_deaths, 'row')} with a figure; {kind}"


def _held(tally: Tally) -> str:
    """The deaths a tally's rows hold: '5,996 deaths', '12 deaths in 1 row with a figure', 'deaths not reported'."""
    if not tally.rows_with_deaths:
        return "deaths not reported"
    if tally.rows_with_deaths < tally.rows:
        return f"{_n(tally.deaths, 'death')} in {_n(tally.rows_with_deaths, 'row')} with a figure"
    return f"{_n(tally.deaths, 'death')}"


def _n(count: int, noun: str) -> str:
    return f"{count:,} {noun}{'' if count == 1 else 's'}"
