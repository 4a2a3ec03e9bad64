"""The app shell: keys, theme, palette, the start-screen hook, and what start-up imports."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import subprocess
import sys

from textual.binding import Binding
from textual.command import CommandPalette
from textual.screen import Screen
from textual.widgets import Static

import learnbot.ui
from learnbot.ui.app import LIGHT_THEME, LearnbotApp, make_app
from learnbot.ui.commands import LearnbotCommands
from learnbot.ui.screens.ask import AskScreen
from learnbot.ui.screens.item import ItemScreen
from learnbot.ui.widgets.answer_card import AnswerCard

SIZE = (80, 24)


def _all_bindings():
    for info in pkgutil.walk_packages(learnbot.ui.__path__, "learnbot.ui."):
        module = importlib.import_module(info.name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ == module.__name__:
                for binding in cls.__dict__.get("BINDINGS", []):
                    yield cls, binding


def test_every_binding_has_an_id_and_a_tooltip():
    bindings = list(_all_bindings())
    assert len(bindings) > 20
    for cls, binding in bindings:
        assert isinstance(binding, Binding), (cls, binding)
        assert binding.id, (cls.__name__, binding.key)
        assert binding.tooltip, (cls.__name__, binding.key)
    ids = [binding.id for _, binding in bindings]
    assert len(ids) == len(set(ids))


async def test_the_app_is_titled_with_the_pack_and_opens_on_ask(make, pack):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.title == pack.meta.title
        assert isinstance(app.screen, AskScreen)
        assert app.screen.sub_title == "Ask"
        assert app.focused is app.screen.query_one("#question")


async def test_keys_switch_screens_and_ctrl_q_quits_from_anywhere(make):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        for key, mode in (("f3", "browse"), ("f4", "glossary"), ("f1", "help"), ("f2", "ask")):
            await pilot.press(key)
            await pilot.pause()
            assert app.current_mode == mode
        await pilot.press("f3", "r")
        await pilot.pause()
        assert isinstance(app.screen, ItemScreen)
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_code == 0


async def test_footer_hides_the_key_of_the_screen_showing(make):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        keys = {binding.key for _, binding, *_ in app.screen.active_bindings.values()}
        assert "f2" not in keys and "f3" in keys


async def test_theme_toggles_between_light_and_dark(make):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.current_theme.dark
        await pilot.press("ctrl+t")
        assert app.theme == LIGHT_THEME
        await pilot.press("ctrl+t")
        assert app.current_theme.dark


async def test_start_screen_opens_over_ask(make):
    class Quizlike(Screen[None]):
        def compose(self):
            yield Static("a quiz")

    app = make(start_screen=Quizlike)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, Quizlike)
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, AskScreen)


async def test_the_recorder_can_be_replaced_while_running(make, pack, recorder):
    """A profile chosen after start-up swaps the recorder; screens use whichever is current."""
    app = make()
    later = type(recorder)()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.recorder = later
        app.open_item(pack.get("rec-4"))
        await pilot.pause()
    assert recorder.read == []
    assert later.read == [("rec-4", "app")]


# --- the command palette ------------------------------------------------------------------------


async def _palette_hits(app, query: str) -> list:
    provider = LearnbotCommands(app.screen)
    return [hit async for hit in provider.search(query)]


async def test_palette_finds_items_and_terms_and_offers_to_ask(make):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        hits = await _palette_hits(app, "police speak")
        texts = [hit.text for hit in hits]
        assert "Recommendation 4: Police to speak to children, including in welfare checks" in texts
        assert texts[-1] == "Ask: police speak"
        terms = [hit.text for hit in await _palette_hits(app, "EHA")]
        assert "Glossary: EHA: Early Help Assessment" in terms


async def test_palette_search_opens_an_item(make, recorder):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"Recommendation 4")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, ItemScreen)
        assert app.screen.item.id == "rec-4"


async def test_palette_starts_a_new_conversation(make):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.ask("what is early help?")
        await pilot.pause()
        await pilot.press("f3")
        await pilot.pause()
        (hit,) = [hit for hit in await _palette_hits(app, "new conversation") if hit.text == "New conversation"]
        await hit.command()
        await pilot.pause()
        assert isinstance(app.screen, AskScreen)
        assert list(app.screen.query(AnswerCard)) == []


async def test_palette_asks_from_anywhere(make):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f4")
        await pilot.pause()
        hits = await _palette_hits(app, "[b]what is early help?")
        ask = next(hit for hit in hits if hit.text.startswith("Ask: "))
        assert ask.prompt.plain == "Ask: [b]what is early help?"
        ask.command()
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, AskScreen)
        (card,) = app.screen.query(AnswerCard)
        assert card.answer.question == "[b]what is early help?"


async def test_palette_goes_to_progress(make):
    from learnbot.ui.screens.progress import ProgressScreen

    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        hits = await _palette_hits(app, "progress")
        (hit,) = [hit for hit in hits if hit.text == "Go to: Progress"]
        hit.command()
        await pilot.pause()
        assert isinstance(app.screen, ProgressScreen)
        hit.command()  # not a second Progress over the first
        await pilot.pause()
        assert len(app.screen_stack) == 2


async def test_palette_starts_quizzes_and_a_briefing_when_the_pack_has_scenarios(make, pack):
    from pathlib import Path

    from learnbot.core.loader import load_pack
    from learnbot.ui.screens.briefing_setup import BriefingSetupScreen
    from learnbot.ui.screens.quiz import QuizScreen

    no_scenarios = make()
    async with no_scenarios.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert not pack.scenarios
        texts = [hit.text for hit in await _palette_hits(no_scenarios, "quiz")]
        assert not [t for t in texts if t.startswith("Start a quiz")]

    quiz_pack = load_pack(Path(__file__).resolve().parent.parent / "fixtures" / "quiz_pack")
    app = make_app(quiz_pack)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        texts = [hit.text async for hit in LearnbotCommands(app.screen).discover()]
        for name in ("Start a quiz: Escalation", "Start a quiz: Voice of the child", "Start a quiz: Mixed",
                     "Run a team briefing", "Go to: Progress"):
            assert name in texts, name
        (hit,) = [h for h in await _palette_hits(app, "quiz voice") if h.text == "Start a quiz: Voice of the child"]
        hit.command()
        await pilot.pause()
        assert isinstance(app.screen, QuizScreen)
        assert {q.topic for q in app.screen.quiz.scenarios} == {"voice-of-the-child"}
        (hit,) = [h for h in await _palette_hits(app, "team briefing") if h.text == "Run a team briefing"]
        hit.command()
        await pilot.pause()
        assert isinstance(app.screen, BriefingSetupScreen)


# --- start-up stays light -----------------------------------------------------------------------


def test_importing_the_app_loads_no_screen_but_ask_and_no_ask_engine():
    code = (
        "import sys, learnbot.ui.app\n"
        "heavy = [m for m in ('learnbot.ui.screens.browse', 'learnbot.ui.screens.glossary',\n"
        "         'learnbot.ui.screens.help', 'learnbot.core.conversation', 'rapidfuzz') if m in sys.modules]\n"
        "print(heavy)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_the_cli_entry_imports_textual_only_when_run():
    code = "import sys, learnbot.cli.cmd_app; print('textual' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_make_app_builds_the_app_it_is_given(pack):
    app = make_app(pack)
    assert isinstance(app, LearnbotApp)
    assert app.pack is pack
    assert not app.conversation.ready
