"""Team briefing rounds: names, recording answers, reveal, scoreboard, summary and its exports."""

from __future__ import annotations

import csv
import io
from datetime import datetime
from pathlib import Path

import pytest

from learnbot.core.loader import load_pack
from learnbot.core.quiz import AnswerError, QuizError
from learnbot.core.team_briefing import (
    Phase,
    TeamBriefing,
    check_names,
    parse_names,
    save_summary,
)

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "quiz_pack"
WHEN = datetime(2026, 3, 4, 10, 30)


@pytest.fixture(scope="module")
def pack():
    return load_pack(FIXTURE)


class RecorderSpy:
    def __init__(self):
        self.steps = []
        self.briefings = []

    def item_read(self, item_id, via):
        pass

    def step_answered(self, *args):
        self.steps.append(args)

    def briefing_attended(self, session_id, participants, item_ids):
        self.briefings.append((session_id, tuple(participants), tuple(item_ids)))


def right_shown(question):
    if question.step.type == "order":
        return sorted(range(len(question.options)), key=lambda i: question.options[i].position)
    return [i for i, o in enumerate(question.options) if o.correct]


def wrong_shown(question):
    if question.step.type == "order":
        return sorted(range(len(question.options)), key=lambda i: -question.options[i].position)
    return [next(i for i, o in enumerate(question.options) if not o.correct)]


# --- names ------------------------------------------------------------------------------------


def test_parse_and_check_names():
    assert parse_names(" Red, Blue ,,\nGreen ") == ("Red", "Blue", "Green")
    assert check_names(["  Red   team ", "Blue"]) == ("Red team", "Blue")
    with pytest.raises(QuizError, match="at least one"):
        check_names([" ", ""])
    with pytest.raises(QuizError, match="twice"):
        check_names(["Red", "red"])
    with pytest.raises(QuizError, match="at most"):
        check_names([f"T{i}" for i in range(13)])
    with pytest.raises(QuizError, match="characters"):
        check_names(["x" * 40])


def test_start_refuses_bad_counts(pack):
    with pytest.raises(QuizError, match="rounds"):
        TeamBriefing.start(pack, ["Red"], rounds=0)
    with pytest.raises(QuizError, match="questions"):
        TeamBriefing.start(pack, ["Red"], questions=0)
    with pytest.raises(QuizError, match="topic"):
        TeamBriefing.start(pack, ["Red"], topic="thresholds")


# --- the flow ---------------------------------------------------------------------------------


def run_session(pack, spy=None, seed=11):
    """Two teams, two rounds of two: Red always right, Blue always wrong, Blue skips one."""
    session = TeamBriefing.start(pack, ["Red", "Blue"], rounds=2, questions=2, seed=seed,
                                 recorder=spy, started=WHEN)
    phases = []
    while session.phase is not Phase.SUMMARY:
        if session.phase is Phase.SCOREBOARD:
            phases.append(("scoreboard", session.scoreboard()))
            session.advance()
            continue
        q = session.question
        assert session.waiting == ("Red", "Blue") and session.answered == ()
        session.record("Red", right_shown(q))
        assert session.answered == ("Red",) and session.waiting == ("Blue",)
        if q.number != 2:
            session.record("Blue", right_shown(q))
            session.record("Blue", wrong_shown(q))  # a changed answer replaces the first
        if q.number == 1:
            session.add_note("  Blue said they'd <b>always</b> wait for panel  ")
        asked = session.reveal()
        phases.append(("reveal", q.number, asked.percent_right))
        session.advance()
    return session, phases


def test_rounds_reveal_scoreboard_summary(pack):
    spy = RecorderSpy()
    session, phases = run_session(pack, spy)
    assert session.rounds == 2 and session.total == 5 and session.shortfall == 0
    reveals = [p for p in phases if p[0] == "reveal"]
    assert [p[1] for p in reveals] == [1, 2, 3, 4, 5]
    assert {p[2] for p in reveals} == {50}
    boards = [p for p in phases if p[0] == "scoreboard"]
    assert len(boards) == 1  # between the rounds only
    assert boards[0][1][0][0] == "Red" and boards[0][1][1] == ("Blue", 0)
    assert session.scoreboard() == (("Red", 5), ("Blue", 0))
    skipped = session.asked[1]
    assert skipped.marking_of("Blue") is None and skipped.marking_of("Red").correct
    # The recorder hears of the briefing once, with the names and every cited id.
    assert len(spy.briefings) == 1 and spy.steps == []
    sid, names, ids = spy.briefings[0]
    assert names == () and sid == "briefing-20260304-1030"  # team names are not people
    assert set(ids) == {c for a in session.asked for c in a.question.step.cites}


