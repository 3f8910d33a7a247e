"""Fixture data for the loader and query tests: a tiny, valid data folder written in the test.

`minimal_tables()` gives the rows; `write_folder(tmp_path, strikes=[...])` writes all eight CSVs
(the tables not given come from `minimal_tables()`) and the source text `sources/s1.txt`;
`changed("strikes", 0, latitude="91")` is minimal_tables()'s strikes with one row altered.
"""

import re
import csv
from pathlib import Path


from conflictdesk.schema import TABLES

# The one source text; every excerpt in minimal_tables() is a verbatim piece of it.
SOURCE_TEXT = """Test Wire, 25 April 2025.
A Russian missile strike hit Sumy on Sunday, killing 35 people and injuring over 100.
Russian drones hit Odesa overnight; at least three people were injured.
A Ukrainian drone hit Belgorod.
Russia declared an Easter truce.
Ukraine said Russia broke the truce nearly 3,000 times.
Russia said Ukraine launched hundreds of drone and artillery attacks.
Putin said "peace is welcome".
Zelensky said "we want a real ceasefire".
Peskov said the strike hit a military target.
Trump said a deal was close.
A regional official was dismissed.
Talks were held in Paris last week.
Talks will be held in London on Wednesday.
On 25 April Ukraine said about 40 people were killed and more than 120 injured in Sumy.
"""

S1 = {"source_id": "s1"}


