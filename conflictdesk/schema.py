"""The data contract: the tables, their columns and the rules each column obeys.

`TABLES` are the eight files every folder has; `OPTIONAL_TABLES` (`incidents`, `air_attacks`, `corrections`) may be
absent, and an absent one is an empty table, so folders written before they existed stay valid.
`ALL_TABLES` is both, in that order."""

import re
from dataclasses import dataclass, field

QUALIFIERS = ("exact", "at_least", "over", "about", "nearly", "up_to", "vague", "estimate")
STATUSES = ("claimed", "confirmed", "disputed")
DATE_PRECISIONS = ("day", "week", "month")
# An id: a letter or digit, then letters, digits and _ . : -, at most ID_MAX characters in all. Use fullmatch:
# the same rule for the loader, the importers and the URL parameters that name a row.
ID_MAX = 120
ID_PATTERN = re.compile(rf"[A-Za-z0-9][A-Za-z0-9_.:-]{{0,{ID_MAX - 1}}}")
# What an imported row is, from the publisher's own classification (the rule is in importers/kinds.py);
# empty on curated rows, every one of which is a strike.
EVENT_KINDS = ("strike", "other_attack", "state_based", "non_state", "one_sided")
# region: only an area wider than an oblast, or a line (a front, a road), is known (UCDP where_prec 5): not a place.
GEO_PRECISIONS = ("exact", "neighbourhood", "city", "oblast", "region")
WEAPONS = ("ballistic_missile", "cruise_missile", "missile", "drone", "artillery", "glide_bomb", "unknown")
# Air-attack reports keep reconnaissance drones (Orlan, ZALA, Supercam) apart from attack drones.
AIR_WEAPONS = ("ballistic_missile", "cruise_missile", "missile", "drone", "recon_drone", "glide_bomb", "unknown")


@dataclass(frozen=True)
class Column:
    """One column of a table and the rule its cells obey."""

    name: str
    kind: str = "text"  # id | text | date | datetime | int | float | choice | list | time
    required: bool = False
    choices: tuple[str, ...] = ()
    references: str | None = None  # "table.column" a value must exist in
    low: float | None = None
    high: float | None = None
    optional: bool = False  # may be absent from a file's header (columns imports fill): read as empty


@dataclass(frozen=True)
class Table:
    """One CSV file of the data folder."""

    name: str
    columns: tuple[Column, ...]
    key: str
    is_fact: bool = True
    figures: tuple[str, ...] = ()  # number columns that come with _qualifier and _phrase
    spans: tuple[tuple[str, str], ...] = field(default=())  # (start, end) date or date-time pairs
    optional: bool = False  # an absent file reads as an empty table

    @property
    def file(self) -> str:
        return f"{self.name}.csv"

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]


def _fact_tail() -> tuple[Column, ...]:
    """The columns every fact table ends with."""
    return (
        Column("source_id", "id", required=True, references="sources.source_id"),
        Column("excerpt", required=True),
        Column("notes"),
    )


def _figure(name: str) -> tuple[Column, ...]:
    """A figure in three columns: the number, its qualifier and the source's phrase."""
    return (
        Column(name, "int", low=0),
        Column(f"{name}_qualifier", "choice", choices=QUALIFIERS),
        Column(f"{name}_phrase"),
    )


ACTOR = "actors.actor_id"

