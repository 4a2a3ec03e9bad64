"""Load a content pack from its folder, or explain every problem in it.

A pack folder holds ``pack.yaml`` (what the pack is), ``items/*.yaml`` (the briefing's passages and
the glossary), and optionally ``reflections.yaml``, ``matching.yaml`` and ``scenarios/*.yaml``.
:func:`load_pack` either returns a :class:`~learnbot.core.model.Pack` or raises
:class:`ContentError` listing *every* problem as ``file:line: message``, so an author can fix a
pack in one pass. Nothing is written anywhere.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from learnbot.core.problems import ContentError, Problem
from learnbot.core.topics import SCENARIO_TOPICS
from learnbot.core.model import ITEM_KINDS, Item, Link, Matching, Pack, PackMeta
from learnbot.core.practice import Option, Reflection, Scenario, Step
from learnbot.core.yamlread import LDict, LList, YamlProblem, read_yaml

STEP_TYPES = ("single", "multiple", "order")


# --- field checking ---------------------------------------------------------------------------

_Check = Callable[[Any], str | None]


def _is_text(value: Any) -> str | None:
    if not isinstance(value, str):
        return f"must be text, not {_type_name(value)}"
    if not value.strip():
        return "must not be empty"
    return None


def _is_optional_text(value: Any) -> str | None:
    return None if isinstance(value, str) else f"must be text, not {_type_name(value)}"


def _is_bool(value: Any) -> str | None:
    return None if isinstance(value, bool) else f"must be true or false, not {_type_name(value)}"


def _is_int(value: Any) -> str | None:
    ok = isinstance(value, int) and not isinstance(value, bool)
    return None if ok else f"must be a whole number, not {_type_name(value)}"


def _is_text_list(value: Any) -> str | None:
    if not isinstance(value, list):
        return f"must be a list of text, not {_type_name(value)}"
    for element in value:
        if not isinstance(element, str) or not element.strip():
            return f"must be a list of non-empty text (found {_type_name(element)})"
    return None


def _is_mapping(value: Any) -> str | None:
    return None if isinstance(value, dict) else f"must be a mapping, not {_type_name(value)}"


def _type_name(value: Any) -> str:
    if value is None:
        return "nothing (null)"
    return {
        str: "text",
        bool: "true/false",
        int: "a number",
        float: "a number",
        list: "a list",
        LList: "a list",
        dict: "a mapping",
        LDict: "a mapping",
    }.get(type(value), type(value).__name__)


class _Checker:
    """Collects problems for one file."""

    def __init__(self, file: str):
        self.file = file
        self.problems: list[Problem] = []

    def add(self, line: int, message: str) -> None:
        self.problems.append(Problem(self.file, line, message))

    def fields(
        self,
        data: Any,
        what: str,
        required: dict[str, _Check],
        optional: dict[str, _Check],
        line: int,
    ) -> bool:
        """Check a mapping's fields; report unknown, missing and mistyped ones. True if usable."""
        if not isinstance(data, LDict):
            self.add(line, f"{what} must be a mapping of fields, not {_type_name(data)}")
            return False
        ok = True
        for key in data:
            if key not in required and key not in optional:
                known = ", ".join(sorted([*required, *optional]))
                self.add(data.line_of(key), f"{what}: unknown field {key!r} (known fields: {known})")
                ok = False
        for key, check in required.items():
            if key not in data:
                self.add(data.line, f"{what}: missing required field {key!r}")
                ok = False
                continue
            if data[key] is None or data[key] == "":
                self.add(data.line_of(key), f"{what}: field {key!r} is empty")
                ok = False
                continue
            message = check(data[key])
            if message:
                self.add(data.line_of(key), f"{what}: field {key!r} {message}")
                ok = False
        for key, check in optional.items():
            if key in data and data[key] is not None:
                message = check(data[key])
                if message:
                    self.add(data.line_of(key), f"{what}: field {key!r} {message}")
                    ok = False
        return ok

    def top_list(self, data: Any, key: str) -> LList | None:
        """The list under ``key`` at the top of a file, or None (with a problem) if misshapen."""
        if not isinstance(data, LDict):
            self.add(getattr(data, "line", 1), f"expected a mapping with a {key!r} list at the top")
            return None
        for other in data:
            if other != key:
                self.add(data.line_of(other), f"unknown top-level field {other!r} (expected only {key!r})")
        if key not in data:
            self.add(data.line, f"missing top-level {key!r} list")
            return None
        value = data[key]
        if not isinstance(value, LList):
            self.add(data.line_of(key), f"{key!r} must be a list, not {_type_name(value)}")
            return None
        if not value:
            self.add(data.line_of(key), f"{key!r} is empty")
            return None
        return value


