"""The progress store: practitioner profiles and their learning records, in one SQLite file.

The rest of learnbot talks to :class:`ProgressStore` and never to SQLite, so that a shared database
for a whole safeguarding partnership can stand behind the same methods later.

What is kept: profiles (a display name or initials, a role, an agency) and timestamped statements
made only of ids, results and times. Nothing a practitioner types into learnbot is ever a column
here: every id is checked to be id-shaped (:func:`check_id`), so a question cannot slip in as one.

How it stays safe:

* Opening reads and checks the file first, and changes nothing until it knows the file is ours
  (the SQLite header's application id), recent enough (``PRAGMA user_version``) and sound
  (``PRAGMA quick_check``). A damaged or foreign file is moved aside, unchanged and with its
  ``-wal``/``-shm`` siblings, to ``progress.sqlite3.damaged-YYYYmmdd-HHMMSS``; the store says where
  in :attr:`ProgressStore.notices` and starts afresh. A file from a newer learnbot is refused
  (:class:`StoreTooNew`), never changed.
* The file and its folder are created on the first write, not on opening.
* Every write is one ``BEGIN IMMEDIATE`` transaction in WAL mode with ``synchronous=FULL`` and a
  busy timeout, so two learnbot processes writing at once wait for each other and lose nothing, and
  a process killed mid-write loses only the write it had not committed.
* ``secure_delete`` is on, so forgetting a profile overwrites its rows rather than leaving them in
  free pages of the file.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import threading
import time
import uuid
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator, Sequence

from learnbot.core.progress.roles import ROLES, normalise_role

DB_NAME = "progress.sqlite3"
"""The store's file name inside the data folder."""

APPLICATION_ID = 0x4C42_5047
"""``PRAGMA application_id`` of a learnbot progress store ("LBPG"): tells ours from any other SQLite file."""

BUSY_TIMEOUT_S = 10.0
"""How long a write waits for another process's write to finish before giving up."""

WAL_RETRY_S = 0.01
"""How often to try again to switch a new store to write-ahead logging while another process writes."""

READ = "read"
ANSWERED = "answered"
ATTENDED = "attended"
VERBS: tuple[str, ...] = (READ, ANSWERED, ATTENDED)
"""What a statement says happened: an item was read, a quiz step answered, a team briefing attended."""

MAX_NAME = 60
MAX_AGENCY = 80

MIGRATIONS: tuple[tuple[str, ...], ...] = (
    # 1: profiles, and statements made of ids, results and times.
    (
        """CREATE TABLE profiles (
            id INTEGER PRIMARY KEY,
            uuid TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL UNIQUE COLLATE NOCASE,
            role TEXT NOT NULL,
            agency TEXT NOT NULL DEFAULT '',
            created TEXT NOT NULL
        )""",
        """CREATE TABLE statements (
            id INTEGER PRIMARY KEY,
            uuid TEXT NOT NULL UNIQUE,
            profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
            verb TEXT NOT NULL CHECK (verb IN ('read', 'answered', 'attended')),
            at TEXT NOT NULL,
            pack_id TEXT NOT NULL,
            object_id TEXT NOT NULL,
            via TEXT NOT NULL DEFAULT '',
            step_index INTEGER,
            topic TEXT NOT NULL DEFAULT '',
            correct INTEGER,
            item_ids TEXT NOT NULL DEFAULT '[]'
        )""",
        "CREATE INDEX statements_by_profile ON statements(profile_id, at)",
    ),
)
"""Schema migrations, oldest first: migration ``n`` (from 1) takes ``user_version`` from n-1 to n.
Append, never edit: a store already at version n has run the first n."""

SCHEMA_VERSION = len(MIGRATIONS)
"""The schema version this learnbot writes."""

_TABLES = frozenset({"profiles", "statements"})
_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]{0,127}")
_SQLITE_MAGIC = b"SQLite format 3\x00"


class StoreError(Exception):
    """The progress store could not do what was asked; the message says why, for a person."""


class StoreTooNew(StoreError):
    """The store was written by a newer learnbot; it is left untouched."""


