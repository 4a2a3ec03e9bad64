"""The team briefing, run by a facilitator on a meeting-room screen.

Each question is shown large, with an optional discussion prompt and an optional timer. The
facilitator records each team's answer with keys (Tab moves between teams, number keys pick, Enter
records) and the team bar shows who has answered, never what, until the reveal. The reveal shows
the right answer, each team's result, the feedback and the briefing's words; a scoreboard, which
can be hidden, comes between rounds. The core :class:`~learnbot.core.team_briefing.TeamBriefing`
decides everything; this screen shows it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from textual import getters, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.timer import Timer
from textual.widgets import Footer, Header, Input, Static

from learnbot.core.model import Pack
from learnbot.core.quiz import Choice, right_answer_text
from learnbot.core.records import Recorder
from learnbot.core.team_briefing import Phase, TeamBriefing, result_word
from learnbot.ui.app import LearnbotApp, quiet_keys
from learnbot.ui.screens.quiz import number_bindings
from learnbot.ui.screens.quiz_widgets import (
    CitedPassages,
    PicksOptions,
    ScenarioView,
    option_feedback,
    option_rows,
    scenario_heading,
)
from learnbot.ui.screens.session import SessionScreen, Then


@dataclass(frozen=True)
class BriefingSettings:
    """How a session is set up (from the command line, or typed on the set-up screen)."""

    names: tuple[str, ...] = ()
    """Team or participant names; none opens the set-up screen."""
    participants: bool = False
    """The names are people, not teams."""
    rounds: int = 2
    questions: int = 3
    """Scenarios per round."""
    topic: str = "mixed"
    seed: int | None = None
    timer: int = 0
    """Seconds per question; 0 for no timer."""
    save_dir: Path | None = None
    """Where the summary is saved (None: the data folder's ``briefings``)."""


def first_screen(pack: Pack, settings: BriefingSettings, recorder: Recorder | None = None) -> Screen:
    """The briefing itself when the names are known, else the set-up screen."""
    if settings.names:
        session = TeamBriefing.start(
            pack, settings.names, settings.rounds, settings.questions, settings.topic, settings.seed,
            participants=settings.participants, recorder=recorder, started=datetime.now(),
        )
        return BriefingScreen(session, settings)
    from learnbot.ui.screens.briefing_setup import BriefingSetupScreen

    return BriefingSetupScreen(settings)


def clock(seconds: int) -> str:
    """``1:05``."""
    return f"{seconds // 60}:{seconds % 60:02d}"


class NoteScreen(ModalScreen[str | None]):
    """Type a facilitator's note; Enter keeps it, Escape does not."""

    DEFAULT_CLASSES = "modal"
    AUTO_FOCUS = "#note-input"
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="briefing-note.cancel", tooltip="Close without keeping a note."),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(classes="modal-box"):
            yield Static(Content("A note for the session summary (Enter keeps it, Escape cancels):"))
            yield Input(placeholder="What the room said, a question to follow up ...", id="note-input",
                        max_length=500)
        yield Footer()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)


