"""Links a practitioner can follow with the mouse, Tab and Enter, or (when numbered) a number key.

A link only says what was chosen (it posts :class:`~learnbot.ui.messages.ItemChosen` or
:class:`~learnbot.ui.messages.QuestionAsked`); the screen that holds it decides what that means.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import HorizontalGroup
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Static

from learnbot.core.model import Item
from learnbot.ui.messages import ItemChosen, QuestionAsked


def item_label(item: Item) -> Content:
    """How an item is named in a list: its kind (and number), then its title."""
    kind = item.kind_label
    if item.term:
        kind = f"{item.term}"
    elif item.number is not None:
        kind = f"{kind} {item.number}"
    return Content.assemble((kind, "bold"), " \u00b7 ", item.title)


class Link(HorizontalGroup, can_focus=True):
    """A choice on one line: an optional number key and an arrow, then a label that wraps under itself."""

    DEFAULT_CSS = """
    Link {
        width: 1fr;
        padding: 0 1 0 0;
        color: $text;
        & > .link--key { width: 5; color: $text-muted; }
        & > .link--label { width: 1fr; }
        &:hover { background: $boost; }
        &:focus { background: $block-cursor-blurred-background; & > .link--label { text-style: bold; } }
    }
    """

    BINDINGS = [
        Binding("enter", "choose", "Open", id="link.choose", tooltip="Follow this link."),
    ]

    number: reactive[int | None] = reactive(None, recompose=True)
    """The number key that picks it, while it is one of the latest choices (None otherwise)."""

    def __init__(self, label: Content, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.label = label
        """What the link says (plain content: never parsed as markup)."""

    def compose(self) -> ComposeResult:
        yield Static(self._key(), classes="link--key")
        yield Static(self.label, classes="link--label")

    def _key(self) -> Content:
        number = Content.styled(f"{self.number}", "bold $accent") if self.number else Content(" ")
        return Content.assemble(" ", number, " \u2192")

    def render_text(self) -> str:
        """What the link shows, as plain text (for tests and screen readers' logs)."""
        return f"{self._key().plain} {self.label.plain}"

    def chosen(self) -> Message:
        """The message that says this link was followed."""
        raise NotImplementedError

    def action_choose(self) -> None:
        self.post_message(self.chosen())

    def on_click(self) -> None:
        self.post_message(self.chosen())


class ItemLink(Link):
    """A link to one item of the pack."""

    def __init__(self, item: Item, purpose: str, *, classes: str | None = None) -> None:
        """Args:
        item: Where the link goes.
        purpose: Why it is offered (``related``, ``suggestion``, ``further``), for the screen.
        """
        super().__init__(item_label(item), classes=classes)
        self.item = item
        self.purpose = purpose

    def chosen(self) -> Message:
        return ItemChosen(self.item, self.purpose)


class QuestionLink(Link):
    """A question to ask with one key (the examples on an empty Ask screen)."""

    def __init__(self, question: str, *, classes: str | None = None) -> None:
        super().__init__(Content(question), classes=classes)
        self.question = question

    def chosen(self) -> Message:
        return QuestionAsked(self.question)
