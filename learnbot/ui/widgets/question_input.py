"""Where a practitioner types a question; up and down bring back earlier questions of this session.

The recalled questions live only in this widget, in memory, and go when the app closes. The screen
decides which questions to keep (never one that looked like it held case details).
"""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import Input

from learnbot.ui.messages import QuestionAsked


class QuestionInput(Input):
    """A one-line question box with this session's history on the arrow keys."""

    BINDINGS = [
        Binding("up", "recall(-1)", "Earlier question", id="question.earlier", show=False,
                tooltip="Bring back the question you asked before this one."),
        Binding("down", "recall(1)", "Later question", id="question.later", show=False,
                tooltip="Go forward again through the questions you asked."),
    ]

    def __init__(self, **kwargs) -> None:
        super().__init__(select_on_focus=False, **kwargs)
        self._history: list[str] = []
        self._position: int | None = None
        """Index into the history while recalling; None while typing something new."""
        self._draft = ""
        """What was typed before recalling started, restored on the way back down."""

    def check_consume_key(self, key: str, character: str | None) -> bool:
        """Let a number key through to the screen while the box is empty, so it can pick a link.

        If the screen has no link with that number, the key comes back here and is typed as usual.
        """
        if not self.value and character is not None and character in "123456789":
            return False
        return super().check_consume_key(key, character)

    def remember(self, question: str) -> None:
        """Keep ``question`` for recall (skipping a repeat of the last one)."""
        if question.strip() and (not self._history or self._history[-1] != question):
            self._history.append(question)
        self._position = None

    @property
    def history(self) -> tuple[str, ...]:
        """The questions kept for recall, oldest first."""
        return tuple(self._history)

    def forget(self) -> None:
        """Drop every remembered question (a new conversation)."""
        self._history.clear()
        self._position = None
        self._draft = ""

    def action_recall(self, step: int) -> None:
        if not self._history:
            return
        if self._position is None:
            if step > 0:
                return
            self._draft = self.value
            position = len(self._history) - 1
        else:
            position = self._position + step
        if position < 0:
            return
        if position >= len(self._history):
            self._position = None
            self.value = self._draft
        else:
            self._position = position
            self.value = self._history[position]
        self.cursor_position = len(self.value)

    async def action_submit(self) -> None:
        """Post the question (if there is one) and clear the box for the next."""
        question = self.value
        if not question.strip():
            return
        self.value = ""
        self._position = None
        self._draft = ""
        self.post_message(QuestionAsked(question))
