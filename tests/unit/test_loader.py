"""The loader: the bundled pack loads, and every kind of bad content is explained by file and line.

Each failure test writes a tiny pack into ``tmp_path`` (a valid one with one file changed), loads it,
and checks the problem names the right file and the right line. Every failed load is also checked
to have written nothing: no new files, no changed bytes or modification times.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from learnbot.core.loader import ContentError, Problem, load_pack
from learnbot.core.model import ITEM_KINDS, Pack
from learnbot.locations import BUNDLED_PACK, bundled_content_root

PACK_YAML = """\
id: tiny
title: A tiny pack
publisher: Test LSCB
audit_period: February to March 2017
currency_notice: This pack dates from 2017; check current procedures.
"""

BRIEFING_YAML = """\
items:
  - id: finding-fathers
    kind: finding
    title: Fathers were not involved
    text: Fathers were not spoken to/involved all the cases.
    section: Key Findings
    quote: true
    tags: [fathers, voice of the child]
    related: [rec-3]
  - id: rec-3
    kind: recommendation
    title: Hear children and family members
    text: Partners to ensure that the views of children, family members, including father is obtained.
    section: Recommendations
    quote: true
    number: 3
    roles: [police]
"""

GLOSSARY_YAML = """\
items:
  - id: gloss-eha
    kind: glossary
    term: EHA
    title: Early Help Assessment
    text: An assessment of a child's and family's needs for early help.
    section: Glossary
    quote: false
    related: [rec-3]
"""

REFLECTIONS_YAML = """\
reflections:
  - id: reflect-fathers
    text: How do you involve fathers in your work?
    related: [finding-fathers]
"""

VALID_FILES = {
    "pack.yaml": PACK_YAML,
    "items/briefing.yaml": BRIEFING_YAML,
    "items/glossary.yaml": GLOSSARY_YAML,
    "reflections.yaml": REFLECTIONS_YAML,
}


def write_pack(root: Path, changes: dict[str, str | bytes | None] | None = None) -> Path:
    """Write the valid tiny pack into ``root``, with ``changes`` (a path -> new content, or None
    to leave the file out)."""
    files: dict[str, str | bytes | None] = {**VALID_FILES, **(changes or {})}
    for relative, content in files.items():
        if content is None:
            continue
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(textwrap.dedent(content), encoding="utf-8")
    return root


def snapshot(folder: Path) -> dict[str, tuple[int, int, bytes]]:
    """Every file and folder under ``folder`` with its mtime, size and bytes."""
    out = {}
    for path in sorted(folder.rglob("*")):
        stat = path.stat()
        content = path.read_bytes() if path.is_file() else b""
        out[str(path.relative_to(folder))] = (stat.st_mtime_ns, stat.st_size, content)
    return out


@pytest.fixture
def pack_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty folder for a pack; the working directory is a sibling, so stray writes show."""
    work = tmp_path / "cwd"
    work.mkdir()
    monkeypatch.chdir(work)
    monkeypatch.delenv("LEARNBOT_CONTENT", raising=False)
    root = tmp_path / "pack"
    root.mkdir()
    return root


def problems_of(root: Path) -> list[Problem]:
    """Load the pack at ``root``, expecting it to fail; check nothing was written anywhere near it."""
    watched = root.parent
    before = snapshot(watched)
    with pytest.raises(ContentError) as caught:
        load_pack(root)
    assert snapshot(watched) == before, "a failed load wrote or touched files"
    problems = caught.value.problems
    assert problems, "ContentError without problems"
    for problem in problems:
        # Every problem prints as file:line: message.
        assert str(problem) == f"{problem.file}:{problem.line}: {problem.message}"
    return problems


def only_problem(root: Path) -> Problem:
    problems = problems_of(root)
    assert len(problems) == 1, "\n".join(map(str, problems))
    return problems[0]


