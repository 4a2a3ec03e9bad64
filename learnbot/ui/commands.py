"""The command palette (ctrl+p): find a passage or a term, go to a screen, start a quiz or a team
briefing, or ask a question.

Commands are named with a prefix that says what they do ("Ask:", "Go to:", "Start a quiz:",
"Glossary:", the kind of passage), so a practitioner can tell a question from a passage at a glance.
A quiz or a briefing is offered only on topics the pack has scenarios for.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Callable, Iterator

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.markup import escape

from learnbot.core.quiz import scenarios_for
from learnbot.core.topics import MIXED, QUIZ_TOPICS, TOPIC_NAMES
from learnbot.ui.widgets.passage import kind_and_number

if TYPE_CHECKING:
    from learnbot.ui.app import LearnbotApp

ASK_SCORE = 0.5
"""Where "Ask: ..." sits among the hits: under close matches, above loose ones."""


class LearnbotCommands(Provider):
    """Passages, glossary terms, the screens, quizzes, and "Ask: <what you typed>"."""

    @property
    def learnbot(self) -> LearnbotApp:
        return self.app  # type: ignore[return-value]

    def _places(self) -> Iterator[tuple[str, Callable[[], object], str]]:
        app = self.learnbot
        yield "Go to: Ask", partial(app.action_show, "ask"), "Ask a question in your own words"
        yield "Go to: Browse", partial(app.action_show, "browse"), "The briefing's headings and passages"
        yield "Go to: Glossary", partial(app.action_show, "glossary"), "Abbreviations and terms"
        yield "Go to: Help", partial(app.action_show, "help"), "Keys, privacy, and what learnbot is for"
        yield "Go to: Progress", app.action_progress, "What you have covered, your quiz results, what to review next"
        for topic in QUIZ_TOPICS:
            if scenarios_for(app.pack, topic):
                what = "both topics in turn" if topic == MIXED else TOPIC_NAMES[topic].lower()
                yield (f"Start a quiz: {TOPIC_NAMES[topic]}", partial(app.start_quiz, topic),
                       f"Scenario questions on {what}, on your own, with feedback")
        if app.pack.scenarios:
            yield ("Run a team briefing", app.run_briefing,
                   "Rounds of scenario questions for teams in a meeting, run by a facilitator")
        yield "Theme: light or dark", app.action_toggle_theme, "Switch between the light and dark theme"
        yield "New conversation", self._new_conversation, "Clear the Ask screen and start again"

    async def _new_conversation(self) -> None:
        app = self.learnbot
        app.action_show("ask")
        await app.run_action("new_conversation", app.screen)

    def _items(self) -> Iterator[tuple[str, Callable[[], object], str]]:
        app = self.learnbot
        for item in app.pack.items:
            name = f"{kind_and_number(item)}: {item.title}"
            yield name, partial(app.open_item, item), f"Under \u201c{item.section}\u201d"

    async def discover(self) -> Hits:
        for name, command, help_text in self._places():
            yield DiscoveryHit(Content(name), command, text=name, help=escape(help_text))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for source in (self._places(), self._items()):
            for name, command, help_text in source:
                score = matcher.match(name)
                if score > 0:
                    yield Hit(score, matcher.highlight(name), command, text=name, help=escape(help_text))
        question = query.strip()
        if question:
            label = Content.assemble(("Ask: ", "bold"), question)
            yield Hit(ASK_SCORE, label, partial(self.learnbot.ask, question), text=f"Ask: {question}",
                      help="Ask learnbot this question")
