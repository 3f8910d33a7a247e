"""Fixtures for the unit and page tests; the data-building helpers live in datafixtures.py."""

from pathlib import Path

import pytest

from datafixtures import write_folder


@pytest.fixture
def folder(tmp_path) -> Path:
    """A valid minimal data folder."""
    return write_folder(tmp_path)


@pytest.fixture(scope="session")
def many_strikes(tmp_path_factory) -> Path:
    """A synthetic folder of 3,000 strikes around twelve cities (one report each), shared by the page tests."""
    from conflictdesk.synth import write_synthetic

    return write_synthetic(tmp_path_factory.mktemp("many") / "data", 3000)


@pytest.fixture(autouse=True, scope="session")
def _private_cache(tmp_path_factory):
    """Keep the tests' cached databases out of the project's .cache/ folder."""
    import os

    previous = os.environ.get("CONFLICTDESK_CACHE")
    os.environ["CONFLICTDESK_CACHE"] = str(tmp_path_factory.mktemp("cache"))
    yield
    if previous is None:
        os.environ.pop("CONFLICTDESK_CACHE", None)
    else:
        os.environ["CONFLICTDESK_CACHE"] = previous
