"""Small ACLED and UCDP exports written from the codebooks' column layouts, and running the import command in
process, for the import tests."""

import csv
import io
from pathlib import Path

from conflictdesk.__main__ import main
from conflictdesk.load import validate

ROOT = Path(__file__).resolve().parents[1]

ACLED_COLUMNS = (
    "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,"
    "inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,"
    "location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp"
).split(",")

UCDP_COLUMNS = (
    "id,relid,year,active_year,code_status,type_of_violence,conflict_dset_id,conflict_new_id,conflict_name,"
    "dyad_dset_id,dyad_new_id,dyad_name,side_a_dset_id,side_a_new_id,side_a,side_b_dset_id,side_b_new_id,side_b,"
    "number_of_sources,source_article,source_office,source_date,source_headline,source_original,where_prec,"
    "where_coordinates,where_description,adm_1,adm_2,latitude,longitude,geom_wkt,priogrid_gid,country,country_id,"
    "region,event_clarity,date_prec,date_start,date_end,deaths_a,deaths_b,deaths_civilians,deaths_unknown,best,"
    "high,low,gwnoa,gwnob"
).split(",")

SUMY_NOTES = (
    'On 13 April 2025, Russian forces struck the centre of Sumy with two ballistic missiles during Palm Sunday, '
    'killing 35 people and injuring over 100; the regional administration called it "a deliberate strike".'
)


def acled(**changes) -> dict:
    """One ACLED row: a missile strike on Sumy, as the 2023+ export writes it."""
    row = {
        "event_id_cnty": "UKR1001",
        "event_date": "2025-04-13",
        "year": "2025",
        "time_precision": "1",
        "disorder_type": "Political violence",
        "event_type": "Explosions/Remote violence",
        "sub_event_type": "Shelling/artillery/missile attack",
        "actor1": "Military Forces of Russia (2000-)",
        "assoc_actor_1": "",
        "inter1": "State forces",
        "actor2": "Civilians (Ukraine)",
        "assoc_actor_2": "",
        "inter2": "Civilians",
        "interaction": "State forces-Civilians",
        "civilian_targeting": "Civilian targeting",
        "iso": "804",
        "region": "Europe",
        "country": "Ukraine",
        "admin1": "Sumy",
        "admin2": "Sumy",
        "admin3": "Sumska",
        "location": "Sumy",
        "latitude": "50.9077",
        "longitude": "34.7981",
        "geo_precision": "1",
        "source": "Suspilne; Ukrainska Pravda",
        "source_scale": "National",
        "notes": SUMY_NOTES,
        "fatalities": "35",
        "tags": "",
        "timestamp": "1745366400",  # 2025-04-23 UTC
    }
    return row | changes


def ucdp(**changes) -> dict:
    """One UCDP GED row: a state-based event in Kharkiv, as the official CSV writes it."""
    row = dict.fromkeys(UCDP_COLUMNS, "")
    row |= {
        "id": "501234",
        "relid": "UKR-2025-1-999-1",
        "year": "2025",
        "type_of_violence": "1",
        "conflict_name": "Russia - Ukraine",
        "dyad_name": "Government of Russia (Soviet Union) - Government of Ukraine",
        "side_a": "Government of Russia (Soviet Union)",
        "side_b": "Government of Ukraine",
        "number_of_sources": "2",
        "source_office": "Ukrinform;Reuters",
        "source_date": "2025-04-13;2025-04-14",
        "source_headline": "Russian strike on Kharkiv kills 12;Kharkiv: death toll rises",
        "where_prec": "1",
        "where_coordinates": "Kharkiv town",
        "where_description": "Kharkiv city",
        "adm_1": "Kharkiv oblast",
        "adm_2": "Kharkiv raion",
        "latitude": "49.9935",
        "longitude": "36.2304",
        "country": "Ukraine",
        "country_id": "369",
        "region": "Europe",
        "date_prec": "1",
        "date_start": "2025-04-13",
        "date_end": "2025-04-13",
        "deaths_a": "0",
        "deaths_b": "0",
        "deaths_civilians": "12",
        "deaths_unknown": "0",
        "best": "12",
        "high": "15",
        "low": "10",
        "gwnoa": "365",
        "gwnob": "369",
    }
    return row | changes


def write_export(path: Path, columns, rows, *, encoding="utf-8", delimiter=",", terminator="\r\n", prefix="") -> Path:
    """Write an export with the csv module (Excel's quoting and CRLF line endings by default)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator=terminator)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([row.get(name, "") for name in columns])
    path.write_bytes((prefix + buffer.getvalue()).encode(encoding))
    return path


def run(*args) -> tuple[int, str, str]:
    """`python -m conflictdesk ARGS`, in process: (exit code, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    from contextlib import redirect_stderr, redirect_stdout

    with redirect_stdout(out), redirect_stderr(err):
        code = main([str(a) for a in args])
    return code, out.getvalue(), err.getvalue()


def rows(folder: Path, table: str) -> list[dict]:
    with (folder / f"{table}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def one(folder: Path, table: str) -> dict:
    found = rows(folder, table)
    assert len(found) == 1, found
    return found[0]


def import_acled(tmp_path: Path, export_rows, *extra, name="acled.csv", out="out", **options):
    file = write_export(tmp_path / name, ACLED_COLUMNS, export_rows, **options)
    return (*run("import", "acled", file, "--out", tmp_path / out, *extra), tmp_path / out)


def import_ucdp(tmp_path: Path, export_rows, *extra, name="GEDEvent_v24_1.csv", out="out", **options):
    file = write_export(tmp_path / name, UCDP_COLUMNS, export_rows, **options)
    return (*run("import", "ucdp", file, "--out", tmp_path / out, *extra), tmp_path / out)


def assert_valid(folder: Path) -> None:
    problems, _ = validate(folder)
    assert problems == [], "\n".join(map(str, problems))