def minimal_tables() -> dict[str, list[dict]]:
    """A tiny valid data set: 1 source, 3 actors, 3 strikes, 3 tolls, 1 truce, 2 claims, 4 statements, 4 events."""
    return {
        "sources": [
            {
                "source_id": "s1",
                "publisher": "Test Wire",
                "title": "Test report",
                "published_on": "2025-04-25",
                "source_type": "synthetic",
                "language": "en",
                "text_file": "sources/s1.txt",
            }
        ],
        "actors": [
            {"actor_id": "russia", "name": "Russia", "actor_type": "state", "aliases": "Kremlin;Moscow"},
            {"actor_id": "ukraine", "name": "Ukraine", "actor_type": "state", "aliases": "Kyiv"},
            {"actor_id": "united_states", "name": "United States", "actor_type": "state"},
        ],
        "strikes": [
            {
                "strike_id": "sumy",
                "date": "2025-04-13",
                "date_precision": "day",
                "city": "Sumy",
                "latitude": "50.9077",
                "longitude": "34.7981",
                "geo_precision": "city",
                "attacker": "russia",
                "weapon": "missile",
                "target_type": "civilian",
                "status": "confirmed",
                **S1,
                "excerpt": "A Russian missile strike hit Sumy on Sunday",
            },
            {
                "strike_id": "belgorod",
                "date": "2025-04-18",
                "date_precision": "day",
                "city": "Belgorod",
                "latitude": "50.5954",
                "longitude": "36.5873",
                "geo_precision": "city",
                "attacker": "ukraine",
                "weapon": "drone",
                "status": "claimed",
                **S1,
                "excerpt": "A Ukrainian drone hit Belgorod.",
            },
            {
                "strike_id": "odesa",
                "date": "2025-04-21",
                "time_local": "02:30",
                "date_precision": "day",
                "city": "Odesa",
                "latitude": "46.4825",
                "longitude": "30.7233",
                "geo_precision": "city",
                "attacker": "russia",
                "weapon": "drone",
                "status": "claimed",
                **S1,
                "excerpt": "Russian drones hit Odesa overnight",
            },
        ],
        "casualties": [
            {
                "report_id": "sumy-toll-1",
                "strike_id": "sumy",
                "reported_on": "2025-04-14",
                "killed": "35",
                "killed_qualifier": "exact",
                "killed_phrase": "35",
                "injured": "100",
                "injured_qualifier": "over",
                "injured_phrase": "over 100",
                "claimant": "ukraine",
                "status": "claimed",
                **S1,
                "excerpt": "killing 35 people and injuring over 100",
            },
            {
                "report_id": "sumy-toll-2",
                "strike_id": "sumy",
                "reported_on": "2025-04-25",
                "killed": "40",
                "killed_qualifier": "about",
                "killed_phrase": "about 40",
                "injured": "120",
                "injured_qualifier": "over",
                "injured_phrase": "more than 120",
                "claimant": "ukraine",
                "status": "claimed",
                **S1,
                "excerpt": "about 40 people were killed and more than 120 injured in Sumy",
            },
            {
                "report_id": "odesa-toll-1",
                "strike_id": "odesa",
                "reported_on": "2025-04-21",
                "injured": "3",
                "injured_qualifier": "at_least",
                "injured_phrase": "at least three",
                "status": "claimed",
                **S1,
                "excerpt": "at least three people were injured",
            },
        ],
        "truces": [
            {
                "truce_id": "easter",
                "name": "Easter truce",
                "declared_by": "russia",
                "start_date": "2025-04-20",
                "end_date": "2025-04-21",
                **S1,
                "excerpt": "Russia declared an Easter truce.",
            }
        ],
        "truce_violations": [
            {
                "claim_id": "easter-ua",
                "truce_id": "easter",
                "claimant": "ukraine",
                "accused": "russia",
                "count": "3000",
                "count_qualifier": "nearly",
                "count_phrase": "nearly 3,000 times",
                "status": "claimed",
                "reported_on": "2025-04-21",
                **S1,
                "excerpt": "Ukraine said Russia broke the truce nearly 3,000 times.",
            },
            {
                "claim_id": "easter-ru",
                "truce_id": "easter",
                "claimant": "russia",
                "accused": "ukraine",
                "count": "100",
                "count_qualifier": "vague",
                "count_phrase": "hundreds",
                "categories": "drone attacks;artillery attacks",
                "status": "claimed",
                "reported_on": "2025-04-21",
                **S1,
                "excerpt": "Russia said Ukraine launched hundreds of drone and artillery attacks.",
            },
        ],
        "statements": [
            {
                "statement_id": "peskov-1",
                "date": "2025-04-14",
                "date_precision": "day",
                "speaker": "Dmitry Peskov",
                "speaker_role": "Kremlin spokesperson",
                "actor": "russia",
                "quote": "The strike hit a military target.",
                "quote_kind": "paraphrase",
                "topics": "Sumy strike",
                "related_strike_id": "sumy",
                **S1,
                "excerpt": "Peskov said the strike hit a military target.",
            },
            {
                "statement_id": "trump-1",
                "date": "2025-04-18",
                "date_precision": "day",
                "speaker": "Donald Trump",
                "actor": "united_states",
                "quote": "A deal was close.",
                "quote_kind": "paraphrase",
                **S1,
                "excerpt": "Trump said a deal was close.",
            },
            {
                "statement_id": "putin-1",
                "date": "2025-04-20",
                "date_precision": "day",
                "speaker": "Vladimir Putin",
                "speaker_role": "President of Russia",
                "actor": "russia",
                "quote": "peace is welcome",
                "quote_kind": "direct",
                "venue": "State television",
                "topics": "peace talks;ceasefire",
                "related_truce_id": "easter",
                **S1,
                "excerpt": 'Putin said "peace is welcome".',
            },
            {
                "statement_id": "zelensky-1",
                "date": "2025-04-21",
                "date_precision": "day",
                "speaker": "Volodymyr Zelensky",
                "speaker_role": "President of Ukraine",
                "actor": "ukraine",
                "quote": "we want a real ceasefire",
                "quote_kind": "direct",
                "related_strike_id": "sumy",
                **S1,
                "excerpt": 'Zelensky said "we want a real ceasefire".',
            },
        ],
        "events": [
            {
                "event_id": "dismissal",
                "date": "2025-04-15",
                "date_precision": "week",
                "kind": "dismissal",
                "title": "A regional official is dismissed",
                **S1,
                "excerpt": "A regional official was dismissed.",
            },
            {
                "event_id": "paris",
                "date": "2025-04-17",
                "date_precision": "week",
                "kind": "talks",
                "title": "Talks in Paris",
                "actors": "ukraine;united_states",
                "place": "Paris",
                **S1,
                "excerpt": "Talks were held in Paris last week.",
            },
            {
                "event_id": "russia-truce",
                "date": "2025-04-19",
                "date_precision": "day",
                "kind": "announcement",
                "title": "Russia announces an Easter truce",
                "actors": "russia",
                **S1,
                "excerpt": "Russia declared an Easter truce.",
            },
            {
                "event_id": "london",
                "date": "2025-04-23",
                "date_precision": "day",
                "kind": "talks",
                "title": "Talks in London",
                "actors": "ukraine;united_states",
                "place": "London",
                **S1,
                "excerpt": "Talks will be held in London on Wednesday.",
            },
        ],
    }