# --- schemas ----------------------------------------------------------------------------------

_PACK_REQUIRED = {
    "id": _is_text,
    "title": _is_text,
    "publisher": _is_text,
    "audit_period": _is_text,
    "currency_notice": _is_text,
}
_PACK_OPTIONAL = {
    "published": _is_optional_text,
    "source": _is_optional_text,
    "audience": _is_optional_text,
    "summary": _is_optional_text,
}


def _is_links(value: Any) -> str | None:
    if not isinstance(value, list):
        return f"must be a list of links, not {_type_name(value)}"
    for link in value:
        if not isinstance(link, dict) or not isinstance(link.get("label"), str):
            return "must be a list of {label, url} mappings"
        if set(link) - {"label", "url"}:
            return f"has a link with unknown fields {sorted(set(link) - {'label', 'url'})}"
        if not isinstance(link.get("url", ""), str):
            return "has a link whose url is not text"
    return None


_ITEM_REQUIRED = {
    "id": _is_text,
    "kind": _is_text,
    "title": _is_text,
    "text": _is_text,
    "section": _is_text,
    "quote": _is_bool,
}
_ITEM_OPTIONAL = {
    "tags": _is_text_list,
    "roles": _is_text_list,
    "related": _is_text_list,
    "number": _is_int,
    "term": _is_text,
    "aliases": _is_text_list,
    "hints": _is_text_list,
    "links": _is_links,
}
_REFLECTION_REQUIRED = {"id": _is_text, "text": _is_text}
_REFLECTION_OPTIONAL = {"related": _is_text_list}
_MATCHING_OPTIONAL = {
    "synonyms": _is_mapping,
    "stopwords": _is_text_list,
    "out_of_scope": _is_text_list,
    "extra": _is_mapping,
}
_SCENARIO_REQUIRED = {
    "id": _is_text,
    "topic": _is_text,
    "title": _is_text,
    "setting": _is_text,
    "steps": lambda v: None if isinstance(v, list) and v else "must be a non-empty list of steps",
}
_SCENARIO_OPTIONAL = {"roles": _is_text_list}
_STEP_REQUIRED = {
    "prompt": _is_text,
    "type": _is_text,
    "options": lambda v: None if isinstance(v, list) and len(v) >= 2 else "must be a list of two or more options",
    "cites": lambda v: _is_text_list(v) or (None if v else "must name at least one item the step rests on"),
}
_STEP_OPTIONAL = {"feedback": _is_optional_text, "discussion": _is_optional_text}
_OPTION_REQUIRED = {"text": _is_text, "feedback": _is_text}
_OPTION_OPTIONAL = {"correct": _is_bool, "position": _is_int}


def _tuple(data: LDict, key: str) -> tuple[str, ...]:
    value = data.get(key)
    return tuple(value) if isinstance(value, list) else ()


# --- the loader -------------------------------------------------------------------------------


