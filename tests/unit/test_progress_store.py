"""The progress store: profiles, records, schema, damaged and foreign files, forgetting."""

from __future__ import annotations

import hashlib
import sqlite3
import threading
import time
from datetime import datetime, timezone
from pathlib import Path

import pytest
from progress_fixtures import PACK_ID, at

from learnbot.core.progress import store as store_module
from learnbot.core.progress.store import (
    APPLICATION_ID,
    DB_NAME,
    MIGRATIONS,
    ROLES,
    SCHEMA_VERSION,
    ProfileError,
    ProgressStore,
    StoreError,
    StoreTooNew,
    iso,
    parse_iso,
)


@pytest.fixture
def store(tmp_path):
    with ProgressStore.open(tmp_path / "data") as s:
        yield s


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _make_store_with_records(folder: Path, n: int = 30) -> None:
    with ProgressStore.open(folder) as s:
        p = s.add_profile("AB", "police", "Leicestershire Police")
        for i in range(n):
            s.record_read(p, f"item-{i}", "show", pack_id=PACK_ID)


# --- creating and opening ------------------------------------------------------------------------


def test_opening_creates_nothing_until_the_first_write(tmp_path):
    folder = tmp_path / "not" / "yet"
    with ProgressStore.open(folder) as s:
        assert s.profiles() == [] and s.statements() == []
        assert not folder.exists()
        s.add_profile("AB", "police")
        assert (folder / DB_NAME).is_file()


def test_a_new_store_is_ours_current_and_in_wal_mode(store):
    store.add_profile("AB", "police")
    conn = sqlite3.connect(store.path)
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == len(MIGRATIONS)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()


def test_records_survive_closing_and_reopening(tmp_path):
    _make_store_with_records(tmp_path, n=5)
    with ProgressStore.open(tmp_path) as s:
        assert [st.object_id for st in s.statements()] == [f"item-{i}" for i in range(5)]
        assert s.take_notices() == []


def test_an_empty_file_is_taken_as_a_store_never_made(tmp_path):
    (tmp_path / DB_NAME).write_bytes(b"")
    with ProgressStore.open(tmp_path) as s:
        s.add_profile("AB", "other")
        assert s.take_notices() == []
    assert list(tmp_path.iterdir()) == [tmp_path / DB_NAME]


def test_a_store_made_by_another_process_while_this_one_checks_it_is_not_moved_aside(
    tmp_path, monkeypatch
):
    """The race a CI run once hit: checking an empty file, learnbot read its application id
    (none yet), then another learnbot committed the new store, then the next check found
    learnbot's tables under no application id and moved the live store aside."""
    (tmp_path / DB_NAME).write_bytes(b"")  # the other learnbot has opened, not yet committed
    other = ProgressStore(tmp_path / DB_NAME)
    creating = threading.Thread(target=lambda: other.add_profile("A", "police"))
    connect = store_module._connect

    class Checking:
        """A connection that lets the other learnbot create the store just after the first check."""

        def __init__(self, conn: sqlite3.Connection):
            self._conn = conn

        def __getattr__(self, name):
            return getattr(self._conn, name)

        def execute(self, sql, *args):
            cursor = self._conn.execute(sql, *args)
            if sql == "PRAGMA application_id" and creating.ident is None:  # not yet started
                creating.start()
                time.sleep(0.5)  # ample time for it to commit, if SQLite lets it
            return cursor

    monkeypatch.setattr(store_module, "_connect", lambda path: Checking(connect(path)))
    with ProgressStore.open(tmp_path) as s:
        creating.join(timeout=30)
        other.close()
        assert s.take_notices() == []
        s.add_profile("B", "police")
        assert [p.name for p in s.profiles()] == ["A", "B"]
    assert list(tmp_path.iterdir()) == [tmp_path / DB_NAME]



def test_switching_a_new_store_to_wal_waits_for_another_process_writing_it(tmp_path):
    """SQLite refuses that switch at once, not after its busy wait, while another connection
    writes: a second learnbot creating the same store at the same moment used to fail with
    "database is locked"."""
    _make_store_with_records(tmp_path, n=1)
    writer = sqlite3.connect(tmp_path / DB_NAME, isolation_level=None, check_same_thread=False)
    writer.execute("PRAGMA journal_mode = DELETE")  # as a store is just after its schema commits
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("UPDATE profiles SET agency = 'x'")
    finishing = threading.Timer(0.3, lambda: writer.execute("COMMIT"))
    finishing.start()
    with ProgressStore.open(tmp_path) as s:
        s.add_profile("B", "police")
        assert [p.name for p in s.profiles()] == ["AB", "B"]
    finishing.join()
    writer.close()
    conn = sqlite3.connect(tmp_path / DB_NAME)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()


