"""The wheel carries the bundled briefing, and an installed copy finds it from any folder.

Builds a real wheel from this checkout, installs it into a temporary folder (not the test
environment), and runs it from another folder with only that copy of learnbot on the path.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from learnbot.locations import BUNDLED_PACK

REPO = Path(__file__).resolve().parents[2]
SHIPPED = f"learnbot/_bundled_content/{BUNDLED_PACK}"

pytestmark = pytest.mark.skipif(
    not (REPO / "pyproject.toml").is_file(), reason="needs the source checkout to build a wheel from"
)


def pip(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("LEARNBOT_", "PIP_"))}
    environ.update(PIP_DISABLE_PIP_VERSION_CHECK="1", PIP_NO_INPUT="1")
    result = subprocess.run(
        [sys.executable, "-m", "pip", *args], cwd=cwd, env=environ,
        capture_output=True, text=True, timeout=600,
    )
    assert result.returncode == 0, f"pip {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}"
    return result


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A wheel built from this checkout (without build isolation when hatchling is at hand)."""
    out = tmp_path_factory.mktemp("dist")
    isolation = [] if importlib.util.find_spec("hatchling") is None else ["--no-build-isolation"]
    pip("wheel", "--no-deps", *isolation, "--wheel-dir", str(out), str(REPO), cwd=out)
    [built] = out.glob("learnbot-*.whl")
    return built


def test_wheel_carries_the_bundled_pack(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert f"{SHIPPED}/pack.yaml" in names
    item_files = {n for n in names if n.startswith(f"{SHIPPED}/items/") and n.endswith(".yaml")}
    assert {f"{SHIPPED}/items/briefing.yaml", f"{SHIPPED}/items/glossary.yaml"} <= item_files
    # Every content file of the checkout ships, at the same place under _bundled_content.
    source = REPO / "content"
    for path in source.rglob("*"):
        if path.is_file() and "__pycache__" not in path.parts:
            shipped = "learnbot/_bundled_content/" + path.relative_to(source).as_posix()
            assert shipped in names, f"{shipped} is not in the wheel"
    assert "learnbot/__main__.py" in names and "learnbot/core/loader.py" in names
    assert not any(n.startswith(("tests/", "content/", ".venv")) for n in names)


def test_installed_wheel_finds_its_content_from_any_folder(wheel: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    pip("install", "--no-deps", "--no-compile", "--target", str(site), str(wheel), cwd=tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    script = (
        "import contextlib, io, json\n"
        "import learnbot, learnbot.locations\n"
        "from learnbot.cli.main import main\n"
        "out = io.StringIO()\n"
        "with contextlib.redirect_stdout(out):\n"
        "    code = main(['validate'])\n"
        "print(json.dumps({'package': learnbot.__file__, 'content': str(learnbot.locations.content_dir()),\n"
        "                  'code': code, 'stdout': out.getvalue()}))\n"
    )
    environ = {k: v for k, v in os.environ.items() if not k.startswith("LEARNBOT_")}
    environ["PYTHONPATH"] = str(site)
    environ["LEARNBOT_DATA_DIR"] = str(tmp_path / "data")
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=elsewhere, env=environ,
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.splitlines()[-1])
    assert Path(report["package"]).is_relative_to(site), report["package"]
    assert Path(report["content"]) == site / SHIPPED, report["content"]
    assert report["code"] == 0, report
    assert "valid" in report["stdout"] and "recommendation: 7" in report["stdout"]
    assert list(elsewhere.iterdir()) == []
    assert not (tmp_path / "data").exists()
