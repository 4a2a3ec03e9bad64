"""The loader refuses scenarios whose answers cannot be marked, naming the file and the line."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from learnbot.core.loader import ContentError, load_pack

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "quiz_pack"

GOOD_STEP = """\
scenarios:
  - id: esc-x
    topic: escalation
    title: A test scenario
    setting: A practitioner escalates a concern.
    steps:
      - prompt: What now?
        type: {type}
        cites: [{cites}]
        options:
{options}
"""


def write_pack(tmp_path: Path, scenario_yaml: str) -> Path:
    """A copy of the fixture pack's metadata and items, with one scenarios file."""
    root = tmp_path / "pack"
    (root / "items").mkdir(parents=True)
    (root / "scenarios").mkdir()
    (root / "pack.yaml").write_text((FIXTURE / "pack.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    (root / "items" / "briefing.yaml").write_text(
        (FIXTURE / "items" / "briefing.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    (root / "scenarios" / "escalation.yaml").write_text(scenario_yaml, encoding="utf-8")
    return root


def scenario(type_: str, options: str, cites: str = "rec-5") -> str:
    return GOOD_STEP.format(type=type_, cites=cites, options=textwrap.indent(textwrap.dedent(options), " " * 10))


def problems_of(root: Path) -> list[str]:
    with pytest.raises(ContentError) as err:
        load_pack(root)
    return [str(p) for p in err.value.problems]


def line_of(root: Path, needle: str) -> int:
    """The 1-based line of the first line of the scenarios file containing ``needle``."""
    lines = (root / "scenarios" / "escalation.yaml").read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, start=1) if needle in line)


def assert_one_problem(root: Path, line: int, pattern: str) -> None:
    problems = problems_of(root)
    assert len(problems) == 1, problems
    path = str(root / "scenarios" / "escalation.yaml")
    assert problems[0].startswith(f"{path}:{line}: "), problems[0]
    assert re.search(pattern, problems[0]), problems[0]


def test_a_good_scenario_loads(tmp_path):
    root = write_pack(tmp_path, scenario("single", """\
        - text: Ask for feedback
          correct: true
          feedback: Recommendation 5.
        - text: Assume it happened
          feedback: The audit found this.
        """))
    assert [s.id for s in load_pack(root).scenarios] == ["esc-x"]


def test_single_answer_not_among_options(tmp_path):
    root = write_pack(tmp_path, scenario("single", """\
        - text: Ask for feedback
          feedback: Recommendation 5.
        - text: Assume it happened
          feedback: The audit found this.
        """))
    assert_one_problem(root, line_of(root, "options:"), r"exactly one correct option .*among its options")


def test_single_with_two_answers(tmp_path):
    root = write_pack(tmp_path, scenario("single", """\
        - text: Ask for feedback
          correct: true
          feedback: Recommendation 5.
        - text: Assume it happened
          correct: true
          feedback: The audit found this.
        """))
    assert_one_problem(root, line_of(root, "options:"), r"exactly one correct option \(found 2\)")


def test_multiple_answer_not_among_options(tmp_path):
    root = write_pack(tmp_path, scenario("multiple", """\
        - text: Ask for feedback
          correct: false
          feedback: Recommendation 5.
        - text: Assume it happened
          feedback: The audit found this.
        """))
    assert_one_problem(root, line_of(root, "options:"), r"at least one correct option")


def test_unknown_cited_id(tmp_path):
    root = write_pack(tmp_path, scenario("single", """\
        - text: Ask for feedback
          correct: true
          feedback: Recommendation 5.
        - text: Assume it happened
          feedback: The audit found this.
        """, cites="rec-5, rec-99"))
    assert_one_problem(root, line_of(root, "cites:"), r"cites unknown id 'rec-99'")


@pytest.mark.parametrize("positions", [(1, 1, 2), (0, 1, 2), (1, 2, 4)])
def test_bad_ordering_positions(tmp_path, positions):
    a, b, c = positions
    root = write_pack(tmp_path, scenario("order", f"""\
        - text: First
          position: {a}
          feedback: f
        - text: Second
          position: {b}
          feedback: f
        - text: Third
          position: {c}
          feedback: f
        """))
    assert_one_problem(root, line_of(root, "options:"), r"positions must be 1\.\.3, each once")


def test_ordering_option_without_position(tmp_path):
    root = write_pack(tmp_path, scenario("order", """\
        - text: First
          position: 1
          feedback: f
        - text: Second
          feedback: f
        """))
    assert_one_problem(root, line_of(root, "- text: Second"), r"needs a 'position'")


def test_ordering_option_with_empty_position(tmp_path):
    root = write_pack(tmp_path, scenario("order", """\
        - text: First
          position: 1
          feedback: f
        - text: Second
          position:
          feedback: f
        """))
    assert_one_problem(root, line_of(root, "- text: Second"), r"needs a 'position'")


def test_option_without_feedback(tmp_path):
    root = write_pack(tmp_path, scenario("single", """\
        - text: Ask for feedback
          correct: true
          feedback: Recommendation 5.
        - text: Assume it happened
          correct: false
        """))
    assert_one_problem(root, line_of(root, "- text: Assume"), r"option 2: missing required field 'feedback'")


def test_option_with_empty_feedback(tmp_path):
    root = write_pack(tmp_path, scenario("single", """\
        - text: Ask for feedback
          correct: true
          feedback: Recommendation 5.
        - text: Assume it happened
          feedback: ""
        """))
    assert_one_problem(root, line_of(root, 'feedback: ""'), r"option 2: field 'feedback' is empty")


def test_every_problem_in_a_file_is_listed(tmp_path):
    second = """\
  - id: esc-y
    topic: escalation
    title: Another
    setting: s
    steps:
      - prompt: p
        type: single
        cites: [nope]
        options:
          - text: a
            correct: true
            feedback: f
          - text: b
            feedback: f
"""
    root = write_pack(tmp_path, scenario("single", """\
        - text: Ask for feedback
          feedback: Recommendation 5.
        - text: Assume it happened
          feedback: The audit found this.
        """) + second)
    problems = problems_of(root)
    assert len(problems) == 2, problems
    assert any(f":{line_of(root, 'options:')}: " in p and "exactly one correct" in p for p in problems)
    assert any(f":{line_of(root, '[nope]')}: " in p and "cites unknown id 'nope'" in p for p in problems)


def test_a_step_that_cites_nothing(tmp_path):
    root = write_pack(tmp_path, scenario("single", """\
        - text: Ask for feedback
          correct: true
          feedback: Recommendation 5.
        - text: Assume it happened
          feedback: The audit found this.
        """, cites=""))
    assert_one_problem(root, line_of(root, "cites:"), r"'cites' must name at least one item")


def test_two_options_with_the_same_text(tmp_path):
    root = write_pack(tmp_path, scenario("single", """\
        - text: Ask for feedback
          correct: true
          feedback: Recommendation 5.
        - text: ask for feedback
          feedback: The same again.
        """))
    assert_one_problem(root, line_of(root, "- text: ask for feedback"), r"the same text as option 1")


def test_every_bad_option_of_a_step_is_listed(tmp_path):
    root = write_pack(tmp_path, scenario("single", """\
        - text: Ask for feedback
          correct: true
        - text: Assume it happened
        """))
    problems = problems_of(root)
    assert len(problems) == 2 and all("missing required field 'feedback'" in p for p in problems), problems
