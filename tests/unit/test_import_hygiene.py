"""The headless core and the plain commands import neither Textual nor Rich.

Checked in a fresh interpreter each time: this test process may have imported anything by now.
Every module under ``learnbot.core`` is found with ``pkgutil.walk_packages``, so a new module is
covered the day it lands; the command list grows by itself as ask, chat and progress are registered.
"""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

FORBIDDEN = ("textual", "rich")

#: The command-line paths that must stay headless. A command not registered yet is skipped.
HEADLESS_COMMANDS = [
    ["validate"],
    ["show", "rec-4"],
    ["export", "--format", "json"],
    ["export", "--format", "markdown"],
    ["ask", "what is early help?"],
    ["ask", "--json", "what is early help?"],
    ["progress", "--json"],
    ["progress"],
    ["chat"],  # stdin is empty: the chat must end cleanly at end of input
]

PRELUDE = textwrap.dedent(
    """
    import json, sys

    FORBIDDEN = __FORBIDDEN__

    def loaded():
        return sorted(m for m in sys.modules if m.split(".")[0] in FORBIDDEN)
    """
)

CORE_SCRIPT = PRELUDE + textwrap.dedent(
    """
    import importlib, pkgutil
    import learnbot.core

    modules = ["learnbot.core", "learnbot.locations"]
    errors = []
    def onerror(name):
        errors.append(name)
    for info in pkgutil.walk_packages(learnbot.core.__path__, "learnbot.core.", onerror=onerror):
        modules.append(info.name)
        importlib.import_module(info.name)
    importlib.import_module("learnbot.locations")
    print(json.dumps({"modules": modules, "errors": errors, "loaded": loaded()}))
    """
)

CLI_SCRIPT = PRELUDE + textwrap.dedent(
    """
    import contextlib, io
    from learnbot.cli.main import build_parser, main

    argv = json.loads(sys.argv[1])
    subparsers = next(a for a in build_parser()._actions if a.__class__.__name__ == "_SubParsersAction")
    if argv[0] not in subparsers.choices:
        print(json.dumps({"registered": False}))
        raise SystemExit(0)
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(argv)
        except SystemExit as exit:
            code = exit.code
    print(json.dumps({"registered": True, "code": code, "stdout": out.getvalue()[:2000],
                      "stderr": err.getvalue()[:2000], "loaded": loaded()}))
    """
)


def run_fresh(script: str, *args: str, tmp_path: Path) -> dict:
    """Run ``script`` in a new interpreter (empty cwd, temporary data folder); return its JSON."""
    environ = {k: v for k, v in os.environ.items() if not k.startswith("LEARNBOT_")}
    environ["LEARNBOT_DATA_DIR"] = str(tmp_path / "data")
    environ["LEARNBOT_CACHE_DIR"] = str(tmp_path / "cache")
    environ["HOME"] = str(tmp_path / "home")
    environ["XDG_DATA_HOME"] = environ["XDG_CACHE_HOME"] = environ["XDG_CONFIG_HOME"] = str(tmp_path / "home")
    environ["PYTHONIOENCODING"] = "utf-8"
    (tmp_path / "cwd").mkdir()
    result = subprocess.run(
        [sys.executable, "-c", script.replace("__FORBIDDEN__", repr(FORBIDDEN)), *args],
        cwd=tmp_path / "cwd", env=environ, capture_output=True, text=True, encoding="utf-8",
        stdin=subprocess.DEVNULL, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.splitlines()[-1])


def test_core_modules_import_no_ui(tmp_path: Path) -> None:
    report = run_fresh(CORE_SCRIPT, tmp_path=tmp_path)
    assert not report["errors"], f"modules that failed to import: {report['errors']}"
    assert "learnbot.core.loader" in report["modules"] and "learnbot.core.model" in report["modules"]
    assert report["loaded"] == [], f"the core imported {report['loaded']}"


@pytest.mark.parametrize("argv", HEADLESS_COMMANDS, ids=" ".join)
def test_command_imports_no_ui(tmp_path: Path, argv: list[str]) -> None:
    report = run_fresh(CLI_SCRIPT, json.dumps(argv), tmp_path=tmp_path)
    if not report["registered"]:
        pytest.skip(f"`learnbot {argv[0]}` is not registered yet")
    if argv[0] in ("validate", "show", "export"):
        assert report["code"] == 0, report
        assert report["stdout"], report
    else:
        # A later command may need set-up first (a profile, say): any handled outcome will do here,
        # as long as it is an exit code and not an exception.
        assert report["code"] in (0, 1, 2), report
    assert report["loaded"] == [], f"`learnbot {' '.join(argv)}` imported {report['loaded']}"


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


HEADLESS_TEST_FOLDERS = ("unit", "cli")


@pytest.mark.parametrize("folder", HEADLESS_TEST_FOLDERS)
def test_headless_tests_import_no_ui(folder: str) -> None:
    """Unit and command-line tests stay headless; UI tests live in tests/ui."""
    tests = Path(__file__).resolve().parents[1] / folder
    offenders = {}
    for path in sorted(tests.rglob("*.py")):
        bad = sorted(
            name for name in _imported_modules(path)
            if name.split(".")[0] in FORBIDDEN or name.startswith(("learnbot.ui", "learnbot.cli.cmd_app"))
        )
        if bad:
            offenders[str(path.relative_to(tests.parent))] = bad
    assert not offenders, f"tests that import the UI (move them to tests/ui): {offenders}"