def load_pack(root: str | Path) -> Pack:
    """Load and validate the pack in folder ``root``.

    Raises:
        ContentError: listing every problem found, each as ``file:line: message``.
    """
    root = Path(root)
    if not root.is_dir():
        what = "does not exist" if not root.exists() else "is not a folder"
        raise ContentError([Problem(str(root), 0, f"the content pack folder {what}")])
    problems: list[Problem] = []

    def read(path: Path) -> Any:
        try:
            return read_yaml(path)
        except YamlProblem as err:
            problems.append(Problem(str(path), err.line, err.message))
        except OSError as err:
            problems.append(Problem(str(path), 0, f"cannot be read: {err.strerror or err}"))
        return None

    for path in sorted(root.glob("*.y*ml")):
        if path.name not in ("pack.yaml", "reflections.yaml", "matching.yaml"):
            problems.append(
                Problem(str(path), 1, "unknown content file (expected pack.yaml, reflections.yaml, "
                        "matching.yaml, items/*.yaml or scenarios/*.yaml)")
            )

    meta = _load_meta(root / "pack.yaml", read, problems)
    items: list[Item] = []
    named: set[str] = set()
    item_files = sorted((root / "items").glob("*.yaml")) if (root / "items").is_dir() else []
    if not item_files:
        problems.append(Problem(str(root / "items"), 0, "no item files found (expected items/*.yaml)"))
    for path in item_files:
        items.extend(_load_items(path, read(path), problems, named))

    reflections: list[Reflection] = []
    if (root / "reflections.yaml").exists():
        path = root / "reflections.yaml"
        reflections = _load_reflections(path, read(path), problems)

    matching = Matching()
    if (root / "matching.yaml").exists():
        path = root / "matching.yaml"
        matching = _load_matching(path, read(path), problems)

    scenarios: list[Scenario] = []
    if (root / "scenarios").is_dir():
        for path in sorted((root / "scenarios").glob("*.yaml")):
            scenarios.extend(_load_scenarios(path, read(path), problems))

    _cross_check(items, reflections, scenarios, problems, named)
    if problems or meta is None:
        raise ContentError(problems)
    return Pack(
        meta=meta,
        items=tuple(items),
        reflections=tuple(reflections),
        scenarios=tuple(scenarios),
        matching=matching,
        root=str(root),
    )


def _load_meta(path: Path, read, problems: list[Problem]) -> PackMeta | None:
    if not path.exists():
        problems.append(Problem(str(path), 0, "missing pack.yaml (the pack's title, publisher and dates)"))
        return None
    data = read(path)
    if data is None:
        return None
    check = _Checker(str(path))
    ok = check.fields(data, "pack", _PACK_REQUIRED, _PACK_OPTIONAL, getattr(data, "line", 1))
    problems.extend(check.problems)
    if not ok:
        return None
    return PackMeta(**{k: str(v) for k, v in data.items() if v is not None})


def _load_items(path: Path, data: Any, problems: list[Problem], named: set[str]) -> list[Item]:
    """The usable items of one file; ``named`` gathers every id written, usable or not."""
    if data is None:
        return []
    check = _Checker(str(path))
    entries = check.top_list(data, "items")
    items: list[Item] = []
    for index, entry in enumerate(entries or []):
        line = entries.item_lines[index]
        label = f"item {entry.get('id')!r}" if isinstance(entry, LDict) and entry.get("id") else f"item #{index + 1}"
        if isinstance(entry, LDict) and isinstance(entry.get("id"), str):
            named.add(entry["id"])
        fields_ok = check.fields(entry, label, _ITEM_REQUIRED, _ITEM_OPTIONAL, line)
        kind = entry.get("kind") if isinstance(entry, LDict) else None
        if isinstance(kind, str) and kind.strip() and kind not in ITEM_KINDS:
            check.add(entry.line_of("kind"), f"{label}: unknown kind {kind!r} "
                      f"(known kinds: {', '.join(ITEM_KINDS)})")
            continue
        if not fields_ok:
            continue
        if entry["kind"] == "glossary" and not entry.get("term"):
            check.add(entry.line, f"{label}: a glossary entry needs a 'term'")
            continue
        item = Item(
            id=entry["id"],
            kind=entry["kind"],
            title=entry["title"].strip(),
            text=entry["text"].strip(),
            section=entry["section"].strip(),
            quote=entry["quote"],
            tags=_tuple(entry, "tags"),
            roles=_tuple(entry, "roles"),
            related=_tuple(entry, "related"),
            number=entry.get("number"),
            term=entry.get("term") or "",
            aliases=_tuple(entry, "aliases"),
            hints=_tuple(entry, "hints"),
            links=tuple(Link(l["label"], l.get("url", "")) for l in entry.get("links") or ()),
            source_file=str(path),
            source_line=line,
        )
        # So that a related id that does not exist is reported on the line that names it.
        related = entry.get("related")
        if isinstance(related, LList):
            object.__setattr__(item, "_related_lines", tuple(related.item_lines))
        items.append(item)
    problems.extend(check.problems)
    return items


