"""The Progress screen: what the practitioner has covered, their quiz results, and what to review next.

Everything shown is :func:`learnbot.core.progress.summary.summarise` of the store's records, worked
out again each time the screen comes back into view, so an item read or a quiz step answered
elsewhere shows here at once. Items in the review-next queue are links that open them.
"""

from __future__ import annotations

from datetime import datetime, timezone

from textual import getters, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, Label, ProgressBar, Static

from learnbot.core.progress.store import StoreError
from learnbot.core.progress.summary import REASON_LABELS, Progress, day, plural_label, summarise
from learnbot.core.topics import TOPIC_NAMES
from learnbot.ui.app import LearnbotApp, quiet_keys
from learnbot.ui.messages import ItemChosen
from learnbot.ui.widgets.links import ItemLink

REVIEW_SHOWN = 12
"""How many review-next entries the screen lists (``learnbot progress --json`` has them all)."""


class ProgressScreen(Screen[None]):
    """Coverage, quiz results per topic, the scenarios missed most, and a review-next queue."""

    CSS_PATH = "progress.tcss"
    AUTO_FOCUS = "#progress-body"

    BINDINGS = [
        Binding("escape", "back", "Back", id="progress.back", tooltip="Close Progress and go back."),
        Binding("f5", "back", "Back", id="progress.close", show=False,
                tooltip="F5 again closes Progress, as Esc does."),
        Binding("s", "switch_profile", "Switch profile", id="progress.switch",
                tooltip="Choose another profile, or make one."),
        *quiet_keys("progress", ("app.ask", "app.browse", "app.glossary")),
    ]

    app = getters.app(LearnbotApp)

    def __init__(self) -> None:
        super().__init__()
        self.progress: Progress | None = None
        """What is showing (None: no profile, or the store could not be read)."""
        self.problem = ""
        """Why nothing can be shown, if so."""
        self._resumed = False

    def _work_out(self) -> None:
        app = self.app
        self.progress, self.problem = None, ""
        if app.store is None or app.profile is None:
            self.problem = (
                "Progress is not being kept: no profile is chosen. Press S to choose or make one."
                if app.store is not None else "Progress is not being kept in this session."
            )
            return
        try:
            statements = app.store.statements(app.profile, pack_id=app.pack.meta.id)
        except StoreError as err:
            self.problem = f"Your progress could not be read: {err}"
            return
        self.progress = summarise(app.pack, app.profile, statements, datetime.now(timezone.utc))

    def compose(self) -> ComposeResult:
        self._work_out()
        yield Header()
        with VerticalScroll(id="progress-body"):
            if self.progress is None:
                yield Static(Content(self.problem), id="progress-problem")
            else:
                yield from self._report(self.progress)
        yield Footer()

    def _report(self, progress: Progress) -> ComposeResult:
        yield Static(Content("Coverage"), classes="progress--heading")
        for kind, (done, total) in progress.coverage().items():
            with Horizontal(classes="progress--row"):
                yield Label(Content(plural_label(kind)), classes="progress--kind")
                yield ProgressBar(total=total, show_eta=False, show_percentage=False, id=f"bar-{kind}")
                yield Label(Content(f"{done} of {total} reviewed"), id=f"coverage-{kind}")

        yield Static(Content("Quiz results"), classes="progress--heading")
        if not progress.topics:
            yield Static(Content("This briefing has no scenarios."), classes="dim")
        for t in progress.topics:
            name = TOPIC_NAMES.get(t.topic, t.topic)
            line = (
                f"{name}: {t.correct} of {t.answered} answers right; {t.steps_answered} of {t.steps} "
                f"steps tried, {t.steps_right} right last time."
                if t.answered else f"{name}: not tried yet ({t.steps} steps)."
            )
            yield Static(Content(line), classes="progress--topic")
        if progress.missed_most:
            yield Static(Content("Scenarios missed most"), classes="progress--heading")
            for m in progress.missed_most:
                yield Static(Content(f"{m.scenario.title}: {m.wrong} of {m.answered} answers wrong."))

        yield Static(Content("Review next"), classes="progress--heading")
        if not progress.review_next:
            yield Static(Content("Nothing: every point is reviewed and up to date."), classes="dim")
        for entry in progress.review_next[:REVIEW_SHOWN]:
            item = self.app.pack.get(entry.id) if entry.kind != "scenario-step" else None
            why = REASON_LABELS[entry.reason]
            if item is not None:
                yield ItemLink(item, "review", classes="progress--review")
                yield Static(Content(why), classes="progress--why")
            else:
                yield Static(Content(f"  {entry.title}"), classes="progress--review")
                yield Static(Content(why), classes="progress--why")
        hidden = len(progress.review_next) - REVIEW_SHOWN
        if hidden > 0:
            yield Static(Content(f"... and {hidden} more (learnbot progress --json lists them all)."),
                         classes="dim")

    def on_mount(self) -> None:
        self._shown()

    def _shown(self) -> None:
        profile = self.app.profile
        self.sub_title = f"Progress \u00b7 {profile.name}" if profile else "Progress"
        if self.progress is not None:
            self.sub_title += f" \u00b7 {day(self.progress.now)}"
            for kind, (done, _) in self.progress.coverage().items():
                self.query_one(f"#bar-{kind}", ProgressBar).progress = done

    async def on_screen_resume(self) -> None:
        """Back in view (after reading an item, say): show what has changed."""
        if not self._resumed:  # the first showing was just composed
            self._resumed = True
            return
        await self.recompose()
        self.query_one("#progress-body").focus()
        self._shown()

    def action_back(self) -> None:
        self.dismiss()

    def action_switch_profile(self) -> None:
        self.app.choose_profile()

    @on(ItemChosen)
    def _item_chosen(self, message: ItemChosen) -> None:
        message.stop()
        self.app.open_item(message.item)
