"""The end of a solo quiz: the score, what was missed (with the right answer), and the passages to
read again, each a link that opens it."""

from __future__ import annotations

from textual import getters, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from learnbot.core.practice import Option, Step
from learnbot.core.quiz import Summary, right_options
from learnbot.core.topics import TOPIC_NAMES
from learnbot.ui.app import LearnbotApp, quiet_keys
from learnbot.ui.messages import ItemChosen
from learnbot.ui.widgets.links import ItemLink

READ_AGAIN = Binding.Group("Read again", compact=True)
MAX_KEYS = 9


def answer_lines(step: Step, options: tuple[Option, ...]) -> Content:
    """Options one to a line: numbered for an order, bulleted otherwise."""
    marks = [f"{n}." for n in range(1, len(options) + 1)] if step.type == "order" else ["\u2022"] * len(options)
    return Content("\n").join(Content.assemble((f"{mark} ", "$text-muted"), o.text) for mark, o in zip(marks, options))


class QuizSummaryScreen(Screen[None]):
    """How the quiz went, and where to read again."""

    CSS_PATH = "quiz.tcss"
    AUTO_FOCUS = "#summary-body"

    BINDINGS = [
        *(Binding(str(n), f"open({n})", "Read", id=f"quiz-summary.open-{n}", group=READ_AGAIN,
                  tooltip=f"Open passage {n} to read again.") for n in range(1, MAX_KEYS + 1)),
        Binding("escape", "close", "Close", id="quiz-summary.close",
                tooltip="Close the summary and go back."),
        *quiet_keys("quiz-summary"),
    ]

    app = getters.app(LearnbotApp)

    def __init__(self, summary: Summary) -> None:
        super().__init__()
        self.summary = summary
        """The quiz's result."""

    def compose(self) -> ComposeResult:
        s = self.summary
        yield Header()
        with VerticalScroll(id="summary-body"):
            yield Static(Content(f"You got {s.score} of {s.total} right ({s.percent}%)."), id="summary-score")
            details = []
            if s.partly_right:
                details.append(f"{s.partly_right} more partly right.")
            topics = s.by_topic()
            if len(topics) > 1:
                details.append("  ".join(
                    f"{TOPIC_NAMES.get(t, t)}: {right} of {asked}." for t, (right, asked) in topics.items()
                ))
            if details:
                yield Static(Content(" ".join(details)), classes="quiz--instruction")
            if s.missed:
                yield Static(Content("What you missed"), classes="quiz--heading")
                for result in s.missed:
                    q = result.question
                    yield Static(Content.assemble(
                        (q.scenario.title, "bold"),
                        (f" (step {q.step_index + 1})" if q.steps_in_scenario > 1 else "", "$text-muted"),
                        ": ", q.step.prompt,
                    ), classes="quiz--missed")
                    yield Static(Content.assemble(
                        ("You answered: ", "$text-muted"), result.marking.describe(),
                    ), classes="quiz--feedback")
                    yield Static(answer_lines(q.step, result.marking.chosen_options()), classes="quiz--answer-list")
                    yield Static(Content.styled("Right answer:", "$text-muted"), classes="quiz--feedback")
                    yield Static(answer_lines(q.step, right_options(q.step)), classes="quiz--answer-list")
            else:
                yield Static(Content("You missed nothing. Well done."), classes="quiz--instruction")
            if s.read_again:
                yield Static(Content("Read again (press the number, or click)"), classes="quiz--heading")
                for number, item in enumerate(s.read_again, start=1):
                    link = ItemLink(item, "read-again")
                    link.number = number if number <= MAX_KEYS else None
                    yield link
            yield Static(Content(
                f"To take this quiz again: learnbot quiz --topic {s.topic} --questions {s.scenarios} --seed {s.seed}"
            ), classes="quiz--seed")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Quiz"
        self.sub_title = "summary"

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "open":
            return int(parameters[0]) <= min(len(self.summary.read_again), MAX_KEYS)  # type: ignore[arg-type]
        return True

    def action_open(self, number: int) -> None:
        if 0 < number <= len(self.summary.read_again):
            self.app.open_item(self.summary.read_again[number - 1])

    @on(ItemChosen)
    def _chosen(self, message: ItemChosen) -> None:
        message.stop()
        self.app.open_item(message.item)

    def action_close(self) -> None:
        self.dismiss()