def _load_reflections(path: Path, data: Any, problems: list[Problem]) -> list[Reflection]:
    if data is None:
        return []
    check = _Checker(str(path))
    entries = check.top_list(data, "reflections")
    out = []
    for index, entry in enumerate(entries or []):
        line = entries.item_lines[index]
        if check.fields(entry, f"reflection #{index + 1}", _REFLECTION_REQUIRED, _REFLECTION_OPTIONAL, line):
            reflection = Reflection(entry["id"], entry["text"].strip(), _tuple(entry, "related"))
            object.__setattr__(reflection, "_line", (str(path), line))
            out.append(reflection)
    problems.extend(check.problems)
    return out


def _load_matching(path: Path, data: Any, problems: list[Problem]) -> Matching:
    if data is None:
        return Matching()
    check = _Checker(str(path))
    if not check.fields(data, "matching", {}, _MATCHING_OPTIONAL, getattr(data, "line", 1)):
        problems.extend(check.problems)
        return Matching()
    synonyms: dict[str, tuple[str, ...]] = {}
    raw = data.get("synonyms") or LDict()
    for key, value in raw.items():
        message = _is_text_list(value)
        if message:
            check.add(raw.line_of(key), f"synonyms for {key!r} {message}")
            continue
        synonyms[key] = tuple(value)
    problems.extend(check.problems)
    return Matching(
        synonyms=synonyms,
        stopwords=_tuple(data, "stopwords"),
        out_of_scope=_tuple(data, "out_of_scope"),
        extra=dict(data.get("extra") or {}),
    )


def _load_scenarios(path: Path, data: Any, problems: list[Problem]) -> list[Scenario]:
    if data is None:
        return []
    check = _Checker(str(path))
    entries = check.top_list(data, "scenarios")
    out: list[Scenario] = []
    for index, entry in enumerate(entries or []):
        line = entries.item_lines[index]
        label = f"scenario {entry.get('id')!r}" if isinstance(entry, LDict) and entry.get("id") else f"scenario #{index + 1}"
        if not check.fields(entry, label, _SCENARIO_REQUIRED, _SCENARIO_OPTIONAL, line):
            continue
        if entry["topic"] not in SCENARIO_TOPICS:
            check.add(entry.line_of("topic"), f"{label}: unknown topic {entry['topic']!r} "
                      f"(known topics: {', '.join(SCENARIO_TOPICS)})")
        steps = []
        for step_index, step in enumerate(entry["steps"]):
            step_line = entry["steps"].item_lines[step_index]
            parsed = _load_step(step, f"{label} step {step_index + 1}", step_line, check)
            if parsed:
                steps.append(parsed)
        if len(steps) == len(entry["steps"]) and entry["topic"] in SCENARIO_TOPICS:
            out.append(
                Scenario(
                    id=entry["id"],
                    topic=entry["topic"],
                    title=entry["title"].strip(),
                    setting=entry["setting"].strip(),
                    steps=tuple(steps),
                    roles=_tuple(entry, "roles"),
                    source_file=str(path),
                    source_line=line,
                )
            )
    problems.extend(check.problems)
    return out


