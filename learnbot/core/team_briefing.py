"""Team briefing rounds: a facilitator runs scenario questions for teams in a meeting.

The flow, as a small state machine::

    ASKING --reveal()--> REVEALED --advance()--> ASKING (next step or question)
                                             \\-> SCOREBOARD (end of a round) --advance()--> ASKING
                                             \\-> SUMMARY (end of the last round)

While ASKING, the facilitator records each team's answer (:meth:`TeamBriefing.record`, in the
positions the options are shown) and can change it until the reveal; :attr:`TeamBriefing.answered`
says who has answered. The reveal marks every team (no answer counts as not right), a wholly right
answer scores a point, and the session summary can be written as Markdown and CSV.

Choosing, shuffling and marking are the quiz's (``learnbot.core.quiz``), under one
``random.Random(seed)``: a seed replays the same session. Team names and notes are what the
facilitator typed; they are kept as plain text (escaped in Markdown, defused in CSV) and are given
to the recorder only as the participants' names. Nothing here imports Textual or Rich.
"""

from __future__ import annotations

import csv
import enum
import io
import random
import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Sequence

from learnbot.core.model import Item, Pack
from learnbot.core.practice import Reflection, Scenario
from learnbot.core.quiz import (
    MIXED,
    Marking,
    Question,
    QuizError,
    answer_text,
    items_cited,
    new_seed,
    pick_scenarios,
    right_answer_text,
    shuffled_order,
)
from learnbot.core.records import NullRecorder, Recorder

#: The most teams (or participants) one session takes: enough for a team meeting, few enough to
#: show in one row on a meeting-room screen.
MAX_TEAMS = 12
#: The longest team or participant name, in characters.
MAX_NAME = 24
#: The kinds of item a summary lists as "covered".
COVERED_KINDS: tuple[str, ...] = ("learning_point", "recommendation")


class Phase(enum.Enum):
    """Where a briefing is."""

    ASKING = "asking"
    """A question is shown; answers are being recorded."""
    REVEALED = "revealed"
    """The right answer, the feedback and each team's result are shown."""
    SCOREBOARD = "scoreboard"
    """Between rounds."""
    SUMMARY = "summary"
    """The session is over."""


def parse_names(text: str) -> tuple[str, ...]:
    """Split ``"Red, Blue"`` into names (commas or new lines), trimmed, empty ones dropped."""
    return tuple(part.strip() for part in re.split(r"[,\n]", text) if part.strip())


def check_names(names: Sequence[str]) -> tuple[str, ...]:
    """The names, trimmed, if they make a session; else raise saying what is wrong.

    Raises:
        QuizError: no names, too many, one too long, or the same name twice (ignoring case).
    """
    cleaned = tuple(" ".join(str(n).split()) for n in names)
    cleaned = tuple(n for n in cleaned if n)
    if not cleaned:
        raise QuizError("give at least one team or participant name")
    if len(cleaned) > MAX_TEAMS:
        raise QuizError(f"at most {MAX_TEAMS} teams or participants (got {len(cleaned)})")
    for name in cleaned:
        if len(name) > MAX_NAME:
            raise QuizError(f"a name can be at most {MAX_NAME} characters: {name[:MAX_NAME]!r}...")
    lowered = [n.casefold() for n in cleaned]
    for index, name in enumerate(lowered):
        if name in lowered[:index]:
            raise QuizError(f"the name {cleaned[index]!r} is given twice")
    return cleaned


@dataclass(frozen=True)
class Asked:
    """One question as asked in the session, with each team's marked answer."""

    round: int
    """Which round (from 1)."""
    question: Question
    answers: tuple[tuple[str, Marking | None], ...]
    """``(team, marking)`` in team order; None when the team gave no answer."""

    @property
    def right_teams(self) -> tuple[str, ...]:
        """The teams whose answer was wholly right."""
        return tuple(team for team, m in self.answers if m is not None and m.correct)

    @property
    def percent_right(self) -> int:
        """The share of teams wholly right, as a whole percentage (no answer counts as not)."""
        return round(100 * len(self.right_teams) / len(self.answers)) if self.answers else 0

    def marking_of(self, team: str) -> Marking | None:
        """The team's marked answer, or None."""
        return dict(self.answers).get(team)


