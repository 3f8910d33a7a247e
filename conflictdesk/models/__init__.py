"""View models: per page, plain functions from a View and a query runner to what the page shows.

Each takes `run(name, **params) -> DataFrame` (store.run in the app, a plain runner in tests) and returns
numbers, wording and notices; pages only lay them out.
"""

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

Run = Callable[..., pd.DataFrame]  # run(name, **params) -> the named query's rows


@dataclass(frozen=True)
class Total:
    """One headline toll: its label, its total in words ("at least 35") and the sentence that says what it adds."""

    label: str
    total: str
    caption: str
