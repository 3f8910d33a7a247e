"""A large, valid data folder written row by row: the bundled data plus generated strikes and tolls.

`write_big_folder(dest, strikes_mb=50)` copies data/, adds a synthetic source (its text holds every
generated excerpt) and appends generated rows to strikes.csv and casualties.csv with the csv module in a
streaming loop, so the files never exist in memory whole. `bad=("strikes", "weapon", "drones")` puts one
bad cell on a known line near the end of that file; the function returns the line, counted as a
spreadsheet counts it (header = line 1).

Run as a script to print a folder for benchmarks: `python tests/corpus/big.py DEST [strikes_mb] [--rows N]`.
"""

import csv
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

from conflictdesk.schema import TABLES_BY_NAME

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
SOURCE_ID = "benchmark-synthetic"
SOURCE_TEXT = """Synthetic benchmark text: not reporting. It exists so that generated rows have excerpts to cite.
A generated strike was reported in the city named in the row.
Officials said people were killed and injured in the generated strike.
The generated attack damaged residential buildings and a power line.
The figures in this generated report have not been verified.
"""
EXCERPTS = (
    "A generated strike was reported in the city named in the row.",
    "Officials said people were killed and injured in the generated strike.",
    "The generated attack damaged residential buildings and a power line.",
)
CITIES = (
    ("Kharkiv", "Kharkiv Oblast", 49.9935, 36.2304),
    ("Sumy", "Sumy Oblast", 50.9077, 34.7981),
    ("Odesa", "Odesa Oblast", 46.4825, 30.7233),
    ("Zaporizhzhia", "Zaporizhzhia Oblast", 47.8388, 35.1396),
    ("Dnipro", "Dnipropetrovsk Oblast", 48.4647, 35.0462),
    ("Kyiv", "Kyiv", 50.4501, 30.5234),
    ("Kherson", "Kherson Oblast", 46.6354, 32.6169),
)
WEAPONS = ("ballistic_missile", "cruise_missile", "missile", "drone", "artillery", "glide_bomb", "unknown")
TARGETS = ("civilian", "military", "dual_use", "disputed", "unknown")
STATUSES = ("claimed", "confirmed", "disputed")
QUALIFIERS = (("exact", "{n}"), ("at_least", "at least {n}"), ("over", "over {n}"), ("about", "about {n}"))


@dataclass
class BigFolder:
    """Where the generated folder is and what is in it."""

    path: Path
    strikes: int  # generated strike rows (the bundled ones come first)
    casualties: int
    bad_line: int | None = None


def _date(i: int) -> str:
    year = 2022 + (i // 336) % 4
    month = 1 + (i // 28) % 12
    day = 1 + i % 28
    return f"{year}-{month:02d}-{day:02d}"


def strike_row(i: int, short: bool = False) -> list[str]:
    """Generated strike i, in the column order of the bundled strikes.csv."""
    city, oblast, lat, lon = CITIES[i % len(CITIES)]
    return [
        f"gen-{i:07d}",
        _date(i),
        f"{i % 24:02d}:{i % 60:02d}",
        "day",
        city,
        oblast,
        "" if short else f"District {i % 17}",
        f"{lat + (i % 100) / 1000:.4f}",
        f"{lon - (i % 100) / 1000:.4f}",
        "neighbourhood",
        "russia" if i % 5 else "ukraine",
        WEAPONS[i % len(WEAPONS)],
        TARGETS[i % len(TARGETS)],
        "" if short else "Residential buildings",
        "" if short else f"Generated strike number {i} on {city}, with damage to residential buildings.",
        STATUSES[i % len(STATUSES)],
        SOURCE_ID,
        EXCERPTS[i % len(EXCERPTS)],
        "" if short else "Synthetic row for the loader benchmark; not a real event.",
    ]


def toll_row(i: int) -> list[str]:
    """The toll of generated strike i, in the column order of the bundled casualties.csv."""
    killed, injured = i % 40, (i * 7) % 120
    kq, kp = QUALIFIERS[i % len(QUALIFIERS)]
    iq, ip = QUALIFIERS[(i + 1) % len(QUALIFIERS)]
    return [
        f"gen-{i:07d}-toll-1",
        f"gen-{i:07d}",
        _date(i),
        ("civilian", "military", "unknown", "all")[i % 4],
        str(killed),
        kq,
        kp.format(n=killed),
        str(injured),
        iq,
        ip.format(n=injured),
        ("ukraine", "russia", "")[i % 3],
        STATUSES[i % len(STATUSES)],
        SOURCE_ID,
        EXCERPTS[1],
        "Synthetic toll for the loader benchmark.",
    ]


def _header(file: Path) -> list[str]:
    with file.open(encoding="utf-8-sig", newline="") as handle:
        return next(csv.reader(handle))


def _count_lines(file: Path) -> int:
    with file.open(encoding="utf-8-sig", newline="") as handle:
        return sum(1 for _ in csv.reader(handle))


def write_big_folder(
    dest: Path,
    strikes_mb: float = 50,
    rows: int | None = None,
    casualties: bool = True,
    short: bool = False,
    bad: tuple[str, str, str] | None = None,
    bad_from_end: int = 7,
) -> BigFolder:
    """Write a valid folder with ~strikes_mb MB of strikes (or exactly `rows` generated strikes) and their tolls."""
    dest = Path(dest)
    shutil.copytree(DATA, dest)
    (dest / "sources" / "benchmark.txt").write_text(SOURCE_TEXT, encoding="utf-8")
    source = [SOURCE_ID, "Conflict Desk tests", "Generated benchmark rows", "", "2025-04-21", "synthetic", "en",
              "sources/benchmark.txt", "Generated by tests/corpus/big.py; not reporting."]  # fmt: skip
    width = len(_header(dest / "sources.csv"))  # the import-only columns at the end stay empty
    with (dest / "sources.csv").open("a", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerow(source + [""] * (width - len(source)))
    if rows is None:
        sample = sum(len(",".join(strike_row(i, short)).encode()) + 1 for i in range(100)) / 100
        rows = int(strikes_mb * 1_000_000 / sample)
    result = BigFolder(dest, rows, rows if casualties else 0)
    tables = [("strikes", strike_row if not short else (lambda i: strike_row(i, True)))]
    if casualties:
        tables.append(("casualties", toll_row))
    for name, make in tables:
        file = dest / f"{name}.csv"
        header = _header(file)
        # The contract's order; the optional (import) columns may be left out, as the bundled files do.
        expected = [c.name for c in TABLES_BY_NAME[name].columns if not c.optional or c.name in header]
        assert header == expected, f"{file} has its columns in another order"
        first_line = _count_lines(file) + 1  # the line the first generated row lands on
        bad_index = None
        if bad is not None and bad[0] == name:
            bad_index = rows - bad_from_end
            result.bad_line = first_line + bad_index
            bad_column = header.index(bad[1])
        with file.open("a", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            for i in range(rows):
                row = make(i)
                row += [""] * (len(header) - len(row))  # the import-only columns at the end stay empty
                if i == bad_index:
                    row[bad_column] = bad[2]
                writer.writerow(row)
    return result


if __name__ == "__main__":
    args = sys.argv[1:]
    count = None
    if "--rows" in args:
        at = args.index("--rows")
        count = int(args[at + 1])
        del args[at : at + 2]
    folder = write_big_folder(Path(args[0]), float(args[1]) if len(args) > 1 else 50, rows=count, short=count is not None, casualties=count is None)
    print(folder)
