"""The scenario quiz: choosing scenarios, shuffling options, marking answers, and the solo flow.

A quiz is a short run of scenarios; each scenario has one or more steps (decisions), and a
multi-step scenario always goes on to its next step whatever was answered, because the next step
tells what happened next. :class:`Quiz` is a small state machine::

    QUESTION --answer()--> FEEDBACK --advance()--> QUESTION ... --advance()--> SUMMARY

Options are shown shuffled, and every choice a person makes is given in *shown* positions (0 for
the first option on screen); :class:`Question` translates them back to the pack's option indices.
Everything random comes from one ``random.Random(seed)``, so a seed replays the same quiz.

The team briefing (``learnbot.core.team_briefing``) reuses the choosing, shuffling and marking
here. Nothing in this module imports Textual or Rich.
"""

from __future__ import annotations

import enum
import random
from dataclasses import dataclass, field
from typing import Iterable, Sequence

from learnbot.core.model import Item, Pack
from learnbot.core.practice import Option, Scenario, Step
from learnbot.core.records import NullRecorder, Recorder

from learnbot.core.topics import ESCALATION, MIXED, QUIZ_TOPICS, VOICE_OF_THE_CHILD  # noqa: F401


class QuizError(ValueError):
    """A quiz that cannot be set up as asked (unknown topic, no scenarios, bad count)."""


class AnswerError(ValueError):
    """A choice that is not a valid answer to the step (nothing chosen, an unknown option ...)."""


def new_seed() -> int:
    """A fresh seed, for when the person gave none (kept so that the quiz can be replayed)."""
    return random.SystemRandom().randrange(1, 10**9)


def scenarios_for(pack: Pack, topic: str) -> tuple[Scenario, ...]:
    """The pack's scenarios on ``topic`` (all of them for ``mixed``), in pack order.

    Raises:
        QuizError: the topic is not one of :data:`QUIZ_TOPICS`.
    """
    if topic not in QUIZ_TOPICS:
        raise QuizError(f"unknown topic {topic!r} (choose from: {', '.join(QUIZ_TOPICS)})")
    if topic == MIXED:
        return pack.scenarios
    return tuple(s for s in pack.scenarios if s.topic == topic)


def require_scenarios(pack: Pack, topic: str) -> tuple[Scenario, ...]:
    """The pack's scenarios on ``topic``, refusing a topic the pack has none on.

    Raises:
        QuizError: unknown topic, or no scenarios on it.
    """
    pool = scenarios_for(pack, topic)
    if not pool:
        raise QuizError(f"the content pack has no scenarios on {topic!r}")
    return pool


def pick_scenarios(pack: Pack, topic: str, count: int | None, rng: random.Random) -> list[Scenario]:
    """Choose up to ``count`` scenarios on ``topic``, in a shuffled order.

    For ``mixed`` the topics take turns (each topic's scenarios shuffled first), so that a short
    quiz is never all one topic. Fewer than ``count`` are returned when the pack has fewer.

    Args:
        count: how many; None for all of them.

    Raises:
        QuizError: unknown topic, a count below 1, or no scenarios on the topic.
    """
    if count is not None and count < 1:
        raise QuizError(f"the number of questions must be 1 or more (got {count})")
    pool = require_scenarios(pack, topic)
    if topic == MIXED:
        topics = sorted({s.topic for s in pool})
        rng.shuffle(topics)
        queues = {t: [s for s in pool if s.topic == t] for t in topics}
        for queue in queues.values():
            rng.shuffle(queue)
        chosen: list[Scenario] = []
        while any(queues.values()):
            for t in topics:
                if queues[t]:
                    chosen.append(queues[t].pop(0))
    else:
        chosen = list(pool)
        rng.shuffle(chosen)
    return chosen if count is None else chosen[:count]


