"""The bundled scenarios: enough of each kind, each step resting on the briefing, quotes verbatim."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from learnbot.core.export import scenario_to_dict
from learnbot.core.loader import load_pack
from learnbot.locations import content_dir

#: Kinds of item a step must cite at least one of: what the audit found, learnt and recommended.
GROUNDING_KINDS = {"finding", "learning_point", "recommendation"}


@pytest.fixture(scope="module")
def pack():
    return load_pack(content_dir())


def _norm(text: str) -> str:
    return " ".join(text.replace("\u2019", "'").split()).casefold()


def _quotes(text: str) -> list[str]:
    """The fragments of ``text`` in straight double quotes."""
    return re.findall(r'"([^"]+)"', text)


def test_enough_scenarios_of_each_topic_and_shape(pack):
    topics = Counter(s.topic for s in pack.scenarios)
    assert topics["escalation"] >= 8 and topics["voice-of-the-child"] >= 8
    assert sum(len(s.steps) > 1 for s in pack.scenarios) >= 4
    assert {step.type for s in pack.scenarios for step in s.steps} == {"single", "multiple", "order"}


def test_ids_follow_the_topic(pack):
    prefix = {"escalation": "esc", "voice-of-the-child": "voc"}
    for s in pack.scenarios:
        assert re.fullmatch(rf"{prefix[s.topic]}-\d\d", s.id), s.id


def test_scenarios_span_the_agencies(pack):
    roles = {r for s in pack.scenarios for r in s.roles}
    assert {"police", "children's social care", "early help", "health visitors", "school nurses"} <= roles


def test_every_step_cites_a_finding_learning_point_or_recommendation(pack):
    for s in pack.scenarios:
        for n, step in enumerate(s.steps, start=1):
            kinds = {pack.get(c).kind for c in step.cites}
            assert kinds & GROUNDING_KINDS, f"{s.id} step {n} cites only {sorted(kinds)}"


def test_every_choice_step_has_a_wrong_option(pack):
    for s in pack.scenarios:
        for step in s.steps:
            if step.type != "order":
                assert any(not o.correct for o in step.options), s.id
                assert len(step.options) >= 2


def test_quoted_words_are_the_cited_items_own(pack):
    """Words in double quotes in feedback and discussion prompts are verbatim from a cited item."""
    for s in pack.scenarios:
        for n, step in enumerate(s.steps, start=1):
            cited = " ".join(_norm(pack.get(c).text) for c in step.cites)
            texts = [step.feedback, step.discussion, *(o.feedback for o in step.options)]
            for text in texts:
                for quote in _quotes(text):
                    for part in quote.split("..."):
                        part = _norm(part).strip(" .,;:")
                        assert part in cited, f"{s.id} step {n}: {quote!r} is not in its cited items"


def test_no_case_details_or_timescales(pack):
    """Fictional and anonymised: initials, not names; no dates of birth, addresses or deadlines."""
    patterns = [
        r"\b\d{1,2}/\d{1,2}/\d{2,4}\b",  # dates
        r"\bborn on\b|\bdate of birth\b|\bd\.?o\.?b\b",
        r"\b[A-Z]{1,2}\d{1,2}[A-Z]? ?\d[A-Z]{2}\b",  # postcodes
        r"\b\d+ [A-Z][a-z]+ (Street|Road|Avenue|Close|Lane|Drive)\b",
        r"\b(Mr|Mrs|Ms|Miss)\.? [A-Z][a-z]+",
        r"\bworking days?\b|\bwithin \d+ (hours|days)\b|\bstatutory timescale",
    ]
    for s in pack.scenarios:
        texts = [s.title, s.setting]
        for step in s.steps:
            texts += [step.prompt, step.feedback, step.discussion]
            texts += [t for o in step.options for t in (o.text, o.feedback)]
        for text in texts:
            for pattern in patterns:
                assert not re.search(pattern, text), f"{s.id}: {pattern} in {text!r}"


def test_where_the_briefing_is_silent_feedback_says_so(pack):
    """Some feedback sends people to current local procedures rather than inventing guidance."""
    mentions = [
        s.id for s in pack.scenarios
        if any("current local" in t for step in s.steps for t in [step.feedback, *(o.feedback for o in step.options)])
    ]
    assert len(mentions) >= 8


def test_export_shape(pack):
    data = scenario_to_dict(pack.scenarios[0])
    assert {"id", "topic", "title", "steps"} <= data.keys()
    step = data["steps"][0]
    assert {"prompt", "type", "options", "cites"} <= step.keys()
    assert {"text", "feedback"} <= step["options"][0].keys()