def test_same_seed_same_session(pack):
    a, _ = run_session(pack, seed=4)
    b, _ = run_session(pack, seed=4)
    assert a.summary().to_markdown() == b.summary().to_markdown()
    assert a.summary().to_csv() == b.summary().to_csv()


def test_record_guards(pack):
    session = TeamBriefing.start(pack, ["Red", "Blue"], questions=1, seed=1)
    with pytest.raises(KeyError):
        session.record("Green", [0])
    with pytest.raises(AnswerError):
        session.record("Red", [])
    assert session.answered == ()
    session.record("Red", [0])
    session.clear("Red")
    assert session.answered == ()
    with pytest.raises(RuntimeError):
        session.advance()
    session.reveal()
    with pytest.raises(RuntimeError):
        session.record("Red", [0])
    with pytest.raises(RuntimeError):
        session.reveal()


def test_pack_shortfall_fills_rounds_in_turn(pack):
    session = TeamBriefing.start(pack, ["Red"], rounds=3, questions=3, topic="mixed", seed=2)
    assert [len(r) for r in session.plan] == [3, 1]
    assert session.rounds == 2 and session.shortfall == 5


def test_finish_early_and_blank_notes(pack):
    spy = RecorderSpy()
    session = TeamBriefing.start(pack, ["A"], rounds=1, questions=2, seed=3, recorder=spy)
    assert session.add_note("   ") is None
    session.reveal()
    session.finish()
    assert session.phase is Phase.SUMMARY and len(spy.briefings) == 1
    assert len(session.summary().asked) == 1


# --- the summary and its exports --------------------------------------------------------------


def test_summary_contents(pack):
    session, _ = run_session(pack)
    summary = session.summary()
    assert [a.percent_right for a in summary.asked] == [50] * 5
    assert [i.id for i in summary.covered] == ["lp-1", "rec-3", "rec-5"]
    assert [r.id for r in summary.reflections] == ["refl-1"]
    assert summary.notes[0].text == "Blue said they'd <b>always</b> wait for panel"
    assert summary.notes[0].question_number == 1


def test_markdown_export(pack):
    md = run_session(pack)[0].summary().to_markdown()
    assert md.startswith("# Team briefing: Quiz fixture pack\n")
    assert "- Date: 04 March 2026, 10:30" in md
    assert "| Red | 5 |" in md and "| Blue | 0 |" in md
    assert "## Learning points and recommendations covered" in md
    assert "**Recommendation 5** (`rec-5`)" in md
    assert "## Questions for reflection" in md and "agreed action has happened" in md
    # Typed text is made literal, not markup.
    assert "\\<b\\>always\\</b\\>" in md
    assert "| Blue | (no answer) | no answer |" in md
    assert "Right: 50% of teams." in md


def test_csv_export_and_defused_cells(pack):
    session = TeamBriefing.start(pack, ["=SUM(A1)", "Blue"], questions=1, seed=9)
    session.record("=SUM(A1)", right_shown(session.question))
    session.reveal()
    session.advance()
    rows = list(csv.reader(io.StringIO(session.summary().to_csv())))
    assert rows[0][:3] == ["session", "round", "question"] and rows[0][7] == "team"
    assert len(rows) == 3
    assert rows[1][7] == "'=SUM(A1)" and rows[1][9] == "right" and rows[2][9] == "no answer"
    assert rows[1][12] == "50"


def test_participants_wording(pack):
    session = TeamBriefing.start(pack, ["Asha", "Ben"], questions=1, seed=9, participants=True)
    session.reveal()
    session.advance()
    md = session.summary().to_markdown()
    assert "- Participants: Asha, Ben" in md and "| Participant | Points |" in md
    assert session.summary().csv_rows()[0][7] == "participant"


def test_named_participants_are_recorded_as_attending(pack):
    spy = RecorderSpy()
    session = TeamBriefing.start(pack, ["Asha", "Ben"], questions=1, seed=9, participants=True, recorder=spy)
    while session.phase is not Phase.SUMMARY:
        if session.phase is not Phase.SCOREBOARD:
            session.reveal()
        session.advance()
    assert [names for _, names, _ in spy.briefings] == [("Asha", "Ben")]


def test_save_summary_writes_both_and_never_overwrites(pack, tmp_path):
    summary = run_session(pack)[0].summary()
    md, csv_path = save_summary(summary, tmp_path / "briefings")
    assert md.name == "briefing-20260304-1030.md" and csv_path.suffix == ".csv"
    assert md.read_text(encoding="utf-8") == summary.to_markdown()
    assert csv_path.read_text(encoding="utf-8") == summary.to_csv()
    md2, csv2 = save_summary(summary, tmp_path / "briefings")
    assert md2.name == "briefing-20260304-1030-2.md" and csv2.name == "briefing-20260304-1030-2.csv"
