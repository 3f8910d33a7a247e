"""The global filters every page applies: a period and a set of actors."""

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class Filters:
    """A date range (both days included) and a set of actor ids (empty = all actors)."""

    date_from: dt.date
    date_to: dt.date
    actors: tuple[str, ...] = ()

    def params(self) -> dict:
        """The bound parameters every filtered query takes: $date_from, $date_to, $actors."""
        return {"date_from": self.date_from, "date_to": self.date_to, "actors": list(self.actors)}