def assert_at(problem: Problem, relative: str, line: int, *words: str) -> None:
    """The problem is in file ``relative`` (of the pack) at ``line``, and mentions ``words``."""
    assert Path(problem.file).as_posix().endswith(relative), str(problem)
    assert problem.line == line, str(problem)
    for word in words:
        assert word.lower() in problem.message.lower(), str(problem)


# --- the bundled pack -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def bundled() -> Pack:
    """The bundled pack (whatever ``LEARNBOT_CONTENT`` says)."""
    return load_pack(bundled_content_root() / BUNDLED_PACK)


def test_bundled_pack_loads_with_every_kind(bundled: Pack) -> None:
    counts = bundled.counts()
    assert set(counts) == set(ITEM_KINDS), f"kinds missing from the bundled pack: {set(ITEM_KINDS) - set(counts)}"
    assert counts["learning_point"] == 3
    assert counts["finding"] >= 12  # twelve bullets under Key Findings, some perhaps split
    assert len({item.id for item in bundled.items}) == len(bundled.items)


def test_bundled_recommendations_are_numbered_one_to_seven(bundled: Pack) -> None:
    recs = bundled.of_kind("recommendation")
    assert sorted(rec.number for rec in recs) == list(range(1, 8))
    assert all(rec.quote for rec in recs)
    assert bundled.get("rec-4") is not None and bundled.get("rec-4").number == 4
    assert "Police to ensure that children are spoken to" in bundled.get("rec-4").text


def test_bundled_glossary_has_the_briefings_abbreviations(bundled: Pack) -> None:
    terms = {item.term for item in bundled.glossary}
    for term in ("LSCB", "LLR", "PAAG", "CCG", "LPT", "UHL", "CSC", "EHA", "TAR", "SMART"):
        assert term in terms, f"glossary lacks {term}"


def test_bundled_pack_meta(bundled: Pack) -> None:
    meta = bundled.meta
    assert "Leicester" in meta.publisher or "LSCB" in meta.publisher
    assert "2017" in meta.audit_period
    assert "2017" in meta.currency_notice and "current" in meta.currency_notice.lower()


def test_bundled_related_ids_resolve_and_are_not_self(bundled: Pack) -> None:
    for item in bundled.items:
        assert item.id not in item.related, item.id
        assert len(bundled.related_items(item)) == len(item.related), item.id


# --- a valid tiny pack ------------------------------------------------------------------------


def test_tiny_pack_loads(pack_dir: Path) -> None:
    pack = load_pack(write_pack(pack_dir))
    assert [item.id for item in pack.items] == ["finding-fathers", "rec-3", "gloss-eha"]
    rec = pack.get("rec-3")
    assert rec.number == 3 and rec.quote is True and rec.roles == ("police",)
    assert pack.get("gloss-eha").term == "EHA"
    assert pack.related_items(pack.get("finding-fathers")) == (rec,)
    assert pack.reflections[0].related == ("finding-fathers",)
    assert pack.meta.publisher == "Test LSCB"


# --- one test per problem ---------------------------------------------------------------------


# A file that cannot be read at all is broken in glossary.yaml: nothing refers to its one entry,
# so its loss adds no "related id does not exist" problems elsewhere.


def test_invalid_yaml_names_its_line(pack_dir: Path) -> None:
    broken = GLOSSARY_YAML.replace("    title: Early Help Assessment", "    title: Early Help: Assessment")
    write_pack(pack_dir, {"items/glossary.yaml": broken})
    assert_at(only_problem(pack_dir), "items/glossary.yaml", 5, "invalid YAML")


def test_unclosed_bracket_is_invalid_yaml(pack_dir: Path) -> None:
    broken = GLOSSARY_YAML.replace("    related: [rec-3]", "    related: [rec-3\n    quote: false")
    write_pack(pack_dir, {"items/glossary.yaml": broken})
    assert_at(only_problem(pack_dir), "items/glossary.yaml", 10, "invalid YAML")


def test_a_tab_for_indentation_is_invalid_yaml(pack_dir: Path) -> None:
    broken = GLOSSARY_YAML.replace("    section: Glossary", "\tsection: Glossary")
    write_pack(pack_dir, {"items/glossary.yaml": broken})
    assert_at(only_problem(pack_dir), "items/glossary.yaml", 7, "invalid YAML")


