"""One passage of the briefing (or a glossary entry) as a practitioner reads it.

It always says where the passage sits in the briefing and whether the words are the briefing's own
or learnbot's note, because practitioners may quote it to colleagues.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Markdown, Static

from learnbot.core.model import Item


def kind_and_number(item: Item) -> str:
    """``Recommendation 4``, ``Key finding``, ``Glossary: EHA``."""
    if item.term:
        return f"{item.kind_label}: {item.term}"
    if item.number is not None:
        return f"{item.kind_label} {item.number}"
    return item.kind_label


def source_note(item: Item) -> Content:
    """Where the passage sits, and whose words they are."""
    whose = (
        ("the briefing's words", "bold $success")
        if item.quote
        else ("learnbot's note, not the briefing's words", "italic $warning")
    )
    return Content.assemble(
        (kind_and_number(item), "bold"), " \u00b7 under \u201c", item.section, "\u201d \u00b7 ", whose
    )


class Passage(Vertical):
    """An item's heading, its text as Markdown, and any links it carries."""

    DEFAULT_CSS = """
    Passage {
        height: auto;
        & > .passage--source { color: $text-muted; }
        & > .passage--title { text-style: bold; color: $text; }
        & > Markdown { margin: 0; padding: 0 1 0 1; background: transparent; }
        & > Markdown.-quote { border-left: outer $success; }
        & > Markdown.-note { border-left: outer $warning; }
        & > .passage--links { color: $text-muted; padding-left: 2; }
    }
    Passage Markdown > MarkdownBlock:last-child { margin-bottom: 0; }
    """

    def __init__(self, item: Item, *, show_title: bool = True, id: str | None = None,
                 classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.item = item
        self.show_title = show_title

    def compose(self) -> ComposeResult:
        item = self.item
        yield Static(source_note(item), classes="passage--source")
        if self.show_title:
            yield Static(Content(item.title), classes="passage--title")
        yield Markdown(item.text, classes="-quote" if item.quote else "-note", open_links=False)
        if item.links:
            lines = [
                Content.assemble("Link: ", link.label, *((" <", link.url, ">") if link.url else ()))
                for link in item.links
            ]
            yield Static(Content("\n").join(lines), classes="passage--links")
