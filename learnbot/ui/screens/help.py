"""The Help screen: what learnbot is and is not, its keys, how current the briefing is, and privacy.

The keys are read from the bindings themselves, so this page cannot drift from what the keys do.
"""

from __future__ import annotations

from textual import getters
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Markdown

from learnbot.core.model import Pack
from learnbot.ui.app import LearnbotApp

ABOUT = """\
## What learnbot is

learnbot helps you learn from **{title}** ({publisher}; the audit ran {period}). Ask it a question
in your own words and it answers with the briefing's own words, says where in the briefing they
come from, and points you to related findings, learning points and recommendations.

## What it is not

learnbot is **a learning aid**. It is **not procedure**, and it is **not advice on a case**. For a
decision about a child or family, follow your agency's current procedures and talk to your
supervisor or safeguarding lead.

## How current this is

{currency}

## Privacy

**Do not type case details**: no names, dates of birth, addresses, postcodes, NHS numbers or phone
numbers. If a question looks like it holds them, learnbot warns you before it answers, does not show
the question again and does not keep it.

Nothing you type is stored. Your questions stay in memory only while learnbot is open (so that up
and down can bring them back) and are gone when you close it. If progress is kept, it records only
which passages you have read and your quiz results, never your words.

## Keys

The footer at the bottom of every screen shows the keys you can use there; you can also click
them. In the footer, **^** means the Ctrl key: **^q** is Ctrl and Q pressed together. **Ctrl+P**
searches everything (passages, terms) and can ask a question from any screen.
"""

KEY_NAMES = {
    "escape": "Esc",
    "enter": "Enter",
    "pageup": "Page Up",
    "pagedown": "Page Down",
    "up": "Up arrow",
    "down": "Down arrow",
}
"""Keys as a keyboard labels them (the footer's shorter symbols are explained above the table)."""

GROUP_HELP = {
    "Pick": "Choose a numbered link or example question of the latest answer (while the question "
            "box is empty).",
    "Related": "Open the related item with that number.",
}
"""What a numbered group of keys does, said once for the whole group."""


def key_name(key: str) -> str:
    """``ctrl+q`` -> ``Ctrl+Q``, ``f1`` -> ``F1``, ``escape`` -> ``Esc``."""
    *modifiers, last = key.split(",")[0].split("+")
    last = KEY_NAMES.get(last, last.upper() if len(last) <= 3 else last.title())
    return "+".join([*(m.title() for m in modifiers), last])


def keys_section(groups: list[tuple[str, list[Binding]]]) -> str:
    """A Markdown table of keys per screen, from the bindings themselves."""
    lines: list[str] = []
    for heading, bindings in groups:
        lines += ["", f"### {heading}", "", "| Key | What it does |", "| --- | --- |"]
        seen: set[str] = set()
        for binding in bindings:
            group = binding.group.description if binding.group else ""
            if group in seen:
                continue
            if group:
                seen.add(group)
                lines.append(f"| 1 to 9 | {GROUP_HELP.get(group, binding.tooltip)} |")
            else:
                lines.append(f"| {key_name(binding.key)} | {binding.tooltip} |")
    return "\n".join(lines)


def _bindings(cls: type) -> list[Binding]:
    return [b for b in getattr(cls, "BINDINGS", []) if isinstance(b, Binding)]


class HelpScreen(Screen[None]):
    """About learnbot, its keys, the currency notice and the privacy note."""

    CSS_PATH = "help.tcss"
    SUB_TITLE = "Help"
    AUTO_FOCUS = "#help-body"

    app = getters.app(LearnbotApp)

    def __init__(self, pack: Pack) -> None:
        super().__init__()
        self.pack = pack

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="help-body"):
            yield Markdown(self.document(), open_links=False)
        yield Footer()

    def document(self) -> str:
        """The whole help page, as Markdown."""
        from learnbot.ui.screens.ask import AskScreen
        from learnbot.ui.screens.browse import BrowseScreen
        from learnbot.ui.screens.glossary import GlossaryScreen
        from learnbot.ui.screens.item import ItemScreen
        from learnbot.ui.widgets.question_input import QuestionInput

        meta = self.pack.meta
        about = ABOUT.format(
            title=_escape(meta.title),
            publisher=_escape(meta.publisher),
            period=_escape(meta.audit_period),
            currency=_escape(meta.currency_notice),
        )
        groups = [
            ("Everywhere", _bindings(LearnbotApp)),
            ("Ask", _bindings(AskScreen) + _bindings(QuestionInput)),
            ("Browse", _bindings(BrowseScreen)),
            ("Glossary", _bindings(GlossaryScreen)),
            ("An item", _bindings(ItemScreen)),
        ]
        return about + keys_section(groups)


def _escape(text: str) -> str:
    """Pack text shown as written inside the Markdown page (no emphasis, links or tables)."""
    return "".join("\\" + ch if ch in "\\`*_[]<>|#" else ch for ch in text)
