"""Links a practitioner can follow with the mouse, Tab and Enter, or (when numbered) a number key.

A link only says what was chosen (it posts :class:`~learnbot.ui.messages.ItemChosen` or
:class:`~learnbot.ui.messages.QuestionAsked`); the screen that holds it decides what that means.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.content import Content
from textual.css.styles import RulesMap
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual
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


KEY_WIDTH = 5
"""Cells for " 1 → " before a link's label; wrapped label lines start under the label."""


class Hanging(Visual):
    """A key column, then a label that wraps under itself rather than under the key."""

    def __init__(self, key: Content, label: Content) -> None:
        self.key = key
        self.label = label

    def _wrapped(self, width: int) -> list[Content]:
        return self.label.wrap(max(1, width - KEY_WIDTH)) or [Content()]

    def render_strips(self, width: int, height: int | None, style: Style, options: RenderOptions) -> list[Strip]:
        first, *rest = self._wrapped(width)
        indent = Content(" " * KEY_WIDTH)
        lines = Content("\n").join([self.key + first, *(indent + line for line in rest)])
        return lines.render_strips(width, height, style, options)

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return KEY_WIDTH + self.label.cell_length

    def get_minimal_width(self, rules: RulesMap) -> int:
        return KEY_WIDTH + self.label.get_minimal_width(rules)

    def get_height(self, rules: RulesMap, width: int) -> int:
        return len(self._wrapped(width))


class Link(Widget, can_focus=True):
    """A choice: an optional number key and an arrow, then a label that wraps under itself.

    One widget, not a row of two, because the Ask screen's first paint shows several.
    """

    DEFAULT_CSS = """
    Link {
        height: auto;
        width: 1fr;
        padding: 0 1 0 0;
        color: $text;
        &:hover { background: $boost; }
        &:focus { background: $block-cursor-blurred-background; text-style: bold; }
    }
    """

    BINDINGS = [
        Binding("enter", "choose", "Open", id="link.choose", tooltip="Follow this link."),
    ]

    number: reactive[int | None] = reactive(None)
    """The number key that picks it, while it is one of the latest choices (None otherwise)."""

    def __init__(self, label: Content, *, number: int | None = None, id: str | None = None,
                 classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.label = label
        """What the link says (plain content: never parsed as markup)."""
        self.set_reactive(Link.number, number)

    def key(self) -> Content:
        """`` 1 → `` (or ``   → `` without a number), :data:`KEY_WIDTH` cells."""
        number = Content.styled(f"{self.number}", "bold $accent") if self.number else Content(" ")
        return Content.assemble(" ", number, (" \u2192 ", "$text-muted"))

    def render(self) -> Hanging:
        return Hanging(self.key(), self.label)

    @property
    def plain_text(self) -> str:
        """What the link shows, as plain text."""
        return f"{self.key().plain}{self.label.plain}"

    def chosen(self) -> Message:
        """The message that says this link was followed."""
        raise NotImplementedError

    def action_choose(self) -> None:
        self.post_message(self.chosen())

    def on_click(self) -> None:
        self.post_message(self.chosen())


class ItemLink(Link):
    """A link to one item of the pack."""

    def __init__(self, item: Item, purpose: str, *, number: int | None = None,
                 classes: str | None = None) -> None:
        """Args:
        item: Where the link goes.
        purpose: Why it is offered (``related``, ``suggestion``, ``further``), for the screen.
        number: The number key that picks it, if any.
        """
        super().__init__(item_label(item), number=number, classes=classes)
        self.item = item
        self.purpose = purpose

    def chosen(self) -> Message:
        return ItemChosen(self.item, self.purpose)


class QuestionLink(Link):
    """A question to ask with one key (the examples on an empty Ask screen)."""

    def __init__(self, question: str, *, number: int | None = None, classes: str | None = None) -> None:
        super().__init__(Content(question), number=number, classes=classes)
        self.question = question

    def chosen(self) -> Message:
        return QuestionAsked(self.question)
