"""Shared fixtures for the app's tests: the fixture pack, a scripted ask engine, a recorder.

The scripted engine gives fixed answers so that flows and snapshots test the *screens*, not the
matcher's current tuning; tests that need the real engine say so and use it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

import pytest
from textual.widgets import Input

from learnbot.core.answer import NONE, PARTIAL, STRONG, Answer, Match
from learnbot.core.loader import load_pack
from learnbot.core.model import Pack

FIXTURE_PACK = Path(__file__).resolve().parents[1] / "fixtures" / "ui_pack"


class ScriptedConversation:
    """A stand-in for ``learnbot.core.conversation.Conversation`` with fixed answers.

    - "what is early help?" -> the Working Together definition, strong, with two related items;
    - anything mentioning police -> the police finding, partial, with recommendation 4 related;
    - anything else -> not covered, with two "did you mean" items and one further-information item.
    A question with "dob" in it carries a case-details warning.
    """

    def __init__(self, pack: Pack) -> None:
        self.pack = pack
        self.asked: list[str] = []
        self.chosen: list[str] = []
        self.resets = 0

    def reset(self) -> None:
        self.resets += 1

    def choose(self, item) -> Answer:
        self.chosen.append(item.id)
        return Answer(item.title, True, STRONG, matches=(Match(item, 100.0),),
                      related=self.pack.related_items(item)[:3])

    def ask(self, question: str) -> Answer:
        self.asked.append(question)
        get = self.pack.get
        text = question.lower()
        warning = (
            "This question looks like it may include a child's or family's case details. "
            "Please do not enter case details." if "dob" in text else ""
        )
        if text.strip(" ?") == "what is early help":
            best = get("def-working-together")
            return Answer(question, True, STRONG, matches=(Match(best, 95.0),),
                          related=(get("def-thresholds"), get("gloss-eha")), case_details_warning=warning)
        if "police" in text:
            best = get("finding-police-children-not-seen")
            return Answer(question, True, PARTIAL, matches=(Match(best, 60.0),),
                          related=(get("rec-4"), get("lp-1")), case_details_warning=warning)
        if "who chairs" in text:
            return Answer(question, False, NONE, suggestions=(get("def-working-together"),),
                          case_details_warning=warning, not_stated="who chairs it")
        return Answer(question, False, NONE, suggestions=(get("def-working-together"), get("rec-4")),
                      further=(get("further-escalation"),), case_details_warning=warning)


class ListRecorder:
    """Keeps every learning event it is told about, for assertions."""

    def __init__(self) -> None:
        self.read: list[tuple[str, str]] = []

    def item_read(self, item_id: str, via: str) -> None:
        self.read.append((item_id, via))

    def step_answered(self, *args) -> None:
        pass

    def briefing_attended(self, *args) -> None:
        pass


@pytest.fixture(autouse=True)
def no_cursor_blink(monkeypatch: pytest.MonkeyPatch) -> None:
    """Inputs do not blink in tests, so screenshots never catch the cursor half-way."""
    monkeypatch.setattr(Input.cursor_blink, "_default", False)


@pytest.fixture(autouse=True)
def private_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Caches of loaded packs and indexes go to a folder of the test run, not the user's."""
    monkeypatch.setenv("LEARNBOT_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "cache"))


@pytest.fixture(scope="session")
def pack() -> Pack:
    return load_pack(FIXTURE_PACK)


@pytest.fixture
def recorder() -> ListRecorder:
    return ListRecorder()


@pytest.fixture
def make(pack: Pack, recorder: ListRecorder) -> Callable[..., "LearnbotApp"]:  # noqa: F821
    """Build the app on the fixture pack with the scripted engine (``real=True``: the core's)."""
    from learnbot.ui.app import make_app

    def build(real: bool = False, **kwargs):
        factory = None if real else ScriptedConversation
        return make_app(pack, conversation_factory=factory, recorder=recorder, **kwargs)

    return build


def _screen_text(app) -> str:
    from textual.widgets import Static

    from learnbot.ui.widgets.links import Link

    parts = []
    for widget in app.screen.query("*"):
        if isinstance(widget, Static) and widget.display:
            parts.append(str(widget.render()))
        elif isinstance(widget, Link):
            parts.append(widget.plain_text)
    return "\n".join(parts)


@pytest.fixture
def screen_text() -> Callable[[object], str]:
    """Everything the current screen's text widgets show, one widget per line, as plain text."""
    return _screen_text