# --- one question -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Question:
    """One step of one scenario as it is put to someone, with its options in shown order."""

    scenario: Scenario
    step_index: int
    """Which step of the scenario (from 0)."""
    order: tuple[int, ...]
    """``order[shown]`` is the pack's index of the option shown at position ``shown``."""
    number: int = 1
    """Which question this is in the run (from 1), counting every step."""
    total: int = 1
    """How many questions the run has, counting every step."""

    @property
    def step(self) -> Step:
        """The step being asked."""
        return self.scenario.steps[self.step_index]

    @property
    def options(self) -> tuple[Option, ...]:
        """The options, in the order they are shown."""
        return tuple(self.step.options[i] for i in self.order)

    @property
    def is_first_step(self) -> bool:
        """True when this is the scenario's first decision (show the setting in full)."""
        return self.step_index == 0

    @property
    def is_follow_on(self) -> bool:
        """True for the second and later steps of a multi-step scenario."""
        return self.step_index > 0

    @property
    def steps_in_scenario(self) -> int:
        """How many decisions the scenario has."""
        return len(self.scenario.steps)

    @property
    def instruction(self) -> str:
        """How to answer this type of step, in plain words."""
        return INSTRUCTIONS[self.step.type]

    def to_pack_indices(self, shown: Sequence[int]) -> tuple[int, ...]:
        """Translate shown positions (from 0) into the pack's option indices.

        Raises:
            AnswerError: a position that is not shown.
        """
        out = []
        for position in shown:
            if not isinstance(position, int) or not 0 <= position < len(self.order):
                raise AnswerError(f"there is no option {position!r} (options are 1 to {len(self.order)})")
            out.append(self.order[position])
        return tuple(out)

    def mark(self, shown: Sequence[int]) -> Marking:
        """Mark a choice given in shown positions (see :func:`mark_step`)."""
        return mark_step(self.step, self.to_pack_indices(shown))

    def right_answer(self) -> tuple[Option, ...]:
        """The right option(s): the correct ones, or every option in its right order."""
        return right_options(self.step)

    def shown_position(self, option: Option) -> int:
        """Where ``option`` is shown (from 0)."""
        return self.options.index(option)


INSTRUCTIONS = {
    "single": "Choose one answer.",
    "multiple": "Select all that apply.",
    "order": "Put these in order: pick the first, then the next, and so on.",
}


def shuffled_order(step: Step, rng: random.Random) -> tuple[int, ...]:
    """A shuffled order of the step's options; an ordering step is never shown already in order."""
    order = list(range(len(step.options)))
    rng.shuffle(order)
    if step.type == "order" and len(order) > 1:
        in_order = sorted(order, key=lambda i: step.options[i].position)
        if order == in_order:
            order = order[1:] + order[:1]
    return tuple(order)


@dataclass
class Choice:
    """An answer being built, one key at a time, in shown positions (from 0).

    Single choice: a key picks that option. Multiple: a key toggles it. Order: a key places that
    option next; pressing a placed option takes it out again. :meth:`undo` takes back the last.
    """

    kind: str
    """The step type: ``single``, ``multiple`` or ``order``."""
    size: int
    """How many options are shown."""
    picked: list[int] = field(default_factory=list)
    """The positions picked, in the order picked."""

    @classmethod
    def for_question(cls, question: Question) -> Choice:
        """An empty choice for ``question``."""
        return cls(question.step.type, len(question.order))

    def press(self, position: int) -> bool:
        """Pick, toggle or place the option at ``position``; False if there is no such option."""
        if not 0 <= position < self.size:
            return False
        if self.kind == "single":
            self.picked = [position]
        elif position in self.picked:
            self.picked.remove(position)
        else:
            self.picked.append(position)
        return True

    def undo(self) -> None:
        """Take back the last pick."""
        if self.picked:
            self.picked.pop()

    def clear(self) -> None:
        """Start again."""
        self.picked = []

    @property
    def complete(self) -> bool:
        """True when it can be submitted: one picked, some picked, or every option placed."""
        if self.kind == "order":
            return len(self.picked) == self.size
        return len(self.picked) == 1 if self.kind == "single" else bool(self.picked)

    def place_of(self, position: int) -> int | None:
        """Where the option at ``position`` is placed or picked (from 1), or None."""
        return self.picked.index(position) + 1 if position in self.picked else None

    def missing(self) -> str:
        """Why it cannot be submitted yet, in plain words ('' when it can)."""
        if self.complete:
            return ""
        if self.kind == "order":
            return f"Put all {self.size} in order first ({len(self.picked)} placed so far)."
        return "Choose an answer first." if self.kind == "single" else "Select at least one answer first."


