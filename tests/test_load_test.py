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
    from conflictdesk.cache import open_data
    from conflictdesk.load import data_dir

    con = open_data(data_dir())
    try:
        return load_test.filter_pool(con, 12, seed=1)
    finally:
        con.close()


def test_small_load_run_has_no_errors_and_no_mismatches():
    """Three sessions at once against one real server, two renders each at least: no error, no cross-talk.

    The smallest run that still has sessions side by side with different filters; how many sessions a server
    holds is measured by the load test itself (bench/README.md), not here.
    """
    outcome = load_test.run(sessions=3, seconds=0, min_renders=2, render_timeout=60, grace=60, pool=12)
    assert outcome.errors == [], outcome.summary()
    assert outcome.mismatches == [], outcome.summary()
    assert outcome.peak_connected == 3
    assert outcome.renders >= 6
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


def test_killing_a_replica_needs_two():
    """--kill-after with one server or one replica is refused before anything starts."""
    for replicas in (0, 1):
        with pytest.raises(ValueError, match="2 replicas"):
            load_test.run(sessions=1, replicas=replicas, kill_after=1)


def test_the_comparison_gives_each_run_relative_to_the_first():
    """The bench table divides throughput and p95 by the first run's, and says what a killed replica did."""
    one = load_test.Outcome(replicas=1, renders=60, throughput=6.0, median_render=3.0, p95_render=4.0)
    two = load_test.Outcome(
        replicas=2, renders=108, throughput=10.8, median_render=1.5, p95_render=2.0, killed="r1",
        killed_after=30.2, interrupted=12, reconnects=12, recoveries=[0.5, 1.25],
        sessions_per_replica={"r1": 12, "r2": 13},
    )
    rows = load_test.comparison([one, two]).splitlines()
    assert rows[2].startswith("| 1 replica + HAProxy |") and "| 1.00× |" in rows[2]
    assert "| 1.80× |" in rows[3] and "| 0.50× |" in rows[3]
    assert "r1 at 30 s: 12 cut off, 12 reconnected, 2 back (slowest 1.2 s)" in rows[3]
