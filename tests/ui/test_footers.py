"""Every screen's footer at 80x24 shows each of its keys in full, with Ctrl+Q and F1 always there.

The footer is read as the terminal shows it (its last line), so a key cut off at the edge fails.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from rich.console import Console

from learnbot.core.loader import load_pack
from learnbot.core.progress.store import ProgressStore
from learnbot.core.quiz import Quiz
from learnbot.ui.app import make_app
from learnbot.ui.screens.briefing import BriefingSettings, first_screen
from learnbot.ui.screens.quiz import QuizScreen

PACK = load_pack(Path(__file__).resolve().parent.parent / "fixtures" / "quiz_pack")
SIZE = (80, 24)
QUIZ_TO_SUMMARY = ["1", "enter", "enter", "1", "enter", "enter", "3", "2", "1", "enter", "enter"]


class NoConversation:
    def __init__(self, pack) -> None:
        pass


def last_line(app) -> str:
    """The bottom line of the terminal, as the practitioner sees it."""
    console = Console(width=app.size.width, height=app.size.height, file=io.StringIO(),
                      force_terminal=True, record=True, legacy_windows=False, safe_box=False)
    console.print(app.screen._compositor.render_update(full=True, screen_stack=app._background_screens))
    return console.export_text().rstrip("\n").split("\n")[-1]


def shown_keys(app) -> list[str]:
    """What the footer should show for each action the screen shows there (by its first key)."""
    first: dict[str, str] = {}
    for binding in (b for _, b, _, _ in app.screen.active_bindings.values() if b.show):
        first.setdefault(binding.action, binding.group.description if binding.group else
                         f"{app.get_key_display(binding)} {binding.description}")
    return list(first.values())


def quiz(store=None, profile=None):
    start = Quiz.start(PACK, "escalation", None, seed=3)
    return make_app(PACK, conversation_factory=NoConversation, store=store, profile=profile,
                    start_screen=lambda: QuizScreen(start))


def briefing(**settings):
    chosen = BriefingSettings(**settings)
    return make_app(PACK, conversation_factory=NoConversation, start_screen=lambda: first_screen(PACK, chosen))


def plain(tmp_path, with_profile: bool = True):
    store = ProgressStore.open(tmp_path)
    profile = store.add_profile("J.B.", "other", "") if with_profile else None
    return make_app(PACK, conversation_factory=NoConversation, store=store, profile=profile)


TEAMS = {"names": ("Red", "Blue"), "rounds": 2, "questions": 1}
SCREENS = {
    "ask": (plain, []),
    "browse": (plain, ["f3"]),
    "item": (plain, ["f3", "r"]),
    "glossary": (plain, ["f4"]),
    "help": (plain, ["f1"]),
    "progress": (plain, ["f5"]),
    "profile": (lambda tmp_path: plain(tmp_path, with_profile=False), []),
    "quiz question": (lambda _: quiz(), ["1"]),
    "quiz feedback": (lambda _: quiz(), ["1", "enter"]),
    "quiz summary": (lambda _: quiz(), QUIZ_TO_SUMMARY),
    "leave the quiz?": (lambda _: quiz(), ["f2"]),
    "help over a quiz": (lambda _: quiz(), ["f1"]),
    "progress over a quiz": (lambda tmp_path: quiz(*_store_and_profile(tmp_path)), ["f5"]),
    # seed 0 asks a question with a discussion prompt first; with a timer, every key shows
    "briefing question": (lambda _: briefing(**TEAMS, seed=0, timer=30), ["1"]),
    "briefing reveal": (lambda _: briefing(**TEAMS, seed=4), ["1", "enter", "2", "enter", "r"]),
    "briefing scoreboard": (lambda _: briefing(**TEAMS, seed=4), ["1", "enter", "2", "enter", "r", "enter"]),
    "briefing set-up": (lambda _: briefing(), []),
    "briefing summary": (lambda _: briefing(**TEAMS, seed=4), ["escape", "enter"]),
}


def _store_and_profile(tmp_path):
    store = ProgressStore.open(tmp_path)
    return store, store.add_profile("J.B.", "other", "")


@pytest.mark.parametrize("name", SCREENS)
async def test_footer_shows_every_key_in_full_at_80_columns(name, tmp_path):
    build, keys = SCREENS[name]
    app = build(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        await pilot.pause()
        footer = last_line(app)
        expected = shown_keys(app)
        if not app.screen.is_modal:  # a modal box's keys are its own only
            expected += ["^q Quit", "F1 Help"] if type(app.screen).__name__ != "HelpScreen" else ["^q Quit"]
        for key in expected:
            assert key in footer, (name, key, footer)


async def test_quiz_footer_keeps_f1_and_quit_and_hides_the_go_to_keys_that_still_work():
    app = quiz()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        footer = last_line(app)
        assert "F1 Help" in footer and "Quit" in footer and "esc Leave" in footer
        assert "F3" not in footer and "F5" not in footer
        await pilot.press("f5")
        await pilot.pause()
        assert type(app.screen).__name__ == "ProgressScreen"