# --- marking ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Marking:
    """How one answer to one step was marked.

    ``chosen`` and the other index fields are the pack's option indices (not shown positions).
    """

    step: Step
    chosen: tuple[int, ...]
    """What was chosen: one index (single), a set in index order (multiple), or an order."""
    correct: bool
    """Wholly right: the right option; exactly the right set; every step in its place."""
    right: int
    """Single: 1 or 0. Multiple: right options chosen. Order: options in their right place."""
    out_of: int
    """Single: 1. Multiple: how many right options there are. Order: how many options."""
    missed: tuple[int, ...] = ()
    """Right options not chosen (single and multiple)."""
    wrongly_chosen: tuple[int, ...] = ()
    """Wrong options chosen (single and multiple)."""
    misplaced: tuple[int, ...] = ()
    """Ordering: options not in their right place."""

    @property
    def partial(self) -> bool:
        """Some of it right, but not all."""
        return not self.correct and self.right > 0

    @property
    def fraction(self) -> float:
        """How much of it was right, 0.0 to 1.0 (wrong choices count against a multiple)."""
        if self.correct:
            return 1.0
        if self.step.type == "multiple":
            return max(0, self.right - len(self.wrongly_chosen)) / self.out_of
        return self.right / self.out_of if self.step.type == "order" else 0.0

    def describe(self) -> str:
        """One line saying how the answer did, e.g. ``"Partly right: 2 of 3 ..."``."""
        kind = self.step.type
        if self.correct:
            if kind == "multiple":
                return f"Right: you chose all {self.out_of} right options and no others."
            if kind == "order":
                return f"Right: all {self.out_of} in the right order."
            return "Right."
        if kind == "single":
            return "Not quite."
        if kind == "multiple":
            parts = [f"{self.right} of {self.out_of} right options chosen"]
            if self.wrongly_chosen:
                n = len(self.wrongly_chosen)
                parts.append(f"{n} option{'s' if n != 1 else ''} chosen that {'are' if n != 1 else 'is'} not right")
            lead = "Partly right" if self.right else "Not quite"
            return f"{lead}: " + "; ".join(parts) + "."
        lead = "Partly right" if self.right else "Not quite"
        return f"{lead}: {self.right} of {self.out_of} in the right place."

    def chosen_options(self) -> tuple[Option, ...]:
        """The options chosen, in the order given."""
        return tuple(self.step.options[i] for i in self.chosen)


def right_options(step: Step) -> tuple[Option, ...]:
    """The right answer to a step: the correct option(s), or all options in their right order."""
    if step.type == "order":
        return tuple(sorted(step.options, key=lambda o: o.position or 0))
    return tuple(o for o in step.options if o.correct)


def mark_step(step: Step, chosen: Sequence[int]) -> Marking:
    """Mark an answer given as the pack's option indices.

    Args:
        chosen: single: one index; multiple: the indices selected (any order, no repeats);
            order: every index once, first to last.

    Raises:
        AnswerError: nothing chosen, an unknown or repeated index, more than one for a single
            choice, or an ordering that does not place every option once.
    """
    n = len(step.options)
    chosen = tuple(chosen)
    for index in chosen:
        if not isinstance(index, int) or isinstance(index, bool) or not 0 <= index < n:
            raise AnswerError(f"there is no option {index!r}")
    if len(set(chosen)) != len(chosen):
        raise AnswerError("an option was chosen twice")
    if not chosen:
        raise AnswerError("nothing was chosen")
    if step.type == "single":
        if len(chosen) != 1:
            raise AnswerError("choose exactly one option")
        ok = step.options[chosen[0]].correct
        right_index = tuple(i for i, o in enumerate(step.options) if o.correct)
        return Marking(
            step, chosen, ok, int(ok), 1,
            missed=() if ok else right_index,
            wrongly_chosen=() if ok else chosen,
        )
    if step.type == "multiple":
        picked = set(chosen)
        right = {i for i, o in enumerate(step.options) if o.correct}
        missed = tuple(sorted(right - picked))
        wrong = tuple(sorted(picked - right))
        return Marking(
            step, tuple(sorted(chosen)), not missed and not wrong, len(right & picked), len(right),
            missed=missed, wrongly_chosen=wrong,
        )
    if step.type == "order":
        if len(chosen) != n:
            raise AnswerError(f"put all {n} in order ({len(chosen)} placed so far)")
        misplaced = tuple(i for place, i in enumerate(chosen, start=1) if step.options[i].position != place)
        return Marking(step, chosen, not misplaced, n - len(misplaced), n, misplaced=misplaced)
    raise AnswerError(f"unknown step type {step.type!r}")


