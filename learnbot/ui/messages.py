"""Messages the app's widgets post: facts that happened, for a screen to act on.

Widgets never decide what a choice means; they say what the practitioner did, and the screen that
holds them decides (ask the question, open the item, show it as an answer).
"""

from __future__ import annotations

from textual.message import Message

from learnbot.core.model import Item


class QuestionAsked(Message):
    """A practitioner asked a question (typed it, or picked an example)."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text
        """The question exactly as typed."""


class ItemChosen(Message):
    """A practitioner chose an item from a list of links."""

    def __init__(self, item: Item, purpose: str) -> None:
        super().__init__()
        self.item = item
        """The item chosen."""
        self.purpose = purpose
        """Why it was offered: ``related``, ``suggestion`` ("did you mean"), ``further`` or ``link``."""
