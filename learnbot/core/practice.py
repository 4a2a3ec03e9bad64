"""A pack's practice material: scenario quizzes and reflection questions for team discussion.

Kept apart from :mod:`learnbot.core.model` (the briefing's items) so that answering a question,
which never reads them, does not pay to define them: `learnbot ask` starts faster.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Reflection:
    """A question for team discussion: learnbot's own words, never a quote."""

    id: str
    text: str
    related: tuple[str, ...] = ()
    """Items the question reflects on."""


@dataclass(frozen=True)
class Option:
    """One answer a scenario step offers."""

    text: str
    feedback: str
    """Why this option is right or wrong, resting on the step's cited items."""
    correct: bool = False
    """For single and multiple choice: whether choosing it is right."""
    position: int | None = None
    """For ordering steps: its place (1..n) in the right order."""


@dataclass(frozen=True)
class Step:
    """One decision in a scenario."""

    prompt: str
    type: str
    """``single``, ``multiple`` or ``order``."""
    options: tuple[Option, ...]
    cites: tuple[str, ...]
    """Item ids the step rests on; the feedback shows them in the briefing's words."""
    feedback: str = ""
    """Feedback for the step as a whole (optional)."""
    discussion: str = ""
    """An optional prompt for team discussion before answering."""


@dataclass(frozen=True)
class Scenario:
    """A realistic, fictional situation with one or more decisions to make."""

    id: str
    topic: str
    """``escalation`` or ``voice-of-the-child``."""
    title: str
    setting: str
    """The situation, learnbot's own (fictional, anonymised) words."""
    steps: tuple[Step, ...]
    roles: tuple[str, ...] = ()
    source_file: str = ""
    source_line: int = 0
