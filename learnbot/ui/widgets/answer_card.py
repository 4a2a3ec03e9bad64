"""One exchange of the Ask screen's conversation: what was asked, and learnbot's answer.

The card shows the passage in the briefing's words with its heading and how sure learnbot is;
when the briefing does not cover a question it says so plainly and offers "did you mean" choices
and the procedures the briefing points to. Its links are numbered while it is the latest card.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from learnbot.core.answer import PARTIAL, Answer
from learnbot.ui.widgets.links import ItemLink, Link
from learnbot.ui.widgets.passage import Passage

MAX_NUMBERED = 9
"""Number keys only go up to 9."""

CASE_DETAILS_HEADING = "\u26a0 Case details"
"""Shown above the answer whenever the question looks like it holds a child's or family's details."""


def asked_line(answer: Answer) -> Content:
    """The question as the practitioner typed it (never read as markup), or why it is not shown."""
    if answer.case_details_warning:
        return Content.assemble(
            ("You asked ", "bold"), ("(your question is not shown or kept: it may hold case details)", "italic")
        )
    return Content.assemble(("You asked: ", "bold"), answer.question)


def confidence_line(answer: Answer) -> Content:
    """The plain confidence word, with what it means for the reader."""
    if answer.confidence == PARTIAL:
        return Content.assemble(
            ("Match: partial", "bold $warning"), (" \u2014 check this is what you meant", "$text-muted")
        )
    return Content.assemble(("Match: strong", "bold $success"))


class AnswerCard(Vertical):
    """A question and its answer, as a card in the transcript."""

    DEFAULT_CSS = """
    AnswerCard {
        height: auto;
        margin: 0 0 1 0;
        padding: 0 1;
        border-left: wide $primary;
        background: $surface;
        & > .card--question { color: $text; margin-bottom: 1; }
        & > .card--warning {
            border: round $error;
            border-title-color: $error;
            border-title-style: bold;
            color: $text;
            padding: 0 1;
            margin-bottom: 1;
        }
        & > .card--note { color: $text-muted; text-style: italic; }
        & > .card--confidence { margin-bottom: 0; }
        & > .card--not-covered { text-style: bold; color: $text; }
        & > .card--label { color: $text-muted; margin-top: 1; }
    }
    """

    def __init__(self, answer: Answer, *, heading: Content | None = None, numbered: bool = True) -> None:
        """Args:
        answer: What the ask engine said.
        heading: Replaces the "You asked" line (e.g. "You chose: ..." for a picked suggestion);
            a card with a heading shows no confidence word, because nothing was guessed.
        numbered: Give its links number keys (it is the latest card).
        """
        super().__init__()
        self.answer = answer
        self.heading = heading
        self._numbers = iter(range(1, MAX_NUMBERED + 1)) if numbered else iter(())
        self._answered = answer.answered and answer.best is not None
        # The next best passages: when the first is not quite what was meant, the answer is
        # often the second (the matcher's top three hold it far more often than its top one).
        self._others = tuple(
            m.item for m in answer.matches[1:3] if m.item not in answer.related
        ) if self._answered else ()
        self._offered = (
            len(self._others) + len(answer.related if self._answered else answer.suggestions) + len(answer.further)
        )

    @property
    def choice_count(self) -> int:
        """How many links the number keys can pick while this is the latest card."""
        return min(self._offered, MAX_NUMBERED)

    def _link(self, item, purpose: str) -> ItemLink:
        return ItemLink(item, purpose, number=next(self._numbers, None))

    def compose(self) -> ComposeResult:
        answer = self.answer
        yield Static(self.heading or asked_line(answer), classes="card--question")
        if answer.case_details_warning:
            warning = Static(Content(answer.case_details_warning), classes="card--warning")
            warning.border_title = CASE_DETAILS_HEADING
            yield warning
        if answer.note:
            yield Static(Content(answer.note), classes="card--note")
        best = answer.best
        if self._answered and best is not None:
            if self.heading is None:
                yield Static(confidence_line(answer), classes="card--confidence")
            yield Passage(best)
            yield from self._group("Also relevant:", self._others, "related")
            yield from self._group("Related:", answer.related, "related")
        else:
            yield Static(
                Content(answer.not_covered_line), classes="card--not-covered"
            )
            yield from self._group("Did you mean:", answer.suggestions, "suggestion")
        yield from self._group("Further information the briefing points to:", answer.further, "further")

    def _group(self, label: str, items, purpose: str) -> ComposeResult:
        """A labelled group of links (nothing when there are no items)."""
        if items:
            yield Static(label, classes="card--label")
            for item in items:
                yield self._link(item, purpose)

    @property
    def links(self) -> list[Link]:
        """The card's links, in order (the numbered choices while it is the latest card)."""
        return list(self.query(Link))

    def number_links(self, numbered: bool) -> None:
        """Show (or drop) the number keys that pick this card's links."""
        for index, link in enumerate(self.links):
            link.number = index + 1 if numbered and index < MAX_NUMBERED else None
