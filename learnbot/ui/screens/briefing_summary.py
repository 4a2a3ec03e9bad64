"""The end of a team briefing: the session summary, and saving it as Markdown and CSV.

The summary is the core's own Markdown (``SessionSummary.to_markdown``), in which everything typed
is already escaped, so a team called ``[bold]x`` shows exactly that. Saving says where it wrote.
"""

from __future__ import annotations

from pathlib import Path

from textual import getters
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, Markdown, Static

from learnbot.core.team_briefing import SessionSummary, save_summary
from learnbot.ui.app import LearnbotApp, quiet_keys


class BriefingSummaryScreen(Screen[None]):
    """Each question and each team's answer, the scores, what was covered, and the notes."""

    CSS_PATH = ["quiz.tcss", "briefing.tcss"]
    AUTO_FOCUS = "#briefing-summary"

    BINDINGS = [
        Binding("s", "save", "Save", id="briefing-summary.save",
                tooltip="Save the summary as a Markdown file and a CSV file, and say where."),
        Binding("escape", "close", "Close", id="briefing-summary.close",
                tooltip="Close the summary and go back (save it first if you want to keep it)."),
        *quiet_keys("briefing-summary"),
    ]

    app = getters.app(LearnbotApp)

    def __init__(self, summary: SessionSummary, save_dir: Path | None = None) -> None:
        """Args:
        summary: The session's summary.
        save_dir: Where to save (None: the ``briefings`` folder in learnbot's data folder).
        """
        super().__init__()
        self.summary = summary
        self.save_dir = save_dir
        self.saved: tuple[Path, Path] | None = None
        """The Markdown and CSV files written, once saved."""

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(Content("Press s to save this summary as Markdown and CSV."), id="saved-to")
        with VerticalScroll(id="briefing-summary"):
            yield Markdown(self.summary.to_markdown(), open_links=False)
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Team briefing"
        self.sub_title = "summary"

    def action_save(self) -> None:
        folder = self.save_dir
        if folder is None:
            from learnbot.locations import data_dir

            folder = data_dir() / "briefings"
        try:
            self.saved = save_summary(self.summary, folder)
        except OSError as err:
            self.query_one("#saved-to", Static).update(Content(f"Could not save to {folder}: {err.strerror or err}"))
            self.notify("The summary was not saved.", severity="error")
            return
        markdown, csv_path = self.saved
        self.query_one("#saved-to", Static).update(
            Content.assemble(("Saved: ", "bold"), str(markdown), " and ", str(csv_path))
        )
        self.notify(f"Saved to {markdown.parent}", timeout=4)

    def action_close(self) -> None:
        self.dismiss()
