"""The command line through a real process: exit codes, what it prints, and what it never does.

Every run starts in an empty temporary folder with a temporary home, so nothing depends on the
repository folder and anything written by mistake would show.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from learnbot import __version__
from learnbot.core.loader import load_pack
from learnbot.core.model import ITEM_KINDS, KIND_LABELS, Pack
from learnbot.locations import BUNDLED_PACK, bundled_content_root

CONTRACT_ITEM_KEYS = {"id", "kind", "title", "text", "section", "quote", "tags", "roles", "related"}

BROKEN_PACK = {
    "pack.yaml": (
        "id: broken\n"
        "title: A broken pack\n"
        "publisher: Test LSCB\n"
        "audit_period: February to March 2017\n"
        "currency_notice: Check current procedures.\n"
    ),
    "items/briefing.yaml": (
        "items:\n"
        "  - id: rec-4\n"
        "    kind: recommendation\n"
        "    titel: Speak to children\n"
        "    text: Police to ensure that children are spoken to, including in welfare checks.\n"
        "    section: Recommendations\n"
        "    quote: true\n"
    ),
}


def normalise(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def bundled() -> Pack:
    return load_pack(bundled_content_root() / BUNDLED_PACK)


@pytest.fixture
def sandbox(tmp_path: Path) -> Path:
    """An empty working folder, home and data folder for one run."""
    for name in ("cwd", "home", "data"):
        (tmp_path / name).mkdir()
    return tmp_path


@pytest.fixture
def broken_dir(sandbox: Path) -> Path:
    root = sandbox / "broken"
    for relative, text in BROKEN_PACK.items():
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / relative).write_text(text, encoding="utf-8")
    return root


def learnbot(sandbox: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """Run ``python -m learnbot ARGS`` in the sandbox and return the finished process."""
    environ = {k: v for k, v in os.environ.items() if not k.startswith("LEARNBOT_")}
    environ.update(
        HOME=str(sandbox / "home"),
        XDG_DATA_HOME=str(sandbox / "home" / ".local" / "share"),
        XDG_CONFIG_HOME=str(sandbox / "home" / ".config"),
        XDG_CACHE_HOME=str(sandbox / "home" / ".cache"),
        LEARNBOT_DATA_DIR=str(sandbox / "data"),
        LEARNBOT_CACHE_DIR=str(sandbox / "home" / "cache"),
        PYTHONIOENCODING="utf-8",
        COLUMNS="100",
    )
    environ.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "learnbot", *args],
        cwd=sandbox / "cwd", env=environ, capture_output=True, text=True, encoding="utf-8",
        stdin=subprocess.DEVNULL, timeout=60,
    )


def tree(folder: Path) -> dict[str, tuple[int, bytes]]:
    return {
        str(p.relative_to(folder)): (p.stat().st_mtime_ns, p.read_bytes() if p.is_file() else b"")
        for p in sorted(folder.rglob("*"))
    }


def assert_clean_failure(result: subprocess.CompletedProcess, code: int) -> None:
    assert result.returncode == code, (result.returncode, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr, result.stderr
    assert "Traceback" not in result.stdout, result.stdout


# --- validate ---------------------------------------------------------------------------------


def test_validate_bundled_pack(sandbox: Path, bundled: Pack) -> None:
    result = learnbot(sandbox, "validate")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert "valid" in lines[0] and bundled.meta.title in lines[0]
    counts = bundled.counts()
    for kind in ITEM_KINDS:
        expected = f"  {KIND_LABELS[kind].lower()}: {counts[kind]}"
        assert lines.count(expected) == 1, f"no line {expected!r} in:\n{result.stdout}"
    assert f"  {KIND_LABELS['recommendation'].lower()}: 7" in lines


def test_validate_from_any_folder_leaves_it_alone(sandbox: Path) -> None:
    assert learnbot(sandbox, "validate").returncode == 0
    assert list((sandbox / "cwd").iterdir()) == []
    assert list((sandbox / "data").iterdir()) == []


def test_validate_broken_dir_argument(sandbox: Path, broken_dir: Path) -> None:
    before = tree(sandbox)
    result = learnbot(sandbox, "validate", str(broken_dir))
    assert_clean_failure(result, 2)
    assert f"{broken_dir / 'items' / 'briefing.yaml'}:4: " in result.stderr
    assert "titel" in result.stderr and "'title'" in result.stderr
    assert "2 problem(s)" in result.stderr
    assert result.stdout == ""
    assert tree(sandbox) == before


def test_content_option_names_a_broken_pack(sandbox: Path, broken_dir: Path) -> None:
    before = tree(sandbox)
    result = learnbot(sandbox, "--content", str(broken_dir), "validate")
    assert_clean_failure(result, 2)
    assert "briefing.yaml:4: " in result.stderr
    assert tree(sandbox) == before


def test_content_option_after_the_command(sandbox: Path, broken_dir: Path) -> None:
    result = learnbot(sandbox, "show", "rec-4", "--content", str(broken_dir))
    assert_clean_failure(result, 2)
    assert "briefing.yaml:4: " in result.stderr


def test_environment_names_a_broken_pack(sandbox: Path, broken_dir: Path) -> None:
    before = tree(sandbox)
    result = learnbot(sandbox, "show", "rec-4", env={"LEARNBOT_CONTENT": str(broken_dir)})
    assert_clean_failure(result, 2)
    assert "briefing.yaml:4: " in result.stderr
    assert result.stdout == ""
    assert tree(sandbox) == before


def test_validate_a_folder_that_does_not_exist(sandbox: Path) -> None:
    missing = sandbox / "no-such-pack"
    result = learnbot(sandbox, "validate", str(missing))
    assert_clean_failure(result, 2)
    assert str(missing) in result.stderr and "does not exist" in result.stderr
    assert not missing.exists()


def test_validate_a_file_that_is_not_utf8(sandbox: Path, broken_dir: Path) -> None:
    (broken_dir / "items" / "briefing.yaml").write_bytes(b"items:\n  - id: caf\xe9\n")
    result = learnbot(sandbox, "validate", str(broken_dir))
    assert_clean_failure(result, 2)
    assert "briefing.yaml:2: " in result.stderr and "UTF-8" in result.stderr


# --- show -------------------------------------------------------------------------------------


def test_show_rec_4(sandbox: Path, bundled: Pack) -> None:
    item = bundled.get("rec-4")
    result = learnbot(sandbox, "show", "rec-4")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert item.title in out
    assert item.section in out
    assert normalise(item.text) in normalise(out)
    assert "Police to ensure that children are spoken to, including in welfare checks." in normalise(out)
    related = bundled.related_items(item)
    assert related, "rec-4 names no related items"
    for other in related:
        assert other.id in out and other.title in out


def test_show_no_such_id(sandbox: Path) -> None:
    result = learnbot(sandbox, "show", "no-such-id")
    assert_clean_failure(result, 1)
    assert "no item with id 'no-such-id'" in result.stderr
    assert result.stdout == ""


def test_show_suggests_a_close_id(sandbox: Path) -> None:
    result = learnbot(sandbox, "show", "rec4")
    assert_clean_failure(result, 1)
    assert "rec-4" in result.stderr


# --- export -----------------------------------------------------------------------------------


def test_export_json_contract(sandbox: Path, bundled: Pack) -> None:
    result = learnbot(sandbox, "export", "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert isinstance(data["pack"], dict)
    for key in ("title", "publisher", "audit_period", "currency_notice"):
        assert isinstance(data["pack"][key], str) and data["pack"][key]
    assert data["pack"]["title"] == bundled.meta.title
    items = data["items"]
    assert [item["id"] for item in items] == [item.id for item in bundled.items]
    for item in items:
        assert CONTRACT_ITEM_KEYS <= set(item), item["id"]
        assert item["kind"] in ITEM_KINDS
        assert isinstance(item["quote"], bool)
        for key in ("id", "kind", "title", "text", "section"):
            assert isinstance(item[key], str) and item[key], (item["id"], key)
        for key in ("tags", "roles", "related"):
            assert isinstance(item[key], list) and all(isinstance(v, str) for v in item[key])
    rec4 = next(item for item in items if item["id"] == "rec-4")
    assert rec4["kind"] == "recommendation" and rec4["quote"] is True


def test_export_default_is_json(sandbox: Path) -> None:
    result = learnbot(sandbox, "export")
    assert result.returncode == 0, result.stderr
    assert set(json.loads(result.stdout)) >= {"pack", "items"}


def test_export_markdown(sandbox: Path, bundled: Pack) -> None:
    result = learnbot(sandbox, "export", "--format", "markdown")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith(f"# {bundled.meta.title}\n")
    assert "## Glossary" in out
    for section, _ in bundled.sections():
        assert f"## {section}\n" in out
    assert "> Police to ensure that children are spoken to" in out


def test_export_rejects_an_unknown_format(sandbox: Path) -> None:
    result = learnbot(sandbox, "export", "--format", "pdf")
    assert_clean_failure(result, 2)
    assert "invalid choice" in result.stderr


# --- version and help -------------------------------------------------------------------------


def test_version(sandbox: Path) -> None:
    result = learnbot(sandbox, "--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"learnbot {__version__}"


def test_help(sandbox: Path) -> None:
    result = learnbot(sandbox, "--help")
    assert result.returncode == 0, result.stderr
    for word in ("validate", "show", "export", "--content", "--version"):
        assert word in result.stdout


@pytest.mark.parametrize("command", ["validate", "show", "export"])
def test_command_help(sandbox: Path, command: str) -> None:
    result = learnbot(sandbox, command, "--help")
    assert result.returncode == 0, result.stderr
    assert f"learnbot {command}" in result.stdout


def test_unknown_command_is_a_usage_error(sandbox: Path) -> None:
    result = learnbot(sandbox, "frobnicate")
    assert_clean_failure(result, 2)
    assert "invalid choice" in result.stderr
