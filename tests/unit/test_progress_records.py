"""StoreRecorder, xAPI and CSV export, and the draft CPD record."""

from __future__ import annotations

import csv
import io
import json

import pytest
from progress_fixtures import PACK_ID, at, tiny_pack

from learnbot.core.progress.cpd import cpd_markdown
from learnbot.core.progress.recorder import StoreRecorder, session_key
from learnbot.core.progress.store import ProgressStore, StoreError
from learnbot.core.progress.xapi import CSV_COLUMNS, VERB_IDS, statements_to_csv, statements_to_xapi
from learnbot.core.records import Recorder

PACK = tiny_pack()


@pytest.fixture
def store(tmp_path):
    with ProgressStore.open(tmp_path) as s:
        yield s


@pytest.fixture
def me(store):
    return store.add_profile("AB", "health visitor", "Community Health")


# --- the recorder ----------------------------------------------------------------------------------


def test_the_recorder_keeps_what_the_app_reports(store, me):
    recorder: Recorder = StoreRecorder(store, me, PACK)
    recorder.item_read("lp-1", "app")
    recorder.step_answered("esc-1", 1, "escalation", False, ["finding-a"])
    recorder.briefing_attended("briefing-20260302-0930", ["Sam"], ["lp-1", "rec-1"])
    made = store.statements()
    assert [(s.profile.name, s.verb, s.object_id, s.pack_id) for s in made] == [
        ("AB", "read", "lp-1", PACK_ID),
        ("AB", "answered", "esc-1", PACK_ID),
        ("AB", "attended", "briefing-20260302-0930", PACK_ID),
        ("Sam", "attended", "briefing-20260302-0930", PACK_ID),
    ]
    assert (made[1].step_index, made[1].correct, made[1].item_ids) == (1, False, ("finding-a",))


def test_the_recorder_drops_anything_that_is_not_one_of_the_packs_ids(store, me):
    recorder = StoreRecorder(store, me, PACK)
    recorder.item_read("what do I do when dad won't engage", "ask")
    recorder.item_read("lp-404", "app")
    recorder.item_read("lp-1", "a sentence someone typed")
    recorder.step_answered("no-such-scenario", 0, "escalation", True, [])
    recorder.step_answered("esc-1", 7, "escalation", True, [])  # no step 8
    assert store.statements() == []
    recorder.step_answered("esc-1", 0, "made-up-topic", True, ["rec-1", "the child said"])
    [answer] = store.statements()
    assert (answer.topic, answer.item_ids) == ("escalation", ("rec-1",))


def test_a_session_named_in_words_is_told_apart_without_storing_the_words(store, me):
    recorder = StoreRecorder(store, me, PACK)
    recorder.briefing_attended("Tuesday team meeting about the Smiths", ["Sam", "\x07bell"], ["lp-1"])
    recorder.briefing_attended("Tuesday team meeting about the Smiths", [], ["rec-1"])
    made = store.statements()
    assert {s.object_id for s in made} == {session_key("Tuesday team meeting about the Smiths")}
    assert all("Smiths" not in s.object_id for s in made)
    assert b"Smiths" not in store.path.read_bytes()
    assert [p.name for p in store.profiles()] == ["AB", "Sam"]


def test_a_failed_write_is_reported_and_the_event_carries_on(store, me, monkeypatch):
    told = []
    recorder = StoreRecorder(store, me, PACK, on_error=told.append)

    def broken(*args, **kwargs):
        raise StoreError("disk full")

    monkeypatch.setattr(store, "record_read", broken)
    recorder.item_read("lp-1", "app")  # no exception
    assert [str(e) for e in told] == ["disk full"] and str(recorder.last_error) == "disk full"


# --- xAPI and CSV --------------------------------------------------------------------------------------


def _some_records(store, me):
    store.record_read(me, "lp-1", "show", pack_id=PACK_ID, at=at(0))
    store.record_answer(me, "esc-1", 1, "escalation", True, ["finding-a"], pack_id=PACK_ID, at=at(1))
    store.record_briefing([me], "briefing-1", ["lp-1", "rec-1"], pack_id=PACK_ID, at=at(2))
    return store.statements()


