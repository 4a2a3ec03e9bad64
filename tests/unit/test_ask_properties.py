"""Property tests: whatever is typed, matching and the conversation answer sensibly and the same way.

Arbitrary unicode (control and format characters, combining marks, emoji, right-to-left letters),
very long strings, and practitioner-shaped noise built from the pack's own words, numbers and
follow-up phrases. Runs on a copy of the bundled pack without ``scenarios/``.
"""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from learnbot.core.answer import Answer
from learnbot.core.conversation import Conversation
from learnbot.core.loader import load_pack
from learnbot.core.matching.matcher import Matcher
from learnbot.core.model import Pack

SETTINGS = settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@pytest.fixture(scope="session")
def pack(ask_pack: Pack) -> Pack:
    return ask_pack


@pytest.fixture(scope="session")
def matcher(ask_matcher: Matcher) -> Matcher:
    return ask_matcher


# --- strategies -------------------------------------------------------------------------------

UNICODE = st.text(
    alphabet=st.characters(
        categories=["Cc", "Cf", "Zs", "Zl", "Zp", "Mn", "Me", "Mc", "So", "Sk", "Sm", "Lo", "Lu", "Ll", "Lm",
                    "Nd", "No", "Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po"],
    ),
    max_size=200,
)
"""Every kind of character, including the awkward ones."""

LONG = st.text(max_size=40).map(lambda s: s * 600)
"""Long strings (up to ~24,000 characters) made by repeating a short one."""

WORDS = st.sampled_from(
    [
        # the briefing's words and the practitioners' ones
        "early", "help", "EHA", "TAR", "LPT", "UHL", "PAAG", "CSC", "LSCB", "MASH", "section", "47", "police",
        "cops", "kids", "children", "child's", "voice", "fathers", "dad", "escalate", "escalated", "feedback",
        "never", "heard", "back", "thresholds", "social", "care", "supervision", "audit", "2017", "Working",
        "Together", "2015", "interpreter", "school", "nurse", "health", "visitor", "recording",
        # numbered references and their pieces
        "rec", "recs", "rec4", "lp3", "learning", "point", "recommendation", "recommendations", "finding",
        "key", "1", "2", "4", "7", "12", "0", "99999999999", "first", "2nd", "last", "final", "four", "no",
        "number", "#", "&", "+", "and", "or", "to",
        # question framing and follow-ups
        "what", "wat", "hw", "does", "stand", "for", "mean", "is", "the", "a", "why", "tell", "me", "more",
        "about", "what about", "and for", "that", "it", "?", "!", "...",
        # noise
        "\U0001f642", "\u200f", "\x00", "[bold]", "[/]", "[link=http://x]", "\u05e2\u05d6\u05e8\u05d4",
        "\u0645\u0633\u0627\u0639\u062f\u0629", "caf\u00e9", "\u2019", "\u201c", "teh", "fathrs", "O'Brien",
        "07700 900123", "LE1 5WW", "DOB",
    ]
)
SEPARATORS = st.sampled_from([" ", "  ", ", ", "\t", "\n", "-", "/", "'", ""])

PRACTITIONERISH = st.lists(st.tuples(WORDS, SEPARATORS), max_size=14).map(
    lambda parts: "".join(word + sep for word, sep in parts)
)
"""Questions assembled from the pack's own vocabulary, numbers, follow-up words and noise."""

SHORT_QUESTION = st.one_of(st.text(), UNICODE, PRACTITIONERISH)
ANY_QUESTION = st.one_of(SHORT_QUESTION, LONG)


# --- checks -----------------------------------------------------------------------------------


def check_search(matcher: Matcher, pack: Pack, question: str) -> None:
    result = matcher.search(question)
    ids = {item.id for item in pack.items}
    assert len(result.ranked) <= 5
    for scored in result.ranked:
        assert scored.item.id in ids
        assert pack.get(scored.item.id) == scored.item
        assert math.isfinite(scored.score)
        assert math.isfinite(scored.coverage)
    if result.answered:
        assert result.ranked
    assert matcher.confidence_word(result) in ("strong", "partial", "none")


