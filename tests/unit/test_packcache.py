"""The index cache: where it lives, that it is keyed by what it was built from, and that any
problem with it only costs a rebuild."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from learnbot.core import packcache
from learnbot.core.loader import load_pack
from learnbot.core.matching.matcher import Matcher
from learnbot.locations import content_dir


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the fast path is Linux's")
@pytest.mark.parametrize("xdg", [None, "/tmp/somewhere-else"])
def test_cache_dir_is_where_platformdirs_says(monkeypatch, xdg):
    from platformdirs import user_cache_dir

    monkeypatch.delenv("LEARNBOT_CACHE_DIR", raising=False)
    if xdg is None:
        monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    else:
        monkeypatch.setenv("XDG_CACHE_HOME", xdg)
    assert packcache.cache_dir() == Path(user_cache_dir("learnbot", appauthor=False))


def test_cache_can_be_turned_off(monkeypatch):
    monkeypatch.setenv("LEARNBOT_CACHE_DIR", "off")
    assert packcache.cache_dir() is None


@pytest.fixture
def pack_copy(tmp_path):
    root = tmp_path / "pack"
    shutil.copytree(content_dir(), root)
    return root


def test_second_load_comes_from_the_cache_and_matches_a_fresh_build(monkeypatch, tmp_path, pack_copy):
    monkeypatch.setenv("LEARNBOT_CACHE_DIR", str(tmp_path / "cache"))
    pack, matcher = packcache.load_matcher(pack_copy)
    files = list((tmp_path / "cache").glob("index-*.pickle"))
    assert len(files) == 1
    cached_pack, cached_matcher = packcache.load_matcher(pack_copy)
    fresh = Matcher(load_pack(pack_copy))
    # the cached pack keeps what answering reads, not the quizzes or the raw matching knowledge
    assert cached_pack.items == pack.items and cached_pack.scenarios == () and not cached_pack.matching.synonyms
    for question in ("what is early help?", "police didn't see the kids", "rec 4", "laptop charger"):
        ours, theirs = cached_matcher.search(question), fresh.search(question)
        assert [s.item.id for s in ours.ranked] == [s.item.id for s in theirs.ranked]
        assert ours.answered == theirs.answered


def test_an_edited_pack_is_not_answered_from_a_stale_cache(monkeypatch, tmp_path, pack_copy):
    monkeypatch.setenv("LEARNBOT_CACHE_DIR", str(tmp_path / "cache"))
    pack, _ = packcache.load_matcher(pack_copy)
    meta = pack_copy / "pack.yaml"
    meta.write_text(meta.read_text(encoding="utf-8").replace(pack.meta.title, "A renamed pack"), encoding="utf-8")
    again, _ = packcache.load_matcher(pack_copy)
    assert again.meta.title == "A renamed pack"
    assert len(list((tmp_path / "cache").glob("index-*.pickle"))) == 1  # rewritten, not piled up


def test_a_garbage_cache_file_is_rebuilt(monkeypatch, tmp_path, pack_copy):
    monkeypatch.setenv("LEARNBOT_CACHE_DIR", str(tmp_path / "cache"))
    packcache.load_matcher(pack_copy)
    for path in (tmp_path / "cache").glob("index-*.pickle"):
        path.write_bytes(b"not a pickle")
    pack, matcher = packcache.load_matcher(pack_copy)
    assert matcher.search("rec 4").best.item.id == "rec-4"