# --- profiles --------------------------------------------------------------------------------------


def test_profiles_take_a_name_a_role_and_an_agency(store):
    added = store.add_profile("  Jo   B ", "Early-Help_Practitioner", " City  Early Help ")
    assert (added.name, added.role, added.agency) == ("Jo B", "early help practitioner", "City Early Help")
    assert store.find_profile("jo b") == added
    assert store.profiles() == [added]


@pytest.mark.parametrize(
    "name, role, agency",
    [
        ("", "police", ""),
        ("x" * 61, "police", ""),
        ("AB\x1b[2J", "police", ""),
        ("AB", "doctor", ""),
        ("AB", "police", "y" * 81),
    ],
)
def test_bad_profiles_are_refused(store, name, role, agency):
    with pytest.raises(ProfileError):
        store.add_profile(name, role, agency)
    assert store.profiles() == []


def test_every_listed_role_is_accepted(store):
    for n, role in enumerate(ROLES):
        assert store.add_profile(f"P{n}", role).role == role


def test_a_name_is_taken_whatever_its_case(store):
    store.add_profile("AB", "police")
    with pytest.raises(ProfileError, match="already"):
        store.add_profile("ab", "other")


# --- records ---------------------------------------------------------------------------------------


def test_each_kind_of_record_reads_back_as_written(store):
    p = store.add_profile("AB", "school nurse")
    read = store.record_read(p, "lp-1", "app", pack_id=PACK_ID, at=at(0))
    answer = store.record_answer(p, "esc-1", 1, "escalation", False, ["rec-1", "finding-a"], pack_id=PACK_ID, at=at(1))
    [briefing] = store.record_briefing([p], "briefing-1", ["lp-1", "rec-2"], pack_id=PACK_ID, at=at(2))
    assert store.statements(p) == [read, answer, briefing]
    assert (answer.step_index, answer.topic, answer.correct) == (1, "escalation", False)
    assert answer.item_ids == ("rec-1", "finding-a")
    assert briefing.item_ids == ("lp-1", "rec-2")
    assert len({read.uuid, answer.uuid, briefing.uuid}) == 3


def test_timestamps_are_utc_iso_8601_to_the_millisecond(store):
    p = store.add_profile("AB", "police")
    local = datetime(2026, 6, 1, 12, 0, 0, 123456).astimezone()  # the machine's own zone
    store.record_read(p, "lp-1", "app", pack_id=PACK_ID, at=local)
    stored = sqlite3.connect(store.path).execute("SELECT at FROM statements").fetchone()[0]
    assert stored == iso(local) and stored.endswith("Z") and len(stored) == len("2026-06-01T12:00:00.123Z")
    assert parse_iso(stored) == local.replace(microsecond=123000)
    assert store.statements()[0].at.tzinfo is not None
    with pytest.raises(ValueError):
        store.record_read(p, "lp-1", "app", pack_id=PACK_ID, at=datetime(2026, 1, 1))


def test_records_are_filtered_by_profile_and_pack(store):
    a, b = store.add_profile("A", "police"), store.add_profile("B", "police")
    store.record_read(a, "lp-1", "app", pack_id=PACK_ID)
    store.record_read(a, "lp-1", "app", pack_id="other-pack")
    store.record_read(b, "lp-2", "app", pack_id=PACK_ID)
    assert [s.object_id for s in store.statements(b)] == ["lp-2"]
    assert [s.pack_id for s in store.statements(a, pack_id=PACK_ID)] == [PACK_ID]
    assert len(store.statements()) == 3
    assert {pid: n for pid, (n, _) in store.activity().items()} == {a.id: 2, b.id: 1}


@pytest.mark.parametrize("typed", ["my worry about the Smith children", "rec 4", "", "a" * 200, "-x"])
def test_only_ids_are_stored_never_typed_text(store, typed):
    p = store.add_profile("AB", "police")
    with pytest.raises(ValueError, match="only ids"):
        store.record_read(p, typed, "ask", pack_id=PACK_ID)
    with pytest.raises(ValueError):
        store.record_answer(p, "esc-1", 0, "escalation", True, [typed], pack_id=PACK_ID)
    with pytest.raises(ValueError):
        store.record_briefing([p], typed, ["lp-1"], pack_id=PACK_ID)
    assert store.statements() == []


