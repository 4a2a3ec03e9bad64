"""The solo quiz: one scenario step at a time, then its feedback, then the summary.

The core :class:`~learnbot.core.quiz.Quiz` decides everything (order, marking, what comes next);
this screen shows it and turns keys into picks. Number keys pick options (for an ordering step,
the first, then the next ...), Enter submits, and Enter again goes on from the feedback.
"""

from __future__ import annotations

from textual import getters
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Footer, Header, Static

from learnbot.core.quiz import Choice, Phase, Quiz
from learnbot.ui.app import LearnbotApp, quiet_keys
from learnbot.ui.screens.quiz_widgets import (
    CitedPassages,
    PicksOptions,
    ScenarioView,
    option_feedback,
    option_rows,
    verdict,
)
from learnbot.ui.screens.session import SessionScreen, Then

OPTIONS = Binding.Group("Choose", compact=True)
MAX_KEYS = 9


def number_bindings(prefix: str, tooltip: str) -> list[Binding]:
    """Keys 1 to 9, shown in the footer as one ``1-9`` group."""
    return [
        Binding(str(n), f"number({n})", "Choose", id=f"{prefix}.number-{n}", group=OPTIONS,
                tooltip=tooltip.format(n=n))
        for n in range(1, MAX_KEYS + 1)
    ]


class QuizScreen(PicksOptions, SessionScreen):
    """Answer scenario questions on your own and see why each answer is right or wrong."""

    CSS_PATH = "quiz.tcss"
    AUTO_FOCUS = "#quiz-body"

    BINDINGS = [
        *number_bindings("quiz", "Pick option {n} (for an ordering question, place it next)."),
        Binding("enter", "submit", "Submit", id="quiz.submit", tooltip="Submit the answer you have picked."),
        Binding("enter", "next", "Next", id="quiz.next",
                tooltip="Go on to the next question (or, after the last, your summary)."),
        Binding("backspace", "undo", "Undo", id="quiz.undo",
                tooltip="Take back the last option you picked."),
        Binding("escape", "leave", "Leave", id="quiz.leave",
                tooltip="Stop the quiz and go back, once you have said so (answers so far are kept)."),
        *quiet_keys("quiz"),
    ]

    app = getters.app(LearnbotApp)

    def __init__(self, quiz: Quiz) -> None:
        """Args:
        quiz: A quiz started in the core (``Quiz.start``).
        """
        super().__init__()
        self.quiz = quiz
        """The quiz being taken."""
        self.choice = Choice.for_question(quiz.question) if quiz.question else Choice("single", 0)
        """The answer being built for the current question."""

    # --- what shows ----------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="quiz-body"):
            yield from self._body()
        yield Footer()

    def _body(self) -> ComposeResult:
        quiz, question = self.quiz, self.quiz.question
        if question is None:
            return
        yield ScenarioView(question)
        if quiz.phase is Phase.QUESTION:
            yield Static(Content(question.instruction + " Then press Enter."), classes="quiz--instruction")
            yield from option_rows(question, self.choice)
            yield Static(Content(""), id="quiz-hint", classes="quiz--hint")
            return
        result = quiz.last_result
        assert result is not None
        yield verdict(result.marking)
        yield from option_feedback(question, result.marking)
        if question.step.feedback:
            yield Static(Content(question.step.feedback), classes="quiz--step-feedback")
        yield CitedPassages(self.app.pack, question.step.cites)
        next_words = "the next question" if quiz.has_next else "your summary"
        yield Static(Content(f"Press Enter for {next_words}."), classes="quiz--instruction")

    def on_mount(self) -> None:
        self._titles()

    def _titles(self) -> None:
        question = self.quiz.question
        if question is not None:
            self.title = "Quiz"
            self.sub_title = f"question {question.number} of {question.total}"

    async def _redraw(self, *, to_top: bool = False) -> None:
        body = self.query_one("#quiz-body", VerticalScroll)
        scroll_y = body.scroll_y
        await body.remove_children()
        await body.mount_all(list(self._body()))
        body.scroll_to(y=0 if to_top else scroll_y, animate=False, immediate=True)
        self._titles()
        self.refresh_bindings()

    def _hint(self, text: str) -> None:
        self.query_one("#quiz-hint", Static).update(Content(text))

    # --- keys ----------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        asking = self.quiz.phase is Phase.QUESTION
        if action == "number":
            return asking and int(parameters[0]) <= self.choice.size  # type: ignore[arg-type]
        if action == "undo":
            return asking and bool(self.choice.picked)
        if action == "submit":
            return asking
        if action == "next":
            return self.quiz.phase is Phase.FEEDBACK
        return True

    def answering(self) -> bool:
        return self.quiz.phase is Phase.QUESTION

    async def action_submit(self) -> None:
        quiz = self.quiz
        if not self.choice.complete:
            self._hint(self.choice.missing())
            return
        quiz.recorder = self.app.recorder  # the app's, which changes once a profile is chosen
        quiz.answer(self.choice.picked)
        question = quiz.question
        for item_id in question.step.cites if question else ():
            self.app.recorder.item_read(item_id, "quiz-feedback")
        await self._redraw(to_top=True)

    async def action_next(self) -> None:
        quiz = self.quiz
        if quiz.advance() is Phase.SUMMARY:
            from learnbot.ui.screens.quiz_summary import QuizSummaryScreen

            self.app.switch_screen(QuizSummaryScreen(quiz.summary()))
            return
        self.choice = Choice.for_question(quiz.question)  # type: ignore[arg-type]
        await self._redraw(to_top=True)

    def action_leave(self) -> None:
        self.request_leave()

    def leave_question(self) -> tuple[str, str]:
        if self.app.profile is None:
            return "Leave the quiz?", "Progress is not being kept, so your answers so far are not saved."
        return "Leave the quiz?", "Your answers so far are kept in your progress."

    def leave(self, then: Then | None) -> None:
        self.dismiss()
        if then is not None:
            then()