def test_every_statement_is_xapi_shaped(store, me):
    statements = _some_records(store, me)
    read, answer, attended = json.loads(json.dumps(statements_to_xapi(statements, PACK)))
    for xs, s in zip((read, answer, attended), statements):
        assert xs["id"] == s.uuid
        assert xs["actor"]["name"] == "AB" and xs["actor"]["objectType"] == "Agent"
        assert xs["actor"]["account"]["name"] == me.uuid
        assert xs["verb"]["id"] == VERB_IDS[s.verb] and xs["verb"]["display"]["en-GB"]
        assert xs["timestamp"].endswith("Z") and xs["object"]["definition"]["type"].startswith("http")
    assert read["verb"]["id"] == "http://adlnet.gov/expapi/verbs/experienced"
    assert read["object"]["id"] == f"https://learnbot.invalid/packs/{PACK_ID}/items/lp-1"
    assert read["object"]["definition"]["name"]["en-GB"] == "Hear the child's voice"
    assert answer["verb"]["id"] == "http://adlnet.gov/expapi/verbs/answered"
    assert answer["object"]["id"] == f"https://learnbot.invalid/packs/{PACK_ID}/scenarios/esc-1/steps/2"
    assert answer["object"]["definition"]["name"]["en-GB"] == "No word back, step 2"
    assert answer["result"]["success"] is True
    assert attended["verb"]["id"] == "http://adlnet.gov/expapi/verbs/attended"
    covered = [a["id"] for a in attended["context"]["contextActivities"]["other"]]
    assert covered == [f"https://learnbot.invalid/packs/{PACK_ID}/items/{i}" for i in ("lp-1", "rec-1")]


def test_exports_are_stable_and_work_without_the_pack(store, me):
    statements = _some_records(store, me)
    assert statements_to_xapi(statements, PACK) == statements_to_xapi(store.statements(), PACK)
    bare = statements_to_xapi(statements)
    assert bare[0]["object"]["definition"]["name"]["en-GB"] == "lp-1"


def test_the_csv_holds_the_same_statements(store, me):
    statements = _some_records(store, me)
    rows = list(csv.DictReader(io.StringIO(statements_to_csv(statements, PACK))))
    xapi = statements_to_xapi(statements, PACK)
    assert tuple(rows[0].keys()) == CSV_COLUMNS
    assert [r["statement_id"] for r in rows] == [x["id"] for x in xapi]
    assert [r["timestamp"] for r in rows] == [x["timestamp"] for x in xapi]
    assert [r["object_id"] for r in rows] == [x["object"]["id"] for x in xapi]
    assert [r["success"] for r in rows] == ["", "true", ""]
    assert rows[1]["step"] == "2" and rows[2]["related_ids"] == "lp-1 rec-1"


def test_csv_cells_a_spreadsheet_would_run_are_defused(store):
    sneaky = store.add_profile("=HYPERLINK(\"http://x\")", "other")
    store.record_read(sneaky, "lp-1", "app", pack_id=PACK_ID)
    [row] = list(csv.DictReader(io.StringIO(statements_to_csv(store.statements(), PACK))))
    assert row["actor"].startswith("'=")


# --- the draft CPD record --------------------------------------------------------------------------------


def test_the_cpd_record_is_a_draft_that_quotes_what_was_learnt(store, me):
    store.record_read(me, "lp-1", "app", pack_id=PACK_ID, at=at(0))
    store.record_read(me, "rec-2", "show", pack_id=PACK_ID, at=at(3))
    store.record_answer(me, "esc-1", 0, "escalation", False, ["rec-1"], pack_id=PACK_ID, at=at(4))
    store.record_briefing([me], "briefing-1", ["finding-a", "rec-1"], pack_id=PACK_ID, at=at(5))
    text = cpd_markdown(PACK, me, store.statements(), at(6))
    assert text.startswith("# Draft CPD record")
    assert "This is a draft" in text
    for title in ("Hear the child's voice", "Speak to children", "No word back", "Escalate in time",
                  "Feedback on escalation was missing"):
        assert f"\u201c{title}\u201d" in text
    assert "2 March 2026" in text and "7 March 2026" in text
    assert "How do you check that escalated action happened?" in text  # reflection tied to the briefing
    assert "When did you last see a child alone?" not in text  # its items were not covered there
    assert "## Reflection: the impact on my practice" in text
    assert "## Peer reflection" in text
    assert "(health visitor" not in text and "Community Health" in text
    assert PACK.meta.currency_notice in text


def test_a_cpd_record_with_nothing_recorded_says_so(store, me):
    text = cpd_markdown(PACK, me, [], at(0))
    assert "no learning recorded" in text and "No team briefings recorded" in text
