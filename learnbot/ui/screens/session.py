"""A quiz or a team briefing under way, and the question asked before it is left.

Leaving one in the middle, by its own Esc, by F2, F3 or F4 (or the palette's "Go to:"), or by
quitting with Ctrl+Q, first asks in a small box: Enter or y leaves, Esc or n stays. F1 Help and F5 Progress open over it
instead, and Esc comes back to it. The app finds the session with
:meth:`~learnbot.ui.app.LearnbotApp.session_under_way` before it goes anywhere.
"""

from __future__ import annotations

from typing import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer, Static

Then = Callable[[], object]
"""Where to go once the session is left (the screen the practitioner asked for)."""


class ConfirmLeave(ModalScreen[bool]):
    """Asks whether to leave a session; dismisses with True to leave, False to stay."""

    DEFAULT_CLASSES = "modal"
    BINDINGS = [
        Binding("enter,y", "answer(True)", "Yes", id="confirm-leave.yes",
                tooltip="Yes: leave the quiz (or end the briefing), as the box asks."),
        Binding("escape,n", "answer(False)", "No", id="confirm-leave.no",
                tooltip="No: stay where you are and carry on."),
    ]

    def __init__(self, question: str, detail: str) -> None:
        """Args:
        question: What is asked ("Leave the quiz?").
        detail: What leaving means for the practitioner's work so far.
        """
        super().__init__()
        self.question = question
        self.detail = detail

    def compose(self) -> ComposeResult:
        with Vertical(classes="modal-box"):
            yield Static(Content.styled(self.question, "bold"), id="confirm-question")
            yield Static(Content(self.detail), id="confirm-detail")
            yield Static(Content("Enter or Y: yes, leave.   Esc or N: no, stay."), classes="dim")
        yield Footer()

    def action_answer(self, leave: bool) -> None:
        self.dismiss(leave)


class SessionScreen(Screen[None]):
    """A screen with work under way that leaving would cut short (a quiz, a team briefing)."""

    def leave_question(self) -> tuple[str, str]:
        """What to ask before leaving, and what leaving means (for :class:`ConfirmLeave`)."""
        raise NotImplementedError

    def quit_detail(self) -> str:
        """What quitting learnbot now means for the session (for :class:`ConfirmLeave`)."""
        return self.leave_question()[1]

    def end(self) -> None:
        """Close the session's records before learnbot quits (nothing, unless a session keeps some)."""

    def leave(self, then: Then | None) -> None:
        """Leave, once the practitioner has said so.

        Args:
            then: Where to go next, if the session goes there rather than to a screen of its own.
        """
        raise NotImplementedError

    def request_leave(self, then: Then | None = None) -> None:
        """Ask whether to leave; if so, close whatever is open over this screen, then :meth:`leave`."""

        def answered(leave: bool | None) -> None:
            if leave:
                while self.app.screen is not self:
                    self.app.pop_screen()
                self.leave(then)

        self.app.push_screen(ConfirmLeave(*self.leave_question()), answered)
