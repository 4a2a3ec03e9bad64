"""The bundled pack says what the briefing says: every quote is verbatim, and nothing is left out.

These tests read the pack's YAML directly with ``yaml.safe_load`` (the loader has its own tests)
and compare it with the published briefing, ``shared/briefing/early-help-audit-briefing.md``, which
sits beside the repository. If the briefing is not there the comparisons are skipped, not failed.

One normalisation rule is applied, identically, to the briefing and to every quoted text:

1. a Markdown link ``[label](target)`` becomes ``label`` (the briefing's links are placeholders);
2. backslashes are removed (the briefing escapes brackets: ``Working Together \\(2015\\)``);
3. on each line, a leading list marker (``- ``, ``* `` or ``7. ``) is dropped, so a quoted
   recommendation need not carry its number and a quoted list may be written as a Markdown list;
4. every run of whitespace, line breaks included, becomes one space, and the ends are stripped.

Nothing else is forgiven: case, punctuation and the briefing's own slips must match exactly.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

from learnbot.core.model import ITEM_KINDS

REPO = Path(__file__).resolve().parents[2]
BRIEFING = REPO.parent / "shared/briefing/early-help-audit-briefing.md"
PACK = REPO / "content/early-help-audit-2017"
ITEM_FILES = ("items/briefing.yaml", "items/glossary.yaml")

#: The briefing's headings, in order; "Introduction" stands for the untitled opening paragraph.
HEADINGS = (
    "Background",
    "Methodology",
    "Good Practice (identified in one case)",
    "What is Early Help?",
    "Key Findings",
    "Learning points",
    "Recommendations",
    "Further Information",
)
SECTIONS = ("Introduction", *HEADINGS)
#: Sections whose every sentence must appear in some quoted item (Further Information is link
#: labels, checked separately).
COVERED = SECTIONS[:-1]

KINDS = ITEM_KINDS
ROLES = {
    "police", "children's social care", "early help", "LPT", "UHL", "CCG", "health visitors",
    "school nurses", "adult services", "LSCB", "Safeguarding Unit", "health", "education",
    "local authorities", "voluntary and community sector",
}

#: Ids other content (quiz scenarios) cites: they must exist exactly as spelled.
BRIEFING_IDS = (
    "intro-briefing", "bg-working-together", "bg-audit-aims", "bg-paag",
    "method-audit-group", "method-scope", "method-sample", "method-completed-by", "method-uhl",
    "gp-heading", "gp-tar-eha", "gp-timeline", "gp-curiosity", "gp-smart-plan", "gp-timely-reviews", "gp-oversight",
    "def-working-together", "def-wt-prevent", "def-wt-effective", "def-thresholds",
    "def-thresholds-providers", "def-thresholds-complex", "def-thresholds-alongside",
    "finding-complex-needs", "finding-should-be-csc", "finding-cases-escalated", "finding-procedures",
    "finding-demographics", "finding-history", "finding-insufficient-information",
    "finding-thresholds", "finding-escalation-feedback", "finding-step-up-delay",
    "finding-voice-of-the-child", "finding-police-children-not-seen", "finding-child-interpreter",
    "finding-fathers", "finding-multi-agency-health", "finding-adult-services",
    "finding-assessments-smart", "finding-management-oversight",
    "lp-1", "lp-2", "lp-3", *(f"rec-{n}" for n in range(1, 8)),
    "further-info", "further-lscb-website", "further-procedures", "further-escalation-procedure",
    "further-early-help-service",
)

#: Glossary terms the pack must explain (matched against each entry's term and aliases).
REQUIRED_TERMS = (
    "LSCB", "LLR", "PAAG", "CCG", "LPT", "UHL", "CSC", "EHA", "TAR", "SMART",
    "Multi-agency Support Panel", "lead practitioner", "significant harm", "thresholds",
    "voice of the child", "step up", "escalation", "early help",
    "Working Together to Safeguard Children", "Team around the Family", "professional curiosity",
    "healthy scepticism", "lived experience", "welfare check", "domestic violence/abuse",
    "management oversight", "health visitor", "School Nursing service", "adult services",
    "demographic information", "statutory services", "universal services", "specialist services",
    "Safeguarding Unit", "multi-agency", "looked after child", "case recording", "timeline",
    "interpreter",
)

_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_MARKER = re.compile(r"^\s*(?:[-*]|\d+\.)\s+")
#: A sentence ends at . ? ! or : followed by space and a capital (so "i.e. from" stays whole).
_SENTENCE_END = re.compile(r"(?<=[.?!:])\s+(?=[A-Z'\"])")


def normalise(text: str) -> str:
    """Apply the module's normalisation rule (see the module docstring)."""
    text = _LINK.sub(r"\1", text).replace("\\", "")
    lines = (_MARKER.sub("", line) for line in text.splitlines())
    return " ".join(" ".join(lines).split())