def test_a_briefing_records_every_attendee_once_and_adds_missing_profiles(store):
    lead = store.add_profile("Lead", "social worker", "CSC")
    made = store.record_briefing([lead, "Sam", "sam ", "lead"], "briefing-1", ["lp-1"], pack_id=PACK_ID)
    assert [s.profile.name for s in made] == ["Lead", "Sam"]
    sam = store.find_profile("Sam")
    assert sam is not None and (sam.role, sam.agency) == ("other", "")
    assert [s.object_id for s in store.statements(sam)] == ["briefing-1"]


def test_a_record_for_a_forgotten_profile_is_refused(store):
    p = store.add_profile("AB", "police")
    store.forget_profile(p)
    with pytest.raises(StoreError):
        store.record_read(p, "lp-1", "app", pack_id=PACK_ID)


def test_a_failed_write_leaves_nothing_behind(store):
    p = store.add_profile("AB", "police")
    store.record_read(p, "lp-1", "app", pack_id=PACK_ID)
    with pytest.raises(ProfileError):  # the second name is bad: the whole briefing is refused
        store.record_briefing([p, "Sam", "\x00"], "briefing-1", ["lp-1"], pack_id=PACK_ID)
    assert store.find_profile("Sam") is None
    assert [s.verb for s in store.statements()] == ["read"]


# --- forgetting ------------------------------------------------------------------------------------


def test_forgetting_removes_that_profile_and_its_records_only(store):
    gone = store.add_profile("Zebedee Quorndon", "health visitor", "Quorndon Health Trust")
    kept = store.add_profile("Kept", "police")
    for i in range(20):
        store.record_read(gone, f"item-{i}", "app", pack_id=PACK_ID)
        store.record_answer(kept, "esc-1", 0, "escalation", True, ["rec-1"], pack_id=PACK_ID)
    store.record_briefing([gone, kept], "briefing-1", ["lp-1"], pack_id=PACK_ID)
    assert store.forget_profile(gone) == 21
    assert store.profiles() == [kept]
    assert store.statements(gone) == []
    assert len(store.statements(kept)) == 21 and len(store.statements()) == 21


def test_forgetting_leaves_no_copy_of_the_profile_in_the_files(store):
    gone = store.add_profile("Zebedee Quorndon", "health visitor", "Quorndon Health Trust")
    store.record_read(gone, "lp-1", "app", pack_id=PACK_ID)
    store.forget_profile(gone)
    for path in store.path.parent.iterdir():
        assert b"Quorndon" not in path.read_bytes(), path.name
    store.close()
    assert b"Quorndon" not in store.path.read_bytes()


# --- damaged, foreign and newer files ----------------------------------------------------------


def _moved_aside(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if ".damaged-" in p.name)


def _assert_fresh_and_told(s: ProgressStore, folder: Path, original_digest: str) -> Path:
    [aside] = [p for p in _moved_aside(folder) if not p.name.endswith(("-wal", "-shm"))]
    assert _digest(aside) == original_digest, "the damaged file must be kept unchanged"
    [notice] = s.take_notices()
    assert str(aside) in notice and "fresh" in notice
    p = s.add_profile("AB", "police")
    s.record_read(p, "lp-1", "app", pack_id=PACK_ID)
    assert [x.object_id for x in s.statements()] == ["lp-1"]
    assert sqlite3.connect(s.path).execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    return aside


def test_a_file_that_is_not_a_database_is_moved_aside_with_a_timestamp(tmp_path):
    path = tmp_path / DB_NAME
    path.write_bytes(b"not a database at all\n" * 200)
    digest = _digest(path)
    with ProgressStore.open(tmp_path) as s:
        aside = _assert_fresh_and_told(s, tmp_path, digest)
    assert aside.name.startswith(f"{DB_NAME}.damaged-")
    stamp = aside.name.removeprefix(f"{DB_NAME}.damaged-")
    datetime.strptime(stamp, "%Y%m%d-%H%M%S")


def test_another_programs_database_is_moved_aside_unchanged(tmp_path):
    path = tmp_path / DB_NAME
    other = sqlite3.connect(path)
    other.execute("CREATE TABLE notes (body TEXT)")
    other.execute("INSERT INTO notes VALUES ('someone else''s data')")
    other.commit()
    other.close()
    digest = _digest(path)
    with ProgressStore.open(tmp_path) as s:
        _assert_fresh_and_told(s, tmp_path, digest)


def test_a_database_with_another_application_id_is_moved_aside(tmp_path):
    path = tmp_path / DB_NAME
    other = sqlite3.connect(path)
    other.execute("PRAGMA application_id = 1234")
    other.execute("CREATE TABLE profiles (x)")
    other.commit()
    other.close()
    digest = _digest(path)
    with ProgressStore.open(tmp_path) as s:
        _assert_fresh_and_told(s, tmp_path, digest)


