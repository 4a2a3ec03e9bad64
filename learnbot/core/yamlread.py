"""Read a YAML content file into plain values that remember their line numbers.

Content problems must be reported as ``file:line: message``, so we compose YAML nodes ourselves
(PyYAML's safe composer) and keep each node's line. Anchors and aliases are refused before anything
is built: a "billion laughs" file fails at once instead of expanding.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml
from yaml.constructor import SafeConstructor
from yaml.reader import ReaderError


class LDict(dict):
    """A mapping from a YAML file that knows the line of itself and of each key."""

    line: int = 0
    key_lines: dict

    def line_of(self, key: str) -> int:
        """The line of ``key`` if present, else the mapping's own line."""
        return self.key_lines.get(key, self.line)


class LList(list):
    """A sequence from a YAML file that knows its own line and each element's line."""

    line: int = 0
    item_lines: list


@dataclass(frozen=True)
class YamlProblem(Exception):
    """A file that cannot be read as content YAML at all."""

    line: int
    message: str


_scalar_constructor = SafeConstructor()
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's parser when PyYAML has it (it ships in PyYAML's wheels): about ten times faster."""


def _convert(node: yaml.Node):
    line = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        out = LDict()
        out.line = line
        out.key_lines = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise YamlProblem(key_node.start_mark.line + 1, "a mapping key must be plain text")
            key = _scalar_constructor.construct_object(key_node)
            if isinstance(key, (list, dict)) or key is None:
                raise YamlProblem(key_node.start_mark.line + 1, "a mapping key must be plain text")
            key = str(key)
            if key in out:
                raise YamlProblem(key_node.start_mark.line + 1, f"field {key!r} is given twice")
            out[key] = _convert(value_node)
            out.key_lines[key] = key_node.start_mark.line + 1
        return out
    if isinstance(node, yaml.SequenceNode):
        seq = LList(_convert(child) for child in node.value)
        seq.line = line
        seq.item_lines = [child.start_mark.line + 1 for child in node.value]
        return seq
    return _scalar_constructor.construct_object(node)


def _refuse_anchors(text: str) -> None:
    """Raise on the first anchor or alias, before any node is composed."""
    for event in yaml.parse(text, Loader=_LOADER):
        anchor = getattr(event, "anchor", None)
        if isinstance(event, yaml.AliasEvent) or anchor:
            what = "alias" if isinstance(event, yaml.AliasEvent) else "anchor"
            raise YamlProblem(
                event.start_mark.line + 1,
                f"YAML {what} '{anchor}' is not allowed in content (anchors and aliases are refused)",
            )


def read_yaml(path: Path):
    """Read one YAML file into :class:`LDict` / :class:`LList` / scalars.

    Raises:
        YamlProblem: the file is not UTF-8, not valid YAML, empty, or uses anchors or aliases.
    """
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        raise YamlProblem(line, f"the file is not UTF-8 text (byte 0x{raw[err.start]:02x})") from None
    if text.startswith("\ufeff"):
        text = text[1:]
    try:
        _refuse_anchors(text)
        node = yaml.compose(text, Loader=_LOADER)
        if node is None:
            raise YamlProblem(1, "the file is empty")
        # Inside the try: an unknown tag (``!foo``, ``<<``) fails while scalars are constructed.
        return _convert(node)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark else 1
        message = err.problem or str(err)
        if err.context:
            message = f"{err.context}, {message}"
        raise YamlProblem(line, f"invalid YAML: {message}") from None
    except ReaderError as err:
        line = text.count("\n", 0, err.position) + 1
        message = f"invalid YAML: character #x{err.character:04x} is not allowed in YAML text"
        raise YamlProblem(line, message) from None
    except yaml.YAMLError as err:
        raise YamlProblem(1, f"invalid YAML: {err}") from None
    except RecursionError:
        raise YamlProblem(1, "invalid YAML: nested too deeply to be content") from None
