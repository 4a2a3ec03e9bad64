"""Fixtures shared by the ask tests of tests/unit and tests/cli: the bundled pack's passages,
glossary and matching knowledge, copied once a session (without the quiz scenarios, so that a
scenario being edited never breaks the tests of answering questions), loaded, and indexed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from learnbot.core.loader import load_pack
from learnbot.core.matching.matcher import Matcher
from learnbot.core.model import Pack
from learnbot.locations import BUNDLED_PACK, bundled_content_root


@pytest.fixture(scope="session")
def ask_pack_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the bundled pack's items, glossary and matching knowledge (no scenarios)."""
    source = bundled_content_root() / BUNDLED_PACK
    target = tmp_path_factory.mktemp("ask-pack") / BUNDLED_PACK
    target.mkdir()
    for name in ("pack.yaml", "reflections.yaml", "matching.yaml"):
        if (source / name).is_file():
            shutil.copy2(source / name, target / name)
    shutil.copytree(source / "items", target / "items")
    return target


@pytest.fixture(scope="session")
def ask_pack(ask_pack_dir: Path) -> Pack:
    return load_pack(ask_pack_dir)


@pytest.fixture(scope="session")
def ask_matcher(ask_pack: Pack) -> Matcher:
    return Matcher(ask_pack)
