"""`learnbot ask`, `ask --json` and `learnbot chat` through a real process.

Each run starts in an empty temporary folder with its own home, cache and data folders, and reads
a copy of the bundled pack without ``scenarios/`` (``LEARNBOT_CONTENT``), so that nothing depends
on the repository folder or on scenario files being edited elsewhere.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from learnbot.core.loader import load_pack
from learnbot.core.model import Pack
from learnbot.core.problems import ContentError
from learnbot.locations import BUNDLED_PACK, bundled_content_root

CONTRACT_KEYS = {"question", "answered", "matches", "suggestions"}
CONTRACT_MATCH_KEYS = {"id", "kind", "title", "text", "section", "score"}
CONFIDENCE = re.compile(r"Match: (strong|partial)\.")


@pytest.fixture(scope="session")
def pack_copy(ask_pack_dir: Path) -> Path:
    return ask_pack_dir


@pytest.fixture(scope="session")
def pack(ask_pack: Pack) -> Pack:
    return ask_pack


@pytest.fixture(scope="session")
def shared_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One index cache for the tests that are not about the cache (so most runs start warm)."""
    return tmp_path_factory.mktemp("ask-cli-cache")


@pytest.fixture
def run(tmp_path: Path, pack_copy: Path, shared_cache: Path):
    """``python -m learnbot ARGS`` in an empty folder; returns the finished process.

    ``cache`` is the index cache folder: the shared one unless a test names its own.
    """
    (tmp_path / "home").mkdir()

    def _run(*args: str, stdin: str | None = None, content: Path | None = pack_copy,
             env: dict[str, str] | None = None, cache: Path | None = None) -> subprocess.CompletedProcess:
        environ = {k: v for k, v in os.environ.items() if not k.startswith("LEARNBOT_")}
        environ.update(
            HOME=str(tmp_path / "home"),
            XDG_CACHE_HOME=str(tmp_path / "home" / ".cache"),
            XDG_DATA_HOME=str(tmp_path / "home" / ".local" / "share"),
            XDG_CONFIG_HOME=str(tmp_path / "home" / ".config"),
            LEARNBOT_CACHE_DIR=str(cache or shared_cache),
            LEARNBOT_DATA_DIR=str(tmp_path / "data"),
            PYTHONIOENCODING="utf-8",
            COLUMNS="100",
        )
        if content is not None:
            environ["LEARNBOT_CONTENT"] = str(content)
        environ.update(env or {})
        return subprocess.run(
            [sys.executable, "-m", "learnbot", *args],
            cwd=tmp_path, env=environ, capture_output=True, text=True, encoding="utf-8",
            input=stdin if stdin is not None else "", timeout=60,
        )

    return _run


def flat(text: str) -> str:
    return " ".join(text.split())


