"""The Browse screen: the briefing's headings and passages as a tree, with the pack's currency notice.

Choosing a passage opens it in full (with its related items); from there, n and p read on through
the briefing in order. "Read in order" starts that reading from the first passage.
"""

from __future__ import annotations

from rich.text import Text
from textual import getters, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, Static, Tree

from learnbot.core.model import Item, Pack
from learnbot.ui.app import LearnbotApp


def reading_order(pack: Pack) -> tuple[Item, ...]:
    """Every passage of the briefing (glossary aside), heading by heading, in the briefing's order."""
    return tuple(item for _, items in pack.sections() for item in items)


def tree_label(item: Item) -> str:
    """An item under its heading: the briefing's number, if it has one, then the title."""
    return f"{item.number}. {item.title}" if item.number is not None else item.title


def pack_summary(pack: Pack) -> Content:
    """Who published the briefing and when the audit ran."""
    meta = pack.meta
    return Content.assemble(
        (meta.publisher, "bold"), " \u00b7 audit ran ", meta.audit_period,
        *((" \u00b7 published ", meta.published) if meta.published else ()),
    )


class BrowseScreen(Screen[None]):
    """The briefing's structure: headings, then the passages under each."""

    CSS_PATH = "browse.tcss"
    SUB_TITLE = "Browse the briefing"
    AUTO_FOCUS = "#contents"

    BINDINGS = [
        Binding("r", "read_in_order", "Read in order", id="browse.read",
                tooltip="Read the whole briefing passage by passage (n next, p previous)."),
    ]

    app = getters.app(LearnbotApp)
    contents = getters.query_one("#contents", Tree)

    def __init__(self, pack: Pack) -> None:
        super().__init__()
        self.pack = pack
        self.order = reading_order(pack)
        """The passages in the briefing's order (what n and p step through)."""

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(pack_summary(self.pack), id="pack-summary")
        yield Static(Content(self.pack.meta.currency_notice), id="currency-notice")
        yield Tree[Item](_plain(self.pack.meta.title), id="contents")
        yield Footer()

    def on_mount(self) -> None:
        tree = self.contents
        tree.show_root = False
        tree.guide_depth = 2
        self.query_one("#currency-notice").border_title = "Check current procedures"
        for section, items in self.pack.sections():
            branch = tree.root.add(_plain(section), expand=True)
            for item in items:
                branch.add_leaf(_plain(tree_label(item)), data=item)
        if self.pack.glossary:
            branch = tree.root.add(_plain("Glossary"), expand=False)
            for item in self.pack.glossary:
                branch.add_leaf(_plain(f"{item.term}: {item.title}"), data=item)
        tree.root.expand()
        tree.move_cursor_to_line(0)

    @on(Tree.NodeSelected, "#contents")
    def _node_selected(self, event: Tree.NodeSelected[Item]) -> None:
        item = event.node.data
        if item is not None:
            order = self.order if item in self.order else ()
            self.app.open_item(item, reading_order=order)

    def action_read_in_order(self) -> None:
        if self.order:
            self.app.open_item(self.order[0], reading_order=self.order)


def _plain(text: str) -> Text:
    """A tree label shown exactly as written (a plain string would be read as markup)."""
    return Text(text)
