"""The cache of loaded packs: used only while it is current, never for a broken pack."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from learnbot.core.loader import ContentError, load_pack
from learnbot.core.packcache import load_pack_cached

FIXTURE_PACK = Path(__file__).resolve().parents[1] / "fixtures" / "ui_pack"


@pytest.fixture
def pack_dir(tmp_path: Path) -> Path:
    return Path(shutil.copytree(FIXTURE_PACK, tmp_path / "pack"))


class CountingLoader:
    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, root):
        self.calls += 1
        return load_pack(root)


def test_a_current_cache_is_used_instead_of_the_yaml(pack_dir, tmp_path):
    load = CountingLoader()
    first = load_pack_cached(pack_dir, load=load, folder=tmp_path / "cache")
    second = load_pack_cached(pack_dir, load=load, folder=tmp_path / "cache")
    assert load.calls == 1
    assert second == first
    assert second.get("rec-4").text == first.get("rec-4").text
    (cached,) = (tmp_path / "cache").glob("pack-*.pickle")
    assert oct(cached.stat().st_mode & 0o777) == oct(0o600)


def test_an_edited_file_retires_the_cache(pack_dir, tmp_path):
    load = CountingLoader()
    load_pack_cached(pack_dir, load=load, folder=tmp_path / "cache")
    glossary = pack_dir / "items" / "glossary.yaml"
    glossary.write_text(glossary.read_text().replace("statutory children's", "statutory"))
    pack = load_pack_cached(pack_dir, load=load, folder=tmp_path / "cache")
    assert load.calls == 2
    assert "statutory children's" not in pack.get("gloss-csc").text


def test_a_broken_pack_raises_and_is_not_cached(pack_dir, tmp_path):
    (pack_dir / "pack.yaml").write_text("id: [unclosed\n")
    with pytest.raises(ContentError):
        load_pack_cached(pack_dir, folder=tmp_path / "cache")
    assert not list((tmp_path / "cache").glob("*pack-*"))


def test_a_damaged_cache_is_ignored(pack_dir, tmp_path):
    load = CountingLoader()
    load_pack_cached(pack_dir, load=load, folder=tmp_path / "cache")
    (cached,) = (tmp_path / "cache").glob("pack-*.pickle")
    cached.write_bytes(b"not a pickle")
    pack = load_pack_cached(pack_dir, load=load, folder=tmp_path / "cache")
    assert load.calls == 2
    assert pack.get("rec-4") is not None


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="file modes are POSIX")
def test_a_cache_others_can_write_is_never_read(pack_dir, tmp_path):
    load = CountingLoader()
    load_pack_cached(pack_dir, load=load, folder=tmp_path / "cache")
    (cached,) = (tmp_path / "cache").glob("pack-*.pickle")
    cached.chmod(0o666)
    load_pack_cached(pack_dir, load=load, folder=tmp_path / "cache")
    assert load.calls == 2


def test_the_cache_can_be_turned_off(pack_dir, monkeypatch):
    monkeypatch.setenv("LEARNBOT_CACHE_DIR", "off")
    load = CountingLoader()
    load_pack_cached(pack_dir, load=load)
    load_pack_cached(pack_dir, load=load)
    assert load.calls == 2
