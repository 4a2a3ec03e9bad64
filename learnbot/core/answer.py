"""What an answer to a practitioner's question is, whoever shows it (CLI, chat, app).

The JSON shape of :meth:`Answer.to_json` is a contract other tools read (`learnbot ask --json`):
``{"question", "answered", "matches": [{"id", "kind", "title", "text", "section", "score"}],
"suggestions": [...]}``. Add keys; never rename or remove one.
"""

from __future__ import annotations

from dataclasses import dataclass

from learnbot.core.model import Item

STRONG = "strong"
PARTIAL = "partial"
NONE = "none"


@dataclass(frozen=True)
class Match:
    """An item and how well it answers the question (0-100)."""

    item: Item
    score: float


@dataclass(frozen=True)
class Answer:
    """learnbot's reply to one question."""

    question: str
    """The question as typed (never stored)."""
    answered: bool
    """True when learnbot has a confident answer from the briefing."""
    confidence: str
    """:data:`STRONG`, :data:`PARTIAL` or :data:`NONE` (not answered)."""
    matches: tuple[Match, ...] = ()
    """Best first; empty when not answered."""
    suggestions: tuple[Item, ...] = ()
    """"Did you mean" items (when not answered), at most three."""
    related: tuple[Item, ...] = ()
    """Up to three items related to the best match (its recommendation, learning point ...)."""
    further: tuple[Item, ...] = ()
    """Further-information items worth pointing to (procedures the briefing lists)."""
    case_details_warning: str = ""
    """Non-empty when the question looks like it holds a child's or family's details."""
    note: str = ""
    """A short line of context, e.g. how a follow-up was understood."""
    message: str = ""
    """For questions that cannot be matched at all (empty input): what to do instead."""
    not_stated: str = ""
    """When the briefing covers the question's topic but not what it asks for ("who chairs it",
    "a date"): what that is. The suggestions then hold the passages on the topic."""

    @property
    def not_covered_line(self) -> str:
        """What to say when there is no answer: plainly, and as exactly as learnbot can."""
        if self.message:
            return self.message
        if self.not_stated:
            return f"The briefing touches on this but does not give {self.not_stated}."
        return "The briefing does not cover that."

    @property
    def best(self) -> Item | None:
        """The best matching item, if answered."""
        return self.matches[0].item if self.matches else None

    def to_json(self) -> dict:
        """The `learnbot ask --json` shape."""
        out = {
            "question": self.question,
            "answered": self.answered,
            "confidence": self.confidence,
            "matches": [
                {
                    "id": m.item.id,
                    "kind": m.item.kind,
                    "title": m.item.title,
                    "text": m.item.text,
                    "section": m.item.section,
                    "quote": m.item.quote,
                    "score": round(m.score, 1),
                }
                for m in self.matches
            ],
            "suggestions": [
                {"id": s.id, "kind": s.kind, "title": s.title} for s in self.suggestions
            ],
            "related": [{"id": r.id, "kind": r.kind, "title": r.title} for r in self.related],
            "further_information": [{"id": f.id, "title": f.title} for f in self.further],
            "case_details_warning": self.case_details_warning or None,
            "not_stated": self.not_stated or None,
        }
        return out