def test_file_that_is_not_utf8(pack_dir: Path) -> None:
    latin1 = GLOSSARY_YAML.replace("a child's", "a caf\u00e9's").encode("latin-1")
    write_pack(pack_dir, {"items/glossary.yaml": latin1})
    assert_at(only_problem(pack_dir), "items/glossary.yaml", 6, "UTF-8")


def test_control_character_is_refused_on_its_line(pack_dir: Path) -> None:
    broken = GLOSSARY_YAML.replace("a child's", "a child\x00s")
    write_pack(pack_dir, {"items/glossary.yaml": broken})
    assert_at(only_problem(pack_dir), "items/glossary.yaml", 6, "invalid YAML")


def test_utf8_with_byte_order_mark_is_fine(pack_dir: Path) -> None:
    write_pack(pack_dir, {"pack.yaml": "\ufeff" + PACK_YAML})
    assert load_pack(pack_dir).meta.id == "tiny"


@pytest.mark.parametrize("content", ["", "\n\n", "# only a comment\n"], ids=["empty", "blank", "comment"])
def test_empty_file(pack_dir: Path, content: str) -> None:
    write_pack(pack_dir, {"items/glossary.yaml": content})
    assert_at(only_problem(pack_dir), "items/glossary.yaml", 1, "empty")


def test_wrongly_shaped_file(pack_dir: Path) -> None:
    write_pack(pack_dir, {"items/glossary.yaml": "- id: gloss-eha\n- id: gloss-tar\n"})
    assert_at(only_problem(pack_dir), "items/glossary.yaml", 1, "mapping", "items")


def test_items_that_is_not_a_list(pack_dir: Path) -> None:
    write_pack(pack_dir, {"items/glossary.yaml": "\nitems: gloss-eha\n"})
    assert_at(only_problem(pack_dir), "items/glossary.yaml", 2, "must be a list")


def test_pack_yaml_that_is_not_a_mapping(pack_dir: Path) -> None:
    write_pack(pack_dir, {"pack.yaml": "just a sentence\n"})
    assert_at(only_problem(pack_dir), "pack.yaml", 1, "mapping")


def test_unknown_field_catches_a_typo(pack_dir: Path) -> None:
    broken = BRIEFING_YAML.replace("    title: Hear children", "    titel: Hear children")
    write_pack(pack_dir, {"items/briefing.yaml": broken})
    problems = problems_of(pack_dir)
    typo = [p for p in problems if "titel" in p.message]
    assert len(typo) == 1, problems
    assert_at(typo[0], "items/briefing.yaml", 12, "unknown field")
    # ... and the field it should have been is reported missing, on the item's first line.
    missing = [p for p in problems if p not in typo]
    assert len(missing) == 1, problems
    assert_at(missing[0], "items/briefing.yaml", 10, "missing", "title")


def test_unknown_field_in_pack_yaml(pack_dir: Path) -> None:
    write_pack(pack_dir, {"pack.yaml": PACK_YAML + "publishd: 2017\n"})
    assert_at(only_problem(pack_dir), "pack.yaml", 6, "unknown field", "publishd")


def test_missing_required_field(pack_dir: Path) -> None:
    broken = BRIEFING_YAML.replace("    section: Recommendations\n", "")
    write_pack(pack_dir, {"items/briefing.yaml": broken})
    assert_at(only_problem(pack_dir), "items/briefing.yaml", 10, "missing", "section")


def test_missing_required_field_in_pack_yaml(pack_dir: Path) -> None:
    write_pack(pack_dir, {"pack.yaml": PACK_YAML.replace("publisher: Test LSCB\n", "")})
    assert_at(only_problem(pack_dir), "pack.yaml", 1, "missing", "publisher")