def _load_step(step: Any, label: str, line: int, check: _Checker) -> Step | None:
    if not check.fields(step, label, _STEP_REQUIRED, _STEP_OPTIONAL, line):
        return None
    kind = step["type"]
    if kind not in STEP_TYPES:
        check.add(step.line_of("type"), f"{label}: unknown type {kind!r} (known types: {', '.join(STEP_TYPES)})")
        return None
    options = []
    broken = False
    seen_texts: dict[str, int] = {}
    for index, option in enumerate(step["options"]):
        option_line = step["options"].item_lines[index]
        what = f"{label} option {index + 1}"
        # Every option is checked, so one pass shows all of a step's problems.
        if not check.fields(option, what, _OPTION_REQUIRED, _OPTION_OPTIONAL, option_line):
            broken = True
            continue
        if kind == "order" and option.get("position") is None:
            check.add(option.line, f"{what}: an ordering option needs a 'position'")
            broken = True
            continue
        if kind != "order" and "position" in option:
            check.add(option.line_of("position"), f"{what}: only ordering steps have positions")
            broken = True
            continue
        if kind == "order" and "correct" in option:
            check.add(option.line_of("correct"), f"{what}: ordering options have positions, not 'correct'")
            broken = True
            continue
        text = option["text"].strip()
        if text.lower() in seen_texts:
            check.add(option.line_of("text"), f"{what}: the same text as option {seen_texts[text.lower()]}")
            broken = True
            continue
        seen_texts[text.lower()] = index + 1
        options.append(
            Option(
                text=text,
                feedback=option["feedback"].strip(),
                correct=bool(option.get("correct", False)),
                position=option.get("position"),
            )
        )
    if broken:
        return None
    correct = sum(o.correct for o in options)
    if kind == "single" and correct != 1:
        check.add(step.line_of("options"), f"{label}: a single-choice step needs exactly one correct option "
                  f"(found {correct}): its answer must be among its options")
        return None
    if kind == "multiple" and correct < 1:
        check.add(step.line_of("options"), f"{label}: a multiple-choice step needs at least one correct "
                  "option: its answer must be among its options")
        return None
    if kind == "order":
        positions = sorted(o.position for o in options)
        if positions != list(range(1, len(options) + 1)):
            check.add(step.line_of("options"), f"{label}: ordering positions must be 1..{len(options)}, "
                      f"each once (found {positions})")
            return None
    step_obj = Step(
        prompt=step["prompt"].strip(),
        type=kind,
        options=tuple(options),
        cites=tuple(step["cites"]),
        feedback=(step.get("feedback") or "").strip(),
        discussion=(step.get("discussion") or "").strip(),
    )
    object.__setattr__(step_obj, "_line", (check.file, step.line_of("cites")))
    return step_obj


def _cross_check(
    items: list[Item],
    reflections: list[Reflection],
    scenarios: list[Scenario],
    problems: list[Problem],
    named: set[str],
) -> None:
    """Duplicate ids and references to ids that do not exist.

    A reference to an item that is written but has problems of its own is not reported again:
    its own problems already say what to fix.
    """
    seen: dict[str, Item] = {}
    for item in items:
        if item.id in seen:
            first = seen[item.id]
            problems.append(Problem(item.source_file, item.source_line,
                                    f"duplicate id {item.id!r} (first used at {first.source_file}:{first.source_line})"))
        else:
            seen[item.id] = item
    broken = set(named) - seen.keys()
    for item in items:
        lines = getattr(item, "_related_lines", ())
        for index, ref in enumerate(item.related):
            if ref not in seen and ref not in broken:
                line = lines[index] if index < len(lines) else item.source_line
                problems.append(Problem(item.source_file, line,
                                        f"item {item.id!r}: related id {ref!r} does not exist"))
    reflection_ids: set[str] = set()
    for reflection in reflections:
        file, line = getattr(reflection, "_line", ("reflections.yaml", 0))
        if reflection.id in reflection_ids:
            problems.append(Problem(file, line, f"duplicate reflection id {reflection.id!r}"))
        reflection_ids.add(reflection.id)
        for ref in reflection.related:
            if ref not in seen and ref not in broken:
                problems.append(Problem(file, line, f"reflection {reflection.id!r}: related id {ref!r} does not exist"))
    scenario_ids: dict[str, Scenario] = {}
    for scenario in scenarios:
        if scenario.id in scenario_ids:
            problems.append(Problem(scenario.source_file, scenario.source_line,
                                    f"duplicate scenario id {scenario.id!r}"))
        scenario_ids[scenario.id] = scenario
        for number, step in enumerate(scenario.steps, start=1):
            file, line = getattr(step, "_line", (scenario.source_file, scenario.source_line))
            for ref in step.cites:
                if ref not in seen and ref not in broken:
                    problems.append(Problem(file, line, f"scenario {scenario.id!r} step {number}: "
                                            f"cites unknown id {ref!r}"))
