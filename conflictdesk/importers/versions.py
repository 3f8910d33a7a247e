"""Which version of an event an import keeps (the rule is in `folder.py`'s docstring, and data/README.md).

Within one export, rows with the same id: the larger ACLED `timestamp` wins; without timestamps, the first.
Against rows an earlier import of another file of the same publisher left in the folder: the newer UCDP release
(`version`) or the larger ACLED `timestamp` wins; otherwise this import's row replaces the earlier one.
"""

from dataclasses import dataclass, field
from pathlib import Path

from conflictdesk.importers.common import SUPERSEDED, Event, Skip


@dataclass
class Versions:
    """What is known about each event's versions during one import."""

    release: tuple[int, ...] | None = None  # this file's release (UCDP version)
    folder: dict[str, tuple[int | None, str]] = field(default_factory=dict)  # id -> (timestamp, source) in the folder
    releases: dict[str, tuple[int, ...] | None] = field(default_factory=dict)  # earlier source -> its release
    seen: dict[str, tuple[int, int | None, int, int | None]] = field(default_factory=dict)
    # id -> (line of the export, timestamp, index of the written event, deaths)
    superseded: set[int] = field(default_factory=set)  # indexes of written events a newer row replaced
    out: Path = Path(".")

    def check(self, event: Event, line: int, id_column: str, deaths: int | None, index: int):
        """Skip an event older than another version of it; when it replaces an earlier row of this export, return
        that row's (line, deaths), else None. `index` is the number the event will have among the written ones."""
        strike_id = event.strike["strike_id"]
        if strike_id in self.folder:
            stamp, source = self.folder[strike_id]
            theirs = self.releases.get(source)
            if theirs is not None and self.release is not None and theirs > self.release:
                raise Skip(
                    "older version of an event",
                    f"{strike_id} is already in {self.out} from source {source!r}, of the newer release "
                    f"{'.'.join(map(str, theirs))}; the newer row is kept",
                    SUPERSEDED,
                )
            if stamp is not None and event.stamp is not None and stamp > event.stamp:
                raise Skip(
                    "older version of an event",
                    f"{strike_id} is already in {self.out} from source {source!r} with the newer timestamp {stamp} "
                    f"(this row's is {event.stamp}); the newer row is kept",
                    SUPERSEDED,
                )
        earlier = None
        if strike_id in self.seen:
            first_line, stamp, first_index, first_deaths = self.seen[strike_id]
            timed = stamp is not None and event.stamp is not None
            if not timed or event.stamp <= stamp:
                why = (
                    f"with the newer or equal timestamp {stamp}" if timed
                    else "and without timestamps to tell which is newer the first is kept"
                )  # fmt: skip
                raise Skip(
                    "older version of an event" if timed else "repeated event",
                    f"{id_column} gives {strike_id} again; line {first_line} has it {why}",
                    SUPERSEDED,
                )
            self.superseded.add(first_index)
            earlier = (first_line, first_deaths)
        self.seen[strike_id] = (line, event.stamp, index, deaths)
        return earlier
