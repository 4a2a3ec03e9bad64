"""Progress against a pack: coverage, quiz results per topic, most-missed scenarios, review next."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from progress_fixtures import PACK_ID, at, tiny_pack

from learnbot.core.progress.store import ProgressStore
from learnbot.core.progress.summary import (
    ANSWERED_WRONGLY,
    CITED_BY_WRONG_ANSWER,
    COVERAGE_KINDS,
    NEVER_READ,
    REFRESH_AFTER,
    REFRESHER_DUE,
    summarise,
)

PACK = tiny_pack()


@pytest.fixture
def store(tmp_path):
    with ProgressStore.open(tmp_path) as s:
        yield s


@pytest.fixture
def me(store):
    return store.add_profile("AB", "social worker", "CSC")


def _progress(store, profile, now):
    return summarise(PACK, profile, store.statements(), now)


def _by_id(progress):
    return {p.item.id: p for p in progress.items}


def test_nothing_recorded_means_nothing_reviewed_and_everything_to_read(store, me):
    progress = _progress(store, me, at(0))
    tracked = [i.id for i in PACK.items if i.kind in COVERAGE_KINDS]
    assert [p.item.id for p in progress.items] == tracked
    assert not any(p.reviewed for p in progress.items)
    assert progress.coverage() == {"learning_point": (0, 2), "finding": (0, 2), "recommendation": (0, 2)}
    assert [e.reason for e in progress.review_next] == [NEVER_READ] * len(tracked)
    assert [e.kind for e in progress.review_next] == ["learning_point"] * 2 + ["recommendation"] * 2 + ["finding"] * 2
    assert progress.answered == 0 and progress.missed_most == ()


def test_reading_and_briefings_both_count_as_review_with_the_latest_date(store, me):
    store.record_read(me, "lp-1", "app", pack_id=PACK_ID, at=at(1))
    store.record_read(me, "lp-1", "show", pack_id=PACK_ID, at=at(3))
    store.record_briefing([me], "briefing-1", ["rec-1", "lp-2"], pack_id=PACK_ID, at=at(2))
    store.record_read(me, "bg-1", "app", pack_id=PACK_ID, at=at(2))  # background: not tracked
    items = _by_id(_progress(store, me, at(4)))
    assert (items["lp-1"].last_reviewed, items["lp-1"].times) == (at(3), 2)
    assert items["rec-1"].last_reviewed == items["lp-2"].last_reviewed == at(2)
    assert not items["rec-2"].reviewed
    assert "bg-1" not in items
    assert _progress(store, me, at(4)).coverage()["learning_point"] == (2, 2)


def test_other_profiles_other_packs_and_unknown_ids_are_ignored(store, me):
    other = store.add_profile("CD", "police")
    store.record_read(other, "lp-1", "app", pack_id=PACK_ID, at=at(1))
    store.record_read(me, "lp-2", "app", pack_id="another-pack", at=at(1))
    store.record_read(me, "lp-99", "app", pack_id=PACK_ID, at=at(1))
    store.record_answer(me, "gone-scenario", 0, "escalation", False, [], pack_id=PACK_ID, at=at(1))
    progress = _progress(store, me, at(2))
    assert not any(p.reviewed for p in progress.items)
    assert progress.answered == 0


def test_quiz_results_per_topic(store, me):
    answers = [("esc-1", 0, False), ("esc-1", 0, True), ("esc-1", 1, False), ("esc-2", 0, True)]
    for n, (scenario, step, correct) in enumerate(answers):
        store.record_answer(me, scenario, step, "escalation", correct, [], pack_id=PACK_ID, at=at(n))
    progress = _progress(store, me, at(10))
    escalation, voice = progress.topics
    assert (escalation.topic, escalation.answered, escalation.correct) == ("escalation", 4, 2)
    assert (escalation.steps, escalation.steps_answered, escalation.steps_right) == (3, 3, 2)
    assert (voice.topic, voice.answered, voice.steps, voice.steps_answered) == ("voice-of-the-child", 0, 1, 0)
    assert (progress.answered, progress.correct) == (4, 2)


def test_the_scenarios_missed_most_come_first(store, me):
    for n in range(3):
        store.record_answer(me, "voc-1", 0, "voice-of-the-child", False, [], pack_id=PACK_ID, at=at(n))
    store.record_answer(me, "esc-1", 0, "escalation", False, [], pack_id=PACK_ID, at=at(4))
    store.record_answer(me, "esc-2", 0, "escalation", True, [], pack_id=PACK_ID, at=at(5))
    missed = _progress(store, me, at(6)).missed_most
    assert [(m.scenario.id, m.wrong, m.answered) for m in missed] == [("voc-1", 3, 3), ("esc-1", 1, 1)]


def test_a_wrong_answer_puts_its_step_and_unread_cited_items_first(store, me):
    store.record_read(me, "finding-a", "app", pack_id=PACK_ID, at=at(0))  # read before: still suggested
    store.record_answer(me, "esc-1", 0, "escalation", False, ["rec-1", "finding-a"], pack_id=PACK_ID, at=at(1))
    queue = _progress(store, me, at(2)).review_next
    assert [(e.reason, e.id) for e in queue[:3]] == [
        (ANSWERED_WRONGLY, "esc-1"), (CITED_BY_WRONG_ANSWER, "rec-1"), (CITED_BY_WRONG_ANSWER, "finding-a"),
    ]
    assert (queue[0].step, queue[0].kind, queue[0].since) == (0, "scenario-step", at(1))
    assert queue[1].scenario == "esc-1"
    listed_items = [e.id for e in queue if e.kind != "scenario-step"]
    assert len(set(listed_items)) == len(listed_items)


def test_reading_a_cited_item_afterwards_and_answering_right_clear_the_queue(store, me):
    store.record_answer(me, "esc-1", 0, "escalation", False, ["rec-1", "finding-a"], pack_id=PACK_ID, at=at(1))
    store.record_read(me, "rec-1", "quiz-feedback", pack_id=PACK_ID, at=at(2))
    queue = _progress(store, me, at(3)).review_next
    assert [e.id for e in queue if e.reason == CITED_BY_WRONG_ANSWER] == ["finding-a"]
    store.record_answer(me, "esc-1", 0, "escalation", True, ["rec-1", "finding-a"], pack_id=PACK_ID, at=at(4))
    queue = _progress(store, me, at(5)).review_next
    assert not [e for e in queue if e.reason in (ANSWERED_WRONGLY, CITED_BY_WRONG_ANSWER)]


def test_an_item_is_due_a_refresher_six_weeks_after_it_was_last_reviewed(store, me):
    store.record_read(me, "lp-1", "app", pack_id=PACK_ID, at=at(0))
    store.record_read(me, "rec-1", "app", pack_id=PACK_ID, at=at(1))
    just_before = _progress(store, me, at(0) + REFRESH_AFTER - timedelta(seconds=1)).review_next
    assert REFRESHER_DUE not in {e.reason for e in just_before}
    later = _progress(store, me, at(1) + REFRESH_AFTER).review_next
    due = [e for e in later if e.reason == REFRESHER_DUE]
    assert [e.id for e in due] == ["lp-1", "rec-1"]  # most overdue first
    assert (due[0].since, due[0].due) == (at(0), at(0) + timedelta(weeks=6))
    store.record_read(me, "lp-1", "app", pack_id=PACK_ID, at=at(40))
    again = _progress(store, me, at(1) + REFRESH_AFTER).review_next
    assert [e.id for e in again if e.reason == REFRESHER_DUE] == ["rec-1"]


def test_the_json_shape_keeps_its_contract_keys(store, me):
    store.record_read(me, "lp-1", "app", pack_id=PACK_ID, at=at(0))
    store.record_answer(me, "voc-1", 0, "voice-of-the-child", False, ["rec-2", "lp-1"], pack_id=PACK_ID, at=at(1))
    data = json.loads(json.dumps(_progress(store, me, at(2)).to_json()))
    assert {"profile", "items", "quiz", "review_next"} <= data.keys()
    assert data["profile"] == "AB"
    for entry in data["items"]:
        assert {"id", "kind", "title", "reviewed", "last_reviewed"} <= entry.keys()
    lp1 = next(e for e in data["items"] if e["id"] == "lp-1")
    assert lp1["reviewed"] is True and lp1["last_reviewed"] == "2026-03-02T09:30:00.000Z"
    assert {t["topic"] for t in data["quiz"]["topics"]} == {"escalation", "voice-of-the-child"}
    assert data["quiz"]["missed_most"][0]["id"] == "voc-1"
    assert data["review_next"][0] == {
        "reason": ANSWERED_WRONGLY, "id": "voc-1", "kind": "scenario-step", "title": "The quiet child, step 1",
        "scenario": "voc-1", "step": 0, "since": "2026-03-03T09:30:00.000Z", "due": None,
    }