def answer_text(marking: Marking | None) -> str:
    """An answer in words: one option, several joined with ``;``, or an order joined with ``>``."""
    if marking is None:
        return "(no answer)"
    texts = [o.text for o in marking.chosen_options()]
    return " > ".join(texts) if marking.step.type == "order" else "; ".join(texts)


def right_answer_text(step: Step) -> str:
    """The right answer in words, as :func:`answer_text` writes answers."""
    joiner = " > " if step.type == "order" else "; "
    return joiner.join(o.text for o in right_options(step))


def items_cited(pack: Pack, cites: Iterable[str], kinds: Sequence[str] | None = None) -> tuple[Item, ...]:
    """The pack items named in ``cites`` (unknown ids skipped), once each, in first-cited order.

    Args:
        kinds: keep only items of these kinds; None keeps all.
    """
    seen: dict[str, Item] = {}
    for item_id in cites:
        item = pack.get(item_id)
        if item is not None and item_id not in seen and (kinds is None or item.kind in kinds):
            seen[item_id] = item
    return tuple(seen.values())


# --- the solo quiz ----------------------------------------------------------------------------


class Phase(enum.Enum):
    """Where a quiz is."""

    QUESTION = "question"
    """A question is shown, waiting for an answer."""
    FEEDBACK = "feedback"
    """The answer has been marked and the feedback is shown."""
    SUMMARY = "summary"
    """Every question has been answered."""


@dataclass(frozen=True)
class StepResult:
    """One answered question."""

    question: Question
    marking: Marking

    @property
    def correct(self) -> bool:
        return self.marking.correct


@dataclass(frozen=True)
class Summary:
    """The end of a quiz: the score, what was missed, and what to read again."""

    results: tuple[StepResult, ...]
    read_again: tuple[Item, ...]
    """The items cited by the questions that were missed, once each, in first-cited order."""
    topic: str
    seed: int
    scenarios: int = 0
    """How many scenarios the quiz had (with ``topic`` and ``seed``, enough to run it again)."""

    @property
    def total(self) -> int:
        """How many questions (steps) were answered."""
        return len(self.results)

    @property
    def score(self) -> int:
        """How many were wholly right."""
        return sum(r.correct for r in self.results)

    @property
    def percent(self) -> int:
        """The score as a whole percentage (0 when nothing was answered)."""
        return round(100 * self.score / self.total) if self.total else 0

    @property
    def missed(self) -> tuple[StepResult, ...]:
        """The questions not wholly right, in the order asked."""
        return tuple(r for r in self.results if not r.correct)

    @property
    def partly_right(self) -> int:
        """How many missed questions were partly right."""
        return sum(r.marking.partial for r in self.results)

    def by_topic(self) -> dict[str, tuple[int, int]]:
        """``topic -> (right, asked)``, topics in first-asked order."""
        out: dict[str, list[int]] = {}
        for r in self.results:
            tally = out.setdefault(r.question.scenario.topic, [0, 0])
            tally[0] += r.correct
            tally[1] += 1
        return {t: (a, b) for t, (a, b) in out.items()}


