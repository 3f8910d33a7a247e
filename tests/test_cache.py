"""The on-disk database cache: reused when the data is unchanged, rebuilt when it changes or breaks."""

from pathlib import Path

import os

import pytest

from conflictdesk.cache import cache_file, code_version, open_data
from conflictdesk.load import data_version
from conflictdesk.problems import DataError
from conflictdesk.schema import TABLES_BY_NAME
from datafixtures import minimal_tables, write_folder


@pytest.fixture(autouse=True)
def own_cache(tmp_path, monkeypatch):
    """Each test starts with an empty cache folder of its own."""
    monkeypatch.setenv("CONFLICTDESK_CACHE", str(tmp_path / "cache"))


ACTOR_COLUMNS = TABLES_BY_NAME["actors"].column_names


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
        handle.write("nato,NATO,alliance" + "," * (len(ACTOR_COLUMNS) - 3) + "\n")
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
    assert list((tmp_path / "cache").glob("conflictdesk-*")) == []


def test_leftover_partial_file_does_not_break_the_next_start(tmp_path):
    """A partial file left by a crash mid-write is ignored and replaced by a complete cache."""
    folder = write_folder(tmp_path / "data")
    cached = cache_file(data_version(folder))
    cached.parent.mkdir(parents=True)
    dead = cached.with_name(f"{cached.name}.{2**22 + 7}-0123abcd.partial")  # a pid no process has
    dead.write_bytes(b"half")
    Path(f"{dead}.wal").write_bytes(b"half")
    con = open_data(folder)
    assert con.execute("select count(*) from sources").fetchall() == [(1,)]
    assert cached.exists()
    assert not dead.exists() and not Path(f"{dead}.wal").exists()  # what the dead build left is removed


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

    from conflictdesk import derived, queries

    copy = tmp_path / "queries"
    shutil.copytree(queries.QUERY_DIR, copy)
    monkeypatch.setattr(queries, "QUERY_DIR", copy)
    monkeypatch.setattr(derived, "BUILD_DIR", copy / "build")
    queries.read_query.cache_clear()
    code_version.cache_clear()
    folder = write_folder(tmp_path / "data")
    old_count = open_data(folder).execute("select count(*) from toll_days").fetchone()
    before = cache_file(data_version(folder))
    assert before.exists()
    query = copy / "build" / "toll_days.sql"
    # An "upgrade": the derived table now counts only strikes with a reported toll of 2 or more killed.
    query.write_text(query.read_text(encoding="utf-8").replace("from strike_tolls", "from (select * from strike_tolls where killed >= 2)"), encoding="utf-8")
    queries.read_query.cache_clear()
    code_version.cache_clear()  # a restart after the upgrade
    try:
        after = cache_file(data_version(folder))
        assert after != before
        con = open_data(folder)
        assert after.exists()
        assert con.execute("select count(*) from toll_days").fetchone() != old_count
        assert not before.exists()  # the folder's outdated cache file is removed
    finally:
        queries.read_query.cache_clear()
        code_version.cache_clear()