@dataclass(frozen=True)
class Note:
    """Something the facilitator typed during the session (kept as plain text)."""

    text: str
    round: int
    question_number: int | None
    """The question on screen when it was typed (None between rounds or at the end)."""


def result_word(marking: Marking | None) -> str:
    """``right``, ``partly right``, ``not right`` or ``no answer``."""
    if marking is None:
        return "no answer"
    if marking.correct:
        return "right"
    return "partly right" if marking.partial else "not right"


@dataclass(frozen=True)
class SessionSummary:
    """Everything a facilitator takes away from a session."""

    pack_title: str
    session_id: str
    teams: tuple[str, ...]
    participants: bool
    """True when the names are people rather than teams."""
    topic: str
    seed: int
    rounds: int
    asked: tuple[Asked, ...]
    scoreboard: tuple[tuple[str, int], ...]
    covered: tuple[Item, ...]
    """The learning points and recommendations the questions cited."""
    reflections: tuple[Reflection, ...]
    """The pack's questions for discussion (may be empty)."""
    notes: tuple[Note, ...]
    currency_notice: str = ""
    started: datetime | None = None

    @property
    def who(self) -> str:
        """``Participants`` or ``Teams``."""
        return "Participants" if self.participants else "Teams"

    def to_markdown(self) -> str:
        """The summary as a Markdown document."""
        lines = [f"# Team briefing: {_md(self.pack_title)}", ""]
        facts = []
        if self.started:
            facts.append(f"Date: {self.started:%d %B %Y, %H:%M}")
        facts += [
            f"{self.who}: {', '.join(_md(t) for t in self.teams)}",
            f"Rounds: {self.rounds}; questions asked: {len(self.asked)}",
            f"Topic: {self.topic}; seed: {self.seed}",
        ]
        lines += [f"- {fact}" for fact in facts] + [""]
        if self.currency_notice:
            lines += [f"*{_md(self.currency_notice)}*", ""]
        lines += ["## Scoreboard", "", f"| {self.who[:-1]} | Points |", "| --- | ---: |"]
        lines += [f"| {_cell(team)} | {points} |" for team, points in self.scoreboard] + [""]
        lines += ["## Questions", ""]
        for asked in self.asked:
            q = asked.question
            step = f" (step {q.step_index + 1} of {q.steps_in_scenario})" if q.steps_in_scenario > 1 else ""
            lines += [f"### Round {asked.round}, question {q.number}: {_md(q.scenario.title)}{step}", ""]
            if q.is_first_step:
                lines += [_md(q.scenario.setting), ""]
            lines += [f"**{_md(q.step.prompt)}**", ""]
            lines += [f"Right answer: {_md(right_answer_text(q.step))}", ""]
            lines += [f"| {self.who[:-1]} | Answer | Result |", "| --- | --- | --- |"]
            for team, marking in asked.answers:
                result = result_word(marking)
                if marking is not None and marking.partial:
                    result += f" ({marking.right} of {marking.out_of})"
                lines.append(f"| {_cell(team)} | {_cell(answer_text(marking))} | {result} |")
            lines += ["", f"Right: {asked.percent_right}% of {self.who.lower()}.", ""]
            if q.step.feedback:
                lines += [_md(q.step.feedback), ""]
            lines += [f"Rests on: {', '.join(f'`{c}`' for c in q.step.cites)}", ""]
        lines += ["## Learning points and recommendations covered", ""]
        if self.covered:
            for item in self.covered:
                label = f"{item.kind_label} {item.number}" if item.number is not None else item.kind_label
                lines += [f"- **{label}** (`{item.id}`): {_md(item.text)}"]
        else:
            lines += ["- None of the questions cited a learning point or recommendation."]
        lines += [""]
        if self.reflections:
            lines += ["## Questions for reflection", ""]
            lines += [f"{n}. {_md(r.text)}" for n, r in enumerate(self.reflections, start=1)] + [""]
        lines += ["## Facilitator's notes", ""]
        if self.notes:
            for note in self.notes:
                where = f"round {note.round}" + (f", question {note.question_number}" if note.question_number else "")
                lines += [f"- ({where}) {_md(note.text)}"]
        else:
            lines += ["- No notes."]
        return "\n".join(lines).rstrip() + "\n"

    def csv_rows(self) -> list[list[str | int]]:
        """One header row, then one row per question per team."""
        rows: list[list[str | int]] = [[
            "session", "round", "question", "scenario_id", "scenario_title", "step", "prompt",
            self.who[:-1].lower(), "answer", "result", "right_of", "right_answer", "percent_right", "cites",
        ]]
        for asked in self.asked:
            q = asked.question
            for team, marking in asked.answers:
                rows.append([
                    self.session_id, asked.round, q.number, q.scenario.id, q.scenario.title,
                    q.step_index + 1, q.step.prompt, team, answer_text(marking), result_word(marking),
                    f"{marking.right}/{marking.out_of}" if marking else "", right_answer_text(q.step),
                    asked.percent_right, " ".join(q.step.cites),
                ])
        return rows

    def to_csv(self) -> str:
        """The rows as CSV text; cells a spreadsheet would run as formulas are defused."""
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        for row in self.csv_rows():
            writer.writerow([_defuse(cell) for cell in row])
        return out.getvalue()


