"""The source row's credit and terms, as each publisher's licence asks (columns of `sources.csv`).

- UCDP GED is CC BY 4.0: credit "UCDP Georeferenced Event Dataset (GED) Global version X" and say what was
  changed. The version comes from --release, else the file name (`GEDEvent_v24_1.csv`, `ged241.csv`,
  `GEDEvent_v25_0_3.csv` for a candidate release), else the API page's URL (`/api/gedevents/24.1`); an
  import without it is refused, because the credit needs it. The release date comes from --released
  (UCDP's files do not carry it); without it released_on stays empty and the summary says so.
- ACLED's terms of use require attribution and restrict redistribution: redistribution `restricted` is
  what the export and embed blocks check. ACLED is a living dataset without release versions.
"""

import re
from dataclasses import dataclass, field
from pathlib import Path

from conflictdesk.importers.common import Publisher
from conflictdesk.importers.dates import parse_date

VERSION_IN_NAME = re.compile(r"ged(?:event)?[_ -]?v?(\d{2})[_.]?(\d{1,2})(?:[_.](\d{1,2}))?(?![0-9])", re.IGNORECASE)
VERSION = re.compile(r"^[0-9]{1,2}\.[0-9]{1,2}(?:\.[0-9]{1,2})?$")


@dataclass
class Credit:
    """The source columns, lines for the summary, and a problem that stops the import."""

    columns: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    problem: str | None = None


def version_from_name(name: str) -> str | None:
    """'GEDEvent_v24_1.csv' -> '24.1'; 'ged241.csv' -> '24.1'; 'GEDEvent_v25_0_3.csv' -> '25.0.3'."""
    match = VERSION_IN_NAME.search(name)
    if not match:
        return None
    return ".".join(part for part in match.groups() if part is not None)


def release_rank(version: str | None) -> tuple[int, ...] | None:
    """A release version as numbers to compare ('24.1' -> (24, 1); '25.0.3' -> (25, 0, 3)), or None."""
    return tuple(int(part) for part in version.split(".")) if version and VERSION.match(version) else None


def credit_columns(pub: Publisher, file: Path, version: str | None, released: str | None) -> Credit:
    """The credit and terms columns of the source row for one import."""
    credit = Credit()
    columns = dict(pub.terms)
    if pub.key == "ucdp":
        version = version or version_from_name(file.name)
        if not version:
            credit.problem = (
                f"{file.name}: UCDP's licence (CC BY 4.0) asks for credit with the dataset's version, and neither the "
                "file name nor the file says it. Nothing was written. Import it again with --release VERSION (e.g. "
                "--release 24.1, as on UCDP's download page) and, if you know it, --released YYYY-MM-DD."
            )
            return credit
        if not VERSION.match(version):
            credit.problem = f"--release {version!r} is not a UCDP version like 24.1 or 25.0.3. Nothing was written."
            return credit
        columns["credit"] = columns["credit"].format(version=version)
        columns["version"] = version
        if not released:
            credit.notes.append(
                f"UCDP GED version {version}; its release date is not in the file: add --released YYYY-MM-DD to show it "
                "on the Sources page."
            )
    elif version:
        credit.notes.append(f"--release {version} is ignored: ACLED has no release versions.")
    if released:
        parsed = parse_date(released)
        if parsed.iso is None or parsed.iso != released.strip():
            credit.problem = f"--released {released!r} is not a date written YYYY-MM-DD. Nothing was written."
            return credit
        columns["released_on"] = parsed.iso
    credit.columns = columns
    return credit