@dataclass
class Quiz:
    """A solo quiz: the state machine from the first question to the summary.

    Build one with :meth:`start`. The screen asks :attr:`phase` and :attr:`question`, calls
    :meth:`answer` with shown positions, then :meth:`advance`; :meth:`summary` at the end.
    """

    pack: Pack
    scenarios: tuple[Scenario, ...]
    orders: tuple[tuple[tuple[int, ...], ...], ...]
    """``orders[s][k]``: the shown order of the options of scenario ``s``, step ``k``."""
    topic: str = MIXED
    seed: int = 0
    recorder: Recorder = field(default_factory=NullRecorder)
    phase: Phase = Phase.QUESTION
    results: list[StepResult] = field(default_factory=list)
    _scenario: int = 0
    _step: int = 0

    @classmethod
    def start(
        cls,
        pack: Pack,
        topic: str = MIXED,
        count: int | None = 5,
        seed: int | None = None,
        recorder: Recorder | None = None,
    ) -> Quiz:
        """A new quiz of up to ``count`` scenarios on ``topic``, shuffled under ``seed``.

        Args:
            count: how many scenarios (a multi-step scenario asks all its steps); None for all.
            seed: replay a quiz; None picks a fresh one (kept in :attr:`seed`).

        Raises:
            QuizError: unknown topic, a count below 1, or no scenarios on the topic.
        """
        seed = new_seed() if seed is None else seed
        rng = random.Random(seed)
        scenarios = tuple(pick_scenarios(pack, topic, count, rng))
        orders = tuple(tuple(shuffled_order(step, rng) for step in s.steps) for s in scenarios)
        return cls(pack, scenarios, orders, topic, seed, recorder or NullRecorder())

    @property
    def total(self) -> int:
        """How many questions the quiz asks, counting every step of every scenario."""
        return sum(len(s.steps) for s in self.scenarios)

    @property
    def question(self) -> Question | None:
        """The question being asked or given feedback on; None at the summary."""
        if self.phase is Phase.SUMMARY:
            return None
        number = sum(len(s.steps) for s in self.scenarios[: self._scenario]) + self._step + 1
        return Question(
            self.scenarios[self._scenario],
            self._step,
            self.orders[self._scenario][self._step],
            number=number,
            total=self.total,
        )

    @property
    def last_result(self) -> StepResult | None:
        """The answer being given feedback on (or the last one given)."""
        return self.results[-1] if self.results else None

    def answer(self, shown: Sequence[int]) -> StepResult:
        """Mark an answer, given as shown positions (from 0), and move to the feedback.

        Raises:
            AnswerError: the answer is not valid for this step (nothing recorded; still asking).
            RuntimeError: not waiting for an answer.
        """
        if self.phase is not Phase.QUESTION:
            raise RuntimeError(f"cannot answer during {self.phase.value}")
        question = self.question
        assert question is not None
        result = StepResult(question, question.mark(shown))
        self.results.append(result)
        self.phase = Phase.FEEDBACK
        self.recorder.step_answered(
            question.scenario.id, question.step_index, question.scenario.topic,
            result.correct, question.step.cites,
        )
        return result

    @property
    def has_next(self) -> bool:
        """True when another question follows the current one."""
        return self._step + 1 < len(self.scenarios[self._scenario].steps) or self._scenario + 1 < len(self.scenarios)

    def advance(self) -> Phase:
        """From the feedback, go on: to the scenario's next step, the next scenario, or the summary.

        Raises:
            RuntimeError: not showing feedback.
        """
        if self.phase is not Phase.FEEDBACK:
            raise RuntimeError(f"cannot go on during {self.phase.value}")
        if self._step + 1 < len(self.scenarios[self._scenario].steps):
            self._step += 1
            self.phase = Phase.QUESTION
        elif self._scenario + 1 < len(self.scenarios):
            self._scenario += 1
            self._step = 0
            self.phase = Phase.QUESTION
        else:
            self.phase = Phase.SUMMARY
        return self.phase

    def summary(self) -> Summary:
        """The score so far (the whole quiz once :attr:`phase` is SUMMARY)."""
        missed_cites = [c for r in self.results if not r.correct for c in r.question.step.cites]
        return Summary(
            results=tuple(self.results),
            read_again=items_cited(self.pack, missed_cites),
            topic=self.topic,
            seed=self.seed,
            scenarios=len(self.scenarios),
        )
