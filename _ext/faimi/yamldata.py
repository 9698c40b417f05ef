"""Line-aware YAML loading: plain Python data plus the line of every value.

PyYAML builds Python objects but forgets where they came from, and silently keeps
the last of two equal keys. Here the node tree is composed first and turned into
data by hand, so that every mapping key and sequence item keeps its line and a
duplicate key is reported instead of lost.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

#: A path into loaded data: mapping keys and sequence indexes, outermost first.
Loc = tuple[str | int, ...]


@dataclass(frozen=True)
class Problem:
    """Something wrong in a data file, at a line (1-based)."""

    file: str
    line: int
    message: str

    @property
    def location(self) -> str:
        return f"{self.file}:{self.line}"


@dataclass
class YamlData:
    """The data of one YAML file and the line of each of its values."""

    file: str
    data: Any
    lines: dict[Loc, int] = field(default_factory=dict)

    def line_of(self, loc: Loc) -> int:
        """The line of ``loc``, or of its nearest enclosing value that has one."""
        for end in range(len(loc), -1, -1):
            line = self.lines.get(tuple(loc[:end]))
            if line is not None:
                return line
        return 1

    def problem(self, loc: Loc, message: str) -> Problem:
        return Problem(self.file, self.line_of(loc), message)


class _Builder:
    """Turns a composed YAML node tree into data, noting lines and duplicate keys."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.lines: dict[Loc, int] = {}
        self.problems: list[Problem] = []
        self._scalars = SafeConstructor()

    def build(self, node: Node, loc: Loc) -> Any:
        self.lines.setdefault(loc, node.start_mark.line + 1)
        if isinstance(node, MappingNode):
            return self._mapping(node, loc)
        if isinstance(node, SequenceNode):
            return [self.build(item, (*loc, i)) for i, item in enumerate(node.value)]
        assert isinstance(node, ScalarNode)
        return self._scalar(node)

    def _scalar(self, node: ScalarNode) -> Any:
        """The scalar's value; its text when it cannot be read (``2025-13-01``, ``!!bool maybe``).

        The models then say what is wrong with the text, at its line.
        """
        try:
            return self._scalars.construct_object(node)
        except Exception:  # noqa: BLE001 (PyYAML raises ValueError, KeyError... for odd scalars)
            return node.value

    def _mapping(self, node: MappingNode, loc: Loc) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        first_line: dict[Any, int] = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1
            if not isinstance(key_node, ScalarNode):
                self.problems.append(
                    Problem(self.file, line, "a key must be a plain word, not a list or a mapping")
                )
                continue
            key = self._scalar(key_node)
            key = key if isinstance(key, (str, int)) else str(key)
            if key in first_line:
                self.problems.append(
                    Problem(
                        self.file,
                        line,
                        f"duplicate key '{key}': it is already given on line {first_line[key]}; "
                        "keep one of the two (YAML would silently use only the last)",
                    )
                )
                continue
            first_line[key] = line
            self.lines[(*loc, key)] = line
            result[key] = self.build(value_node, (*loc, key))
        return result


def load_yaml(path: Path, shown_as: str) -> tuple[YamlData | None, list[Problem]]:
    """Read ``path`` (reported as ``shown_as``) into :class:`YamlData`.

    Never raises for bad content: an unreadable file, text that is not UTF-8 or
    not YAML, and duplicate keys come back as problems. The data is ``None`` when
    the file could not be parsed at all.
    """
    try:
        raw = path.read_bytes()
    except OSError as err:
        return None, [Problem(shown_as, 1, f"cannot read the file: {err.strerror}")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        return None, [
            Problem(
                shown_as,
                line,
                f"the file is not UTF-8 text (byte 0x{raw[err.start]:02x} cannot be decoded); "
                "save it with the UTF-8 encoding",
            )
        ]
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark else 1
        what = err.problem or "invalid YAML"
        return None, [
            Problem(
                shown_as,
                line,
                f"this is not valid YAML: {what}; check the indentation, and quote text "
                "that contains ': ' or starts with a special character, e.g. title: \"A: B\"",
            )
        ]
    except yaml.YAMLError as err:
        return None, [Problem(shown_as, 1, f"this is not valid YAML: {err}")]
    if root is None:
        return YamlData(shown_as, None, {(): 1}), []
    builder = _Builder(shown_as)
    try:
        data = builder.build(root, ())
    except yaml.constructor.ConstructorError as err:
        mark = err.problem_mark
        line = mark.line + 1 if mark else 1
        return None, [Problem(shown_as, line, f"this value cannot be read: {err.problem}")]
    return YamlData(shown_as, data, builder.lines), builder.problems