def sentences(text: str) -> list[str]:
    """The briefing's units in ``text``: each line (paragraph or bullet), split into sentences."""
    out: list[str] = []
    for line in text.splitlines():
        line = normalise(line)
        if line:
            out.extend(part for part in _SENTENCE_END.split(line) if part)
    return out


# --- fixtures -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def briefing_text() -> str:
    if not BRIEFING.is_file():
        pytest.skip(f"the source briefing is not at {BRIEFING}; nothing to compare the pack with")
    return BRIEFING.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def sections(briefing_text: str) -> dict[str, str]:
    """The briefing's raw text under each heading (the opening paragraph as "Introduction")."""
    out: dict[str, list[str]] = {"Introduction": []}
    current = "Introduction"
    for line in briefing_text.splitlines():
        heading = line.strip().rstrip(":").strip()
        if heading in HEADINGS and heading not in out:
            current = heading
            out[current] = []
        else:
            out[current].append(line)
    missing = [h for h in HEADINGS if h not in out]
    assert not missing, f"the briefing no longer has the headings {missing}"
    return {name: "\n".join(lines) for name, lines in out.items()}


def _load(relative: str):
    with open(PACK / relative, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


@pytest.fixture(scope="module")
def items() -> list[dict]:
    out: list[dict] = []
    for relative in ITEM_FILES:
        data = _load(relative)
        assert isinstance(data, dict) and list(data) == ["items"], f"{relative}: top level must be 'items:'"
        assert isinstance(data["items"], list) and data["items"], f"{relative}: 'items' must be a list"
        for entry in data["items"]:
            entry = dict(entry)
            entry["_file"] = relative
            out.append(entry)
    return out


@pytest.fixture(scope="module")
def by_id(items: list[dict]) -> dict[str, dict]:
    return {item["id"]: item for item in items}


@pytest.fixture(scope="module")
def reflections() -> list[dict]:
    data = _load("reflections.yaml")
    assert isinstance(data, dict) and list(data) == ["reflections"]
    return data["reflections"]


def _quoted(items: list[dict]) -> list[dict]:
    return [item for item in items if item.get("quote") is True]


# --- (a) quotes are verbatim ----------------------------------------------------------------------


def test_normalise_follows_the_stated_rule() -> None:
    assert normalise("According to [Working Together \\(2015\\)](#):") == "According to Working Together (2015):"
    assert normalise("- one\n- two\n\n7. three") == "one two three"
    assert normalise("  a \n  b  ") == "a b"


def test_every_quote_is_verbatim_in_the_briefing(items: list[dict], briefing_text: str) -> None:
    whole = normalise(briefing_text)
    wrong = [item["id"] for item in _quoted(items) if normalise(item["text"]) not in whole]
    assert not wrong, f"quoted items whose text is not verbatim in the briefing: {wrong}"


def test_every_quoted_passage_sits_in_its_own_section(items: list[dict], sections: dict[str, str]) -> None:
    # Glossary entries that quote the briefing name the heading their words come from, too: "From
    # the briefing, under 'Glossary'" would point to a heading the briefing does not have.
    # A passage may open with its section's heading: "Good Practice (identified in one case)" is
    # the only text that answers "in how many cases?", and "Further Information" heads its links.
    normalised = {name: normalise(text) for name, text in sections.items()}
    headed = {name: normalise(f"{name} {text}") for name, text in sections.items()}
    wrong = [
        (item["id"], item["section"])
        for item in _quoted(items)
        if normalise(item["text"]) not in normalised.get(item["section"], "")
        and not headed.get(item["section"], "").startswith(normalise(item["text"]))
    ]
    assert not wrong, f"quoted items not found under the section they name: {wrong}"


def test_briefing_items_are_all_quotes(items: list[dict]) -> None:
    unquoted = [item["id"] for item in items if item["kind"] != "glossary" and item.get("quote") is not True]
    assert not unquoted, f"briefing passages must be the briefing's words (quote: true): {unquoted}"


# --- (b) nothing is left out ----------------------------------------------------------------------


@pytest.mark.parametrize("section", COVERED)
def test_every_sentence_of_the_section_is_quoted(section: str, sections: dict[str, str], items: list[dict]) -> None:
    quoted = [normalise(item["text"]) for item in _quoted(items) if item["section"] == section]
    units = sentences(sections[section])
    assert units, f"found no text under {section!r} in the briefing"
    missing = [unit for unit in units if not any(unit in text for text in quoted)]
    assert not missing, f"{section}: sentences no quoted item carries: {missing}"


def test_every_further_information_link_has_an_item(sections: dict[str, str], items: list[dict]) -> None:
    labels = [normalise(label) for label in _LINK.findall(sections["Further Information"])]
    assert labels, "found no links under Further Information"
    further = [item for item in items if item["kind"] == "further_information"]
    for label in labels:
        matching = [item for item in further if normalise(item["text"]) == label]
        assert matching, f"no further_information item for the link {label!r}"
        assert [link["label"] for link in matching[0].get("links", [])] == [label]


# --- (c) ids, references and the glossary -------------------------------------------------------


def test_ids_are_unique_across_item_files(items: list[dict]) -> None:
    counts = Counter(item["id"] for item in items)
    assert not [i for i, n in counts.items() if n > 1], f"duplicate ids: {[i for i, n in counts.items() if n > 1]}"


def test_the_ids_other_content_cites_exist(by_id: dict[str, dict]) -> None:
    missing = [i for i in BRIEFING_IDS if i not in by_id]
    assert not missing, f"missing briefing ids: {missing}"
    extra = [i for i, item in by_id.items() if item["kind"] != "glossary" and i not in BRIEFING_IDS]
    assert not extra, f"briefing items with ids outside the agreed list: {extra}"


def test_every_related_id_exists(items: list[dict], by_id: dict[str, dict], reflections: list[dict]) -> None:
    dangling = [(item["id"], ref) for item in items for ref in item.get("related", []) if ref not in by_id]
    dangling += [(r["id"], ref) for r in reflections for ref in r.get("related", []) if ref not in by_id]
    assert not dangling, f"related ids that do not exist: {dangling}"
    selfish = [item["id"] for item in items if item["id"] in item.get("related", [])]
    assert not selfish, f"items related to themselves: {selfish}"


def test_findings_and_their_answers_point_at_each_other(by_id: dict[str, dict]) -> None:
    answers = ("recommendation", "learning_point")
    one_way = []
    for item in by_id.values():
        if item["kind"] != "finding":
            continue
        assert any(by_id[r]["kind"] in answers for r in item.get("related", [])) or item["id"] in (
            "finding-procedures", "finding-adult-services"
        ), f"{item['id']} names no recommendation or learning point"
        for ref in item.get("related", []):
            if by_id[ref]["kind"] in answers and item["id"] not in by_id[ref].get("related", []):
                one_way.append((item["id"], ref))
    for item in by_id.values():
        if item["kind"] in answers:
            for ref in item.get("related", []):
                if by_id[ref]["kind"] == "finding" and item["id"] not in by_id[ref].get("related", []):
                    one_way.append((item["id"], ref))
    assert not one_way, f"finding/answer links that go one way only: {one_way}"


def test_escalation_items_point_at_the_escalation_procedure(by_id: dict[str, dict]) -> None:
    for item_id in ("rec-6", "finding-thresholds", "finding-escalation-feedback"):
        assert "further-escalation-procedure" in by_id[item_id]["related"], item_id


def test_the_required_glossary_terms_are_present(items: list[dict]) -> None:
    known = set()
    for item in items:
        if item["kind"] == "glossary":
            known.add(item["term"].casefold())
            known.update(alias.casefold() for alias in item.get("aliases", []))
    missing = [term for term in REQUIRED_TERMS if term.casefold() not in known]
    assert not missing, f"glossary terms missing: {missing}"


def test_glossary_entries_are_well_formed(items: list[dict]) -> None:
    for item in items:
        if item["kind"] != "glossary":
            continue
        assert item["id"].startswith("gloss-"), item["id"]
        # learnbot's own notes sit under "Glossary"; a quoting entry names the briefing's heading
        assert item["section"] == "Glossary" or item.get("quote") is True, item["id"]
        assert isinstance(item.get("term"), str) and item["term"].strip(), item["id"]
        assert item.get("related"), f"{item['id']} is tied to no briefing item"


def test_reflections(reflections: list[dict], by_id: dict[str, dict]) -> None:
    assert 8 <= len(reflections) <= 12
    ids = [r["id"] for r in reflections]
    assert len(set(ids)) == len(ids)
    assert all(re.fullmatch(r"refl-\d+", i) for i in ids), ids
    for r in reflections:
        assert r.get("text", "").strip() and r.get("related"), r["id"]
        assert any(by_id[ref]["kind"] in ("finding", "learning_point", "recommendation") for ref in r["related"])


def test_pack_metadata() -> None:
    meta = _load("pack.yaml")
    for key in ("id", "title", "publisher", "audit_period", "published", "source", "audience",
                "summary", "currency_notice"):
        assert isinstance(meta.get(key), str) and meta[key].strip(), f"pack.yaml: {key} is missing"
    assert meta["id"] == "early-help-audit-2017"
    assert meta["audit_period"] == "February to March 2017"
    assert meta["published"] == "2017"


# --- (d) kinds and the other fields ---------------------------------------------------------------


def test_kinds_are_allowed(items: list[dict]) -> None:
    wrong = [(item["id"], item.get("kind")) for item in items if item.get("kind") not in KINDS]
    assert not wrong, f"unknown kinds: {wrong}"


def test_kinds_match_the_model() -> None:
    model = pytest.importorskip("learnbot.core.model")
    assert tuple(model.ITEM_KINDS) == KINDS


def test_required_fields_and_sections(items: list[dict]) -> None:
    for item in items:
        for key in ("id", "kind", "title", "text", "section"):
            assert isinstance(item.get(key), str) and item[key].strip(), f"{item.get('id')}: {key}"
        assert isinstance(item.get("quote"), bool), f"{item['id']}: quote must be true or false"
        if item["kind"] != "glossary":
            assert item["section"] in SECTIONS, f"{item['id']}: unknown section {item['section']!r}"


def test_roles_come_from_the_vocabulary(items: list[dict]) -> None:
    wrong = [(item["id"], role) for item in items for role in item.get("roles", []) if role not in ROLES]
    assert not wrong, f"roles outside the vocabulary: {wrong}"


def test_numbers_follow_the_briefing(by_id: dict[str, dict]) -> None:
    for n in range(1, 8):
        assert by_id[f"rec-{n}"]["number"] == n
    for n in range(1, 4):
        assert by_id[f"lp-{n}"]["number"] == n
    findings = sorted({item["number"] for item in by_id.values() if item["kind"] == "finding"})
    assert findings == list(range(1, 13))


def test_every_item_has_distinct_hints(items: list[dict]) -> None:
    seen: dict[str, str] = {}
    for item in items:
        hints = item.get("hints", [])
        # A cap keeps hints to the common ways of asking; at 14 nearly every item sat on it, and
        # tuning swapped general hints out for one writer's wording (round24-c lost two questions).
        assert 3 <= len(hints) <= 16, f"{item['id']} has {len(hints)} hints (want 3 to 16)"
        for hint in hints:
            key = " ".join(hint.casefold().split())
            assert key not in seen, f"hint {hint!r} is on both {seen[key]} and {item['id']}"
            seen[key] = item["id"]


def test_the_matching_vocabulary_lists_nothing_twice() -> None:
    # Vocabulary is added by many hands and merged: a key given twice would silently drop the
    # first list (YAML keeps the last), and a phrase listed twice is noise to review.
    text = (PACK / "matching.yaml").read_text(encoding="utf-8")
    keys = re.findall(r"^  (\S[^\n]*):\s*$", text.split("\nout_of_scope:")[0], flags=re.M)
    assert not [k for k in set(keys) if keys.count(k) > 1], "a synonym key is given twice"
    data = _load("matching.yaml")
    for key, phrases in data["synonyms"].items():
        assert len(phrases) == len(set(phrases)), f"synonyms for {key!r} list a phrase twice"
    topics = data["out_of_scope"]
    assert len(topics) == len(set(topics)), "an out-of-scope topic is listed twice"