@pytest.mark.parametrize("empty", ['""', "", "'   '"], ids=["empty-string", "null", "spaces"])
def test_empty_required_field(pack_dir: Path, empty: str) -> None:
    broken = BRIEFING_YAML.replace(
        "    text: Fathers were not spoken to/involved all the cases.", f"    text: {empty}"
    )
    write_pack(pack_dir, {"items/briefing.yaml": broken})
    assert_at(only_problem(pack_dir), "items/briefing.yaml", 5, "text", "empty")


def test_wrong_type_quote_as_text(pack_dir: Path) -> None:
    broken = BRIEFING_YAML.replace("    quote: true\n    number: 3", '    quote: "yes"\n    number: 3')
    write_pack(pack_dir, {"items/briefing.yaml": broken})
    assert_at(only_problem(pack_dir), "items/briefing.yaml", 15, "quote", "true or false")


def test_wrong_type_tags_as_text(pack_dir: Path) -> None:
    broken = BRIEFING_YAML.replace("    tags: [fathers, voice of the child]", "    tags: fathers")
    write_pack(pack_dir, {"items/briefing.yaml": broken})
    assert_at(only_problem(pack_dir), "items/briefing.yaml", 8, "tags", "list")


def test_wrong_type_number_as_text(pack_dir: Path) -> None:
    broken = BRIEFING_YAML.replace("    number: 3", "    number: three")
    write_pack(pack_dir, {"items/briefing.yaml": broken})
    assert_at(only_problem(pack_dir), "items/briefing.yaml", 16, "number", "whole number")


def test_unknown_kind(pack_dir: Path) -> None:
    broken = BRIEFING_YAML.replace("    kind: recommendation", "    kind: recomendation")
    write_pack(pack_dir, {"items/briefing.yaml": broken})
    assert_at(only_problem(pack_dir), "items/briefing.yaml", 11, "unknown kind", "recomendation")


def test_duplicate_id_in_one_file(pack_dir: Path) -> None:
    broken = BRIEFING_YAML.replace("  - id: rec-3", "  - id: finding-fathers").replace(
        "related: [rec-3]", "related: []"
    )
    write_pack(pack_dir, {"items/briefing.yaml": broken, "items/glossary.yaml": GLOSSARY_YAML.replace(
        "related: [rec-3]", "related: []")})
    problem = only_problem(pack_dir)
    assert_at(problem, "items/briefing.yaml", 10, "duplicate id", "finding-fathers")
    assert "briefing.yaml:2" in problem.message  # says where it was first used


def test_duplicate_id_across_two_files(pack_dir: Path) -> None:
    broken = GLOSSARY_YAML.replace("  - id: gloss-eha", "  - id: rec-3")
    write_pack(pack_dir, {"items/glossary.yaml": broken})
    problem = only_problem(pack_dir)
    # items/*.yaml load in name order, so the glossary's copy is the second one.
    assert_at(problem, "items/glossary.yaml", 2, "duplicate id", "rec-3")
    assert "briefing.yaml:10" in problem.message


def test_duplicate_field_in_one_item(pack_dir: Path) -> None:
    broken = GLOSSARY_YAML.replace("    term: EHA\n", "    term: EHA\n    term: TAR\n")
    write_pack(pack_dir, {"items/glossary.yaml": broken})
    assert_at(only_problem(pack_dir), "items/glossary.yaml", 5, "term", "twice")


def test_related_id_that_does_not_exist(pack_dir: Path) -> None:
    broken = BRIEFING_YAML.replace("    related: [rec-3]", "    related:\n      - rec-3\n      - rec-33")
    write_pack(pack_dir, {"items/briefing.yaml": broken})
    assert_at(only_problem(pack_dir), "items/briefing.yaml", 11, "related", "rec-33", "does not exist")


def test_reflection_related_id_that_does_not_exist(pack_dir: Path) -> None:
    write_pack(pack_dir, {"reflections.yaml": REFLECTIONS_YAML.replace("[finding-fathers]", "[finding-father]")})
    assert_at(only_problem(pack_dir), "reflections.yaml", 2, "finding-father", "does not exist")


