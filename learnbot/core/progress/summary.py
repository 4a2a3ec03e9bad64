"""A practitioner's progress through a pack, worked out from their records.

:func:`summarise` is pure: it takes the pack, the profile, their statements and ``now``, so the CLI,
the app and the tests all get the same answer from the same records. :meth:`Progress.to_json` is
the ``learnbot progress --json`` shape, a contract other tools read:
``{"profile", "items": [{"id", "kind", "title", "reviewed", "last_reviewed"}], "quiz": {...},
"review_next": [...]}``. Add keys; never rename or remove one.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Iterable

from learnbot.core.model import KIND_LABELS, Item, Pack
from learnbot.core.practice import Scenario
from learnbot.core.progress.store import ANSWERED, ATTENDED, READ, Profile, Statement, iso

REFRESH_AFTER = timedelta(weeks=6)
"""An item reviewed this long ago is due a refresher."""

COVERAGE_KINDS: tuple[str, ...] = ("learning_point", "finding", "recommendation")
"""The kinds of item whose coverage is tracked (the audit's learning, as against its background)."""

FIRST_READS: tuple[str, ...] = ("learning_point", "recommendation", "finding")
"""The order unread items are suggested in: the audit's lessons first, then what it asks, then why."""

MISSED_MOST = 5
"""How many of the most-missed scenarios to name."""

ANSWERED_WRONGLY = "answered-wrongly"
CITED_BY_WRONG_ANSWER = "cited-by-wrong-answer"
REFRESHER_DUE = "refresher-due"
NEVER_READ = "never-read"
REASON_LABELS = {
    ANSWERED_WRONGLY: "answered wrongly last time",
    CITED_BY_WRONG_ANSWER: "behind a step you answered wrongly",
    REFRESHER_DUE: "due a refresher",
    NEVER_READ: "not read yet",
}
"""Why an entry is in the review-next queue, in words (queue order: this order)."""


_PLURAL_LABELS = {
    "good_practice": "Good practice",
    "further_information": "Further information",
    "methodology": "Methodology",
    "background": "Background",
    "glossary": "Glossary entries",
}


def plural_label(kind: str) -> str:
    """A heading for several items of a kind ("Learning points", "Good practice")."""
    return _PLURAL_LABELS.get(kind, KIND_LABELS.get(kind, kind) + "s")


def day(moment: datetime) -> str:
    """A date as people write it ("3 November 2026"), in UTC like the records."""
    moment = moment.astimezone(timezone.utc)
    return f"{moment.day} {moment:%B %Y}"


@dataclass(frozen=True)
class ItemProgress:
    """Whether one item has been reviewed (read, or covered at a team briefing), and when last."""

    item: Item
    last_reviewed: datetime | None
    times: int
    """How many readings and briefings covered it."""

    @property
    def reviewed(self) -> bool:
        return self.last_reviewed is not None


@dataclass(frozen=True)
class TopicResult:
    """Quiz results for one scenario topic."""

    topic: str
    answered: int
    """Answers given (a step answered twice counts twice)."""
    correct: int
    """Of those, how many were right."""
    steps: int
    """Steps on this topic in the pack."""
    steps_answered: int
    """Steps answered at least once."""
    steps_right: int
    """Steps whose latest answer was right."""


@dataclass(frozen=True)
class ScenarioMisses:
    """How often a scenario's steps were answered wrongly."""

    scenario: Scenario
    wrong: int
    answered: int


@dataclass(frozen=True)
class ReviewEntry:
    """One thing to look at next, and why."""

    reason: str
    """One of :data:`REASON_LABELS`' keys."""
    id: str
    """The item's id, or for a step the scenario's id."""
    kind: str
    """The item's kind, or ``"scenario-step"``."""
    title: str
    scenario: str | None = None
    """For a step, and for an item behind a wrong answer: the scenario."""
    step: int | None = None
    """For a step, and for an item behind a wrong answer: the step, from 0."""
    since: datetime | None = None
    """When the wrong answer was given, or when the item was last reviewed."""
    due: datetime | None = None
    """For a refresher: when it fell due."""

    def to_json(self) -> dict:
        return {
            "reason": self.reason,
            "id": self.id,
            "kind": self.kind,
            "title": self.title,
            "scenario": self.scenario,
            "step": self.step,
            "since": iso(self.since) if self.since else None,
            "due": iso(self.due) if self.due else None,
        }


@dataclass(frozen=True)
class Progress:
    """A profile's progress through a pack, at a moment."""

    profile: Profile
    pack: Pack
    now: datetime
    items: tuple[ItemProgress, ...]
    """Items of :data:`COVERAGE_KINDS`, in pack order."""
    topics: tuple[TopicResult, ...]
    missed_most: tuple[ScenarioMisses, ...]
    review_next: tuple[ReviewEntry, ...]
    answered: int
    """Quiz answers given, all topics."""
    correct: int

    def coverage(self) -> dict[str, tuple[int, int]]:
        """For each tracked kind the pack holds: (reviewed, total)."""
        out: dict[str, tuple[int, int]] = {}
        for kind in COVERAGE_KINDS:
            of_kind = [p for p in self.items if p.item.kind == kind]
            if of_kind:
                out[kind] = (sum(p.reviewed for p in of_kind), len(of_kind))
        return out

    def to_json(self) -> dict:
        """The ``learnbot progress --json`` shape (see the module docstring)."""
        return {
            "profile": self.profile.name,
            "role": self.profile.role,
            "agency": self.profile.agency,
            "pack": {"id": self.pack.meta.id, "title": self.pack.meta.title},
            "generated": iso(self.now),
            "coverage": {
                kind: {"label": plural_label(kind), "reviewed": done, "total": total}
                for kind, (done, total) in self.coverage().items()
            },
            "items": [
                {
                    "id": p.item.id,
                    "kind": p.item.kind,
                    "title": p.item.title,
                    "reviewed": p.reviewed,
                    "last_reviewed": iso(p.last_reviewed) if p.last_reviewed else None,
                    "times_reviewed": p.times,
                }
                for p in self.items
            ],
            "quiz": {
                "answered": self.answered,
                "correct": self.correct,
                "topics": [
                    {
                        "topic": t.topic,
                        "answered": t.answered,
                        "correct": t.correct,
                        "steps": t.steps,
                        "steps_answered": t.steps_answered,
                        "steps_right": t.steps_right,
                    }
                    for t in self.topics
                ],
                "missed_most": [
                    {
                        "id": m.scenario.id,
                        "title": m.scenario.title,
                        "topic": m.scenario.topic,
                        "wrong": m.wrong,
                        "answered": m.answered,
                    }
                    for m in self.missed_most
                ],
            },
            "review_next": [entry.to_json() for entry in self.review_next],
        }


def summarise(pack: Pack, profile: Profile, statements: Iterable[Statement], now: datetime) -> Progress:
    """Work out ``profile``'s progress through ``pack`` from their statements, as at ``now``.

    Statements of other profiles or packs, and ids the pack no longer holds, are ignored.
    """
    mine = sorted(
        (s for s in statements if s.profile.id == profile.id and s.pack_id == pack.meta.id),
        key=lambda s: s.at,
    )
    reviews: dict[str, list[datetime]] = {}
    for s in mine:
        if s.verb == READ:
            reviews.setdefault(s.object_id, []).append(s.at)
        elif s.verb == ATTENDED:
            for item_id in s.item_ids:
                reviews.setdefault(item_id, []).append(s.at)
    items = tuple(
        ItemProgress(item, max(reviews.get(item.id, ()), default=None), len(reviews.get(item.id, ())))
        for item in pack.items
        if item.kind in COVERAGE_KINDS
    )

    scenarios = {s.id: s for s in pack.scenarios}
    answers = [
        s for s in mine
        if s.verb == ANSWERED and s.object_id in scenarios
        and s.step_index is not None and s.step_index < len(scenarios[s.object_id].steps)
    ]
    latest: dict[tuple[str, int], Statement] = {}
    for s in answers:
        latest[(s.object_id, s.step_index)] = s  # type: ignore[index]

    topics: list[TopicResult] = []
    for topic in dict.fromkeys(s.topic for s in pack.scenarios):
        of_topic = [a for a in answers if scenarios[a.object_id].topic == topic]
        last = [a for key, a in latest.items() if scenarios[key[0]].topic == topic]
        topics.append(TopicResult(
            topic=topic,
            answered=len(of_topic),
            correct=sum(bool(a.correct) for a in of_topic),
            steps=sum(len(s.steps) for s in pack.scenarios if s.topic == topic),
            steps_answered=len(last),
            steps_right=sum(bool(a.correct) for a in last),
        ))

    wrong = Counter(a.object_id for a in answers if not a.correct)
    tries = Counter(a.object_id for a in answers)
    missed = sorted(wrong, key=lambda sid: (-wrong[sid], scenarios[sid].title))[:MISSED_MOST]

    return Progress(
        profile=profile,
        pack=pack,
        now=now,
        items=items,
        topics=tuple(topics),
        missed_most=tuple(ScenarioMisses(scenarios[sid], wrong[sid], tries[sid]) for sid in missed),
        review_next=tuple(_review_next(pack, scenarios, items, latest, reviews, now)),
        answered=len(answers),
        correct=sum(bool(a.correct) for a in answers),
    )


def _review_next(
    pack: Pack,
    scenarios: dict[str, Scenario],
    items: tuple[ItemProgress, ...],
    latest: dict[tuple[str, int], Statement],
    reviews: dict[str, list[datetime]],
    now: datetime,
) -> list[ReviewEntry]:
    """Steps whose latest answer was wrong (each followed by the items it cites that have not been
    read since), then refreshers due (most overdue first), then items never read
    (:data:`FIRST_READS` order, then pack order).
    An item appears once, for its first reason."""
    queue: list[ReviewEntry] = []
    listed: set[str] = set()
    wrong_now = sorted((a for a in latest.values() if not a.correct), key=lambda a: a.at, reverse=True)
    for answer in wrong_now:
        scenario = scenarios[answer.object_id]
        index = answer.step_index or 0
        queue.append(ReviewEntry(
            ANSWERED_WRONGLY, scenario.id, "scenario-step", f"{scenario.title}, step {index + 1}",
            scenario=scenario.id, step=index, since=answer.at,
        ))
        for item_id in scenario.steps[index].cites:
            item = pack.get(item_id)
            read_since = any(t >= answer.at for t in reviews.get(item_id, ()))
            if item is None or item_id in listed or read_since:
                continue
            listed.add(item_id)
            queue.append(ReviewEntry(
                CITED_BY_WRONG_ANSWER, item.id, item.kind, item.title,
                scenario=scenario.id, step=index, since=answer.at,
            ))
    due = sorted(
        (p for p in items if p.reviewed and p.item.id not in listed and now - p.last_reviewed >= REFRESH_AFTER),
        key=lambda p: p.last_reviewed,
    )
    for p in due:
        listed.add(p.item.id)
        queue.append(ReviewEntry(
            REFRESHER_DUE, p.item.id, p.item.kind, p.item.title,
            since=p.last_reviewed, due=p.last_reviewed + REFRESH_AFTER,  # type: ignore[operator]
        ))
    unread = [p for p in items if not p.reviewed and p.item.id not in listed]
    for p in sorted(unread, key=lambda p: FIRST_READS.index(p.item.kind)):
        queue.append(ReviewEntry(NEVER_READ, p.item.id, p.item.kind, p.item.title))
    return queue
