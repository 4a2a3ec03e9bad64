"""The line-aware YAML reader: values that know their lines, and only ``YamlProblem`` on bad input."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from learnbot.core.yamlread import LDict, LList, YamlProblem, read_yaml

DOC = """\
# a comment
items:
  - id: one
    tags: [a, b]
  - id: two
    tags:
      - c
      - d
"""


def read_text(tmp_path: Path, text: str | bytes):
    path = tmp_path / "file.yaml"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return read_yaml(path)


def test_values_remember_their_lines(tmp_path: Path) -> None:
    data = read_text(tmp_path, DOC)
    assert isinstance(data, LDict) and data.line == 2 and data.line_of("items") == 2
    items = data["items"]
    assert isinstance(items, LList) and items.item_lines == [3, 5]
    assert items[0].line == 3 and items[0].line_of("tags") == 4
    assert items[0]["tags"].item_lines == [4, 4]
    assert items[1]["tags"].item_lines == [7, 8]
    assert items[1].line_of("missing") == 5
    assert data == {"items": [{"id": "one", "tags": ["a", "b"]}, {"id": "two", "tags": ["c", "d"]}]}


def test_scalars_are_plain_python_values(tmp_path: Path) -> None:
    data = read_text(tmp_path, "a: true\nb: 3\nc: 'yes'\nd:\ne: yes\n")
    assert data == {"a": True, "b": 3, "c": "yes", "d": None, "e": True}


def test_byte_order_mark_is_ignored(tmp_path: Path) -> None:
    assert read_text(tmp_path, "\ufeffa: 1\n") == {"a": 1}


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("a: 1\nb: [2\n", 3, "invalid YAML"),
        ("a: 1\na: 2\n", 2, "given twice"),
        ("a: &x 1\n", 1, "anchor"),
        ("a: 1\nb: *x\n", 2, "alias"),
        ("a: 1\n---\nb: 2\n", 2, "single document"),
        ("a: 1\nb: \x07\n", 2, "not allowed"),
        ("a: !thing 1\n", 1, "tag"),
        ("[a]: 1\n", 1, "plain text"),
        ("", 1, "empty"),
        (b"a: 1\nb: \xc3\x28\n", 2, "UTF-8"),
        ("a: " + "[" * 3000 + "]" * 3000 + "\n", 1, "nest"),  # depth limit or recursion: either way
    ],
    ids=["unclosed", "twice", "anchor", "alias", "two-documents", "control-char", "tag", "key-list",
         "empty", "bad-utf8", "deep"],
)
def test_problems_have_lines(tmp_path: Path, text: str | bytes, line: int, words: str) -> None:
    with pytest.raises(YamlProblem) as caught:
        read_text(tmp_path, text)
    assert caught.value.line == line, caught.value
    assert words.lower() in caught.value.message.lower(), caught.value


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.one_of(st.text(), st.binary(), st.text(alphabet="-:[]{}&*!|>'\"#? \n\tab1")))
def test_any_input_reads_or_fails_with_a_yaml_problem(tmp_path: Path, text: str | bytes) -> None:
    """Whatever a file holds, the reader returns values or raises YamlProblem: never anything else."""
    try:
        read_text(tmp_path, text)
    except YamlProblem as problem:
        assert problem.line >= 1 and problem.message
