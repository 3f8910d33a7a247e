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


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    """`--dist loadgroup` as `make test` means it: the browser tests (tests/e2e/) are one unit of work on one worker,
    sharing its Chromium and servers; every other test is scheduled on its own.

    pytest-xdist 3.8's own loadgroup marks groups by rewriting node ids, which pytest 9.2 no longer honours
    (pytest-dev/pytest-xdist#1386): its `xdist_group` marks are silently ignored. This scheduler groups by path.
    """
    if config.getvalue("dist") != "loadgroup":
        return None
    from xdist.scheduler import LoadScopeScheduling

    class BrowserTestsTogether(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return "tests/e2e" if nodeid.startswith("tests/e2e/") else nodeid

    return BrowserTestsTogether(config, log)
