"""`learnbot quiz` and `learnbot briefing` refuse bad arguments with one clear line and exit 2."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "quiz_pack"


def learnbot(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "learnbot", *args], capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, timeout=60)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["quiz", "--questions", "0"], "argument --questions: must be 1 or more, not 0"),
        (["quiz", "--questions", "two"], "argument --questions: must be a whole number, not 'two'"),
        (["quiz", "--topic", "fathers"], "argument --topic: invalid choice: 'fathers'"),
        (["quiz", "--seed", "x"], "argument --seed: must be a whole number, not 'x'"),
        (["briefing", "--rounds", "-1"], "argument --rounds: must be 1 or more, not -1"),
        (["briefing", "--teams", "Red,red"], "learnbot: the name 'red' is given twice"),
        (["briefing", "--teams", " , "], "learnbot: give at least one team or participant name"),
        (["briefing", "--teams", "A", "--participants", "B"], "not allowed with argument --teams"),
        (["briefing", "--timer", "0"], "argument --timer: must be 1 or more, not 0"),
    ],
)
def test_bad_arguments_exit_2_with_a_message(args, message):
    result = learnbot("--content", str(FIXTURE), *args)
    assert result.returncode == 2, result.stderr
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_a_pack_without_scenarios_on_the_topic(tmp_path):
    root = tmp_path / "pack"
    (root / "items").mkdir(parents=True)
    (root / "pack.yaml").write_text((FIXTURE / "pack.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    (root / "items" / "briefing.yaml").write_text(
        (FIXTURE / "items" / "briefing.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    for command in ("quiz", "briefing"):
        result = learnbot("--content", str(root), command, "--topic", "escalation")
        assert result.returncode == 2
        assert "the content pack has no scenarios on 'escalation'" in result.stderr