class ProfileError(StoreError):
    """A profile could not be added: a bad name or role, or the name is taken."""


@dataclass(frozen=True)
class Profile:
    """A practitioner using learnbot on this machine. No case data, ever."""

    id: int
    """The store's own key."""
    uuid: str
    """A random, stable id: names the profile in exported statements without naming the machine."""
    name: str
    """A display name or initials."""
    role: str
    """One of :data:`ROLES`."""
    agency: str
    """The agency they work for, as they gave it (may be empty)."""
    created: datetime


@dataclass(frozen=True)
class Statement:
    """One timestamped learning record."""

    uuid: str
    """Stable across exports, so a learning record store can drop a statement it already has."""
    profile: Profile
    verb: str
    """:data:`READ`, :data:`ANSWERED` or :data:`ATTENDED`."""
    at: datetime
    """When it happened (UTC)."""
    pack_id: str
    """The content pack the ids belong to."""
    object_id: str
    """The item read, the scenario answered, or the briefing session attended."""
    via: str = ""
    """For readings: where it was read ("app", "show", "ask" ...)."""
    step_index: int | None = None
    """For answers: the step within the scenario, from 0."""
    topic: str = ""
    """For answers: the scenario's topic."""
    correct: bool | None = None
    """For answers: whether it was right."""
    item_ids: tuple[str, ...] = ()
    """For answers, the items the step cites; for briefings, the items the session covered."""


def check_id(value: str, what: str = "id") -> str:
    """Return ``value`` if it is id-shaped (letters, digits, ``.``, ``_``, ``:``, ``-``; at most 128).

    Raises:
        ValueError: it is not, so it may be something a person typed, which is never stored.
    """
    if not isinstance(value, str) or not _ID.fullmatch(value):
        raise ValueError(f"the progress store keeps only ids; {what} {value!r} is not one")
    return value


