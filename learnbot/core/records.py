"""What the rest of learnbot tells the progress store, as one small interface.

The app, the quiz and the command line report learning events through a :class:`Recorder`; they
never talk to SQLite. :class:`NullRecorder` is used when no progress is kept (tests, `--no-progress`).
Only ids, results and times are recorded: never the words a practitioner typed.
"""

from __future__ import annotations

from typing import Protocol, Sequence


class Recorder(Protocol):
    """Receives learning events for the current practitioner profile."""

    def item_read(self, item_id: str, via: str) -> None:
        """An item was read in full (``via``: "app", "show", "ask", "quiz-feedback" ...)."""

    def step_answered(
        self, scenario_id: str, step_index: int, topic: str, correct: bool, cites: Sequence[str]
    ) -> None:
        """A quiz step was answered (``step_index`` from 0), right or wrong."""

    def briefing_attended(
        self, session_id: str, participants: Sequence[str], item_ids: Sequence[str]
    ) -> None:
        """A team briefing ran: each named participant covered these items."""


class NullRecorder:
    """Records nothing."""

    def item_read(self, item_id: str, via: str) -> None:
        pass

    def step_answered(self, scenario_id, step_index, topic, correct, cites) -> None:
        pass

    def briefing_attended(self, session_id, participants, item_ids) -> None:
        pass
