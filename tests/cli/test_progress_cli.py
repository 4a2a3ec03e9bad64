"""The progress commands through a real process: profiles, show recording a reading, progress,
export-records, cpd, forget-me; exit codes, and store trouble told in a sentence, never a traceback.

Each test has its own data folder (``LEARNBOT_DATA_DIR``) and a tiny pack written here, so nothing
depends on the bundled briefing or on anyone's real records.
"""

from __future__ import annotations

import csv
import io
import json
import os
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from learnbot.core.progress.store import DB_NAME, SCHEMA_VERSION

PACK_FILES = {
    "pack.yaml": """
        id: cli-progress-pack
        title: CLI progress test pack
        publisher: Test LSCB
        audit_period: February to March 2017
        currency_notice: A test pack. Check current procedures.
    """,
    "items/briefing.yaml": """
        items:
          - id: finding-a
            kind: finding
            section: Key Findings
            title: Feedback on escalation was missing
            quote: true
            text: Escalation took place, but feedback did not.
          - id: lp-1
            kind: learning_point
            section: Learning Points
            title: Hear the child's voice
            quote: true
            text: Share practice on the child's voice.
          - id: rec-1
            kind: recommendation
            section: Recommendations
            title: Escalate in time
            quote: true
            text: Escalate in a timely way and obtain feedback.
    """,
    "reflections.yaml": """
        reflections:
          - id: refl-1
            text: How do you check that escalated action happened?
            related: [finding-a, rec-1]
    """,
    "scenarios/escalation.yaml": """
        scenarios:
          - id: esc-1
            topic: escalation
            title: No word back
            setting: A fictional setting.
            steps:
              - prompt: What now?
                type: single
                cites: [rec-1, finding-a]
                options:
                  - text: Escalate and ask for feedback.
                    correct: true
                    feedback: Recommendation 1 says so.
                  - text: Wait.
                    feedback: Waiting delays help.
    """,
}


@pytest.fixture
def env(tmp_path):
    pack = tmp_path / "pack"
    for name, text in PACK_FILES.items():
        (pack / name).parent.mkdir(parents=True, exist_ok=True)
        (pack / name).write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    environ = {k: v for k, v in os.environ.items() if not k.startswith("LEARNBOT_")}
    environ.update(LEARNBOT_DATA_DIR=str(tmp_path / "data"), LEARNBOT_CONTENT=str(pack), HOME=str(tmp_path))
    return environ


def run(env, *args: str, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "learnbot", *args], env=env, input=stdin, capture_output=True, text=True,
        timeout=60, cwd=Path(env["HOME"]),
    )


def ok(env, *args: str, stdin: str = "") -> str:
    result = run(env, *args, stdin=stdin)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return result.stdout


def failed(env, code: int, *args: str, stdin: str = "") -> str:
    result = run(env, *args, stdin=stdin)
    assert result.returncode == code, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("learnbot: ") or "Nothing was deleted" in result.stderr
    return result.stderr


def store_path(env) -> Path:
    return Path(env["LEARNBOT_DATA_DIR"]) / DB_NAME


def test_profiles_are_added_and_listed(env):
    assert "No profiles yet" in ok(env, "profiles")
    assert not store_path(env).exists(), "listing creates nothing"
    ok(env, "profiles", "--add", "AB", "--role", "social-worker", "--agency", "City CSC")
    ok(env, "profiles", "--add", "CD", "--role", "police")
    listing = ok(env, "profiles")
    assert "AB (social worker, City CSC): 0 records" in listing and "CD (police)" in listing
    data = json.loads(ok(env, "profiles", "--json"))
    assert [(p["name"], p["role"], p["agency"]) for p in data] == [
        ("AB", "social worker", "City CSC"), ("CD", "police", ""),
    ]
    assert "already" in failed(env, 2, "profiles", "--add", "ab", "--role", "police")
    assert "needs --role" in run(env, "profiles", "--add", "EF").stderr
    assert run(env, "profiles", "--add", "EF", "--role", "doctor").returncode == 2


def test_no_profile_or_an_unknown_one_is_exit_2_with_what_to_do(env):
    assert "profiles --add" in failed(env, 2, "progress")
    ok(env, "profiles", "--add", "AB", "--role", "police")
    assert "no profile named 'Zed'" in failed(env, 2, "progress", "--profile", "Zed")
    ok(env, "profiles", "--add", "CD", "--role", "police")
    assert "several profiles" in failed(env, 2, "cpd")
    assert "several profiles" in failed(env, 2, "export-records")


def test_show_records_a_reading_that_progress_then_reports(env):
    ok(env, "profiles", "--add", "AB", "--role", "health visitor")
    before = json.loads(ok(env, "progress", "--json"))
    assert not any(i["reviewed"] for i in before["items"])
    assert [e["id"] for e in before["review_next"]] == ["lp-1", "rec-1", "finding-a"]

    assert "Escalate in a timely way" in ok(env, "show", "rec-1")
    after = json.loads(ok(env, "progress", "--json"))
    assert after["profile"] == "AB"
    reviewed = {i["id"]: i for i in after["items"]}
    assert reviewed["rec-1"]["reviewed"] is True and reviewed["rec-1"]["last_reviewed"].endswith("Z")
    assert reviewed["lp-1"]["reviewed"] is False and reviewed["lp-1"]["last_reviewed"] is None
    assert "rec-1" not in [e["id"] for e in after["review_next"]]
    assert after["quiz"]["topics"][0]["topic"] == "escalation"

    text = ok(env, "progress")
    assert "Recommendations   1 of 1 reviewed" in text and "Learning points   0 of 1 reviewed" in text
    assert "Escalate in time  [rec-1]: reviewed, last on" in text
    assert "Hear the child's voice  [lp-1]: not read yet" in text