def test_a_changed_schema_or_loader_module_changes_the_key(tmp_path, monkeypatch):
    """The schema, derived-table and loader modules are part of the key as well as the queries."""
    import shutil

    from conflictdesk import cache

    copy = tmp_path / "conflictdesk"
    shutil.copytree(cache.PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(cache, "PACKAGE", copy)

    def key() -> str:
        cache.code_version.cache_clear()
        return cache.code_version()

    before = key()
    for name in ("schema.py", "derived.py", "load.py", "loader/rules.py", "loader/reading.py"):
        file = copy / name
        original = file.read_bytes()
        file.write_bytes(original + b"\n# changed\n")
        assert key() != before, name
        file.write_bytes(original)
    assert key() == before
    (copy / "text.py").write_bytes(b"# not part of the build\n")
    assert key() == before
    cache.code_version.cache_clear()


# --- one bad save must not take the site down (conflictdesk/store.py) --------------------------


@pytest.fixture
def fresh_store(monkeypatch):
    """The store as a new server process sees it: no data source watched yet."""
    from conflictdesk import store

    monkeypatch.setattr(store, "_watches", {})
    monkeypatch.setenv("CONFLICTDESK_CHECK_WAIT", "300")  # a busy machine: wait for each check to finish
    yield store
    store._worker.submit(lambda: None).result()  # let a background check finish before the folder goes


def break_a_cell(folder):
    """A curator's bad save: a toll written in words."""
    file = folder / "casualties.csv"
    file.write_text(file.read_text(encoding="utf-8").replace(",35,", ",thirty-five,", 1), encoding="utf-8")


def test_a_bad_save_keeps_the_last_good_data_for_readers(tmp_path, monkeypatch, fresh_store):
    """Readers keep the figures and get a small notice; only a curator's server lists the problem."""
    folder = write_folder(tmp_path / "data")
    at = overview(monkeypatch, CONFLICTDESK_DATA=folder)
    strikes = {m.label: m.value for m in at.metric}["Strikes"]
    break_a_cell(folder)
    at.run()
    assert not at.exception
    assert [t.value for t in at.title] == ["Overview"]
    assert {m.label: m.value for m in at.metric}["Strikes"] == strikes
    assert any("Newer data has 1 problem" in i.value for i in at.info)
    assert not [e for e in at.expander if e.label.startswith("Curator")]  # no problem list for readers
    monkeypatch.setenv("CONFLICTDESK_CURATOR", "1")
    at.run()
    shown = next(e for e in at.expander if e.label.startswith("Curator")).dataframe[0].value
    assert list(shown["File"]) == ["casualties.csv"] and "thirty-five" in shown["Problem"][0]


def test_readers_are_not_kept_waiting_while_newer_files_are_checked(tmp_path, monkeypatch, fresh_store):
    """A check slower than CONFLICTDESK_CHECK_WAIT: the last good data at once, saying newer data is being checked."""
    import threading

    from conflictdesk import cache

    folder = write_folder(tmp_path / "data")
    monkeypatch.setenv("CONFLICTDESK_DATA", str(folder))
    good = fresh_store.status()[0]
    release = threading.Event()
    monkeypatch.setattr(fresh_store, "open_folder", lambda path: release.wait() and cache.open_folder(path))
    monkeypatch.setenv("CONFLICTDESK_CHECK_WAIT", "0")
    with (folder / "actors.csv").open("a", encoding="utf-8") as handle:
        handle.write("nato,NATO,alliance" + "," * (len(ACTOR_COLUMNS) - 3) + "\n")
    con, notice, problems = fresh_store.status()
    assert con is good and problems is None and "Newer data is being checked" in notice
    release.set()
    fresh_store._worker.submit(lambda: None).result()
    con, notice, problems = fresh_store.status()
    assert con is not good and notice is None and problems is None
    assert con.execute("select name from actors where actor_id = 'nato'").fetchone() == ("NATO",)


def test_a_failed_check_runs_once_per_change_of_the_files(tmp_path, monkeypatch, fresh_store):
    """Reruns after a bad save do not check the files again; the next save is checked once."""
    from conflictdesk import cache

    folder = write_folder(tmp_path / "data")
    monkeypatch.setenv("CONFLICTDESK_DATA", str(folder))
    calls = []
    monkeypatch.setattr(fresh_store, "open_folder", lambda path: calls.append(path) or cache.open_folder(path))
    assert fresh_store.status()[0] is not None and len(calls) == 1
    break_a_cell(folder)
    for _ in range(3):
        con, notice, problems = fresh_store.status()
        assert con is not None and notice and len(problems) == 1
    assert len(calls) == 2
    (folder / "casualties.csv").write_text((folder / "casualties.csv").read_text(encoding="utf-8") + "\n", encoding="utf-8")
    fresh_store.status()
    fresh_store.status()
    assert len(calls) == 3


def test_a_restart_with_broken_files_serves_the_last_good_database(tmp_path, monkeypatch, fresh_store):
    """A new server process whose data folder is broken serves the last good cached version, with the notice."""
    folder = write_folder(tmp_path / "data")
    monkeypatch.setenv("CONFLICTDESK_DATA", str(folder))
    good_version = data_version(folder)
    assert fresh_store.status()[0] is not None
    break_a_cell(folder)
    monkeypatch.setattr(fresh_store, "_watches", {})  # the restart
    con, notice, problems = fresh_store.status()
    assert con is not None and good_version in notice and len(problems) == 1
    assert con.execute("select value from meta where key = 'data_version'").fetchone() == (good_version,)


def test_with_no_good_version_ever_there_is_nothing_to_serve(tmp_path, monkeypatch, fresh_store):
    """A folder that never passed: no connection, the problems, and connection() raises DataError."""
    folder = write_folder(tmp_path / "data")
    break_a_cell(folder)
    monkeypatch.setenv("CONFLICTDESK_DATA", str(folder))
    con, notice, problems = fresh_store.status()
    assert con is None and notice is None and len(problems) == 1
    with pytest.raises(DataError):
        fresh_store.connection()


def test_an_unwritable_cache_folder_falls_back_to_a_temporary_one(tmp_path, monkeypatch, caplog):
    """A cache folder that cannot be created is replaced by a private temporary one, and the log says so."""
    import tempfile

    from conflictdesk import cache, cachedir

    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("CONFLICTDESK_CACHE", str(blocker / "cache"))  # even root cannot create it
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    monkeypatch.setattr(cachedir, "_warned", set())
    (tmp_path / "tmp").mkdir()
    folder = write_folder(tmp_path / "data")
    with caplog.at_level("WARNING"):
        opened = cache.open_folder(folder)
    assert opened.file is not None and opened.file.parent.parent == tmp_path / "tmp"
    assert "cannot be written" in caplog.text and str(blocker / "cache") in caplog.text
    monkeypatch.setattr(tempfile, "tempdir", str(blocker / "tmp"))  # and when nothing can be written: memory
    with caplog.at_level("WARNING"):
        opened = cache.open_folder(folder)
    assert opened.file is None and "built in memory" in caplog.text
    assert opened.con.execute("select count(*) from strike_tolls").fetchone()[0] > 0


def corrupt_a_block(file):
    """Overwrite bytes in the middle of the file (a data block), keeping its size."""
    with open(file, "r+b") as handle:
        handle.seek(file.stat().st_size // 2)
        handle.write(b"\xff" * 4096)


def test_a_corrupted_block_is_detected_by_the_checksum_and_rebuilt(tmp_path):
    """A cache file damaged in place no longer matches its recorded checksum and is rebuilt before use."""
    from conflictdesk import cache

    folder = write_folder(tmp_path / "data")
    first = cache.open_folder(folder)
    first.con.close()
    corrupt_a_block(first.file)
    again = cache.open_folder(folder)
    assert again.file == first.file
    assert cachedir_verify(again.file)
    assert again.con.execute("select count(*) from strikes").fetchone()[0] == len(minimal_tables()["strikes"])


def cachedir_verify(file) -> bool:
    from conflictdesk import cachedir

    return cachedir.verify(file)


def test_a_corrupted_block_that_kept_its_stamp_is_caught_by_the_background_check(tmp_path, monkeypatch, fresh_store):
    """Damage the quick stamp check cannot see (bit rot) is found by the full check after opening, then rebuilt."""
    import json

    folder = write_folder(tmp_path / "data")
    monkeypatch.setenv("CONFLICTDESK_DATA", str(folder))
    from conflictdesk import cache

    opened = cache.open_folder(folder)
    opened.con.close()
    corrupt_a_block(opened.file)
    sidecar = Path(f"{opened.file}.sum")
    recorded = json.loads(sidecar.read_text())
    stat = opened.file.stat()
    recorded["stamp"] = [stat.st_size, stat.st_ino, stat.st_mtime_ns, stat.st_ctime_ns]  # as if untouched
    sidecar.write_text(json.dumps(recorded))
    assert fresh_store.status()[0] is not None  # opened at once, trusted by its stamp
    fresh_store._worker.submit(lambda: None).result()  # the full check ran after it
    assert not opened.file.exists()
    con, notice, problems = fresh_store.status()  # the next rerun rebuilds
    assert con is not None and problems is None and cachedir_verify(opened.file)


def test_two_servers_building_at_once_do_not_collide(tmp_path):
    """Two first builds of one folder at the same time both succeed, under distinct temporary names."""
    from concurrent.futures import ThreadPoolExecutor

    from conflictdesk import cache

    folder = write_folder(tmp_path / "data")
    with ThreadPoolExecutor(2) as pool:
        results = list(pool.map(lambda _: cache.open_folder(folder), range(2)))
    assert {r.con.execute("select count(*) from statements").fetchone() for r in results} == {(len(minimal_tables()["statements"]),)}
    assert not list((tmp_path / "cache").glob("*.partial*"))


def test_a_source_text_in_a_subfolder_is_part_of_the_data_version(tmp_path):
    """Editing data/sources/<sub>/<file> gives a new data version."""
    folder = write_folder(tmp_path / "data")
    (folder / "sources" / "ukr").mkdir()
    text = folder / "sources" / "ukr" / "report.txt"
    text.write_text("Звіт.", encoding="utf-8")
    before = data_version(folder)
    text.write_text("Звіт оновлено.", encoding="utf-8")
    assert data_version(folder) != before


# --- a cached start that does not read the data whole (conflictdesk/loader/version.py) ---------


def settle(folder):
    """Wait until the file system's clock has moved past every data file's last change (a tick, not a sleep)."""
    latest = max(max(f.stat().st_mtime_ns, f.stat().st_ctime_ns) for f in folder.rglob("*") if f.is_file())
    probe = folder.parent / "clock-probe"
    while True:
        probe.write_bytes(b"")
        if probe.stat().st_ctime_ns > latest:
            return


@pytest.fixture
def full_hashes(monkeypatch):
    """Count the full hashes of a folder made through the index."""
    from conflictdesk.loader import version

    calls = []
    real = version.data_version
    monkeypatch.setattr(version, "data_version", lambda path: calls.append(path) or real(path))
    monkeypatch.setattr(version, "RACY_SECONDS", 0.0)
    return calls


def test_a_cached_start_with_unchanged_files_does_not_hash_them(tmp_path, full_hashes):
    """The second look-up of an unchanged folder comes from the index: no full read."""
    from conflictdesk.loader.version import indexed_version

    folder = write_folder(tmp_path / "data")
    settle(folder)
    index = tmp_path / "versions.json"
    first = indexed_version(folder, index)
    assert len(full_hashes) == 1
    assert indexed_version(folder, index) == (first[0], False) and first == (data_version(folder), True)
    assert len(full_hashes) == 1


def test_an_edit_that_keeps_size_and_modification_time_is_never_served_stale(tmp_path, full_hashes):
    """A byte changed mid-file, same size, modification time put back, first and last blocks unchanged: new version.

    The edit sets the file's status-change time (ctime), which no program can set back, so the signature
    differs and the folder is hashed in full.
    """
    from conflictdesk.loader import version

    folder = write_folder(tmp_path / "data")
    big = folder / "sources" / "s1.txt"
    big.write_text("A" * 200_000 + SOURCE_MARK + "B" * 200_000, encoding="utf-8")  # ends far from the middle
    settle(folder)
    index = tmp_path / "versions.json"
    before, _ = version.indexed_version(folder, index)
    signature = version.folder_signature(folder)
    stat = big.stat()
    data = bytearray(big.read_bytes())
    middle = data.index(SOURCE_MARK.encode())
    data[middle] = ord("X")
    big.write_bytes(bytes(data))
    os.utime(big, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert big.stat().st_size == stat.st_size and big.stat().st_mtime_ns == stat.st_mtime_ns
    after, hashed = version.indexed_version(folder, index)
    assert hashed
    assert after != before and after == data_version(folder)
    assert version.folder_signature(folder) != signature  # a running server notices it on the next rerun too


def test_files_changed_just_before_the_index_was_written_are_hashed_again(tmp_path, monkeypatch):
    """Racy entries (a file changed within RACY_SECONDS of recording) are not trusted: hashed in full again."""
    from conflictdesk.loader import version

    calls = []
    real = version.data_version
    monkeypatch.setattr(version, "data_version", lambda path: calls.append(path) or real(path))
    folder = write_folder(tmp_path / "data")
    index = tmp_path / "versions.json"
    version.indexed_version(folder, index)
    version.indexed_version(folder, index)
    assert len(calls) == 2


SOURCE_MARK = "the middle of a long source text"


def test_a_save_during_the_first_build_is_not_cached_under_the_old_version(tmp_path, monkeypatch):
    """Files saved again while the database is built: that build is thrown away and the new files are loaded."""
    from conflictdesk import cache

    folder = write_folder(tmp_path / "data")
    real_load, saves = cache.load, []

    def load_then_save(path, **kwargs):
        con = real_load(path, **kwargs)
        if not saves:  # the curator saves once while the first build runs
            saves.append(1)
            with (folder / "actors.csv").open("a", encoding="utf-8") as handle:
                handle.write("nato,NATO,alliance" + "," * (len(ACTOR_COLUMNS) - 3) + "\n")
        return con

    monkeypatch.setattr(cache, "load", load_then_save)
    opened = cache.open_folder(folder)
    assert opened.version == data_version(folder)
    assert opened.con.execute("select count(*) from actors where actor_id = 'nato'").fetchone() == (1,)
    assert [f.name for f in (tmp_path / "cache").glob("conflictdesk-*.duckdb")] == [opened.file.name]


def test_a_built_database_replaced_by_a_broken_file_keeps_the_last_good_one(tmp_path, monkeypatch, fresh_store):
    """With CONFLICTDESK_DB, a new file moved into place is served on the next rerun; a broken one is not."""
    import os as _os

    from conflictdesk.cache import build

    db = tmp_path / "built.duckdb"
    build(write_folder(tmp_path / "data"), db)
    monkeypatch.setenv("CONFLICTDESK_DB", str(db))
    good = fresh_store.status()[0]
    broken = tmp_path / "broken.duckdb"
    broken.write_bytes(b"not a database" * 100)
    _os.replace(broken, db)
    con, notice, problems = fresh_store.status()
    assert con is good and "Newer data has 1 problem" in notice
    assert problems[0].file == str(db) and "build --out" in problems[0].message


def test_a_new_build_to_the_same_path_is_served_on_the_next_rerun(tmp_path, monkeypatch, fresh_store):
    """Publishing new data = building again to the same CONFLICTDESK_DB path; a running server reads the new file.

    (A plain duckdb.connect would go on reading the old file while it is open: one instance per path.)
    """
    from conflictdesk.cache import build

    db = tmp_path / "built.duckdb"
    folder = write_folder(tmp_path / "data")
    build(folder, db)
    monkeypatch.setenv("CONFLICTDESK_DB", str(db))
    assert fresh_store.run("actors")["actor_id"].tolist().count("nato") == 0
    with (folder / "actors.csv").open("a", encoding="utf-8") as handle:
        handle.write("nato,NATO,alliance,\n")
    build(folder, db)
    con, notice, problems = fresh_store.status()
    assert notice is None and problems is None
    assert "nato" in fresh_store.run("actors")["actor_id"].tolist()
