"""A solo quiz driven with keys, from the first question to the summary and an item to read again."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from learnbot.core.loader import load_pack
from learnbot.core.quiz import Phase, Quiz
from learnbot.core.progress.store import ProgressStore
from learnbot.ui.app import make_app
from learnbot.ui.screens.ask import AskScreen
from learnbot.ui.screens.browse import BrowseScreen
from learnbot.ui.screens.help import HelpScreen
from learnbot.ui.screens.progress import ProgressScreen
from learnbot.ui.screens.quiz import QuizScreen
from learnbot.ui.screens.quiz_summary import QuizSummaryScreen
from learnbot.ui.screens.session import ConfirmLeave

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "quiz_pack"
PACK = load_pack(FIXTURE)


class NoConversation:
    """The ask engine is not needed here."""

    def __init__(self, pack) -> None:
        pass


class RecorderSpy:
    def __init__(self):
        self.read = []
        self.steps = []

    def item_read(self, item_id, via):
        self.read.append((item_id, via))

    def step_answered(self, scenario_id, step_index, topic, correct, cites):
        self.steps.append((scenario_id, step_index, correct))

    def briefing_attended(self, *args):
        pass


def quiz_app(quiz: Quiz, recorder=None):
    return make_app(PACK, conversation_factory=NoConversation, recorder=recorder,
                    start_screen=lambda: QuizScreen(quiz))


def shown_text(screen) -> str:
    return "\n".join(str(w.render()) for w in screen.query(Static))


def keys_for_right_answer(quiz: Quiz) -> list[str]:
    q = quiz.question
    if q.step.type == "order":
        positions = sorted(range(len(q.options)), key=lambda i: q.options[i].position)
    else:
        positions = [i for i, o in enumerate(q.options) if o.correct]
    return [str(p + 1) for p in positions]


async def test_solo_quiz_to_summary():
    spy = RecorderSpy()
    quiz = Quiz.start(PACK, "escalation", None, seed=3, recorder=spy)
    app = quiz_app(quiz, spy)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuizScreen)
        assert screen.sub_title == "question 1 of 3"
        assert quiz.question.step.prompt in shown_text(screen)

        # Enter with nothing picked says what is missing and submits nothing.
        await pilot.press("enter")
        assert quiz.phase is Phase.QUESTION
        assert "first" in shown_text(screen)

        answered_wrong = False
        while quiz.phase is not Phase.SUMMARY:
            if not answered_wrong:
                # Get the first question wrong: every option but a right one (or the reverse order).
                q = quiz.question
                keys = [str(i + 1) for i, o in enumerate(q.options)]
                if q.step.type != "order":
                    keys = [str(next(i for i, o in enumerate(q.options) if not o.correct) + 1)]
                else:
                    keys = list(reversed(keys_for_right_answer(quiz)))
                answered_wrong = True
            else:
                keys = keys_for_right_answer(quiz)
            await pilot.press(*keys, "enter")
            await pilot.pause()
            assert quiz.phase is Phase.FEEDBACK
            text = shown_text(screen)
            assert "What the briefing says:" in text
            assert "the briefing's words" in text  # cited passages are marked as quotes
            await pilot.press("enter")
            await pilot.pause()

        summary_screen = app.screen
        assert isinstance(summary_screen, QuizSummaryScreen)
        text = shown_text(summary_screen)
        assert "You got 2 of 3 right" in text
        assert "What you missed" in text and "Right answer:" in text
        assert "Read again" in text
        assert len(spy.steps) == 3 and [s[2] for s in spy.steps].count(False) == 1
        assert any(via == "quiz-feedback" for _, via in spy.read)

        # Number 1 opens the first passage to read again.
        first = summary_screen.summary.read_again[0]
        await pilot.press("1")
        await pilot.pause()
        assert type(app.screen).__name__ == "ItemScreen" and app.screen.item == first
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is summary_screen
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, (QuizScreen, QuizSummaryScreen))


async def test_ordering_keys_place_in_turn_and_undo():
    quiz = Quiz.start(PACK, "escalation", None, seed=3)
    while quiz.question.step.type != "order":
        quiz.answer([i for i, o in enumerate(quiz.question.options) if o.correct][:1] or [0])
        quiz.advance()
    app = quiz_app(quiz)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        await pilot.press("2", "1")
        assert screen.choice.picked == [1, 0]
        await pilot.press("backspace")
        assert screen.choice.picked == [1]
        await pilot.press("enter")
        assert quiz.phase is Phase.QUESTION
        assert "Put all 3 in order first" in shown_text(screen)
        await pilot.press("1", "3", "enter")
        await pilot.pause()
        assert quiz.phase is Phase.FEEDBACK


async def test_multiple_choice_toggles_and_clicks():
    quiz = Quiz.start(PACK, "voice-of-the-child", None, seed=1)
    while quiz.question.step.type != "multiple":
        quiz.answer([0])
        quiz.advance()
    app = quiz_app(quiz)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        await pilot.press("1", "2", "1")
        assert screen.choice.picked == [1]
        await pilot.click(".quiz--option-text", offset=(2, 0))
        await pilot.pause()
        assert sorted(screen.choice.picked) == [0, 1]


async def keys(pilot, *pressed: str) -> None:
    """Press each key in turn, letting the screens it opens or closes arrive."""
    for key in pressed:
        await pilot.press(key)
        await pilot.pause()


async def test_escape_leaves_the_quiz_once_confirmed():
    app = quiz_app(Quiz.start(PACK, "mixed", 2, seed=1))
    async with app.run_test(size=(80, 24)) as pilot:
        await keys(pilot, "escape")
        assert isinstance(app.screen, ConfirmLeave)
        await keys(pilot, "escape")  # Esc twice stays: a double tap loses nothing
        assert isinstance(app.screen, QuizScreen)
        await keys(pilot, "escape", "enter")
        assert isinstance(app.screen, AskScreen)


async def test_f2_mid_quiz_asks_first_and_esc_keeps_the_quiz():
    app = quiz_app(Quiz.start(PACK, "escalation", None, seed=3))
    async with app.run_test(size=(80, 24)) as pilot:
        await keys(pilot, "1", "f2")
        screen = app.screen_stack[-2]
        assert isinstance(app.screen, ConfirmLeave) and app.screen.question == "Leave the quiz?"
        await keys(pilot, "escape")
        assert app.screen is screen and screen.choice.picked == [0]  # nothing lost
        await keys(pilot, "f3", "y")  # F3, then y: the quiz closes and Browse shows
        await pilot.pause()
        assert isinstance(app.screen, BrowseScreen)
        await keys(pilot, "f2")
        assert isinstance(app.screen, AskScreen)  # the quiz is gone from under Ask too


async def test_the_leave_question_says_whether_answers_are_kept(tmp_path):
    store = ProgressStore.open(tmp_path)
    profile = store.add_profile("J.B.", "other", "")
    kept = make_app(PACK, conversation_factory=NoConversation, store=store, profile=profile,
                    start_screen=lambda: QuizScreen(Quiz.start(PACK, "escalation", None, seed=3)))
    unkept = quiz_app(Quiz.start(PACK, "escalation", None, seed=3))
    for app, detail in ((kept, "Your answers so far are kept in your progress."),
                        (unkept, "Progress is not being kept, so your answers so far are not saved.")):
        async with app.run_test(size=(80, 24)) as pilot:
            await keys(pilot, "escape")
            assert app.screen.detail == detail


async def test_help_and_progress_open_over_a_quiz_and_esc_comes_back():
    app = quiz_app(Quiz.start(PACK, "escalation", None, seed=3))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        for key, opened in (("f1", HelpScreen), ("f5", ProgressScreen)):
            await keys(pilot, key)
            assert isinstance(app.screen, opened)
            await keys(pilot, "escape")
            assert app.screen is screen
        await keys(pilot, "f1", "f2")  # from Help over the quiz, F2 still asks before the quiz goes
        assert isinstance(app.screen, ConfirmLeave)
        await keys(pilot, "enter")
        assert isinstance(app.screen, AskScreen)


async def test_ctrl_q_mid_quiz_asks_before_quitting():
    app = quiz_app(Quiz.start(PACK, "mixed", 2, seed=1))
    async with app.run_test(size=(80, 24)) as pilot:
        await keys(pilot, "1", "ctrl+q")
        assert isinstance(app.screen, ConfirmLeave) and app.screen.question == "Quit learnbot?"
        await keys(pilot, "n")
        assert isinstance(app.screen, QuizScreen) and app.screen.choice.picked == [0]  # nothing lost
        await keys(pilot, "ctrl+q", "y")
    assert app.return_code == 0