TABLES: tuple[Table, ...] = (
    Table(
        "sources",
        (
            Column("source_id", "id", required=True),
            Column("publisher"),  # empty when the source names none: it is then credited by its title
            Column("title", required=True),
            Column("url"),
            Column("published_on", "date", required=True),
            Column(
                "source_type",
                "choice",
                required=True,
                choices=("news_report", "official", "ngo", "dataset", "social_post", "synthetic"),
            ),
            Column("language"),
            Column("text_file"),
            Column("notes"),
            # Credit and terms of a publisher's dataset (imports fill them; see data/README.md).
            Column("version", optional=True),
            Column("released_on", "date", optional=True),
            Column("licence", optional=True),
            Column("credit", optional=True),
            Column("changes", optional=True),
            Column("redistribution", "choice", choices=("allowed", "restricted"), optional=True),
            Column("left_out_rows", "int", low=0, optional=True),
            Column("left_out_deaths", "int", low=0, optional=True),
        ),
        key="source_id",
        is_fact=False,
    ),
    Table(
        "actors",
        (
            Column("actor_id", "id", required=True),
            Column("name", required=True),
            Column(
                "actor_type",
                "choice",
                required=True,
                choices=("state", "alliance", "organisation", "official_body"),
            ),
            Column("aliases", "list"),
            Column("part_of", "id", references=ACTOR, optional=True),  # the state a service belongs to, for the actor filter
        ),
        key="actor_id",
        is_fact=False,
    ),
    Table(
        "strikes",
        (
            Column("strike_id", "id", required=True),
            Column("date", "date", required=True),
            Column("time_local", "time"),
            Column("date_precision", "choice", required=True, choices=DATE_PRECISIONS),
            Column("city", required=True),
            Column("oblast"),
            Column("place"),
            Column("latitude", "float", required=True, low=-90, high=90),
            Column("longitude", "float", required=True, low=-180, high=180),
            Column("geo_precision", "choice", required=True, choices=GEO_PRECISIONS),
            Column("attacker", "id", references=ACTOR),
            Column("weapon", "choice", choices=WEAPONS),
            Column(
                "target_type",
                "choice",
                choices=("civilian", "military", "dual_use", "disputed", "unknown"),
            ),
            Column("target"),
            Column("description"),
            Column("status", "choice", required=True, choices=STATUSES),
            *_fact_tail(),
            # Imported rows: the publisher's classification verbatim, the kind it makes, the date window.
            Column("event_kind", "choice", choices=EVENT_KINDS, optional=True),
            Column("publisher_type", optional=True),
            Column("publisher_subtype", optional=True),
            Column("date_first", "date", optional=True),
            Column("date_last", "date", optional=True),
            Column("publisher_timestamp", "int", low=0, optional=True),
            Column("district", optional=True),  # the publisher's second-order admin unit (raion), so same-named places stay apart
        ),
        key="strike_id",
        spans=(("date_first", "date_last"),),
    ),
    Table(
        "casualties",
        (
            Column("report_id", "id", required=True),
            Column("strike_id", "id", required=True, references="strikes.strike_id"),
            Column("reported_on", "date", required=True),
            Column("population", "choice", choices=("civilian", "military", "unknown", "all")),
            *_figure("killed"),
            *_figure("injured"),
            Column("claimant", "id", references=ACTOR),
            Column("status", "choice", required=True, choices=STATUSES),
            *_fact_tail(),
            # Imported rows: words for a blank killed figure, UCDP's low and high, and a contradiction.
            Column("killed_blank_phrase", optional=True),
            Column("killed_low", "int", low=0, optional=True),
            Column("killed_high", "int", low=0, optional=True),
            Column("source_inconsistency", optional=True),
        ),
        key="report_id",
        figures=("killed", "injured"),
    ),
    Table(
        "truces",
        (
            Column("truce_id", "id", required=True),
            Column("name", required=True),
            Column("declared_by", "id", references=ACTOR),
            Column("start_date", "date", required=True),
            Column("end_date", "date"),
            Column("scope"),
            *_fact_tail(),
            # How precisely the source dates the start: empty or day = that day; week / month = some day in
            # the week / month ending on start_date (as date_precision of strikes and statements).
            Column("start_precision", "choice", choices=DATE_PRECISIONS),
        ),
        key="truce_id",
        spans=(("start_date", "end_date"),),
    ),
    Table(
        "truce_violations",
        (
            Column("claim_id", "id", required=True),
            Column("truce_id", "id", required=True, references="truces.truce_id"),
            Column("claimant", "id", required=True, references=ACTOR),
            Column("accused", "id", references=ACTOR),
            Column("period_start", "date"),
            Column("period_end", "date"),
            *_figure("count"),
            Column("categories", "list"),
            Column("status", "choice", required=True, choices=STATUSES),
            Column("reported_on", "date", required=True),
            *_fact_tail(),
        ),
        key="claim_id",
        figures=("count",),
        spans=(("period_start", "period_end"),),
    ),
    Table(
        "statements",
        (
            Column("statement_id", "id", required=True),
            Column("date", "date", required=True),
            Column("date_precision", "choice", required=True, choices=DATE_PRECISIONS),
            Column("speaker", required=True),
            Column("speaker_role"),
            Column("actor", "id", references=ACTOR),
            Column("quote", required=True),
            Column("quote_kind", "choice", required=True, choices=("direct", "paraphrase")),
            Column("venue"),
            Column("topics", "list"),
            Column("related_strike_id", "id", references="strikes.strike_id"),
            Column("related_truce_id", "id", references="truces.truce_id"),
            *_fact_tail(),
        ),
        key="statement_id",
    ),
    Table(
        "events",
        (
            Column("event_id", "id", required=True),
            Column("date", "date", required=True),
            Column("date_precision", "choice", required=True, choices=DATE_PRECISIONS),
            Column("kind", required=True),
            Column("title", required=True),
            Column("actors", "list", references=ACTOR),
            Column("place"),
            *_fact_tail(),
        ),
        key="event_id",
    ),
)

