"""A daily air-attack file written in the public format (event-data-formats.md) and imported into a copy of data/.

Nights of 14-20 April 2025 (week of Monday 14 April) and 21-22 April (the next week), reported by the Air
Force (`kpszsu`) and, for some nights, by a regional command (`pivden`) whose counts overlap the Air Force's:

  night ending   Air Force                                          regional command
  2025-04-15     Shahed-136/131 100.0 launched, 80.0 destroyed      Shahed-136/131 30.0 launched, 25.0 destroyed
  2025-04-17     Shahed-136/131 60.0 / 50.0; X-101/X-555 and Kalibr 10.0 / 7.0
  2025-04-20     Shahed-136/131 40.0 launched, destroyed empty      Shahed-136/131 12.0 / 12.0
                 Orlan-10 2.0 / 2.0 (a reconnaissance drone)
  2025-04-22     Shahed-136/131 90.0 / 75.0

So for the week of 14 April the Air Force reports 200 attack drones launched and at least 130 destroyed
(one night gives no destroyed count), 81% destroyed where the same report gives both (130 of 160); the
regional command 42 launched, 37 destroyed. They are never added (never 242). The latest week (21-27
April) holds only the Air Force's 22 April night: 90 launched, 75 destroyed (83%).
"""

import csv
import shutil
from pathlib import Path

from conflictdesk.__main__ import main

ROOT = Path(__file__).resolve().parents[1]
COLUMNS = (
    "time_start,time_end,model,launch_place,target,target_main,carrier,launched,destroyed,not_reach_goal,"
    "still_attacking,border_crossing,is_shahed,num_hit_location,num_fall_fragment_location,turbojet,"
    "turbojet_destroyed,affected region,destroyed_details,launch_place_details,source"
).split(",")
AIR_FORCE, REGIONAL = "kpszsu/posts/pfbid01", "pivden/posts/7"


def night(end: str, model: str, launched: str, destroyed: str, source: str = AIR_FORCE, start: str = "") -> dict:
    """One row of the file: a command's report of one night (period ending `end`, hours not zero-padded)."""
    row = dict.fromkeys(COLUMNS, "")
    day, month = int(end[8:10]), end[:8]
    return row | {
        "time_start": start or f"{month}{day - 1:02d} 18:00",
        "time_end": f"{end} 8:00",
        "model": model,
        "target": "Ukraine",
        "launched": launched,
        "destroyed": destroyed,
        "affected region": "{'Odesa oblast': 2.0, 'Kyiv oblast': NaN}",
        "source": source,
    }


ROWS = [
    night("2025-04-15", "Shahed-136/131", "100.0", "80.0"),
    night("2025-04-15", "Shahed-136/131", "30.0", "25.0", REGIONAL),
    night("2025-04-17", "Shahed-136/131", "60.0", "50.0"),
    night("2025-04-17", "X-101/X-555 and Kalibr", "10.0", "7.0"),
    night("2025-04-20", "Shahed-136/131", "40.0", ""),
    night("2025-04-20", "Shahed-136/131", "12.0", "12.0", REGIONAL),
    night("2025-04-20", "Orlan-10", "2.0", "2.0"),
    night("2025-04-22", "Shahed-136/131", "90.0", "75.0"),
]


def write_air_file(folder: Path, rows=ROWS) -> Path:
    """The daily file as its compiler publishes it."""
    file = folder / "missile_attacks_daily.csv"
    with file.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return file


def imported_folder(tmp: Path, rows=ROWS, compiler: str = "Test air-attack compiler") -> Path:
    """A copy of the bundled data/ with the file merged in by `python -m conflictdesk import air-attacks`."""
    folder = tmp / "data"
    shutil.copytree(ROOT / "data", folder)
    code = main(["import", "air-attacks", str(write_air_file(tmp, rows)), "--out", str(folder), "--merge",
                 "--compiler", compiler])  # fmt: skip
    assert code == 0
    return folder