def iso(moment: datetime) -> str:
    """A UTC ISO 8601 timestamp with milliseconds, as stored and exported (``...T08:27:33.123Z``)."""
    if moment.tzinfo is None:
        raise ValueError("timestamps must be timezone-aware")
    return moment.astimezone(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def parse_iso(text: str) -> datetime:
    """The inverse of :func:`iso` (also accepts ``+00:00``; Python 3.10 does not read ``Z``)."""
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def _moment(at: datetime | None = None) -> datetime:
    """``at`` (default: now) in UTC, to the millisecond: exactly what is stored and read back."""
    return parse_iso(iso(datetime.now(timezone.utc) if at is None else at))


def clean_name(name: str) -> str:
    """A profile name with its spaces tidied.

    Raises:
        ProfileError: it is empty, too long or holds control characters.
    """
    name = " ".join(name.split())
    if not name:
        raise ProfileError("a profile needs a name or initials")
    if len(name) > MAX_NAME or not name.isprintable():
        raise ProfileError(f"a profile name is at most {MAX_NAME} printable characters")
    return name


def _stamp() -> str:
    """The local time, for the name a damaged file is moved aside to."""
    return datetime.now().strftime("%Y%m%d-%H%M%S")


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return (stat.st_dev, stat.st_ino)


def _is_damage(err: sqlite3.Error) -> bool:
    """True for errors that mean the file itself is bad, not that it is busy or unreadable now."""
    return isinstance(err, sqlite3.DatabaseError) and not isinstance(err, sqlite3.OperationalError)


def _is_busy(err: sqlite3.Error) -> bool:
    """True for SQLITE_BUSY: another connection holds the lock (its message, for Python 3.10)."""
    return "database is locked" in str(err)


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(
        path, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False
    )
    conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
    return conn


class ProgressStore:
    """Profiles and learning records, kept in ``progress.sqlite3`` in the data folder.

    Open with :meth:`open`; use as a context manager or call :meth:`close`. Safe to share between
    threads of one process (calls are serialised) and between processes (SQLite's locking).
    """

    def __init__(self, path: Path):
        self.path = Path(path)
        """The database file."""
        self.notices: list[str] = []
        """Things the person should be told (a damaged file moved aside, and where to)."""
        self._conn: sqlite3.Connection | None = None
        self._lock = threading.RLock()

    @classmethod
    def open(cls, data_dir: str | os.PathLike) -> "ProgressStore":
        """Open the store in ``data_dir``, checking an existing file now; create nothing yet.

        Raises:
            StoreTooNew: the file was written by a newer learnbot.
            StoreError: the file cannot be read (permissions, held locked for too long).
        """
        store = cls(Path(data_dir) / DB_NAME)
        with store._lock:
            store._connection(create=False)
        return store

    def close(self) -> None:
        """Close the file (SQLite then folds the write-ahead log back into it)."""
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    def __enter__(self) -> "ProgressStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"ProgressStore({str(self.path)!r})"

    def take_notices(self) -> list[str]:
        """The notices not yet taken, oldest first (and forget them)."""
        notices, self.notices = self.notices, []
        return notices

    # --- opening, checking, creating -----------------------------------------------------------

    def _connection(self, create: bool) -> sqlite3.Connection | None:
        """The open connection; on first use, check (or create, if ``create``) the file."""
        if self._conn is not None:
            return self._conn
        try:
            conn = self._adopt_existing() if os.path.lexists(self.path) else None
            if conn is None:
                if not create:
                    return None
                self.path.parent.mkdir(parents=True, exist_ok=True)
                conn = _connect(self.path)
            try:
                self._prepare(conn)
            except BaseException:
                conn.close()
                raise
        except OSError as err:
            raise StoreError(f"cannot use the progress store at {self.path}: {err.strerror or err}") from err
        except sqlite3.Error as err:
            raise StoreError(f"cannot use the progress store at {self.path}: {err}") from err
        self._conn = conn
        return conn

    def _adopt_existing(self) -> sqlite3.Connection | None:
        """Open the file at the path if it is a sound store of ours (or empty); else move it aside.

        Returns None when it was moved aside (so a fresh store will be created on first write).
        """
        ident = _identity(self.path)
        problem = self._header_problem()
        if problem:
            self._move_aside(problem, ident)
            return None
        conn = _connect(self.path)
        try:
            problem = self._content_problem(conn)
        except sqlite3.Error as err:
            conn.close()
            if not _is_damage(err):
                raise
            problem = f"is damaged ({err})"
        except StoreTooNew:
            conn.close()
            raise
        if problem:
            conn.close()
            self._move_aside(problem, ident)
            return None
        return conn

    def _header_problem(self) -> str | None:
        """Why the file is not ours, judged from its first 100 bytes alone (SQLite never opens it)."""
        if not self.path.is_file():
            return "is not a file"
        with open(self.path, "rb") as handle:
            header = handle.read(100)
        if not header:
            return None  # empty: a store whose creation never committed
        if len(header) < 100 or not header.startswith(_SQLITE_MAGIC):
            return "is not a SQLite database"
        app_id = int.from_bytes(header[68:72], "big")
        if app_id not in (0, APPLICATION_ID):
            return "is another program's SQLite database"
        return None

    def _content_problem(self, conn: sqlite3.Connection) -> str | None:
        """Why an opened file cannot be used as it is; None if it is ours and sound, or empty.

        Every check reads one snapshot (one read transaction): read statement by statement, a
        store that another learnbot process is creating at this moment could look empty to the
        first check and made to the next, and so like a foreign file to be moved aside.

        Raises:
            StoreTooNew: it is ours, from a newer learnbot.
        """
        conn.execute("BEGIN")
        try:
            return self._snapshot_problem(conn)
        finally:
            if conn.in_transaction:
                conn.execute("COMMIT")

    def _snapshot_problem(self, conn: sqlite3.Connection) -> str | None:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if app_id == 0 and version == 0 and not tables:
            return None  # empty
        if app_id != APPLICATION_ID:
            return "is not a learnbot progress store"
        if version > SCHEMA_VERSION:
            raise StoreTooNew(
                f"the progress store at {self.path} was written by a newer version of learnbot "
                f"(store version {version}; this learnbot reads up to {SCHEMA_VERSION}). "
                "Update learnbot to use it; it has been left unchanged."
            )
        if not _TABLES <= tables:
            return "is missing learnbot's tables"
        result = conn.execute("PRAGMA quick_check").fetchall()
        if result != [("ok",)]:
            detail = " ".join(str(result[0][0]).replace("*** in database main ***", "").split())
            return f"is damaged (SQLite's check found: {detail})"
        return None

    def _move_aside(self, problem: str, ident: tuple[int, int] | None) -> None:
        """Rename the file (and its journal siblings) to a timestamped name, keeping every byte."""
        if _identity(self.path) != ident:
            return  # another learnbot process has dealt with it already
        stamp = _stamp()
        suffixes = ("", "-wal", "-shm", "-journal")
        base = f"{self.path.name}.damaged-{stamp}"
        target, n = base, 1
        while any(os.path.lexists(self.path.with_name(target + s)) for s in suffixes):
            n += 1
            target = f"{base}-{n}"
        for suffix in suffixes:
            source = self.path.with_name(self.path.name + suffix)
            if os.path.lexists(source):
                os.rename(source, self.path.with_name(target + suffix))
        self.notices.append(
            f"The progress store at {self.path} {problem}. It has been moved aside, unchanged, to "
            f"{self.path.with_name(target)}, and learnbot has started a fresh store."
        )

    def _prepare(self, conn: sqlite3.Connection) -> None:
        """Bring the schema up to date (in one transaction), then turn on WAL and safe settings."""
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA secure_delete = ON")
        if conn.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
            self._migrate(conn)
        # After the schema commits, so a half-made store is still an empty or rolled-back file.
        self._use_wal(conn)
        conn.execute("PRAGMA synchronous = FULL")

    def _use_wal(self, conn: sqlite3.Connection) -> None:
        """Switch the file to write-ahead logging, waiting for other learnbot processes if need be.

        SQLite refuses the switch at once, without its busy wait, while another connection is
        writing (the other learnbot creating the same store, say), so wait here instead.
        """
        deadline = time.monotonic() + BUSY_TIMEOUT_S
        while conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            try:
                conn.execute("PRAGMA journal_mode = WAL")
            except sqlite3.OperationalError as err:
                if not _is_busy(err) or time.monotonic() > deadline:
                    raise
                time.sleep(WAL_RETRY_S)

    def _migrate(self, conn: sqlite3.Connection) -> None:
        """Run the migrations the file lacks, all in one transaction (taken before re-reading the
        version, so two processes creating the store at once run them once)."""
        conn.execute("BEGIN IMMEDIATE")
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:  # a newer learnbot created it while we waited
                raise StoreTooNew(f"the progress store at {self.path} was written by a newer learnbot")
            for number in range(version + 1, SCHEMA_VERSION + 1):
                for sql in MIGRATIONS[number - 1]:
                    conn.execute(sql)
            if version < SCHEMA_VERSION:
                conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise

    # --- transactions --------------------------------------------------------------------------

    @contextmanager
    def _writing(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, creating the file if need be; sqlite errors become StoreError."""
        with self._lock:
            conn = self._connection(create=True)
            assert conn is not None
            try:
                conn.execute("BEGIN IMMEDIATE")
                try:
                    yield conn
                    conn.execute("COMMIT")
                except BaseException:
                    if conn.in_transaction:
                        conn.execute("ROLLBACK")
                    raise
            except sqlite3.IntegrityError as err:
                raise StoreError(f"the progress store refused a record ({err})") from err
            except sqlite3.Error as err:
                raise StoreError(f"could not write to the progress store at {self.path}: {err}") from err

    def _rows(self, sql: str, params: Sequence[object] = ()) -> list[tuple]:
        """Rows of one query; none when the store has not been created yet."""
        with self._lock:
            conn = self._connection(create=False)
            if conn is None:
                return []
            try:
                return conn.execute(sql, params).fetchall()
            except sqlite3.Error as err:
                raise StoreError(f"could not read the progress store at {self.path}: {err}") from err

    # --- profiles ------------------------------------------------------------------------------

    def profiles(self) -> list[Profile]:
        """Every profile on this machine, by name."""
        rows = self._rows(f"SELECT {_PROFILE_COLUMNS} FROM profiles p ORDER BY p.name")
        return [_profile(row) for row in rows]

    def find_profile(self, name: str) -> Profile | None:
        """The profile with this name (ignoring case and surrounding spaces), or None."""
        rows = self._rows(f"SELECT {_PROFILE_COLUMNS} FROM profiles p WHERE p.name = ?", (name.strip(),))
        return _profile(rows[0]) if rows else None

    def add_profile(self, name: str, role: str, agency: str = "") -> Profile:
        """Add a profile.

        Args:
            name: a display name or initials (at most 60 characters).
            role: one of :data:`ROLES` (``"Social-Worker"`` and the like are accepted).
            agency: the agency they work for (at most 80 characters; may be empty).

        Raises:
            ProfileError: a bad name, role or agency, or the name is taken.
        """
        name, agency = clean_name(name), " ".join(agency.split())
        chosen = normalise_role(role)
        if chosen is None:
            raise ProfileError(f"unknown role {role!r} (choose one of: {', '.join(ROLES)})")
        if len(agency) > MAX_AGENCY or not agency.isprintable():
            raise ProfileError(f"an agency is at most {MAX_AGENCY} printable characters")
        with self._writing() as conn:
            if conn.execute("SELECT 1 FROM profiles WHERE name = ?", (name,)).fetchone():
                raise ProfileError(f"there is already a profile named {name!r}")
            return self._insert_profile(conn, name, chosen, agency)

    def _insert_profile(self, conn: sqlite3.Connection, name: str, role: str, agency: str) -> Profile:
        profile = Profile(0, str(uuid.uuid4()), name, role, agency, _moment())
        cursor = conn.execute(
            "INSERT INTO profiles (uuid, name, role, agency, created) VALUES (?, ?, ?, ?, ?)",
            (profile.uuid, name, role, agency, iso(profile.created)),
        )
        return Profile(cursor.lastrowid, profile.uuid, name, role, agency, profile.created)

    def forget_profile(self, profile: Profile) -> int:
        """Delete a profile and every record of it; return how many records went.

        The rows are overwritten (``secure_delete``) and the write-ahead log is folded back and
        truncated, so the file keeps no copy of them.
        """
        with self._writing() as conn:
            deleted = conn.execute("DELETE FROM statements WHERE profile_id = ?", (profile.id,)).rowcount
            conn.execute("DELETE FROM profiles WHERE id = ?", (profile.id,))
        with self._lock:
            try:
                self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # type: ignore[union-attr]
            except sqlite3.Error:
                pass  # another process is reading; its own close will checkpoint
        return deleted

    def activity(self) -> dict[int, tuple[int, datetime | None]]:
        """For each profile id: how many records it has, and when the latest was."""
        rows = self._rows("SELECT profile_id, count(*), max(at) FROM statements GROUP BY profile_id")
        return {pid: (count, parse_iso(last) if last else None) for pid, count, last in rows}

    # --- records -------------------------------------------------------------------------------

    def record_read(
        self, profile: Profile, item_id: str, via: str, *, pack_id: str, at: datetime | None = None
    ) -> Statement:
        """Record that ``profile`` read item ``item_id`` (``via`` the app, ``show`` ...)."""
        statement = Statement(
            str(uuid.uuid4()), profile, READ, _moment(at), check_id(pack_id, "pack id"),
            check_id(item_id, "item id"), via=check_id(via, "via"),
        )
        with self._writing() as conn:
            self._insert(conn, statement)
        return statement

    def record_answer(
        self,
        profile: Profile,
        scenario_id: str,
        step_index: int,
        topic: str,
        correct: bool,
        cites: Sequence[str],
        *,
        pack_id: str,
        at: datetime | None = None,
    ) -> Statement:
        """Record that ``profile`` answered step ``step_index`` (from 0) of a scenario, right or wrong."""
        if not isinstance(step_index, int) or step_index < 0:
            raise ValueError(f"a step index is a whole number from 0, not {step_index!r}")
        statement = Statement(
            str(uuid.uuid4()), profile, ANSWERED, _moment(at), check_id(pack_id, "pack id"),
            check_id(scenario_id, "scenario id"), step_index=step_index, topic=check_id(topic, "topic"),
            correct=bool(correct), item_ids=tuple(check_id(c, "cited id") for c in cites),
        )
        with self._writing() as conn:
            self._insert(conn, statement)
        return statement

    def record_briefing(
        self,
        attendees: Sequence[Profile | str],
        session_id: str,
        item_ids: Sequence[str],
        *,
        pack_id: str,
        at: datetime | None = None,
    ) -> list[Statement]:
        """Record that each attendee covered ``item_ids`` at team briefing ``session_id``.

        Args:
            attendees: profiles, or names of people named at the briefing's setup; a name with no
                profile yet gets one (role "other", no agency), in the same transaction.
        """
        at = _moment(at)
        pack_id, session_id = check_id(pack_id, "pack id"), check_id(session_id, "session id")
        covered = tuple(check_id(i, "item id") for i in item_ids)
        statements: list[Statement] = []
        seen: set[str] = set()
        with self._writing() as conn:
            for attendee in attendees:
                if isinstance(attendee, str):
                    name = clean_name(attendee)
                    row = conn.execute(
                        f"SELECT {_PROFILE_COLUMNS} FROM profiles p WHERE p.name = ?", (name,)
                    ).fetchone()
                    attendee = _profile(row) if row else self._insert_profile(conn, name, "other", "")
                if attendee.name.casefold() in seen:
                    continue
                seen.add(attendee.name.casefold())
                statement = Statement(
                    str(uuid.uuid4()), attendee, ATTENDED, at, pack_id, session_id, item_ids=covered
                )
                self._insert(conn, statement)
                statements.append(statement)
        return statements

    @staticmethod
    def _insert(conn: sqlite3.Connection, s: Statement) -> None:
        conn.execute(
            "INSERT INTO statements (uuid, profile_id, verb, at, pack_id, object_id, via, step_index,"
            " topic, correct, item_ids) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                s.uuid, s.profile.id, s.verb, iso(s.at), s.pack_id, s.object_id, s.via, s.step_index,
                s.topic, None if s.correct is None else int(s.correct), json.dumps(list(s.item_ids)),
            ),
        )

    def statements(self, profile: Profile | None = None, *, pack_id: str | None = None) -> list[Statement]:
        """Records, oldest first: of one profile (or everyone's), of one pack (or every pack)."""
        where, params = [], []
        if profile is not None:
            where.append("s.profile_id = ?")
            params.append(profile.id)
        if pack_id is not None:
            where.append("s.pack_id = ?")
            params.append(pack_id)
        clause = f"WHERE {' AND '.join(where)}" if where else ""
        rows = self._rows(
            f"SELECT {_PROFILE_COLUMNS}, s.uuid, s.verb, s.at, s.pack_id,"
            " s.object_id, s.via, s.step_index, s.topic, s.correct, s.item_ids"
            f" FROM statements s JOIN profiles p ON p.id = s.profile_id {clause} ORDER BY s.at, s.id",
            params,
        )
        return [_statement(row) for row in rows]


# --- rows to domain objects, in one place -------------------------------------------------------

_PROFILE_COLUMNS = "p.id, p.uuid, p.name, p.role, p.agency, p.created"
_PROFILE_WIDTH = 6


def _profile(row: Sequence) -> Profile:
    pid, puuid, name, role, agency, created = row[:_PROFILE_WIDTH]
    return Profile(pid, puuid, name, role, agency, parse_iso(created))


def _statement(row: Sequence) -> Statement:
    profile = _profile(row)
    suuid, verb, at, pack_id, object_id, via, step_index, topic, correct, item_ids = row[_PROFILE_WIDTH:]
    return Statement(
        suuid, profile, verb, parse_iso(at), pack_id, object_id, via=via, step_index=step_index,
        topic=topic, correct=None if correct is None else bool(correct), item_ids=tuple(json.loads(item_ids)),
    )
