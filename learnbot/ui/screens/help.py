"""The Help screen: what learnbot is and is not, its keys, how current the briefing is, and privacy.

The keys are read from the bindings themselves, screen by screen, so this page cannot drift from
what the keys do. It is one of the main screens (F1), and opens over a quiz or a team briefing
under way, so that reading it does not end them; there, Esc or F1 goes back.
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
searches everything (passages, terms), goes to any screen, starts a quiz or a team briefing, and
can ask a question, from any screen.

Screens opened over the main ones (an item, Progress, a quiz, a team briefing) have room in their
footer for their own keys, Ctrl+Q and F1 only, but the keys listed under "Everywhere" still work
there. While a quiz or a team briefing is under way, F2, F3 and F4 (and its own Esc) first ask
whether to leave it; F1 Help and F5 Progress open over it, and Esc comes back to it.
"""

KEY_NAMES = {
    "escape": "Esc",
    "enter": "Enter",
    "pageup": "Page Up",
    "pagedown": "Page Down",
    "up": "Up arrow",
    "down": "Down arrow",
    "tab": "Tab",
}
"""Keys as a keyboard labels them (the footer's shorter symbols are explained above the table)."""

GROUP_HELP = {
    "Pick": "Choose a numbered link or example question of the latest answer (while the question "
            "box is empty).",
    "Related": "Open the related item with that number.",
    "Choose": "Pick the option with that number (for an ordering question, the first, then the next ...).",
    "Read again": "Open the passage with that number, to read it again.",
}
"""What a numbered group of keys does, said once for the whole group."""


def key_name(key: str) -> str:
    """``ctrl+q`` -> ``Ctrl+Q``, ``f1`` -> ``F1``, ``escape,n`` -> ``Esc or N``."""
    return " or ".join(_one_key(k.strip()) for k in key.split(","))


def _one_key(key: str) -> str:
    *modifiers, last = key.split("+")
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


def _bindings(*classes: type) -> list[Binding]:
    """The classes' own keys; a key that runs one of the app's actions is listed under Everywhere."""
    return [
        b for cls in classes for b in getattr(cls, "BINDINGS", [])
        if isinstance(b, Binding) and not b.action.startswith("app.")
    ]


class HelpScreen(Screen[None]):
    """About learnbot, its keys, the currency notice and the privacy note."""

    CSS_PATH = "help.tcss"
    SUB_TITLE = "Help"
    AUTO_FOCUS = "#help-body"

    BINDINGS = [
        Binding("escape", "back", "Back", id="help.back",
                tooltip="Close Help and go back (when it opened over a quiz or a team briefing)."),
        Binding("f1", "back", "Back", id="help.close", show=False,
                tooltip="F1 again closes Help, as Esc does (when it opened over a quiz or a briefing)."),
    ]

    app = getters.app(LearnbotApp)

    def __init__(self, pack: Pack) -> None:
        super().__init__()
        self.pack = pack

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="help-body"):
            yield Markdown(self.document(), open_links=False)
        yield Footer()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "back":
            return self.app.screen_stack[0] is not self  # opened over another screen
        return True

    def action_back(self) -> None:
        self.dismiss()

    def document(self) -> str:
        """The whole help page, as Markdown."""
        from learnbot.ui.screens.ask import AskScreen
        from learnbot.ui.screens.briefing import BriefingScreen
        from learnbot.ui.screens.briefing_setup import BriefingSetupScreen
        from learnbot.ui.screens.briefing_summary import BriefingSummaryScreen
        from learnbot.ui.screens.browse import BrowseScreen
        from learnbot.ui.screens.glossary import GlossaryScreen
        from learnbot.ui.screens.item import ItemScreen
        from learnbot.ui.screens.profile import ProfileScreen
        from learnbot.ui.screens.progress import ProgressScreen
        from learnbot.ui.screens.quiz import QuizScreen
        from learnbot.ui.screens.quiz_summary import QuizSummaryScreen
        from learnbot.ui.screens.session import ConfirmLeave
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
            ("Ask", _bindings(AskScreen, QuestionInput)),
            ("Browse", _bindings(BrowseScreen)),
            ("Glossary", _bindings(GlossaryScreen)),
            ("Help (this page)", _bindings(HelpScreen)),
            ("An item", _bindings(ItemScreen)),
            ("Progress", _bindings(ProgressScreen)),
            ("Choosing a profile", _bindings(ProfileScreen)),
            ("A quiz", _bindings(QuizScreen)),
            ("A quiz's summary", _bindings(QuizSummaryScreen)),
            ("Setting up a team briefing", _bindings(BriefingSetupScreen)),
            ("A team briefing", _bindings(BriefingScreen)),
            ("A team briefing's summary", _bindings(BriefingSummaryScreen)),
            ("Leaving a quiz or a team briefing", _bindings(ConfirmLeave)),
        ]
        return about + keys_section(groups)


def _escape(text: str) -> str:
    """Pack text shown as written inside the Markdown page (no emphasis, links or tables)."""
    return "".join("\\" + ch if ch in "\\`*_[]<>|#" else ch for ch in text)
