"""What an import did, told to the user: rows read, written and skipped, with the line and reason
of every skip and warning (listed up to a cap, then counted), and the validation result."""

from collections import Counter
from dataclasses import dataclass, field

LISTED = 50  # lines listed per section; the rest are counted


@dataclass
class Note:
    """A skipped or flagged row: where it is and why."""

    line: int
    text_line: int
    message: str
    reason: str = ""

    def where(self) -> str:
        extra = f" (text line {self.text_line})" if self.text_line != self.line else ""
        return f"line {self.line}{extra}"


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

    @property
    def skipped(self) -> int:
        return sum(self.reasons.values())

    def skip(self, line: int, text_line: int, reason: str, message: str) -> None:
        self.reasons[reason] += 1
        if len(self.skips) < LISTED:
            self.skips.append(Note(line, text_line, message, reason))

    def warn(self, line: int, text_line: int, message: str) -> None:
        self.warning_count += 1
        if len(self.warnings) < LISTED:
            self.warnings.append(Note(line, text_line, message))

    def ambiguity(self, line: int, text_line: int, value: str) -> None:
        self.ambiguous_count += 1
        if len(self.ambiguous) < 5:
            self.ambiguous.append(Note(line, text_line, value))

    def text(self) -> str:
        """The report printed at the end of an import."""
        mode = "merged into the existing folder" if self.merge else "a new data folder"
        out = [f"{self.publisher} import of {self.file} into {self.out} ({mode})."]
        out += self.events
        if self.encoding:
            out.append(f"Read as {self.encoding}, {self.layout}.")
        out.append(
            f"Rows read: {self.rows_read:,}. Written: {_n(self.strikes, 'strike')} with "
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
        if self.reasons:
            out.append("Skipped rows by reason:")
            out += [f"  {count:,} {reason}" for reason, count in self.reasons.most_common()]
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


def _n(count: int, noun: str) -> str:
    return f"{count:,} {noun}{'' if count == 1 else 's'}"
