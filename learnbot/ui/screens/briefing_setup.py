"""Setting up a team briefing: who is taking part, how many rounds and questions, and a timer.

What the facilitator types is checked by the core (:func:`~learnbot.core.team_briefing.check_names`
and :meth:`~learnbot.core.team_briefing.TeamBriefing.start`); a problem is shown under the form, as
text, and nothing starts until it is fixed.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from textual import getters, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Footer, Header, Input, Label, Select, Static, Switch

from learnbot.core.quiz import QUIZ_TOPICS, QuizError
from learnbot.core.team_briefing import TeamBriefing, check_names, parse_names
from learnbot.core.topics import TOPIC_NAMES
from learnbot.ui.app import LearnbotApp, quiet_keys
from learnbot.ui.screens.briefing import BriefingScreen, BriefingSettings


class BriefingSetupScreen(Screen[None]):
    """The form a facilitator fills in before the first question."""

    CSS_PATH = ["quiz.tcss", "briefing.tcss"]
    AUTO_FOCUS = "#setup-names"

    BINDINGS = [
        Binding("ctrl+s", "start", "Start", id="briefing-setup.start", priority=True,
                tooltip="Start the briefing with these settings."),
        Binding("escape", "back", "Back", id="briefing-setup.back",
                tooltip="Leave without starting a briefing."),
        *quiet_keys("briefing-setup"),
    ]

    app = getters.app(LearnbotApp)

    def __init__(self, settings: BriefingSettings = BriefingSettings()) -> None:
        super().__init__()
        self.settings = settings

    def compose(self) -> ComposeResult:
        s = self.settings
        yield Header()
        with VerticalScroll(id="setup-body"):
            yield Label(Content("Teams or participants, separated by commas:"), id="setup-label")
            yield Input(", ".join(s.names), placeholder="Red, Blue", id="setup-names")
            with Horizontal(classes="setup--row"):
                yield Switch(s.participants, id="setup-participants")
                yield Label(Content("These are named participants, not teams"))
            with Horizontal(classes="setup--row"):
                yield Label(Content("Rounds:"))
                yield Input(str(s.rounds), type="integer", id="setup-rounds", classes="setup--number")
                yield Label(Content("Questions per round:"))
                yield Input(str(s.questions), type="integer", id="setup-questions", classes="setup--number")
            with Horizontal(classes="setup--row"):
                yield Label(Content("Topic:"))
                yield Select([(TOPIC_NAMES[t], t) for t in QUIZ_TOPICS], value=s.topic, allow_blank=False,
                             id="setup-topic")
            with Horizontal(classes="setup--row"):
                yield Label(Content("Timer, seconds per question (blank: no timer):"))
                yield Input(str(s.timer) if s.timer else "", type="integer", id="setup-timer",
                            classes="setup--number")
            yield Static(Content(""), id="setup-error")
            yield Button("Start", variant="primary", id="setup-start")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Team briefing"
        self.sub_title = "set-up"

    def _number(self, widget_id: str, what: str, *, blank: int | None = None) -> int:
        text = self.query_one(widget_id, Input).value.strip()
        if not text and blank is not None:
            return blank
        try:
            value = int(text)
        except ValueError:
            raise QuizError(f"{what} must be a whole number") from None
        if value < 1 and blank is None:
            raise QuizError(f"{what} must be 1 or more")
        return max(value, 0)

    def read_settings(self) -> BriefingSettings:
        """The settings as typed.

        Raises:
            QuizError: something typed cannot make a session.
        """
        return replace(
            self.settings,
            names=check_names(parse_names(self.query_one("#setup-names", Input).value)),
            participants=self.query_one("#setup-participants", Switch).value,
            rounds=self._number("#setup-rounds", "Rounds"),
            questions=self._number("#setup-questions", "Questions per round"),
            topic=str(self.query_one("#setup-topic", Select).value),
            timer=self._number("#setup-timer", "The timer", blank=0),
        )

    @on(Input.Submitted)
    @on(Button.Pressed, "#setup-start")
    def action_start(self) -> None:
        try:
            settings = self.read_settings()
            session = TeamBriefing.start(
                self.app.pack, settings.names, settings.rounds, settings.questions, settings.topic,
                settings.seed, participants=settings.participants, recorder=self.app.recorder,
                started=datetime.now(),
            )
        except QuizError as err:
            message = str(err)
            self.query_one("#setup-error", Static).update(Content(message[:1].upper() + message[1:] + "."))
            return
        self.app.switch_screen(BriefingScreen(session, settings))

    def action_back(self) -> None:
        self.dismiss()
