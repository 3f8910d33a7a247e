"""The load test (bench/load_test.py), small: concurrent sessions each get their own figures; a wrong one is caught."""

import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import load_test  # noqa: E402
import pytest  # noqa: E402


@pytest.fixture(scope="module")
def pool():
    """Twelve filter sets over the bundled data with what the overview must show for each."""
    from conflictdesk.load import data_dir, load

    con = load(data_dir())
    try:
        return load_test.filter_pool(con, 12, seed=1)
    finally:
        con.close()


def test_small_load_run_has_no_errors_and_no_mismatches():
    """Five sessions at once against one real server, three reruns each at least: no error, no cross-talk."""
    outcome = load_test.run(sessions=5, seconds=3, min_renders=3, render_timeout=60, grace=60, pool=12)
    assert outcome.errors == [], outcome.summary()
    assert outcome.mismatches == [], outcome.summary()
    assert outcome.peak_connected == 5
    assert outcome.renders >= 15
    assert outcome.slowest_render > 0 and outcome.throughput > 0


def test_the_pool_holds_different_figures(pool):
    """The filter sets the sessions ask for do not all expect the same numbers (else cross-talk could hide)."""
    assert len(pool) == 12
    assert len({tuple(want.metrics.values()) for want in pool.values()}) >= 3
    assert len({want.caption for want in pool.values()}) >= 3


def test_a_render_showing_another_sessions_view_is_a_mismatch(pool):
    """The checker flags a render whose figures, caption or sidebar belong to other filters."""
    mine = next(iter(pool.values()))
    other = next(want for want in pool.values() if want.metrics != mine.metrics and want.caption != mine.caption)
    right = load_test.Render(0.1, dict(mine.metrics), [mine.caption + " actor filter: …"], ["Overview"], dict(mine.sidebar))
    assert load_test.compare(right, mine) == []
    crossed = replace(right, metrics=dict(other.metrics))
    assert any("figures" in p for p in load_test.compare(crossed, mine))
    crossed = replace(right, captions=[other.caption])
    assert any("caption" in p for p in load_test.compare(crossed, mine))
    crossed = replace(right, sidebar={**mine.sidebar, "actors": ["Somebody else"]})
    assert any("sidebar" in p for p in load_test.compare(crossed, mine))