def _md(text: str) -> str:
    """Typed or content text made literal in Markdown (no accidental emphasis, links or HTML)."""
    return re.sub(r"([\\`*_\[\]<>#|])", r"\\\1", text)


def _cell(text: str) -> str:
    """Text for one Markdown table cell."""
    return _md(" ".join(text.split()))


def _defuse(cell: str | int) -> str | int:
    """Stop a spreadsheet running a typed cell (``=HYPERLINK(...)``) as a formula."""
    if isinstance(cell, str) and cell[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + cell
    return cell


def save_markdown(summary: SessionSummary, path: str | Path) -> Path:
    """Write the summary as Markdown to ``path`` (folders made as needed); returns the path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(summary.to_markdown(), encoding="utf-8")
    return path


def save_csv(summary: SessionSummary, path: str | Path) -> Path:
    """Write the summary as CSV to ``path`` (folders made as needed); returns the path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(summary.to_csv(), encoding="utf-8", newline="")
    return path


def save_summary(summary: SessionSummary, folder: str | Path) -> tuple[Path, Path]:
    """Write ``<session_id>.md`` and ``<session_id>.csv`` into ``folder``; returns both paths.

    An existing file is never overwritten: ``-2``, ``-3`` ... is added to the name instead.
    """
    folder = Path(folder)
    stem = re.sub(r"[^A-Za-z0-9_.-]+", "-", summary.session_id).strip("-.") or "briefing"
    candidate, n = stem, 1
    while (folder / f"{candidate}.md").exists() or (folder / f"{candidate}.csv").exists():
        n += 1
        candidate = f"{stem}-{n}"
    return (
        save_markdown(summary, folder / f"{candidate}.md"),
        save_csv(summary, folder / f"{candidate}.csv"),
    )


@dataclass
class TeamBriefing:
    """A team briefing session. Build one with :meth:`start`."""

    pack: Pack
    teams: tuple[str, ...]
    plan: tuple[tuple[Scenario, ...], ...]
    """The scenarios of each round."""
    orders: dict[str, tuple[tuple[int, ...], ...]]
    """Scenario id -> the shown order of each step's options."""
    topic: str = MIXED
    seed: int = 0
    participants: bool = False
    session_id: str = "briefing"
    started: datetime | None = None
    requested: int = 0
    """How many questions (scenarios) were asked for: more than were planned if the pack ran short."""
    recorder: Recorder = field(default_factory=NullRecorder)
    phase: Phase = Phase.ASKING
    asked: list[Asked] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    _round: int = 0
    _scenario: int = 0
    _step: int = 0
    _answers: dict[str, tuple[int, ...]] = field(default_factory=dict)
    _attended: bool = False

    @classmethod
    def start(
        cls,
        pack: Pack,
        teams: Sequence[str],
        rounds: int = 1,
        questions: int = 3,
        topic: str = MIXED,
        seed: int | None = None,
        participants: bool = False,
        recorder: Recorder | None = None,
        started: datetime | None = None,
        session_id: str | None = None,
    ) -> TeamBriefing:
        """A new session: ``rounds`` rounds of ``questions`` scenarios each, for ``teams``.

        When the pack has fewer scenarios on the topic than ``rounds * questions``, the rounds
        are filled in turn and the last ones may be short or dropped (:attr:`shortfall` says by
        how many).

        Args:
            teams: team or participant names (see :func:`check_names`).
            participants: the names are people, not teams (only the wording changes).
            started: when it started (for the summary and the default session id).

        Raises:
            QuizError: bad names, a count below 1, an unknown topic or no scenarios on it.
        """
        names = check_names(teams)
        if rounds < 1:
            raise QuizError(f"the number of rounds must be 1 or more (got {rounds})")
        if questions < 1:
            raise QuizError(f"the number of questions must be 1 or more (got {questions})")
        seed = new_seed() if seed is None else seed
        rng = random.Random(seed)
        chosen = pick_scenarios(pack, topic, rounds * questions, rng)
        plan = tuple(tuple(chosen[i : i + questions]) for i in range(0, len(chosen), questions))
        orders = {s.id: tuple(shuffled_order(step, rng) for step in s.steps) for s in chosen}
        if session_id is None:
            session_id = f"briefing-{started:%Y%m%d-%H%M}" if started else f"briefing-{seed}"
        return cls(
            pack, names, plan, orders, topic, seed, participants, session_id, started,
            rounds * questions, recorder or NullRecorder(),
        )

    # --- where we are ---------------------------------------------------------------------------

    @property
    def rounds(self) -> int:
        """How many rounds the session has."""
        return len(self.plan)

    @property
    def shortfall(self) -> int:
        """How many fewer questions than asked for the pack could supply."""
        return max(0, self.requested - sum(len(r) for r in self.plan))

    @property
    def round(self) -> int:
        """The current round, from 1 (the round just finished, at a scoreboard)."""
        return self._round + 1

    @property
    def total(self) -> int:
        """How many questions the session asks, counting every step."""
        return sum(len(s.steps) for r in self.plan for s in r)

    @property
    def question(self) -> Question | None:
        """The question being asked or revealed; None at a scoreboard or the summary."""
        if self.phase not in (Phase.ASKING, Phase.REVEALED):
            return None
        scenario = self.plan[self._round][self._scenario]
        before = sum(len(s.steps) for r in self.plan[: self._round] for s in r)
        before += sum(len(s.steps) for s in self.plan[self._round][: self._scenario])
        return Question(scenario, self._step, self.orders[scenario.id][self._step],
                        number=before + self._step + 1, total=self.total)

    @property
    def question_in_round(self) -> tuple[int, int]:
        """``(n, of)``: which scenario of the round is being asked, and how many the round has."""
        return self._scenario + 1, len(self.plan[self._round])

    @property
    def answered(self) -> tuple[str, ...]:
        """The teams whose answer to the current question is recorded, in team order."""
        return tuple(t for t in self.teams if t in self._answers)

    @property
    def waiting(self) -> tuple[str, ...]:
        """The teams still to answer the current question."""
        return tuple(t for t in self.teams if t not in self._answers)

    def answer_of(self, team: str) -> tuple[int, ...] | None:
        """The team's recorded answer to the current question, in shown positions, or None."""
        return self._answers.get(team)

    @property
    def last(self) -> Asked | None:
        """The question last revealed, with each team's result."""
        return self.asked[-1] if self.asked else None

    # --- what the facilitator does -------------------------------------------------------------

    def record(self, team: str, shown: Sequence[int]) -> None:
        """Record (or replace) ``team``'s answer, as shown positions from 0.

        Raises:
            KeyError: no such team.
            AnswerError: not a valid answer to this step (nothing recorded).
            RuntimeError: not asking a question.
        """
        self._require(Phase.ASKING, "record an answer")
        if team not in self.teams:
            raise KeyError(team)
        question = self.question
        assert question is not None
        question.mark(shown)  # refuses an invalid answer now, not at the reveal
        self._answers[team] = tuple(shown)

    def clear(self, team: str) -> None:
        """Forget ``team``'s answer to the current question."""
        self._require(Phase.ASKING, "clear an answer")
        self._answers.pop(team, None)

    def reveal(self) -> Asked:
        """Mark every team's answer and show the right one (teams that gave none are not right)."""
        self._require(Phase.ASKING, "reveal")
        question = self.question
        assert question is not None
        answers = tuple(
            (team, question.mark(self._answers[team]) if team in self._answers else None)
            for team in self.teams
        )
        asked = Asked(self.round, question, answers)
        self.asked.append(asked)
        self.phase = Phase.REVEALED
        return asked

    def advance(self) -> Phase:
        """Go on from a reveal (next step, next question, scoreboard or summary) or a scoreboard."""
        if self.phase is Phase.SCOREBOARD:
            self._round += 1
            self._scenario = self._step = 0
            self.phase = Phase.ASKING
            return self.phase
        self._require(Phase.REVEALED, "go on")
        self._answers = {}
        scenarios = self.plan[self._round]
        if self._step + 1 < len(scenarios[self._scenario].steps):
            self._step += 1
            self.phase = Phase.ASKING
        elif self._scenario + 1 < len(scenarios):
            self._scenario += 1
            self._step = 0
            self.phase = Phase.ASKING
        elif self._round + 1 < len(self.plan):
            self.phase = Phase.SCOREBOARD
        else:
            self.phase = Phase.SUMMARY
            self._attend()
        return self.phase

    def finish(self) -> None:
        """End the session early (what was revealed so far makes the summary)."""
        self._answers = {}
        self.phase = Phase.SUMMARY
        self._attend()

    def add_note(self, text: str) -> Note | None:
        """Keep a facilitator's note against the current question; blank text is ignored."""
        text = text.strip()
        if not text:
            return None
        question = self.question
        note = Note(text, self.round, question.number if question else None)
        self.notes.append(note)
        return note

    def scores(self) -> dict[str, int]:
        """Points per team, in team order: one for each wholly right answer."""
        points = {team: 0 for team in self.teams}
        for asked in self.asked:
            for team in asked.right_teams:
                points[team] += 1
        return points

    def scoreboard(self) -> tuple[tuple[str, int], ...]:
        """``(team, points)``, most points first; ties keep team order."""
        return tuple(sorted(self.scores().items(), key=lambda tp: -tp[1]))

    def cited_ids(self) -> tuple[str, ...]:
        """Every item id the asked questions cited, once each, in first-cited order."""
        return tuple(dict.fromkeys(c for a in self.asked for c in a.question.step.cites))

    def summary(self) -> SessionSummary:
        """The session summary (of what has been revealed so far)."""
        return SessionSummary(
            pack_title=self.pack.meta.title,
            session_id=self.session_id,
            teams=self.teams,
            participants=self.participants,
            topic=self.topic,
            seed=self.seed,
            rounds=self.rounds,
            asked=tuple(self.asked),
            scoreboard=self.scoreboard(),
            covered=tuple(sorted(
                items_cited(self.pack, self.cited_ids(), COVERED_KINDS),
                key=lambda i: (COVERED_KINDS.index(i.kind), i.number if i.number is not None else 0),
            )),
            reflections=self.pack.reflections,
            notes=tuple(self.notes),
            currency_notice=self.pack.meta.currency_notice,
            started=self.started,
        )

    def _require(self, phase: Phase, doing: str) -> None:
        if self.phase is not phase:
            raise RuntimeError(f"cannot {doing} during {self.phase.value}")

    def _attend(self) -> None:
        if not self._attended:
            self._attended = True
            # Named participants are people, each given the session's learning; team names ("Red",
            # "Blue") are not, so only the facilitator's own profile records a teams session.
            people = self.teams if self.participants else ()
            self.recorder.briefing_attended(self.session_id, people, self.cited_ids())
