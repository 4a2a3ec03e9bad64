"""One item in full: its heading, its text, whose words they are, and the items related to it.

Opened from every other screen. When it is opened as part of a reading order (Browse's "read in
order"), n and p move through the briefing passage by passage; each passage shown counts as read.
"""

from __future__ import annotations

from textual import getters, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from learnbot.core.model import Item, Pack
from learnbot.ui.app import LearnbotApp, quiet_keys
from learnbot.ui.messages import ItemChosen
from learnbot.ui.widgets.links import ItemLink, Link
from learnbot.ui.widgets.passage import Passage, kind_and_number

RELATED = Binding.Group("Related", compact=True)
MAX_RELATED_KEYS = 9


def _related_binding(number: int) -> Binding:
    return Binding(
        str(number), f"open_related({number})", "Related", id=f"item.related-{number}", group=RELATED,
        tooltip=f"Open related item {number}.",
    )


class ItemScreen(Screen[None]):
    """Read one item; follow its related items; step through the briefing in order."""

    CSS_PATH = "item.tcss"
    AUTO_FOCUS = "#item-body"

    BINDINGS = [
        Binding("escape", "back", "Back", id="item.back", tooltip="Close this item and go back."),
        *(_related_binding(number) for number in range(1, MAX_RELATED_KEYS + 1)),
        Binding("n", "step(1)", "Next", id="item.next",
                tooltip="The next passage, in the briefing's order."),
        Binding("p", "step(-1)", "Previous", id="item.previous",
                tooltip="The previous passage, in the briefing's order."),
        *quiet_keys("item"),
    ]

    app = getters.app(LearnbotApp)

    def __init__(self, pack: Pack, item: Item, *, reading_order: tuple[Item, ...] = ()) -> None:
        """Args:
        pack: The pack the item belongs to (for its related items).
        item: What to show first.
        reading_order: Items to step through with n and p (empty: no stepping).
        """
        super().__init__()
        self.pack = pack
        self.reading_order = reading_order
        self.item = item
        """The item showing."""

    def compose(self) -> ComposeResult:
        item = self.item
        yield Header()
        with VerticalScroll(id="item-body"):
            yield Passage(item)
            related = self.pack.related_items(item)
            if related:
                yield Static("Related:", classes="item--label")
                for number, other in enumerate(related, start=1):
                    yield ItemLink(other, "related", number=number if number <= MAX_RELATED_KEYS else None)
            if self.reading_order and item in self.reading_order:
                place = self.reading_order.index(item) + 1
                yield Static(
                    Content(f"Passage {place} of {len(self.reading_order)} in the briefing's order."),
                    classes="item--place",
                )
        yield Footer()

    def on_mount(self) -> None:
        self._shown()

    def _shown(self) -> None:
        self.sub_title = kind_and_number(self.item)
        self.app.recorder.item_read(self.item.id, "app")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "open_related":
            (number,) = parameters
            return int(number) <= len(self.pack.related_items(self.item))  # type: ignore[arg-type]
        if action == "step":
            if self.item not in self.reading_order:
                return False
            index = self.reading_order.index(self.item) + int(parameters[0])  # type: ignore[arg-type]
            return 0 <= index < len(self.reading_order)
        return True

    def action_back(self) -> None:
        self.dismiss()

    def action_open_related(self, number: int) -> None:
        related = self.pack.related_items(self.item)
        if 0 < number <= len(related):
            self.app.push_screen(ItemScreen(self.pack, related[number - 1]))

    async def action_step(self, step: int) -> None:
        index = self.reading_order.index(self.item) + step
        if 0 <= index < len(self.reading_order):
            self.item = self.reading_order[index]
            await self.recompose()
            self.query_one("#item-body").focus()
            self._shown()
            self.refresh_bindings()

    @on(ItemChosen)
    def _item_chosen(self, message: ItemChosen) -> None:
        message.stop()
        self.app.push_screen(ItemScreen(self.pack, message.item))

    @property
    def links(self) -> list[Link]:
        """The related-item links showing."""
        return list(self.query(Link))
