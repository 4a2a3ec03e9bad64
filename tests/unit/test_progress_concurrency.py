"""The store across processes: two writers at once lose nothing; a writer killed mid-write leaves
a sound file holding everything it had committed.

Real processes (``sys.executable``), because threads share one connection and one lock and so would
prove nothing about SQLite's locking between processes.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time

import pytest
from progress_fixtures import PACK_ID

from learnbot.core.progress.store import DB_NAME, ProgressStore

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")

WRITER = textwrap.dedent(
    """
    import os, sys, time
    from learnbot.core.progress.store import ProgressStore

    folder, name, count, go = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
    while not os.path.exists(go):  # start together
        time.sleep(0.001)
    store = ProgressStore.open(folder)
    profile = store.find_profile(name) or store.add_profile(name, "other")
    for i in range(count):
        if i % 3 == 2:
            store.record_briefing([profile], f"briefing-{i}", ["lp-1", "rec-1"], pack_id=sys.argv[5])
        else:
            store.record_read(profile, f"item-{i}", "test", pack_id=sys.argv[5])
        print(i, flush=True)  # committed
    store.close()
    """
)


def _writer(folder, name: str, count: int, go) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(folder), name, str(count), str(go), PACK_ID],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def _object_ids(statements) -> list[str]:
    return [s.object_id for s in statements]


def _expected(count: int) -> list[str]:
    return [f"briefing-{i}" if i % 3 == 2 else f"item-{i}" for i in range(count)]


def test_two_processes_writing_500_records_each_at_once_lose_nothing(tmp_path):
    with ProgressStore.open(tmp_path) as s:
        a, b = s.add_profile("A", "police"), s.add_profile("B", "school nurse")
    go = tmp_path / "go"
    writers = [_writer(tmp_path, "A", 500, go), _writer(tmp_path, "B", 500, go)]
    time.sleep(0.3)  # both open and waiting
    go.touch()
    for w in writers:
        out, err = w.communicate(timeout=60)
        assert w.returncode == 0, err
        assert out.split() == [str(i) for i in range(500)]

    with ProgressStore.open(tmp_path) as s:
        for profile in (a, b):
            assert _object_ids(s.statements(profile)) == _expected(500)
        everything = s.statements()
    assert len(everything) == 1000
    assert len({st.uuid for st in everything}) == 1000
    # The two really did write at the same time: their spans of records overlap.
    spans = {name: [n for n, st in enumerate(everything) if st.profile.name == name] for name in ("A", "B")}
    assert max(min(v) for v in spans.values()) < min(max(v) for v in spans.values())


def test_two_processes_creating_the_store_at_once_make_one_store(tmp_path):
    folder = tmp_path / "new" / "data"
    go = tmp_path / "go"
    writers = [_writer(folder, name, 50, go) for name in ("A", "B")]
    time.sleep(0.3)
    go.touch()
    for w in writers:
        out, err = w.communicate(timeout=60)
        assert w.returncode == 0, err
    with ProgressStore.open(folder) as s:
        assert s.take_notices() == []
        assert sorted(p.name for p in s.profiles()) == ["A", "B"]
        for profile in s.profiles():
            assert _object_ids(s.statements(profile)) == _expected(50)
    assert sorted(p.name for p in folder.iterdir()) == [DB_NAME]


def test_a_writer_killed_mid_write_leaves_a_sound_file_with_every_committed_record(tmp_path):
    with ProgressStore.open(tmp_path) as s:
        profile = s.add_profile("A", "police")
    go = tmp_path / "go"
    go.touch()
    committed: list[str] = []
    for kill_after in (40, 75, 133):  # kill at different moments, three times over one file
        writer = _writer(tmp_path, "A", 100_000, go)
        last = -1
        while last < kill_after:
            line = writer.stdout.readline()
            assert line, writer.stderr.read()
            last = int(line)
        assert writer.poll() is None, "the writer must still be writing when it is killed"
        os.kill(writer.pid, signal.SIGKILL)
        writer.wait(timeout=10)
        for line in writer.stdout:  # what it reported after the line we stopped reading at
            if line.strip():
                last = int(line)
        writer.stdout.close()
        writer.stderr.close()
        assert writer.returncode == -signal.SIGKILL
        committed += _expected(last + 1)

        check = sqlite3.connect(tmp_path / DB_NAME)
        assert check.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        check.close()
        with ProgressStore.open(tmp_path) as s:
            assert s.take_notices() == [], "a killed writer's file is not damaged"
            found = _object_ids(s.statements(profile))
        # Everything reported committed is there, in order; at most the one write in flight
        # when the kill came may also have committed before the report was printed.
        assert found[: len(committed)] == committed
        assert len(found) - len(committed) in (0, 1)
        committed = found