class BriefingScreen(PicksOptions, SessionScreen):
    """Run the rounds: ask, record each team's answer, reveal, scoreboard.

    Its footer has room for the keys a facilitator needs on every question; d (discussion) and
    t (timer) are told beside what they control, and the palette's key is left out (Ctrl+P
    still works).
    """

    CSS_PATH = ["quiz.tcss", "briefing.tcss"]
    AUTO_FOCUS = "#briefing-body"

    BINDINGS = [
        *number_bindings("briefing", "Pick option {n} for the team shown (for an order, place it next)."),
        Binding("enter", "record", "Record", id="briefing.record",
                tooltip="Record the picked answer for the team shown, then go to the next team."),
        Binding("enter", "next", "Next", id="briefing.next", tooltip="Go on to the next question."),
        Binding("enter", "next_round", "Next round", id="briefing.next-round",
                tooltip="Start the next round."),
        Binding("tab", "team(1)", "Team", id="briefing.next-team", priority=True,
                tooltip="Record for the next team."),
        Binding("shift+tab", "team(-1)", "Previous", id="briefing.previous-team", show=False,
                priority=True, tooltip="Record for the previous team."),
        Binding("backspace", "undo", "Undo", id="briefing.undo", show=False,
                tooltip="Take back the last option picked."),
        Binding("r", "reveal", "Reveal", id="briefing.reveal",
                tooltip="Show the right answer, each team's result, the feedback and the briefing's words."),
        Binding("d", "discussion", "Discuss", id="briefing.discussion", show=False,
                tooltip="Show or hide the question's discussion prompt."),
        Binding("t", "timer", "Timer", id="briefing.timer", show=False,
                tooltip="Pause or restart the countdown."),
        Binding("s", "scores", "Scores", id="briefing.scores",
                tooltip="Show or hide the scoreboard."),
        Binding("n", "note", "Note", id="briefing.note", tooltip="Type a note for the session summary."),
        Binding("escape", "end", "End", id="briefing.end",
                tooltip="End the session, once you have said so, and see its summary (what was revealed so far)."),
        *quiet_keys("briefing"),
    ]

    app = getters.app(LearnbotApp)

    def __init__(self, session: TeamBriefing, settings: BriefingSettings = BriefingSettings()) -> None:
        """Args:
        session: A session started in the core (``TeamBriefing.start``).
        settings: The timer and where to save the summary.
        """
        super().__init__()
        self.session = session
        """The session being run."""
        self.settings = settings
        self.team_index = 0
        """Which team the number keys record for."""
        self.choice = self._new_choice()
        self.show_discussion = False
        self.show_scores = True
        self.time_left = settings.timer
        self._ticker: Timer | None = None

    def _new_choice(self) -> Choice:
        question = self.session.question
        return Choice.for_question(question) if question else Choice("single", 0)

    @property
    def team(self) -> str:
        """The team the number keys record for."""
        return self.session.teams[self.team_index]

    # --- what shows ----------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="briefing-body"):
            yield from self._body()
        yield Static(self._team_bar(), id="team-bar")
        yield Footer(show_command_palette=False)

    def _body(self) -> ComposeResult:
        session, question = self.session, self.session.question
        if session.phase is Phase.SCOREBOARD:
            yield from self._scoreboard()
            return
        if question is None:
            return
        if session.phase is Phase.ASKING:
            yield ScenarioView(question, discussion=self.show_discussion, classes="-large")
            who = "participant" if session.participants else "team"
            discuss = ""
            if question.step.discussion:
                discuss = f" Press d to {'hide' if self.show_discussion else 'show'} the question for discussion."
            yield Static(Content(f"{question.instruction} Press Enter to record it for the {who} shown below.{discuss}"),
                         classes="quiz--instruction")
            yield from option_rows(question, self.choice)
            yield Static(Content(""), id="briefing-hint", classes="quiz--hint")
            return
        asked = session.last
        assert asked is not None
        yield Static(scenario_heading(question), classes="quiz--title")
        yield Static(Content(question.step.prompt), classes="quiz--prompt")
        yield Static(Content.assemble(("Right answer: ", "bold"), right_answer_text(question.step)),
                     classes="briefing--right")
        results = []
        for team, marking in asked.answers:
            word = result_word(marking)
            if marking is not None and marking.partial:
                word += f" ({marking.right} of {marking.out_of})"
            results.append(Content.assemble((team, "bold"), f": {word}"))
        yield Static(Content("   ").join(results), classes="briefing--results")
        yield Static(Content(f"{asked.percent_right}% right."), classes="quiz--instruction")
        yield from option_feedback(question, None)
        if question.step.feedback:
            yield Static(Content(question.step.feedback), classes="quiz--step-feedback")
        yield CitedPassages(self.app.pack, question.step.cites)

    def _scoreboard(self) -> ComposeResult:
        session = self.session
        yield Static(Content(f"End of round {session.round} of {session.rounds}"), classes="quiz--title")
        if self.show_scores:
            width = max(len(t) for t in session.teams)
            lines = [
                Content.assemble((f"{team:<{width}}", "bold"), f"  {points} point{'s' if points != 1 else ''}")
                for team, points in session.scoreboard()
            ]
            yield Static(Content("\n").join(lines), id="scoreboard")
        else:
            yield Static(Content("Scores are hidden. Press s to show them."), id="scoreboard")
        yield Static(Content(f"Press Enter to start round {session.round + 1}."), classes="quiz--instruction")

    def _team_bar(self) -> Content:
        session = self.session
        if session.phase is not Phase.ASKING:
            return Content("")
        parts: list[Content] = []
        answered = set(session.answered)
        for index, team in enumerate(session.teams):
            mark = "\u2714" if team in answered else "\u2026"
            style = "reverse bold" if index == self.team_index else ("$text-success" if team in answered else "")
            parts.append(Content.styled(f" {team} {mark} ", style))
        label = "Participants" if session.participants else "Teams"
        bar = Content.assemble((f"{label}: ", "$text-muted"), Content(" ").join(parts))
        if self.settings.timer:
            left = "time's up" if self.time_left <= 0 else clock(self.time_left)
            paused = self._ticker is None
            key_does = "restarts" if paused else "pauses"
            bar = Content.assemble(
                bar, ("   Time left: ", "$text-muted"),
                (left + (" (paused)" if paused and 0 < self.time_left else ""), "bold"),
                ("  t ", "bold"), (key_does, "$text-muted"),
            )
        return bar

    def on_mount(self) -> None:
        self._titles()
        self._start_timer()
        self._update_team_bar()

    def _titles(self) -> None:
        session = self.session
        n, of = session.question_in_round
        where = f"round {session.round} of {session.rounds}"
        if session.phase in (Phase.ASKING, Phase.REVEALED):
            where += f" \u00b7 question {n} of {of}"
        self.title = "Team briefing"
        self.sub_title = where

    async def _redraw(self, *, to_top: bool = False) -> None:
        body = self.query_one("#briefing-body", VerticalScroll)
        scroll_y = body.scroll_y
        await body.remove_children()
        await body.mount_all(list(self._body()))
        body.scroll_to(y=0 if to_top else scroll_y, animate=False, immediate=True)
        self._update_team_bar()
        self._titles()
        self.refresh_bindings()

    def _update_team_bar(self) -> None:
        bar = self.query_one("#team-bar", Static)
        bar.update(self._team_bar())
        bar.display = self.session.phase is Phase.ASKING

    def _hint(self, text: str) -> None:
        self.query_one("#briefing-hint", Static).update(Content(text))

    # --- the timer -----------------------------------------------------------------------------

    def _start_timer(self) -> None:
        self._stop_timer()
        if self.settings.timer and self.session.phase is Phase.ASKING and self.time_left > 0:
            self._ticker = self.set_interval(1, self._tick)

    def _stop_timer(self) -> None:
        if self._ticker is not None:
            self._ticker.stop()
            self._ticker = None

    def _tick(self) -> None:
        self.time_left -= 1
        if self.time_left <= 0:
            self._stop_timer()
            self.app.bell()
        self._update_team_bar()

    # --- keys ----------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        phase = self.session.phase
        asking = phase is Phase.ASKING
        if action == "number":
            return asking and int(parameters[0]) <= self.choice.size  # type: ignore[arg-type]
        if action in ("record", "reveal", "team"):
            return asking
        if action == "undo":
            return asking and bool(self.choice.picked)
        if action == "discussion":
            question = self.session.question
            return asking and question is not None and bool(question.step.discussion)
        if action == "timer":
            return asking and bool(self.settings.timer)
        if action == "next":
            return phase is Phase.REVEALED
        if action in ("next_round", "scores"):
            return phase is Phase.SCOREBOARD
        return True

    def answering(self) -> bool:
        return self.session.phase is Phase.ASKING

    async def action_team(self, step: int) -> None:
        self.team_index = (self.team_index + step) % len(self.session.teams)
        self.choice = self._new_choice()
        await self._redraw()

    async def action_record(self) -> None:
        session = self.session
        if not self.choice.complete:
            self._hint(self.choice.missing())
            return
        session.record(self.team, self.choice.picked)
        waiting = session.waiting
        if waiting:
            self.team_index = session.teams.index(
                next((t for t in session.teams[self.team_index + 1:] if t in waiting), waiting[0])
            )
        self.choice = self._new_choice()
        await self._redraw()
        if not waiting:
            everyone = "Every participant has" if session.participants else "Every team has"
            self._hint(f"{everyone} answered. Press r to reveal.")

    async def action_reveal(self) -> None:
        self._stop_timer()
        self.session.reveal()
        await self._redraw(to_top=True)

    async def action_next(self) -> None:
        self.session.recorder = self.app.recorder  # the app's, which changes once a profile is chosen
        if self.session.advance() is Phase.SUMMARY:
            self._show_summary()
            return
        await self._next_question()

    async def action_next_round(self) -> None:
        self.session.advance()
        await self._next_question()

    async def _next_question(self) -> None:
        self.team_index = 0
        self.choice = self._new_choice()
        self.show_discussion = False
        self.time_left = self.settings.timer
        await self._redraw(to_top=True)
        self._start_timer()

    async def action_discussion(self) -> None:
        self.show_discussion = not self.show_discussion
        await self._redraw()

    def action_timer(self) -> None:
        if self._ticker is not None:
            self._stop_timer()
        else:
            if self.time_left <= 0:
                self.time_left = self.settings.timer
            self._start_timer()
        self._update_team_bar()

    async def action_scores(self) -> None:
        self.show_scores = not self.show_scores
        await self._redraw()

    def action_note(self) -> None:
        def keep(text: str | None) -> None:
            if text and self.session.add_note(text):
                self.notify("Note kept for the summary.", timeout=2)

        self.app.push_screen(NoteScreen(), keep)

    def action_end(self) -> None:
        self.request_leave()

    def leave_question(self) -> tuple[str, str]:
        return "End the briefing now?", "Its summary comes next, with what was revealed so far, for you to save."

    def quit_detail(self) -> str:
        return ("The briefing ends and its summary is not saved. To save it first, press N, then Esc "
                "to end the briefing.")

    def end(self) -> None:
        """Record the briefing as attended (as ending it any other way does)."""
        self.session.recorder = self.app.recorder
        self.session.finish()

    def leave(self, then: Then | None) -> None:
        """End the session and show its summary (not ``then``: the summary is saved from there)."""
        self.end()
        self._show_summary()

    def _show_summary(self) -> None:
        from learnbot.ui.screens.briefing_summary import BriefingSummaryScreen

        self._stop_timer()
        self.app.switch_screen(BriefingSummaryScreen(self.session.summary(), self.settings.save_dir))
