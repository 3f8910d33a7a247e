"""Problems found in a data folder, each naming file, line and column in plain language."""

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the data, where a spreadsheet user would find it."""

    file: str
    line: int | None = None  # as a spreadsheet counts rows: the header is line 1
    column: str | None = None
    message: str = ""
    column_letter: str | None = None

    def __str__(self) -> str:
        where = [self.file]
        if self.line is not None:
            where.append(f"line {self.line}")
        if self.column:
            letter = f" ({self.column_letter})" if self.column_letter else ""
            where.append(f"column {self.column}{letter}")
        return f"{', '.join(where)}: {self.message}"


class DataError(Exception):
    """The data folder is invalid; nothing from it is loaded."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__(format_report(problems))


def column_letter(index: int) -> str:
    """Spreadsheet letter of a zero-based column index (0 -> A, 26 -> AA)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def format_report(problems: list[Problem]) -> str:
    """The report `validate` prints and the app's error page shows."""
    count = len(problems)
    head = f"{count} problem{'s' if count != 1 else ''} found; nothing was loaded."
    return "\n".join([head, *(f"- {p}" for p in problems)])
