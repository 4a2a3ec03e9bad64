"""The Glossary screen: the pack's abbreviations and terms, narrowed as you type.

The filter box keeps the keyboard: type to narrow, up and down to move through what is left, Enter
to open the highlighted term in full with its related items.
"""

from __future__ import annotations

from textual import getters, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, OptionList, Static
from textual.widgets.option_list import Option

from learnbot.core.model import Item, Pack
from learnbot.ui.app import LearnbotApp


def filter_terms(entries: tuple[Item, ...], text: str) -> list[Item]:
    """The entries that match ``text``, best first: a term that starts with it, then a term that
    holds it, then a title or other name that does, then a definition that does.
    An empty filter gives every entry, alphabetically.
    """
    needle = text.strip().casefold()
    ordered = sorted(entries, key=lambda item: item.term.casefold())
    if not needle:
        return ordered
    ranked: list[tuple[int, Item]] = []
    for item in ordered:
        term = item.term.casefold()
        names = [item.title.casefold(), *(alias.casefold() for alias in item.aliases)]
        if term.startswith(needle):
            rank = 0
        elif needle in term:
            rank = 1
        elif any(needle in name for name in names):
            rank = 2
        elif needle in item.text.casefold():
            rank = 3
        else:
            continue
        ranked.append((rank, item))
    return [item for _, item in sorted(ranked, key=lambda pair: pair[0])]


def entry_prompt(item: Item) -> Content:
    """A glossary entry as a list shows it: the term, what it stands for, and its definition."""
    return Content.assemble(
        (item.term, "bold $accent"), "  ", (item.title, "bold"), "\n", (item.text, "$text-muted")
    )


class GlossaryScreen(Screen[None]):
    """Look up a term or an abbreviation."""

    CSS_PATH = "glossary.tcss"
    SUB_TITLE = "Glossary"
    AUTO_FOCUS = "#filter"

    BINDINGS = [
        Binding("down", "move(1)", "Move", id="glossary.down", show=False,
                tooltip="Highlight the next term."),
        Binding("up", "move(-1)", "Move", id="glossary.up", show=False,
                tooltip="Highlight the previous term."),
        Binding("enter", "open", "Open", id="glossary.open",
                tooltip="Open the highlighted term in full, with its related items."),
        Binding("escape", "clear", "Clear filter", id="glossary.clear",
                tooltip="Clear the filter and show every term."),
    ]

    app = getters.app(LearnbotApp)
    filter_input = getters.query_one("#filter", Input)
    terms = getters.query_one("#terms", OptionList)

    def __init__(self, pack: Pack) -> None:
        super().__init__()
        self.pack = pack
        self.shown: list[Item] = []
        """The entries the list shows, in its order."""

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder="Type to filter: a term (EHA) or words in it", id="filter")
        yield OptionList(id="terms")
        yield Static(id="count")
        yield Footer()

    def on_mount(self) -> None:
        self._show(filter_terms(self.pack.glossary, ""))

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self._show(filter_terms(self.pack.glossary, event.value))

    @on(Input.Submitted, "#filter")
    def _filter_submitted(self) -> None:
        self.action_open()

    @on(OptionList.OptionSelected, "#terms")
    def _option_selected(self, event: OptionList.OptionSelected) -> None:
        self._open(event.option_index)

    def _show(self, entries: list[Item]) -> None:
        self.shown = entries
        terms = self.terms
        terms.clear_options()
        terms.add_options(Option(entry_prompt(item), id=item.id) for item in entries)
        if entries:
            terms.highlighted = 0
        total = len(self.pack.glossary)
        if not entries:
            count = "No term matches. Try fewer letters, or ask on the Ask screen (F2)."
        else:
            shown = f"{total} terms" if len(entries) == total else f"{len(entries)} of {total} terms"
            count = f"{shown} \u00b7 \u2191\u2193 move \u00b7 Enter opens one in full"
        self.query_one("#count", Static).update(Content(count))
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "open":
            return bool(self.shown)
        if action == "clear":
            return bool(self.filter_input.value)
        return True

    def action_move(self, step: int) -> None:
        if step > 0:
            self.terms.action_cursor_down()
        else:
            self.terms.action_cursor_up()

    def action_open(self) -> None:
        if self.terms.highlighted is not None:
            self._open(self.terms.highlighted)

    def _open(self, index: int) -> None:
        if 0 <= index < len(self.shown):
            self.app.open_item(self.shown[index])

    def action_clear(self) -> None:
        self.filter_input.value = ""
        self.filter_input.focus()