def test_show_works_and_records_nothing_without_a_profile(env):
    result = run(env, "show", "lp-1")
    assert result.returncode == 0 and result.stderr == ""
    assert not store_path(env).exists()


def test_the_profile_is_chosen_by_option_or_environment(env):
    ok(env, "profiles", "--add", "AB", "--role", "police")
    ok(env, "profiles", "--add", "CD", "--role", "police")
    ok(env, "show", "lp-1", "--profile", "cd")
    ok(env, "show", "rec-1", "--profile", "AB")
    ok({**env, "LEARNBOT_PROFILE": "CD"}, "show", "finding-a")
    cd = json.loads(ok({**env, "LEARNBOT_PROFILE": "CD"}, "progress", "--json"))
    ab = json.loads(ok(env, "--profile", "AB", "progress", "--json"))
    assert sorted(i["id"] for i in cd["items"] if i["reviewed"]) == ["finding-a", "lp-1"]
    assert [i["id"] for i in ab["items"] if i["reviewed"]] == ["rec-1"]
    result = run(env, "show", "lp-1", "--profile", "Nobody")
    assert result.returncode == 0 and "not being recorded" in result.stderr


def test_export_records_as_xapi_json_and_csv(env):
    ok(env, "profiles", "--add", "AB", "--role", "police")
    ok(env, "show", "lp-1")
    ok(env, "show", "rec-1")
    statements = json.loads(ok(env, "export-records", "--format", "json"))
    assert [s["verb"]["id"] for s in statements] == ["http://adlnet.gov/expapi/verbs/experienced"] * 2
    assert [s["object"]["id"].rsplit("/", 1)[1] for s in statements] == ["lp-1", "rec-1"]
    assert statements[0]["object"]["definition"]["name"]["en-GB"] == "Hear the child's voice"
    assert all(s["actor"]["name"] == "AB" for s in statements)
    rows = list(csv.DictReader(io.StringIO(ok(env, "export-records", "--format", "csv"))))
    assert [r["statement_id"] for r in rows] == [s["id"] for s in statements]
    assert [r["via"] for r in rows] == ["show", "show"]


def test_export_records_for_everyone_on_a_shared_machine(env):
    ok(env, "profiles", "--add", "AB", "--role", "police")
    ok(env, "profiles", "--add", "CD", "--role", "school nurse")
    ok(env, "show", "lp-1", "--profile", "AB")
    ok(env, "show", "lp-1", "--profile", "CD")
    everyone = json.loads(ok(env, "export-records", "--all-profiles"))
    assert sorted(s["actor"]["name"] for s in everyone) == ["AB", "CD"]
    header = ok(env, "export-records", "--format", "csv", "--profile", "AB").splitlines()
    assert len(header) == 2


def test_cpd_drafts_from_the_records_and_refuses_when_there_are_none(env):
    ok(env, "profiles", "--add", "AB", "--role", "social worker", "--agency", "City CSC")
    assert "no learning records" in failed(env, 1, "cpd")
    ok(env, "show", "rec-1")
    draft = ok(env, "cpd")
    assert draft.startswith("# Draft CPD record") and "This is a draft" in draft
    assert "\u201cEscalate in time\u201d (rec-1)" in draft and "City CSC" in draft


def test_forget_me_asks_first_and_deletes_only_that_profile(env):
    ok(env, "profiles", "--add", "AB", "--role", "police")
    ok(env, "profiles", "--add", "CD", "--role", "police")
    ok(env, "show", "lp-1", "--profile", "AB")
    ok(env, "show", "rec-1", "--profile", "CD")
    assert "Nothing was deleted" in failed(env, 1, "forget-me", "--profile", "AB", stdin="no\n")
    assert "Nothing was deleted" in failed(env, 1, "forget-me", "--profile", "AB", stdin="")
    out = ok(env, "forget-me", "--profile", "AB", stdin="yes\n")
    assert "Deleted the profile 'AB' and 1 learning record" in out
    assert [p["name"] for p in json.loads(ok(env, "profiles", "--json"))] == ["CD"]
    assert len(json.loads(ok(env, "export-records", "--all-profiles"))) == 1
    ok(env, "forget-me", "--yes")  # CD is now the only profile
    assert json.loads(ok(env, "profiles", "--json")) == []


def test_a_damaged_store_is_moved_aside_and_the_person_told(env):
    store_path(env).parent.mkdir(parents=True)
    store_path(env).write_bytes(b"this is not a database\n" * 100)
    result = run(env, "profiles", "--add", "AB", "--role", "police")
    assert result.returncode == 0 and "Traceback" not in result.stderr
    [aside] = list(store_path(env).parent.glob(f"{DB_NAME}.damaged-*"))
    assert str(aside) in result.stderr and "moved aside" in result.stderr
    assert aside.read_bytes() == b"this is not a database\n" * 100
    assert "AB (police)" in ok(env, "profiles")


def test_a_store_from_a_newer_learnbot_is_refused_with_exit_2(env):
    ok(env, "profiles", "--add", "AB", "--role", "police")
    conn = sqlite3.connect(store_path(env))
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.commit()
    conn.close()
    for command in (["progress"], ["profiles"], ["forget-me", "--yes"]):
        assert "newer version of learnbot" in failed(env, 2, *command)
    result = run(env, "show", "lp-1")  # reading still works
    assert result.returncode == 0 and "newer version" in result.stderr


def test_the_progress_commands_import_no_textual_or_rich(env):
    code = (
        "import sys, learnbot.cli.main as m\n"
        "m.build_parser()\n"
        "import learnbot.cli.records, learnbot.core.progress.cpd, learnbot.core.progress.xapi\n"
        "print(sorted(x for x in sys.modules if x.split('.')[0] in ('textual', 'rich')))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