def test_anchor_is_refused(pack_dir: Path) -> None:
    broken = GLOSSARY_YAML.replace("    section: Glossary", "    section: &heading Glossary")
    write_pack(pack_dir, {"items/glossary.yaml": broken})
    assert_at(only_problem(pack_dir), "items/glossary.yaml", 7, "anchor", "heading", "not allowed")


def test_alias_is_refused(pack_dir: Path) -> None:
    broken = GLOSSARY_YAML.replace("    section: Glossary", "    section: *heading")
    write_pack(pack_dir, {"items/glossary.yaml": broken})
    assert_at(only_problem(pack_dir), "items/glossary.yaml", 7, "alias", "heading", "not allowed")


def test_anchor_with_alias_reports_the_anchor(pack_dir: Path) -> None:
    # The first anchor fails the file: nothing after it is composed.
    broken = GLOSSARY_YAML.replace("    title: Early Help Assessment", "    title: &t Early Help Assessment").replace(
        "    section: Glossary", "    section: *t"
    )
    write_pack(pack_dir, {"items/glossary.yaml": broken})
    assert_at(only_problem(pack_dir), "items/glossary.yaml", 5, "anchor")


def test_unknown_yaml_tag_is_a_problem_not_a_crash(pack_dir: Path) -> None:
    broken = GLOSSARY_YAML.replace("    title: Early Help", "    title: !!python/object:os.system Early Help")
    write_pack(pack_dir, {"items/glossary.yaml": broken})
    assert_at(only_problem(pack_dir), "items/glossary.yaml", 5, "invalid YAML", "tag")


def test_merge_key_is_a_problem_not_a_crash(pack_dir: Path) -> None:
    broken = GLOSSARY_YAML.replace("    term: EHA\n", "    term: EHA\n    <<: {number: 1}\n")
    write_pack(pack_dir, {"items/glossary.yaml": broken})
    assert_at(only_problem(pack_dir), "items/glossary.yaml", 5, "invalid YAML")


def test_deeply_nested_file_is_a_problem_not_a_crash(pack_dir: Path) -> None:
    nested = "items:\n  - " + "{a: " * 2000 + "1" + "}" * 2000 + "\n"
    write_pack(pack_dir, {"items/glossary.yaml": nested})
    problem = only_problem(pack_dir)
    assert "invalid YAML" in problem.message and "nest" in problem.message, problem
    # libyaml stops at its depth limit, on line 2; pure-Python PyYAML runs out of stack, lineless.
    assert Path(problem.file).name == "glossary.yaml" and problem.line in (1, 2), problem


BILLION_LAUGHS = """\
items:
  - id: lol
    kind: finding
    title: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]
    text: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]
    section: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]
    tags: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]
    roles: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]
    related: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e,*e]
    hints: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f,*f]
    aliases: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g,*g]
    quote: [*h,*h,*h,*h,*h,*h,*h,*h,*h,*h]
"""


def test_billion_laughs_fails_fast(pack_dir: Path) -> None:
    write_pack(pack_dir, {"items/glossary.yaml": BILLION_LAUGHS})
    before = snapshot(pack_dir.parent)
    script = (
        "import sys\n"
        "from learnbot.core.loader import ContentError, load_pack\n"
        "try:\n"
        "    load_pack(sys.argv[1])\n"
        "except ContentError as err:\n"
        "    print(err)\n"
        "    raise SystemExit(2)\n"
    )
    # In a child process, so that a loader that does expand the aliases is killed, not waited for.
    result = subprocess.run(
        [sys.executable, "-c", script, str(pack_dir)],
        capture_output=True, text=True, timeout=10, cwd=pack_dir.parent / "cwd",
    )
    assert result.returncode == 2, result.stderr
    assert "glossary.yaml:4: " in result.stdout and "anchor" in result.stdout, result.stdout
    assert "Traceback" not in result.stderr
    assert snapshot(pack_dir.parent) == before


# --- every problem, at once -------------------------------------------------------------------