def test_our_own_store_damaged_inside_is_moved_aside(tmp_path):
    with ProgressStore.open(tmp_path) as s:
        p = s.add_profile("AB", "police")
        for n in range(40):  # wide records, so that a few writes fill several pages
            s.record_briefing([p], f"briefing-{n}", [f"item-{i}" for i in range(80)], pack_id=PACK_ID)
    path = tmp_path / DB_NAME
    data = bytearray(path.read_bytes())
    page = 4096
    assert len(data) > 3 * page
    data[2 * page: 3 * page] = b"\xa5" * page  # scribble over a whole page of records
    path.write_bytes(bytes(data))
    digest = _digest(path)
    with ProgressStore.open(tmp_path) as s:
        _assert_fresh_and_told(s, tmp_path, digest)


def test_the_write_ahead_log_goes_aside_with_its_file(tmp_path):
    path = tmp_path / DB_NAME
    path.write_bytes(b"garbage" * 100)
    (tmp_path / f"{DB_NAME}-wal").write_bytes(b"wal bytes")
    with ProgressStore.open(tmp_path) as s:
        [notice] = s.take_notices()
    names = sorted(p.name for p in _moved_aside(tmp_path))
    assert len(names) == 2 and names[1] == names[0] + "-wal"
    assert (tmp_path / names[1]).read_bytes() == b"wal bytes"


def test_moving_aside_never_overwrites_an_earlier_damaged_file(tmp_path, monkeypatch):
    monkeypatch.setattr(store_module, "_stamp", lambda: "20260101-120000")
    for n in range(3):
        (tmp_path / DB_NAME).write_bytes(f"garbage {n}".encode() * 50)
        ProgressStore.open(tmp_path).close()
    aside = _moved_aside(tmp_path)
    assert [p.name for p in aside] == [
        f"{DB_NAME}.damaged-20260101-120000",
        f"{DB_NAME}.damaged-20260101-120000-2",
        f"{DB_NAME}.damaged-20260101-120000-3",
    ]
    assert [p.read_bytes()[:9] for p in aside] == [b"garbage 0", b"garbage 1", b"garbage 2"]


def test_a_folder_where_the_file_should_be_is_moved_aside(tmp_path):
    (tmp_path / DB_NAME).mkdir()
    (tmp_path / DB_NAME / "keep.txt").write_text("mine")
    with ProgressStore.open(tmp_path) as s:
        s.add_profile("AB", "police")
        assert len(s.take_notices()) == 1
    [aside] = _moved_aside(tmp_path)
    assert (aside / "keep.txt").read_text() == "mine"


def test_a_store_from_a_newer_learnbot_is_refused_and_left_alone(tmp_path):
    _make_store_with_records(tmp_path, n=3)
    conn = sqlite3.connect(tmp_path / DB_NAME)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    digest = _digest(tmp_path / DB_NAME)
    with pytest.raises(StoreTooNew, match="newer version of learnbot"):
        ProgressStore.open(tmp_path)
    assert _digest(tmp_path / DB_NAME) == digest
    assert _moved_aside(tmp_path) == []


def test_a_store_at_an_older_version_is_migrated_in_place(tmp_path, monkeypatch):
    _make_store_with_records(tmp_path, n=3)
    extra = ("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT)",)
    monkeypatch.setattr(store_module, "MIGRATIONS", (*MIGRATIONS, extra))
    monkeypatch.setattr(store_module, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    with ProgressStore.open(tmp_path) as s:
        assert len(s.statements()) == 3
    conn = sqlite3.connect(tmp_path / DB_NAME)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 1
    assert conn.execute("SELECT count(*) FROM settings").fetchone()[0] == 0


def test_a_locked_store_is_an_error_not_damage(tmp_path, monkeypatch):
    _make_store_with_records(tmp_path, n=1)
    monkeypatch.setattr(store_module, "BUSY_TIMEOUT_S", 0.05)
    holder = sqlite3.connect(tmp_path / DB_NAME, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StoreError) as caught:
            with ProgressStore.open(tmp_path) as s:
                s.add_profile("CD", "police")
        assert not isinstance(caught.value, StoreTooNew)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert _moved_aside(tmp_path) == []
    with ProgressStore.open(tmp_path) as s:
        assert len(s.statements()) == 1


def test_iso_refuses_naive_times_and_reads_back_its_own():
    moment = datetime(2026, 1, 2, 3, 4, 5, 6000, tzinfo=timezone.utc)
    assert iso(moment) == "2026-01-02T03:04:05.006Z"
    assert parse_iso(iso(moment)) == moment
    with pytest.raises(ValueError):
        iso(datetime(2026, 1, 2))
