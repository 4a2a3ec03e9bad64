"""Snapshots of the quiz and team-briefing screens at 80x24 on the small fixture pack.

Update with ``pytest tests/ui/test_quiz_snapshots.py --snapshot-update`` and look at every changed
SVG before committing it.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from learnbot.core.loader import load_pack
from learnbot.core.quiz import Quiz
from learnbot.core.team_briefing import TeamBriefing
from learnbot.ui.app import make_app
from learnbot.ui.screens.briefing import BriefingScreen, BriefingSettings
from learnbot.ui.screens.quiz import QuizScreen

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "quiz_pack"
PACK = load_pack(FIXTURE)
SIZE = (80, 24)


class NoConversation:
    def __init__(self, pack) -> None:
        pass


def quiz_app(topic: str = "escalation", seed: int = 3):
    quiz = Quiz.start(PACK, topic, None, seed=seed)
    return make_app(PACK, conversation_factory=NoConversation, start_screen=lambda: QuizScreen(quiz))


def briefing_app():
    session = TeamBriefing.start(PACK, ["Red", "Blue"], rounds=2, questions=1, seed=4,
                                 started=datetime(2026, 3, 4, 10, 30))
    return make_app(PACK, conversation_factory=NoConversation,
                    start_screen=lambda: BriefingScreen(session, BriefingSettings()))


def test_quiz_question(snap_compare):
    """A multiple-choice question with one option picked."""
    assert snap_compare(quiz_app(), press=["1"], terminal_size=SIZE)


def test_quiz_feedback(snap_compare):
    """The feedback after a partly right answer."""
    assert snap_compare(quiz_app(), press=["1", "enter"], terminal_size=SIZE)


def test_quiz_ordering_question(snap_compare):
    """An ordering step part-way through: two placed."""
    keys = ["1", "enter", "enter", "1", "enter", "enter", "2", "3"]
    assert snap_compare(quiz_app(), press=keys, terminal_size=SIZE)


def test_quiz_summary(snap_compare):
    """The summary: score, what was missed, and what to read again."""
    keys = ["1", "enter", "enter", "1", "enter", "enter", "3", "2", "1", "enter", "enter"]

    async def answer_all(pilot):
        await pilot.press(*keys)
        await pilot.pause()  # the summary replaces the quiz screen: let it arrive

    assert snap_compare(quiz_app(), run_before=answer_all, terminal_size=SIZE)


def test_briefing_question(snap_compare):
    """A briefing question with Red's answer recorded and Blue's turn next."""
    assert snap_compare(briefing_app(), press=["1", "enter"], terminal_size=SIZE)


def test_briefing_reveal(snap_compare):
    """The reveal: right answer, each team's result, feedback."""
    assert snap_compare(briefing_app(), press=["1", "enter", "2", "enter", "r"], terminal_size=SIZE)


def test_briefing_scoreboard(snap_compare):
    """The scoreboard between rounds."""
    assert snap_compare(briefing_app(), press=["1", "enter", "2", "enter", "r", "enter"], terminal_size=SIZE)


def test_quiz_leave_confirmation(snap_compare):
    """F2 mid-quiz: the small box that asks before the quiz is left."""
    assert snap_compare(quiz_app(), press=["1", "f2"], terminal_size=SIZE)