def test_three_mistakes_in_one_file_are_three_problems(pack_dir: Path) -> None:
    broken = (
        BRIEFING_YAML.replace("    kind: finding", "    kind: findng")
        .replace("    quote: true\n    number: 3", '    quote: "yes"\n    number: 3')
        .replace("    roles: [police]", "    roles: police")
    )
    write_pack(pack_dir, {
        "items/briefing.yaml": broken,
        # Nothing may point at the two broken items, or their absence adds problems.
        "items/glossary.yaml": GLOSSARY_YAML.replace("related: [rec-3]", "related: []"),
        "reflections.yaml": REFLECTIONS_YAML.replace("[finding-fathers]", "[gloss-eha]"),
    })
    problems = problems_of(pack_dir)
    assert [(Path(p.file).name, p.line) for p in problems] == [
        ("briefing.yaml", 3), ("briefing.yaml", 15), ("briefing.yaml", 17)
    ], "\n".join(map(str, problems))


def test_problems_in_several_files_are_all_listed(pack_dir: Path) -> None:
    write_pack(pack_dir, {
        "pack.yaml": PACK_YAML.replace("title: A tiny pack", "title:"),
        "items/glossary.yaml": GLOSSARY_YAML.replace("    kind: glossary", "    kind: glosary"),
        "reflections.yaml": "reflections: []\n",
    })
    problems = problems_of(pack_dir)
    where = {(Path(p.file).name, p.line) for p in problems}
    assert {("pack.yaml", 2), ("glossary.yaml", 3), ("reflections.yaml", 1)} <= where, problems
    # The glossary entry is gone, so nothing else is reported about the rest.
    assert len(problems) == 3, "\n".join(map(str, problems))


def test_unknown_content_file_is_named(pack_dir: Path) -> None:
    write_pack(pack_dir, {"reflection.yaml": REFLECTIONS_YAML})
    assert_at(only_problem(pack_dir), "reflection.yaml", 1, "unknown content file")


# --- the folder itself ------------------------------------------------------------------------


def test_pack_folder_that_does_not_exist(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-pack"
    with pytest.raises(ContentError) as caught:
        load_pack(missing)
    [problem] = caught.value.problems
    assert problem.file == str(missing) and "does not exist" in problem.message
    assert not missing.exists()
    assert list(tmp_path.iterdir()) == []


def test_pack_folder_that_is_a_file(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "pack.yaml"
    not_a_folder.write_text(PACK_YAML)
    with pytest.raises(ContentError) as caught:
        load_pack(not_a_folder)
    [problem] = caught.value.problems
    assert problem.file == str(not_a_folder) and "not a folder" in problem.message


def test_missing_pack_yaml(pack_dir: Path) -> None:
    write_pack(pack_dir, {"pack.yaml": None})
    problem = only_problem(pack_dir)
    assert Path(problem.file) == pack_dir / "pack.yaml"
    assert "missing pack.yaml" in problem.message


def test_no_item_files(pack_dir: Path) -> None:
    write_pack(pack_dir, {"items/briefing.yaml": None, "items/glossary.yaml": None, "reflections.yaml": None})
    problem = only_problem(pack_dir)
    assert Path(problem.file) == pack_dir / "items" and "no item files" in problem.message


def test_a_failed_load_writes_nothing(pack_dir: Path) -> None:
    """The snapshot check in ``problems_of``, made explicit on a pack with many problems."""
    write_pack(pack_dir, {
        "pack.yaml": PACK_YAML + "extra: 1\n",
        "items/briefing.yaml": b"items:\n  - id: \xff\n",
        "items/glossary.yaml": BILLION_LAUGHS,
    })
    os.utime(pack_dir / "pack.yaml", ns=(1_000_000_000, 1_000_000_000))
    before = snapshot(pack_dir.parent)
    with pytest.raises(ContentError) as caught:
        load_pack(pack_dir)
    assert len(caught.value.problems) >= 3
    assert snapshot(pack_dir.parent) == before
    assert (pack_dir / "pack.yaml").stat().st_mtime_ns == 1_000_000_000