def check_answer(pack: Pack, answer: Answer, question: str) -> None:
    ids = {item.id for item in pack.items}
    assert isinstance(answer, Answer)
    assert answer.question == question
    assert all(m.item.id in ids and pack.get(m.item.id) == m.item for m in answer.matches)
    assert all(item.id in ids for item in (*answer.suggestions, *answer.related, *answer.further))
    if answer.answered:
        assert answer.matches
        assert answer.confidence in ("strong", "partial")
        assert not answer.message
    else:
        assert not answer.matches
        assert answer.confidence == "none"
    assert len(answer.suggestions) <= 3 and len(answer.related) <= 3
    json.dumps(answer.to_json(), ensure_ascii=False)


# --- properties -------------------------------------------------------------------------------


@SETTINGS
@given(question=st.text())
def test_search_on_any_text(matcher: Matcher, pack: Pack, question: str) -> None:
    check_search(matcher, pack, question)


@SETTINGS
@given(question=st.one_of(UNICODE, PRACTITIONERISH))
def test_search_on_awkward_unicode_and_practitioner_noise(matcher: Matcher, pack: Pack, question: str) -> None:
    check_search(matcher, pack, question)


@SETTINGS
@given(question=LONG)
def test_search_on_long_text(matcher: Matcher, pack: Pack, question: str) -> None:
    check_search(matcher, pack, question)


@SETTINGS
@given(question=ANY_QUESTION)
def test_conversation_ask_on_any_text(matcher: Matcher, pack: Pack, question: str) -> None:
    check_answer(pack, Conversation(pack, matcher).ask(question), question)


@SETTINGS
@given(questions=st.lists(st.one_of(
    SHORT_QUESTION,
    st.sampled_from(["tell me more", "why?", "what's the recommendation for that?", "what about fathers?",
                     "and for police?", "what about \U0001f642?", "and for ?", "rec 4", "what is early help?"]),
), min_size=1, max_size=5))
def test_a_conversation_of_any_lines(matcher: Matcher, pack: Pack, questions: list[str]) -> None:
    conversation = Conversation(pack, matcher)
    for question in questions:
        check_answer(pack, conversation.ask(question), question)
    conversation.reset()
    assert conversation.last_item is None


@SETTINGS
@given(question=SHORT_QUESTION)
def test_the_same_question_gets_the_same_answer(matcher: Matcher, pack: Pack, question: str) -> None:
    first = Conversation(pack, matcher).ask(question).to_json()
    second = Conversation(pack, matcher).ask(question).to_json()
    assert first == second
    assert matcher.search(question) == matcher.search(question)


@pytest.fixture(scope="session")
def second_matcher(ask_pack_dir: Path) -> Matcher:
    """Another matcher, built separately from a separately loaded pack."""
    return Matcher(load_pack(ask_pack_dir))


@SETTINGS
@given(question=st.one_of(PRACTITIONERISH, st.text()))
def test_a_separately_built_matcher_answers_the_same(matcher: Matcher, second_matcher: Matcher,
                                                     question: str) -> None:
    fresh = second_matcher
    assert [(s.item.id, s.score) for s in fresh.search(question).ranked] == [
        (s.item.id, s.score) for s in matcher.search(question).ranked
    ]


_DETERMINISM_SCRIPT = r"""
import json, sys
from learnbot.core.conversation import Conversation
from learnbot.core.loader import load_pack
pack = load_pack(sys.argv[1])
conversation = Conversation(pack)
out = []
for question in json.loads(sys.argv[2]):
    out.append(Conversation(pack, conversation.matcher).ask(question).to_json())
print(json.dumps(out))
"""

DETERMINISM_QUESTIONS = [
    "what is early help?", "EHA", "early help assessment", "fathrs involvment", "thresholds",
    "police didn't see the kids, what should happen?", "I escalated to CSC and never heard back",
    "who chairs the PAAG?", "how do I make a MASH referral", "escalation", "voice of the child",
    "what went well", "what are the recommendations", "recs 1 and 2",
]


def test_the_same_answer_in_another_process(ask_pack_dir: Path) -> None:
    """Set and dict order change with the hash seed between processes; answers must not."""
    outputs = []
    for seed in ("1", "12345"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run(
            [sys.executable, "-c", _DETERMINISM_SCRIPT, str(ask_pack_dir), json.dumps(DETERMINISM_QUESTIONS)],
            capture_output=True, text=True, env=env, timeout=60,
        )
        assert done.returncode == 0, done.stderr
        outputs.append(json.loads(done.stdout))
    assert outputs[0] == outputs[1]