def changed(table: str, index: int, **cells: str) -> dict[str, list[dict]]:
    """One table of minimal_tables() with cells of its row `index` changed, ready for write_folder(tmp_path, **...)."""
    rows = minimal_tables()[table]
    rows[index] = {**rows[index], **cells}
    return {table: rows}


def write_table(path: Path, name: str, rows: list[dict]) -> Path:
    """Write one table as `<name>.csv` with the contract's exact header; columns not in a row are empty."""
    table = next(t for t in TABLES if t.name == name)
    unknown = {key for row in rows for key in row} - set(table.column_names)
    assert not unknown, f"fixture rows for {name} have columns not in the contract: {unknown}"
    file = path / table.file
    with file.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=table.column_names, restval="", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return file


def write_folder(tmp_path: Path, source_text: str = SOURCE_TEXT, **tables: list[dict]) -> Path:
    """Write a complete data folder in `tmp_path/data`: the given tables, the rest from minimal_tables()."""
    unknown = set(tables) - {t.name for t in TABLES}
    assert not unknown, f"not tables of the contract: {unknown}"
    folder = tmp_path / "data"
    (folder / "sources").mkdir(parents=True, exist_ok=True)
    (folder / "sources" / "s1.txt").write_text(source_text, encoding="utf-8")
    rows = minimal_tables() | tables
    for table in TABLES:
        write_table(folder, table.name, rows[table.name])
    return folder




HOSTILE_TEXT = (
    '<script>alert("pwned")</script> **bold** [click](javascript:alert(1)) '
    "<img src=x onerror=alert(1)> $x^2$ :red[red] " + "long " * 300
)


def write_hostile_folder(path: Path) -> Path:
    """A valid data folder whose text fields carry HTML, script, markdown, javascript: links and long strings."""
    tables = minimal_tables()
    tables["sources"][0].update(title=HOSTILE_TEXT, publisher="<b>Wire</b>", url="javascript:alert(1)")
    tables["strikes"][0].update(description=HOSTILE_TEXT, place="<script>x</script>", target="**target**")
    tables["strikes"][0].update(excerpt=HOSTILE_TEXT)
    tables["statements"][0].update(quote=HOSTILE_TEXT, venue="[venue](javascript:alert(2))", excerpt=HOSTILE_TEXT)
    tables["truces"][0].update(name="<i>Truce</i>", scope=HOSTILE_TEXT)
    tables["truce_violations"][0].update(categories="<script>cat</script>;**two**")
    tables["events"][0].update(title=HOSTILE_TEXT)
    tables["actors"][0].update(name="Russia <script>")
    return write_folder(path, source_text=SOURCE_TEXT + HOSTILE_TEXT + "\n", **tables)


def shown(markdown: str) -> str:
    """The text a reader sees for a markdown source: backslash escapes removed."""
    return re.sub(r"\\(.)", r"\1", markdown)
