"""Progress in the app: the first-run profile screen, reading and a quiz step recorded, and the
Progress screen changing to show them (also while it stays open underneath)."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Label, OptionList, Select, Static

from learnbot.core.loader import load_pack
from learnbot.core.progress.store import ProgressStore
from learnbot.core.progress.summary import COVERAGE_KINDS, plural_label
from learnbot.core.quiz import Phase, Quiz
from learnbot.ui.app import make_app
from learnbot.ui.screens.item import ItemScreen
from learnbot.ui.screens.profile import ProfileScreen
from learnbot.ui.screens.progress import ProgressScreen
from learnbot.ui.screens.quiz import QuizScreen
from learnbot.ui.widgets.links import ItemLink, Link

PACK = load_pack(Path(__file__).resolve().parent.parent / "fixtures" / "quiz_pack")
SIZE = (100, 40)


class NoConversation:
    """The ask engine is not needed here."""

    def __init__(self, pack) -> None:
        pass


def shown(screen) -> str:
    return "\n".join(str(w.render()) for w in screen.query("*") if isinstance(w, (Static, Label, Link)))


def coverage_line(screen, kind: str) -> str:
    return str(screen.query_one(f"#coverage-{kind}", Label).render())


def app_with(store: ProgressStore, profile=None):
    return make_app(PACK, conversation_factory=NoConversation, store=store, profile=profile)


async def test_first_run_asks_for_a_profile_and_progress_follows_reading_and_a_quiz(tmp_path):
    store = ProgressStore.open(tmp_path)
    app = app_with(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ProfileScreen)
        text = shown(app.screen)
        assert "Never enter a child's or family's details" in text and "Esc" in text

        # Enter with no role chosen says what is missing and makes nothing.
        await pilot.click("#profile-name")
        await pilot.press(*"J.B.", "enter")
        await pilot.pause()
        assert "Choose your role" in shown(app.screen) and store.profiles() == []
        app.screen.query_one("#profile-role", Select).value = "school nurse"
        app.screen.query_one("#profile-agency", Input).value = "School Health"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, ProfileScreen)
        [profile] = store.profiles()
        assert (profile.name, profile.role, profile.agency) == ("J.B.", "school nurse", "School Health")
        assert app.profile == profile

        await pilot.press("f5")
        await pilot.pause()
        progress = app.screen
        assert isinstance(progress, ProgressScreen)
        assert progress.sub_title.startswith("Progress \u00b7 J.B.")
        totals = {k: sum(1 for i in PACK.items if i.kind == k) for k in COVERAGE_KINDS}
        for kind, total in totals.items():
            if total:
                assert coverage_line(progress, kind) == f"0 of {total} reviewed"
        assert "not tried yet" in shown(progress)
        await pilot.press("f5")  # again: closes it
        await pilot.pause()
        assert not isinstance(app.screen, ProgressScreen)

        # Read a recommendation, then get a quiz step wrong.
        recommendation = next(i for i in PACK.items if i.kind == "recommendation")
        app.open_item(recommendation)
        await pilot.pause()
        await pilot.press("escape")
        quiz = Quiz.start(PACK, "escalation", 1, seed=1, recorder=app.recorder)
        app.push_screen(QuizScreen(quiz))
        await pilot.pause()
        question = quiz.question
        assert question.step.type != "order"
        wrong = next(n for n, option in enumerate(question.options, start=1) if not option.correct)
        await pilot.press(str(wrong), "enter")
        await pilot.pause()
        assert quiz.phase is Phase.FEEDBACK
        await pilot.press("escape")  # leaving asks first; Enter leaves
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()

        await pilot.press("f5")
        await pilot.pause()
        progress = app.screen
        assert isinstance(progress, ProgressScreen)
        read = {s.object_id for s in store.statements(profile) if s.verb == "read"}
        assert recommendation.id in read  # the passage opened (and any the quiz feedback showed)
        for kind, total in totals.items():
            if total:
                done = sum(1 for i in PACK.items if i.kind == kind and i.id in read)
                assert coverage_line(progress, kind) == f"{done} of {total} reviewed"
        text = shown(progress)
        assert "Escalation: 0 of 1 answers right" in text
        assert f"{question.scenario.title}: 1 of 1 answers wrong." in text
        assert f"{question.scenario.title}, step {question.step_index + 1}" in text  # first to review
        assert "answered wrongly last time" in text

        # Open an unread item from the review-next queue; back on Progress it shows as reviewed.
        link = next(link for link in progress.query(ItemLink) if link.item.id not in read)
        kind = link.item.kind
        done = sum(1 for i in PACK.items if i.kind == kind and i.id in read)
        assert coverage_line(progress, kind) == f"{done} of {totals[kind]} reviewed"
        link.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ItemScreen) and app.screen.item == link.item
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is progress
        assert coverage_line(progress, kind) == f"{done + 1} of {totals[kind]} reviewed"

    kinds = [s.verb for s in store.statements(profile)]
    assert kinds.count("read") >= 2 and kinds.count("answered") == 1
    store.close()


async def test_an_existing_profile_is_picked_from_the_list_and_can_be_switched(tmp_path):
    store = ProgressStore.open(tmp_path)
    first = store.add_profile("AB", "police")
    second = store.add_profile("CD", "health visitor", "Community Health")
    app = app_with(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ProfileScreen)
        assert app.focused is app.screen.query_one("#profile-list", OptionList)
        await pilot.press("down", "enter")
        await pilot.pause()
        assert app.profile == second

        await pilot.press("f5", "s")
        await pilot.pause()
        assert isinstance(app.screen, ProfileScreen)
        await pilot.press("enter")  # the first in the list
        await pilot.pause()
        assert isinstance(app.screen, ProgressScreen) and app.profile == first
        assert app.screen.sub_title.startswith("Progress \u00b7 AB")
    store.close()


async def test_esc_carries_on_without_keeping_progress(tmp_path):
    store = ProgressStore.open(tmp_path)
    app = app_with(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert app.profile is None
        app.open_item(PACK.items[0])
        await pilot.pause()
        await pilot.press("escape", "f5")
        await pilot.pause()
        assert "no profile is chosen" in shown(app.screen)
    assert store.statements() == [] and store.profiles() == []
    store.close()


async def test_a_profile_given_at_start_skips_the_question(tmp_path):
    store = ProgressStore.open(tmp_path)
    profile = store.add_profile("AB", "social worker")
    app = app_with(store, profile)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert not isinstance(app.screen, ProfileScreen)
        await pilot.press("f5")
        await pilot.pause()
        for kind in COVERAGE_KINDS:
            if any(i.kind == kind for i in PACK.items):
                assert plural_label(kind) in shown(app.screen)
    store.close()