# --- optional tables (added by the corrections log, issue 14) ---------------------------------------
# `column` = WHOLE_ROW in a correction records a removed row (new_value empty, the row gone from its file).
WHOLE_ROW = "*"

OPTIONAL_TABLES: tuple[Table, ...] = (
    Table(
        "incidents",
        (
            Column("incident_id", "id", required=True),
            Column("date", "date", required=True),
            Column("date_precision", "choice", required=True, choices=DATE_PRECISIONS),
            Column("place"),
            Column("latitude", "float", required=True, low=-90, high=90),
            Column("longitude", "float", required=True, low=-180, high=180),
            Column("geo_precision", "choice", required=True, choices=GEO_PRECISIONS),
            Column("area_types", "list"),
            Column("weapon_systems", "list"),
            Column("content_warning"),
            Column("links", "list"),
            Column("hidden_sources", "int", low=0),
            Column("status", "choice", required=True, choices=STATUSES),
            *_fact_tail(),
        ),
        key="incident_id",
        optional=True,
    ),
    Table(
        "air_attacks",
        (
            Column("report_id", "id", required=True),
            Column("period_start", "datetime", required=True),
            Column("period_end", "datetime", required=True),
            Column("claimant", "id", required=True, references=ACTOR),
            Column("weapon_model"),
            Column("weapon", "choice", choices=AIR_WEAPONS),
            *_figure("launched"),
            *_figure("destroyed"),
            *_figure("not_reached"),
            Column("target_area"),
            Column("status", "choice", required=True, choices=STATUSES),
            Column("reported_on", "date", required=True),
            *_fact_tail(),
        ),
        key="report_id",
        figures=("launched", "destroyed", "not_reached"),
        spans=(("period_start", "period_end"),),
        optional=True,
    ),
    Table(
        "corrections",
        (
            Column("correction_id", "id", required=True),
            Column("corrected_on", "date", required=True),
            Column("table", required=True),  # a table of the data (checked in loader/corrections.py)
            Column("row_id", "id", required=True),
            Column("column", required=True),  # a column of that table, or * for a removed row
            Column("old_value"),
            Column("new_value"),
            Column("reason", required=True),
            Column("source_id", "id", references="sources.source_id"),
            Column("notes"),
        ),
        key="correction_id",
        is_fact=False,
        optional=True,
    ),
)

ALL_TABLES = TABLES + OPTIONAL_TABLES
TABLES_BY_NAME = {t.name: t for t in ALL_TABLES}

# Conservative counts for vague words, as conflict-data coders use them.
VAGUE_COUNTS = {"several": 10, "dozens": 12, "hundreds": 100, "thousands": 1000}
