"""The quiz engine: choosing and shuffling under a seed, marking each step type, and the flow."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import given, strategies as st

from learnbot.core.loader import load_pack
from learnbot.core.practice import Option, Step
from learnbot.core.quiz import (
    AnswerError,
    Choice,
    Phase,
    Quiz,
    QuizError,
    mark_step,
    pick_scenarios,
    right_options,
    shuffled_order,
)

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "quiz_pack"


@pytest.fixture(scope="module")
def pack():
    return load_pack(FIXTURE)


def _step(kind: str, flags=(), positions=()) -> Step:
    if kind == "order":
        options = tuple(Option(f"o{p}", f"fb{p}", position=p) for p in positions)
    else:
        options = tuple(Option(f"o{i}", f"fb{i}", correct=c) for i, c in enumerate(flags))
    return Step("prompt", kind, options, ("rec-5",))


class RecorderSpy:
    def __init__(self):
        self.steps = []
        self.briefings = []

    def item_read(self, item_id, via):
        pass

    def step_answered(self, scenario_id, step_index, topic, correct, cites):
        self.steps.append((scenario_id, step_index, topic, correct, tuple(cites)))

    def briefing_attended(self, session_id, participants, item_ids):
        self.briefings.append((session_id, tuple(participants), tuple(item_ids)))


# --- marking ----------------------------------------------------------------------------------


def test_single_right_and_wrong():
    step = _step("single", (False, True, False))
    right = mark_step(step, [1])
    assert right.correct and right.right == 1 and right.out_of == 1 and right.describe() == "Right."
    wrong = mark_step(step, [2])
    assert not wrong.correct and not wrong.partial
    assert wrong.missed == (1,) and wrong.wrongly_chosen == (2,)


def test_single_needs_exactly_one():
    with pytest.raises(AnswerError):
        mark_step(_step("single", (True, False)), [0, 1])
    with pytest.raises(AnswerError, match="nothing"):
        mark_step(_step("single", (True, False)), [])


def test_multiple_exact_set_is_right():
    step = _step("multiple", (True, False, True, False))
    marking = mark_step(step, [2, 0])
    assert marking.correct and marking.right == 2 and marking.out_of == 2
    assert marking.chosen == (0, 2)
    assert "all 2 right options" in marking.describe()


def test_multiple_reports_partial():
    step = _step("multiple", (True, False, True, False))
    missed_one = mark_step(step, [0])
    assert not missed_one.correct and missed_one.partial
    assert missed_one.missed == (2,) and missed_one.wrongly_chosen == ()
    assert missed_one.describe() == "Partly right: 1 of 2 right options chosen."
    extra = mark_step(step, [0, 1, 2])
    assert not extra.correct and extra.partial and extra.wrongly_chosen == (1,)
    assert "1 option chosen that is not right" in extra.describe()
    assert extra.fraction == pytest.approx(0.5)
    none_right = mark_step(step, [1, 3])
    assert not none_right.partial and none_right.describe().startswith("Not quite")


def test_order_exact_and_in_place_count():
    step = _step("order", positions=(3, 1, 2))  # index 1 is first, then 2, then 0
    assert mark_step(step, [1, 2, 0]).correct
    swapped = mark_step(step, [2, 1, 0])
    assert not swapped.correct and swapped.right == 1 and swapped.out_of == 3
    assert swapped.misplaced == (2, 1)
    assert swapped.describe() == "Partly right: 1 of 3 in the right place."


def test_order_must_place_every_option_once():
    step = _step("order", positions=(1, 2, 3))
    with pytest.raises(AnswerError, match="all 3"):
        mark_step(step, [0, 1])
    with pytest.raises(AnswerError, match="twice"):
        mark_step(step, [0, 0, 1])
    with pytest.raises(AnswerError, match="no option"):
        mark_step(step, [0, 1, 5])


def test_right_options_of_each_type():
    assert [o.text for o in right_options(_step("order", positions=(2, 3, 1)))] == ["o1", "o2", "o3"]
    assert [o.text for o in right_options(_step("multiple", (True, False, True)))] == ["o0", "o2"]


@given(st.permutations(range(5)))
def test_order_in_place_count_matches_positions(perm):
    step = _step("order", positions=(1, 2, 3, 4, 5))
    marking = mark_step(step, list(perm))
    assert marking.right == sum(1 for place, i in enumerate(perm) if i == place)
    assert marking.correct == (list(perm) == [0, 1, 2, 3, 4])


@given(st.lists(st.booleans(), min_size=2, max_size=6).filter(any), st.data())
def test_multiple_correct_iff_exact_set(flags, data):
    step = _step("multiple", tuple(flags))
    chosen = data.draw(st.sets(st.integers(0, len(flags) - 1), min_size=1))
    marking = mark_step(step, sorted(chosen))
    assert marking.correct == (chosen == {i for i, f in enumerate(flags) if f})
    assert 0.0 <= marking.fraction <= 1.0


# --- choosing and shuffling -------------------------------------------------------------------


def test_pick_by_topic(pack):
    esc = pick_scenarios(pack, "escalation", None, random.Random(1))
    assert {s.topic for s in esc} == {"escalation"} and len(esc) == 2
    voc = pick_scenarios(pack, "voice-of-the-child", 1, random.Random(1))
    assert len(voc) == 1 and voc[0].topic == "voice-of-the-child"


def test_mixed_alternates_topics(pack):
    for seed in range(20):
        topics = [s.topic for s in pick_scenarios(pack, "mixed", None, random.Random(seed))]
        assert topics[0] != topics[1] and topics[2] != topics[3]
        assert sorted(topics) == ["escalation"] * 2 + ["voice-of-the-child"] * 2


def test_pick_refuses_bad_requests(pack):
    with pytest.raises(QuizError, match="unknown topic"):
        pick_scenarios(pack, "fathers", 3, random.Random(0))
    with pytest.raises(QuizError, match="1 or more"):
        pick_scenarios(pack, "mixed", 0, random.Random(0))


def test_same_seed_same_quiz_and_different_seeds_differ(pack):
    def shape(seed):
        quiz = Quiz.start(pack, "mixed", None, seed)
        return [s.id for s in quiz.scenarios], quiz.orders

    assert shape(7) == shape(7)
    assert len({repr(shape(seed)) for seed in range(30)}) > 1


def test_ordering_step_never_shown_in_order():
    step = _step("order", positions=(1, 2))
    for seed in range(50):
        assert shuffled_order(step, random.Random(seed)) == (1, 0)


def test_seed_is_kept_when_none_given(pack):
    quiz = Quiz.start(pack, "mixed", 2, None)
    again = Quiz.start(pack, "mixed", 2, quiz.seed)
    assert [s.id for s in again.scenarios] == [s.id for s in quiz.scenarios] and again.orders == quiz.orders


# --- the flow ---------------------------------------------------------------------------------


def _answer_right(quiz: Quiz) -> None:
    q = quiz.question
    if q.step.type == "order":
        shown = sorted(range(len(q.options)), key=lambda i: q.options[i].position)
    else:
        shown = [i for i, o in enumerate(q.options) if o.correct]
    quiz.answer(shown)


def _answer_wrong(quiz: Quiz) -> None:
    q = quiz.question
    if q.step.type == "order":
        shown = sorted(range(len(q.options)), key=lambda i: -q.options[i].position)
    else:
        shown = [next(i for i, o in enumerate(q.options) if not o.correct)]
    quiz.answer(shown)


def test_multi_step_flow_to_summary(pack):
    spy = RecorderSpy()
    quiz = Quiz.start(pack, "escalation", None, seed=3, recorder=spy)
    assert quiz.total == 3  # esc-01 has two steps, esc-02 one
    seen = []
    while quiz.phase is not Phase.SUMMARY:
        assert quiz.phase is Phase.QUESTION
        q = quiz.question
        seen.append((q.scenario.id, q.step_index, q.number))
        (_answer_wrong if q.scenario.id == "esc-01" else _answer_right)(quiz)
        assert quiz.phase is Phase.FEEDBACK and quiz.question == q
        quiz.advance()
    # A multi-step scenario goes on to its next step whatever was answered.
    esc01 = [s for s in seen if s[0] == "esc-01"]
    assert [s[1] for s in esc01] == [0, 1] and esc01[1][2] == esc01[0][2] + 1
    assert [s[2] for s in seen] == [1, 2, 3]
    summary = quiz.summary()
    assert (summary.score, summary.total, summary.percent) == (1, 3, 33)
    assert [r.question.scenario.id for r in summary.missed] == ["esc-01", "esc-01"]
    assert [i.id for i in summary.read_again] == ["rec-5", "finding-step-up-delay", "finding-escalation-feedback"]
    assert summary.by_topic() == {"escalation": (1, 3)}
    assert [(s[0], s[1], s[3]) for s in spy.steps] == [(sid, k, sid != "esc-01") for sid, k, _ in seen]
    assert spy.steps[0][2] == "escalation" and spy.steps[0][4]


def test_invalid_answer_leaves_the_question_open(pack):
    quiz = Quiz.start(pack, "voice-of-the-child", 1, seed=1)
    with pytest.raises(AnswerError):
        quiz.answer([])
    with pytest.raises(AnswerError):
        quiz.answer([9])
    assert quiz.phase is Phase.QUESTION and not quiz.results


def test_phase_guards(pack):
    quiz = Quiz.start(pack, "voice-of-the-child", 1, seed=1)
    with pytest.raises(RuntimeError):
        quiz.advance()
    _answer_right(quiz)
    with pytest.raises(RuntimeError):
        quiz.answer([0])
    quiz.advance()
    assert quiz.phase is Phase.SUMMARY and quiz.question is None
    assert quiz.summary().read_again == ()


def test_answers_are_in_shown_positions(pack):
    quiz = Quiz.start(pack, "voice-of-the-child", None, seed=5)
    q = quiz.question
    right_shown = [i for i, o in enumerate(q.options) if o.correct]
    result = quiz.answer(right_shown)
    assert result.correct
    assert result.marking.chosen == tuple(sorted(q.order[i] for i in right_shown))


def test_count_larger_than_pack_takes_all(pack):
    assert len(Quiz.start(pack, "mixed", 50, seed=1).scenarios) == 4


# --- building a choice key by key -------------------------------------------------------------


def test_choice_single_replaces():
    choice = Choice("single", 3)
    assert not choice.complete and choice.missing() == "Choose an answer first."
    choice.press(0)
    choice.press(2)
    assert choice.picked == [2] and choice.complete and choice.place_of(2) == 1
    assert not choice.press(3) and choice.picked == [2]


def test_choice_multiple_toggles():
    choice = Choice("multiple", 4)
    choice.press(1)
    choice.press(3)
    choice.press(1)
    assert choice.picked == [3] and choice.complete
    choice.clear()
    assert not choice.complete and "at least one" in choice.missing()


def test_choice_order_places_in_turn_and_undoes():
    choice = Choice("order", 3)
    for position in (2, 0):
        choice.press(position)
    assert choice.place_of(2) == 1 and choice.place_of(0) == 2 and choice.place_of(1) is None
    assert choice.missing() == "Put all 3 in order first (2 placed so far)."
    choice.press(2)  # taking out a placed option
    assert choice.picked == [0]
    choice.undo()
    assert choice.picked == []
    for position in (1, 0, 2):
        choice.press(position)
    assert choice.complete and choice.missing() == ""


def test_choice_for_question(pack):
    quiz = Quiz.start(pack, "escalation", None, seed=3)
    choice = Choice.for_question(quiz.question)
    assert choice.kind == quiz.question.step.type and choice.size == len(quiz.question.options)
