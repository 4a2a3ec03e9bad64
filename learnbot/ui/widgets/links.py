"""Links a practitioner can follow with the mouse, Tab and Enter, or (when numbered) a number key.

A link only says what was chosen (it posts :class:`~learnbot.ui.messages.ItemChosen` or
:class:`~learnbot.ui.messages.QuestionAsked`); the screen that holds it decides what that means.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

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


class Link(Widget, can_focus=True):
    """A one-choice line: an optional number key, an arrow, and a label (wrapped if long)."""

    DEFAULT_CSS = """
    Link {
        height: auto;
        width: 1fr;
        padding: 0 1;
        color: $text;
        &:hover { background: $boost; }
        &:focus { background: $block-cursor-blurred-background; text-style: bold; }
        &.-numbered .link--number { color: $accent; }
    }
    """

    BINDINGS = [
        Binding("enter", "choose", "Open", id="link.choose", tooltip="Follow this link."),
    ]

    number: reactive[int | None] = reactive(None)
    """The number key that picks it, while it is one of the latest choices (None otherwise)."""

    def __init__(self, label: Content, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.label = label
        """What the link says (plain content: never parsed as markup)."""

    def render(self) -> Content:
        key = Content.styled(f"{self.number} ", "bold $accent") if self.number else Content("  ")
        return Content.assemble(key, ("\u2192 ", "$text-muted"), self.label)

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
