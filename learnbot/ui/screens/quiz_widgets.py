"""Widgets the solo quiz and the team briefing share: a scenario, its options, and the feedback.

The widgets only show things and say what was clicked (:class:`OptionPicked`); the screens decide
what a pick means. Everything the pack or a person wrote is shown as plain
:class:`~textual.content.Content`, never parsed as markup.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Static

from learnbot.core.model import Item, Pack
from learnbot.core.quiz import Choice, Marking, Question
from learnbot.ui.widgets.passage import Passage

RIGHT = "\u2714"
WRONG = "\u2718"


class OptionPicked(Message):
    """An option was clicked (the same as pressing its number)."""

    def __init__(self, position: int) -> None:
        super().__init__()
        self.position = position
        """Its shown position, from 0."""


def scenario_heading(question: Question) -> Content:
    """The scenario's title, with which step this is when it has several."""
    parts: list[Content | str | tuple[str, str]] = [(question.scenario.title, "bold")]
    if question.steps_in_scenario > 1:
        parts.append((f"  (step {question.step_index + 1} of {question.steps_in_scenario})", "$text-muted"))
    return Content.assemble(*parts)


class PicksOptions:
    """What the quiz and the team briefing share: number keys and clicks pick options while a
    question is open, and Backspace undoes the last pick. The screen says when a question is open
    (:meth:`answering`) and how to redraw."""

    choice: Choice

    def answering(self) -> bool:
        raise NotImplementedError

    async def _redraw(self) -> None:
        raise NotImplementedError

    async def action_number(self, number: int) -> None:
        await self._pick(number - 1)

    async def on_option_picked(self, message: OptionPicked) -> None:
        message.stop()
        await self._pick(message.position)

    async def _pick(self, position: int) -> None:
        if self.answering() and self.choice.press(position):
            await self._redraw()

    async def action_undo(self) -> None:
        self.choice.undo()
        await self._redraw()


class ScenarioView(Vertical):
    """The situation and the question: the setting (dimmed on a follow-on step), then the prompt."""

    def __init__(self, question: Question, *, discussion: bool = False, classes: str | None = None) -> None:
        """Args:
        question: What to show.
        discussion: Also show the step's discussion prompt, if it has one.
        """
        super().__init__(classes=classes)
        self.question = question
        self.discussion = discussion

    def compose(self) -> ComposeResult:
        q = self.question
        yield Static(scenario_heading(q), classes="quiz--title")
        yield Static(Content(q.scenario.setting), classes="quiz--setting" + (" -earlier" if q.is_follow_on else ""))
        if q.is_follow_on:
            yield Static(Content("What happens next:"), classes="quiz--next")
        yield Static(Content(q.step.prompt), classes="quiz--prompt")
        if self.discussion and q.step.discussion:
            yield Static(Content.assemble(("Discuss: ", "bold"), q.step.discussion), classes="quiz--discussion")


def option_marker(kind: str, place: int | None) -> str:
    """``( )``/``(*)`` for one answer, ``[ ]``/``[x]`` for several, ``[ ]``/``[2]`` for an order."""
    if kind == "single":
        return "(\u2022)" if place else "( )"
    if kind == "multiple":
        return "[x]" if place else "[ ]"
    return f"[{place}]" if place else "[ ]"


class OptionRow(Horizontal):
    """One option while the question is open: its number key, a marker of what is picked, its text
    (wrapped under itself, not under the number)."""

    def __init__(self, position: int, text: str, kind: str, place: int | None) -> None:
        super().__init__(classes="quiz--option" + (" -picked" if place else ""))
        self.position = position
        self.key = Content.assemble((f"{position + 1} ", "bold $accent"), (option_marker(kind, place), "bold"))
        self.text = text

    def compose(self) -> ComposeResult:
        yield Static(self.key, classes="quiz--option-key")
        yield Static(Content(self.text), classes="quiz--option-text")

    def on_click(self) -> None:
        self.post_message(OptionPicked(self.position))


def option_rows(question: Question, choice: Choice) -> list[OptionRow]:
    """A row per shown option, marked with what ``choice`` has picked."""
    return [
        OptionRow(position, option.text, question.step.type, choice.place_of(position))
        for position, option in enumerate(question.options)
    ]


def verdict(marking: Marking) -> Static:
    """The one-line result, in words (never colour alone)."""
    tone = "-right" if marking.correct else "-partly" if marking.partial else "-wrong"
    return Static(Content(marking.describe()), classes=f"quiz--verdict {tone}")


def option_feedback(question: Question, marking: Marking | None) -> list[Static]:
    """Each option, marked right or wrong (and, when ``marking`` is given, what was chosen), with
    its feedback underneath."""
    out: list[Static] = []
    step = question.step
    chosen = set(marking.chosen) if marking else set()
    for position, option in enumerate(question.options):
        index = question.order[position]
        if step.type == "order":
            given = marking.chosen.index(index) + 1 if marking else None
            in_place = given == option.position
            head = Content.assemble(
                ((RIGHT if in_place else WRONG) + " " if marking else "", "bold"),
                (f"{option.position}. ", "bold"),
                option.text,
                (f"  (you put it {given})" if marking and not in_place else "", "$text-muted"),
            )
        else:
            mark = RIGHT if option.correct else WRONG
            tag = ""
            if index in chosen:
                tag = "  (your choice)" if option.correct == (index in chosen) else "  (your choice: not right)"
            elif marking and option.correct:
                tag = "  (missed)"
            head = Content.assemble(
                (f"{mark} ", "bold"), (f"{position + 1} ", "$text-muted"), option.text, (tag, "italic"),
            )
        classes = "quiz--answer " + ("-right" if (option.correct or step.type == "order") else "-wrong")
        out.append(Static(head, classes=classes))
        out.append(Static(Content(option.feedback), classes="quiz--feedback"))
    if step.type == "order":
        out.insert(0, Static(Content("The right order:"), classes="quiz--label"))
    return out


class CitedPassages(Vertical):
    """The passages a step rests on, each marked as the briefing's words (or learnbot's note)."""

    def __init__(self, pack: Pack, cites: tuple[str, ...]) -> None:
        super().__init__(classes="quiz--passages")
        self.items: tuple[Item, ...] = tuple(i for c in cites if (i := pack.get(c)) is not None)

    def compose(self) -> ComposeResult:
        yield Static(Content("What the briefing says:"), classes="quiz--label")
        for item in self.items:
            yield Passage(item, classes="quiz--passage")