def assert_ok(result: subprocess.CompletedProcess) -> None:
    assert result.returncode == 0, (result.returncode, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr + result.stdout, result.stderr


def assert_no_traceback(result: subprocess.CompletedProcess) -> None:
    assert "Traceback" not in result.stderr + result.stdout, result.stderr


# --- ask --------------------------------------------------------------------------------------


def test_ask_prints_the_passage_and_a_confidence_word(run, pack: Pack) -> None:
    result = run("ask", "what is early help?")
    assert_ok(result)
    assert CONFIDENCE.search(result.stdout), result.stdout
    ids = re.findall(r"\[([a-z0-9-]+)\]", result.stdout)
    best = pack.get(ids[0])
    assert best is not None and "early help" in best.text.lower()
    assert flat(best.text) in flat(result.stdout)
    assert best.title in result.stdout
    assert "Related:" in result.stdout


def test_ask_takes_an_unquoted_question(run, pack: Pack) -> None:
    result = run("ask", "rec", "4")
    assert_ok(result)
    assert "[rec-4]" in result.stdout
    assert flat(pack.get("rec-4").text) in flat(result.stdout)
    assert "Match: strong." in result.stdout


def test_ask_json_has_the_contract_keys(run, pack: Pack) -> None:
    result = run("ask", "--json", "what is early help?")
    assert_ok(result)
    payload = json.loads(result.stdout)
    assert CONTRACT_KEYS <= set(payload)
    assert payload["question"] == "what is early help?"
    assert payload["answered"] is True
    assert payload["matches"]
    scores = [m["score"] for m in payload["matches"]]
    assert scores == sorted(scores, reverse=True)
    for match in payload["matches"]:
        assert CONTRACT_MATCH_KEYS <= set(match)
        assert match["text"] == pack.get(match["id"]).text
    assert isinstance(payload["suggestions"], list)


def test_ask_out_of_scope_says_the_briefing_does_not_cover_it(run) -> None:
    result = run("ask", "how do I make a MASH referral")
    assert_ok(result)
    assert "does not cover" in result.stdout
    assert not CONFIDENCE.search(result.stdout)


def test_ask_names_the_fact_the_briefing_does_not_give(run) -> None:
    result = run("ask", "who chairs the PAAG?")
    assert_ok(result)
    assert "The briefing touches on this but does not give who chairs it." in result.stdout
    assert "[bg-paag]" in result.stdout  # the passage on the topic is offered


def test_ask_json_names_the_fact_the_briefing_does_not_give(run) -> None:
    payload = json.loads(run("ask", "--json", "how many early help workers are there").stdout)
    assert payload["answered"] is False
    assert payload["not_stated"] == "a number"
    answered = json.loads(run("ask", "--json", "what is early help").stdout)
    assert answered["not_stated"] is None


def test_ask_json_out_of_scope_is_not_answered(run, pack: Pack) -> None:
    result = run("ask", "--json", "what is a section 47 enquiry")
    assert_ok(result)
    payload = json.loads(result.stdout)
    assert payload["answered"] is False
    assert payload["matches"] == []
    assert len(payload["suggestions"]) <= 3
    assert all(pack.get(s["id"]) is not None for s in payload["suggestions"])


def test_ask_with_no_question_exits_2_with_a_message(run) -> None:
    result = run("ask", "")
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert_no_traceback(result)
    assert "question" in (result.stdout + result.stderr).lower()


def test_ask_json_with_no_question_exits_2_with_a_message(run) -> None:
    result = run("ask", "--json", " \t ")
    assert result.returncode == 2
    assert_no_traceback(result)
    payload = json.loads(result.stdout)
    assert payload["answered"] is False and payload["message"]


def test_ask_with_no_argument_is_a_usage_error(run) -> None:
    result = run("ask")
    assert result.returncode == 2
    assert_no_traceback(result)
    assert "usage" in result.stderr.lower()


def test_ask_warns_about_case_details(run) -> None:
    result = run("ask", "mum is on 07700 900123, police didn't see the kids, what should happen?")
    assert_ok(result)
    assert "case details" in result.stdout
    assert result.stdout.lstrip().startswith("WARNING")
    assert CONFIDENCE.search(result.stdout)  # still answers


def test_ask_json_carries_the_case_details_warning(run) -> None:
    question = "rec 4, family at LE1 5WW \u2019\U0001f642"
    result = run("ask", "--json", question)
    assert_ok(result)
    payload = json.loads(result.stdout)
    assert payload["question"] == question
    assert "case details" in payload["case_details_warning"]
    assert payload["answered"] is True


def test_ask_on_odd_input_never_shows_a_traceback(run) -> None:
    question = "[link=http://x]y[/link] [bold]x[/] \u200f\u05de\u05d4 \u05d6\u05d4\u200f \x07\x1b[31m \U0001f642"
    result = run("ask", question)
    assert result.returncode in (0, 2)
    assert_no_traceback(result)
    assert result.stdout.strip()


def test_ask_on_the_bundled_pack_itself(run) -> None:
    try:
        load_pack(bundled_content_root() / BUNDLED_PACK)
    except ContentError as err:
        pytest.skip(f"the bundled pack does not load right now: {err}")
    result = run("ask", "--json", "rec 4", content=None)
    assert_ok(result)
    assert [m["id"] for m in json.loads(result.stdout)["matches"]] == ["rec-4"]


# --- chat -------------------------------------------------------------------------------------


def test_chat_through_standard_input(run, pack: Pack) -> None:
    lines = [
        "what is early help?",
        "tell me more",
        "",
        "rec 4",
        "why?",
        "what about fathers?",
        "quit",
        "what does TAR stand for",  # after quit: never read
    ]
    result = run("chat", stdin="\n".join(lines) + "\n")
    assert_ok(result)
    out = result.stdout
    assert "Goodbye" in out
    assert out.count("You: ") == 5
    assert flat(pack.get("rec-4").text) in flat(out)
    assert "[finding-police-children-not-seen]" in out.split("You: why?")[1]
    assert "[finding-fathers]" in out.split("You: what about fathers?")[1]
    assert "More on" in out
    assert "[gloss-tar]" not in out
    assert CONFIDENCE.search(out)


def test_chat_help_new_topic_and_warnings(run) -> None:
    lines = ["help", "rec 4", "new", "why?", "dad's number is 07700 900123", "how do I make a MASH referral", "exit"]
    result = run("chat", stdin="\n".join(lines) + "\n")
    assert_ok(result)
    out = result.stdout
    assert "Tips" in out
    assert "New topic" in out
    after_new = out.split("You: why?")[1].split("You: ")[0]
    assert "[finding-police-children-not-seen]" not in after_new
    assert "case details" in out
    assert "does not cover" in out
    assert out.rstrip().endswith("Goodbye.")


def test_chat_with_no_input_exits_cleanly(run) -> None:
    result = run("chat", stdin="")
    assert_ok(result)
    assert "Goodbye" in result.stdout


def test_chat_without_a_final_newline_or_quit(run) -> None:
    result = run("chat", stdin="rec 4\nwhy?")
    assert_ok(result)
    assert "[finding-police-children-not-seen]" in result.stdout
    assert "Goodbye" in result.stdout


def test_chat_on_odd_lines_never_shows_a_traceback(run) -> None:
    lines = ["[bold]x[/]", "\x00\x07", "\u200f\u05de\u05d4 \u05d6\u05d4", "\U0001f642", "x" * 50_000, "?", "quit"]
    result = run("chat", stdin="\n".join(lines) + "\n")
    assert_ok(result)
    assert "Goodbye" in result.stdout


# --- the index cache --------------------------------------------------------------------------


def _json_answer(run, question: str, cache: Path) -> dict:
    result = run("ask", "--json", question, cache=cache)
    assert_ok(result)
    return json.loads(result.stdout)


def test_the_cache_is_written_used_and_rebuilt_after_deletion(run, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    question = "I escalated to CSC and never heard back"
    first = _json_answer(run, question, cache)
    files = list(cache.glob("index-*.pickle"))
    assert len(files) == 1
    stamp = files[0].stat().st_mtime_ns
    assert _json_answer(run, question, cache) == first
    assert files[0].stat().st_mtime_ns == stamp  # read, not rewritten
    shutil.rmtree(cache)
    assert _json_answer(run, question, cache) == first
    assert list(cache.glob("index-*.pickle"))


def test_a_corrupted_cache_still_answers_correctly(run, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first = _json_answer(run, "what does EHA stand for?", cache)
    files = list(cache.glob("index-*.pickle"))
    assert files
    good = files[0].read_bytes()
    variants = {
        "garbage": b"\x00not a pickle at all\xff" * 100,
        "truncated": good[: len(good) // 2],
    }
    for name, garbage in variants.items():
        for path in cache.glob("index-*.pickle"):
            path.write_bytes(garbage)
        assert _json_answer(run, "what does EHA stand for?", cache) == first, name
        # ... and the next run has a good cache again
        for path in cache.glob("index-*.pickle"):
            assert path.read_bytes() != garbage, name


def test_an_unusable_cache_folder_only_costs_speed(run, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")
    result = run("ask", "--json", "rec 4", cache=blocker)
    assert_ok(result)
    assert [m["id"] for m in json.loads(result.stdout)["matches"]] == ["rec-4"]
    assert blocker.read_text() == "a file where the cache folder should be"


def test_cache_off_writes_nothing(run, tmp_path: Path) -> None:
    result = run("ask", "rec 4", env={"LEARNBOT_CACHE_DIR": "off"})
    assert_ok(result)
    assert "[rec-4]" in result.stdout
    assert not list(tmp_path.glob("**/index-*.pickle"))


def test_ask_output_is_whole_and_its_exit_code_kept_when_it_skips_teardown(run) -> None:
    # `ask` ends with os._exit once its output is flushed: nothing printed may be lost, and the
    # exit code is still the command's.
    result = run("ask", "--json", "what should happen when police don't see the children?")
    assert_ok(result)
    assert json.loads(result.stdout)["matches"]
    empty = run("ask", "   ")
    assert empty.returncode == 2 and "no question given" in empty.stderr


def test_a_reader_that_stops_early_gets_no_traceback(tmp_path: Path, pack_copy: Path, shared_cache: Path) -> None:
    environ = {k: v for k, v in os.environ.items() if not k.startswith("LEARNBOT_")}
    environ.update(LEARNBOT_CONTENT=str(pack_copy), LEARNBOT_CACHE_DIR=str(shared_cache), PYTHONIOENCODING="utf-8")
    process = subprocess.Popen([sys.executable, "-m", "learnbot", "export", "--format", "markdown"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=tmp_path, env=environ)
    assert process.stdout.readline()
    process.stdout.close()
    stderr = process.stderr.read().decode("utf-8")
    process.wait(timeout=60)
    assert "Traceback" not in stderr, stderr
