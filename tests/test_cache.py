"""The on-disk database cache: reused when the data is unchanged, rebuilt when it changes or breaks."""

import pytest

from conflictdesk.cache import cache_file, open_data
from conflictdesk.load import data_version
from conflictdesk.problems import DataError
from datafixtures import minimal_tables, write_folder


@pytest.fixture(autouse=True)
def own_cache(tmp_path, monkeypatch):
    """Each test starts with an empty cache folder of its own."""
    monkeypatch.setenv("CONFLICTDESK_CACHE", str(tmp_path / "cache"))


def test_first_open_writes_the_cache_and_the_second_reads_it(tmp_path):
    """An unchanged folder is served from the cached file, which holds the same rows."""
    folder = write_folder(tmp_path / "data")
    first = open_data(folder)
    rows = first.execute("select count(*) from statements").fetchall()
    first.close()
    cached = cache_file(data_version(folder))
    assert cached.exists()
    stamp = cached.stat().st_mtime_ns
    second = open_data(folder)
    assert second.execute("select count(*) from statements").fetchall() == rows
    assert cached.stat().st_mtime_ns == stamp  # read, not rewritten


def test_changed_csv_gets_a_new_version(tmp_path):
    """Editing a CSV gives a new data version and a new cache file with the new rows."""
    folder = write_folder(tmp_path / "data")
    before = data_version(folder)
    open_data(folder).close()
    with (folder / "actors.csv").open("a", encoding="utf-8") as handle:
        handle.write("nato,NATO,alliance,\n")
    assert data_version(folder) != before
    con = open_data(folder)
    assert con.execute("select name from actors where actor_id = 'nato'").fetchall() == [("NATO",)]


def test_corrupted_cache_is_detected_and_rebuilt(tmp_path):
    """A cache file of garbage is thrown away and rebuilt; the app still gets its data."""
    folder = write_folder(tmp_path / "data")
    open_data(folder).close()
    cached = cache_file(data_version(folder))
    cached.write_bytes(b"not a database" * 100)
    con = open_data(folder)
    assert con.execute("select count(*) from strikes").fetchall()[0][0] > 0


def test_invalid_data_leaves_no_cache_behind(tmp_path):
    """A folder that fails validation raises DataError and writes no (half-built) cache file."""
    folder = write_folder(tmp_path / "data")
    (folder / "strikes.csv").write_text("strike_id\nx\n", encoding="utf-8")
    with pytest.raises(DataError):
        open_data(folder)
    assert list((tmp_path / "cache").glob("*")) == []


def test_leftover_partial_file_does_not_break_the_next_start(tmp_path):
    """A partial file left by a crash mid-write is ignored and replaced by a complete cache."""
    folder = write_folder(tmp_path / "data")
    cached = cache_file(data_version(folder))
    cached.parent.mkdir(parents=True)
    cached.with_name(cached.stem + ".999.partial").write_bytes(b"half")
    con = open_data(folder)
    assert con.execute("select count(*) from sources").fetchall() == [(1,)]
    assert cached.exists()


def test_the_data_folder_is_never_written(tmp_path):
    """Opening the data leaves the data folder's files exactly as they were."""
    folder = write_folder(tmp_path / "data")
    before = {p.name: p.read_bytes() for p in folder.rglob("*") if p.is_file()}
    open_data(folder).close()
    open_data(folder).close()
    assert {p.name: p.read_bytes() for p in folder.rglob("*") if p.is_file()} == before


# --- a database built once and shared (CONFLICTDESK_DB) ---------------------------------------


def overview(monkeypatch, **env) -> "AppTest":
    from streamlit.testing.v1 import AppTest

    for name, value in env.items():
        monkeypatch.setenv(name, str(value))
    return AppTest.from_file("../pages/overview.py", default_timeout=60).run()


