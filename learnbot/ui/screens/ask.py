"""The Ask screen: a conversation with the briefing, and the app's first screen.

Each question becomes a card in a scrolling transcript; the newest card's links can be picked with
number keys while the question box is empty. The ask engine (``learnbot.core.conversation``) does
the matching and keeps the context that follow-ups ("tell me more", "and for police?") need; this
screen only shows what it says. Nothing typed is stored: questions live in memory for up/down
recall until the app closes, and a question that looks like it holds case details is not kept at all.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import getters, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, Markdown, Static

from learnbot.core.answer import STRONG, Answer, Match
from learnbot.core.model import Item, Pack
from learnbot.ui.app import LearnbotApp
from learnbot.ui.examples import example_questions
from learnbot.ui.lazy import Lazy
from learnbot.ui.messages import ItemChosen, QuestionAsked
from learnbot.ui.widgets.answer_card import MAX_NUMBERED, AnswerCard
from learnbot.ui.widgets.links import Link, QuestionLink
from learnbot.ui.widgets.question_input import QuestionInput

if TYPE_CHECKING:
    from learnbot.core.conversation import Conversation

PICK = Binding.Group("Pick", compact=True)


def _pick_binding(number: int) -> Binding:
    return Binding(
        str(number), f"pick({number})", "Pick", id=f"ask.pick-{number}", priority=True, group=PICK,
        tooltip=f"Choose link {number} of the latest answer (when the question box is empty).",
    )


class Welcome(Vertical):
    """What the empty Ask screen says: what to ask, and some questions to start from."""

    def __init__(self, pack: Pack) -> None:
        super().__init__(id="welcome")
        self.examples = example_questions(pack)[:MAX_NUMBERED]
        """The example questions, numbered 1 up."""

    @property
    def choice_count(self) -> int:
        """How many links the number keys can pick while the welcome is the latest thing shown."""
        return len(self.examples)

    def compose(self) -> ComposeResult:
        yield Static(
            Content.assemble(
                ("Ask about the briefing in your own words", "bold"),
                ": what the audit found, what it recommends, or what a term means. "
                "learnbot answers with the briefing's own words.",
            ),
            classes="welcome--intro",
        )
        yield Static("Try one of these (press its number, or type your own below):", classes="dim")
        for number, question in enumerate(self.examples, start=1):
            yield QuestionLink(question, number=number)
        yield Static(
            Content.assemble(
                ("A learning aid: ", "bold"),
                "not procedure, and not advice on a case. Do not type case details. F1 for help.",
            ),
            classes="welcome--aid",
        )

    @property
    def links(self) -> list[Link]:
        return list(self.query(Link))

    def number_links(self, numbered: bool) -> None:
        for index, link in enumerate(self.links):
            link.number = index + 1 if numbered and index < MAX_NUMBERED else None


class AskScreen(Screen[None]):
    """Ask a question; read the answer; follow its links."""

    CSS_PATH = "ask.tcss"
    SUB_TITLE = "Ask"
    AUTO_FOCUS = "#question"

    BINDINGS = [
        *(_pick_binding(number) for number in range(1, MAX_NUMBERED + 1)),
        Binding("pageup", "scroll_transcript(-1)", "Scroll up", id="ask.scroll-up", show=False, priority=True,
                tooltip="Scroll the conversation up."),
        Binding("pagedown", "scroll_transcript(1)", "Scroll down", id="ask.scroll-down", show=False, priority=True,
                tooltip="Scroll the conversation down."),
        Binding("ctrl+n", "new_conversation", "New", id="ask.new", show=False,
                tooltip="Start again: clear the conversation and the questions kept for up/down."),
    ]

    app = getters.app(LearnbotApp)
    question_input = getters.query_one("#question", QuestionInput)
    transcript = getters.query_one("#transcript", VerticalScroll)

    def __init__(self, pack: Pack, conversation: Lazy["Conversation"]) -> None:
        """Args:
        pack: The content the answers come from.
        conversation: The ask engine, built on first use.
        """
        super().__init__()
        self.pack = pack
        self.conversation = conversation
        self._choices: Welcome | AnswerCard = Welcome(pack)
        """The card (or welcome) whose links the number keys pick."""
        self._box_empty = True

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="transcript", can_focus=False):
            yield self._choices
        yield QuestionInput(id="question", placeholder="Type a question, then press Enter")
        yield Footer()

    # --- asking ----------------------------------------------------------------------------

    @on(QuestionAsked)
    def _question_asked(self, message: QuestionAsked) -> None:
        message.stop()
        self.ask(message.text)

    def ask(self, question: str) -> None:
        """Ask the engine and add its answer to the transcript."""
        try:
            answer = self.conversation.get().ask(question)
        except Exception as error:  # the engine must never take the app down with it
            self.log.error("ask failed", error)
            self.notify(f"learnbot could not answer that: {error}", severity="error", markup=False)
            return
        if not answer.case_details_warning:
            self.question_input.remember(question)
        if answer.answered and answer.best is not None:
            self.app.recorder.item_read(answer.best.id, "app")
        self._add_card(AnswerCard(answer))

    def show_item(self, item: Item, how: str) -> None:
        """Show an item the practitioner picked as if it were the answer."""
        if self.conversation.ready:
            answer = self.conversation.get().choose(item)  # follow-ups now refer to it
        else:
            answer = Answer(
                question=item.title,
                answered=True,
                confidence=STRONG,
                matches=(Match(item, 100.0),),
                related=self.pack.related_items(item)[:3],
            )
        self.app.recorder.item_read(item.id, "app")
        self._add_card(AnswerCard(answer, heading=Content.assemble((f"{how}: ", "bold"), item.title)))

    def _add_card(self, card: AnswerCard) -> None:
        self.transcript.mount(card)
        self._set_choices(card)
        self.call_after_refresh(self._reveal, card)

    @on(Markdown.TableOfContentsUpdated)
    def _passage_laid_out(self, event: Markdown.TableOfContentsUpdated) -> None:
        """A passage's Markdown is parsed (on a thread) and mounted after its card: scroll again."""
        event.stop()
        card = self._choices
        if isinstance(card, AnswerCard) and card in event.markdown.ancestors:
            self.call_after_refresh(self._reveal, card)

    def _reveal(self, card: AnswerCard) -> None:
        """Scroll to the new card: its end, unless it is taller than the view (then its top)."""
        if card.outer_size.height > self.transcript.scrollable_content_region.height:
            self.transcript.scroll_to_widget(card, animate=False, top=True)
        else:
            self.transcript.scroll_end(animate=False)

    def _set_choices(self, holder: Welcome | AnswerCard) -> None:
        """Make ``holder`` (built with numbered links) the one the number keys pick from."""
        if self._choices is not holder and self._choices.is_attached:
            self._choices.number_links(False)
        self._choices = holder
        self.refresh_bindings()

    # --- choosing --------------------------------------------------------------------------

    @on(ItemChosen)
    def _item_chosen(self, message: ItemChosen) -> None:
        message.stop()
        if message.purpose == "suggestion":
            self.show_item(message.item, "You chose")
        else:
            self.app.open_item(message.item)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "pick":
            (number,) = parameters
            return self._box_empty and int(number) <= self._choices.choice_count  # type: ignore[arg-type]
        return True

    def action_pick(self, number: int) -> None:
        for link in self._choices.links:
            if link.number == number:
                link.action_choose()
                return

    def on_input_changed(self, event: QuestionInput.Changed) -> None:
        """The number keys pick only while the box is empty: show or hide them when that changes."""
        empty = not event.value
        if empty != self._box_empty:
            self._box_empty = empty
            self.refresh_bindings()

    def action_scroll_transcript(self, direction: int) -> None:
        if direction < 0:
            self.transcript.scroll_page_up()
        else:
            self.transcript.scroll_page_down()

    async def action_new_conversation(self) -> None:
        """Forget the conversation: its context, its cards, and the questions kept for recall."""
        if self.conversation.ready:
            self.conversation.get().reset()
        self.question_input.forget()
        await self.transcript.remove_children()
        welcome = Welcome(self.pack)
        await self.transcript.mount(welcome)
        self._set_choices(welcome)
        self.question_input.focus()