def test_app_serves_a_built_database_without_the_data_folder(tmp_path, monkeypatch):
    """With CONFLICTDESK_DB the app shows the built data, never reading the folder nor writing a cache."""
    from conflictdesk.cache import build

    folder = write_folder(tmp_path / "data")
    db = tmp_path / "built.duckdb"
    build(folder, db)
    stamp = db.stat().st_mtime_ns
    at = overview(monkeypatch, CONFLICTDESK_DB=db, CONFLICTDESK_DATA=tmp_path / "nowhere")
    assert not at.exception
    assert [t.value for t in at.title] == ["Overview"]
    assert {m.label: m.value for m in at.metric}["Strikes"] == str(len(minimal_tables()["strikes"]))
    assert not (tmp_path / "cache").exists()
    assert db.stat().st_mtime_ns == stamp


@pytest.mark.parametrize("content", [None, b"not a database" * 100], ids=["missing", "garbage"])
def test_a_missing_or_broken_built_database_is_named_with_the_fix(tmp_path, monkeypatch, content):
    """A missing or corrupt CONFLICTDESK_DB file gives the error page naming the file and the build command."""
    db = tmp_path / "built.duckdb"
    if content is not None:
        db.write_bytes(content)
    at = overview(monkeypatch, CONFLICTDESK_DB=db)
    assert not at.exception
    assert [t.value for t in at.title] == ["The data could not be loaded"]
    listed = at.dataframe[0].value
    assert list(listed["File"]) == [str(db)]
    assert "python -m conflictdesk build --out" in listed["Problem"][0]
    assert db.exists() == (content is not None)  # never built by the app


def test_a_database_built_by_other_code_is_refused(tmp_path, monkeypatch):
    """open_built refuses a file whose stored code version differs: its derived tables may be stale."""
    import duckdb

    from conflictdesk.cache import build, open_built

    db = tmp_path / "built.duckdb"
    build(write_folder(tmp_path / "data"), db)
    with duckdb.connect(str(db)) as con:
        con.execute("update meta set value = 'older' where key = 'code_version'")
    with pytest.raises(DataError, match="another version of the code"):
        open_built(db)


# --- the cache key covers the code that builds the database -----------------------------------


def test_a_changed_derived_query_builds_a_new_cache_file(tmp_path, monkeypatch):
    """After an upgrade that edits a derived query, the old cached numbers are not served: a new file is built."""
    import shutil

    from conflictdesk import queries

    copy = tmp_path / "queries"
    shutil.copytree(queries.QUERY_DIR, copy)
    monkeypatch.setattr(queries, "QUERY_DIR", copy)
    queries.read_query.cache_clear()
    folder = write_folder(tmp_path / "data")
    open_data(folder).close()
    before = cache_file(data_version(folder))
    assert before.exists()
    query = copy / "derived_toll_days.sql"
    # An "upgrade": the derived table now counts only strikes with a reported toll of 2 or more killed.
    query.write_text(query.read_text(encoding="utf-8").replace("from strike_tolls", "from (select * from strike_tolls where killed >= 2)"), encoding="utf-8")
    queries.read_query.cache_clear()
    try:
        after = cache_file(data_version(folder))
        assert after != before
        con = open_data(folder)
        assert after.exists()
        old = __import__("duckdb").connect(str(before), read_only=True)
        assert con.execute("select count(*) from toll_days").fetchone() != old.execute("select count(*) from toll_days").fetchone()
    finally:
        queries.read_query.cache_clear()


def test_a_changed_schema_or_loader_module_changes_the_key(tmp_path, monkeypatch):
    """The schema, derived-table and loader modules are part of the key as well as the queries."""
    import shutil

    from conflictdesk import cache

    copy = tmp_path / "conflictdesk"
    shutil.copytree(cache.PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(cache, "PACKAGE", copy)
    key = cache.code_version()
    for name in ("schema.py", "derived.py", "load.py"):
        file = copy / name
        original = file.read_bytes()
        file.write_bytes(original + b"\n# changed\n")
        assert cache.code_version() != key, name
        file.write_bytes(original)
    assert cache.code_version() == key
    (copy / "text.py").write_bytes(b"# not part of the build\n")
    assert cache.code_version() == key
