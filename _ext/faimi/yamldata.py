"""Line-aware YAML loading: plain Python data plus the line of every value.

PyYAML builds Python objects but forgets where they came from, and silently keeps
the last of two equal keys. Here the node tree is composed first and turned into
data by hand, so that every mapping key and sequence item keeps its line and a
duplicate key is reported instead of lost.

Hostile or mistaken files are refused with a problem at a line, never an exception,
and memory stays bounded: a file larger than :data:`MAX_BYTES`, values nested deeper
than :data:`MAX_DEPTH`, aliases (``*name``) that expand to more than
:data:`MAX_ALIAS_VALUES` values (an "alias bomb"), and a value that contains itself
through an alias. Merge keys (``<<: *defaults``) are applied. libyaml's parser is used
where PyYAML has it (much faster), else PyYAML's own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.resolver import Resolver

try:
    from yaml.cyaml import CParser as _Parser
except ImportError:  # PyYAML without libyaml
    _Parser = None

#: The largest data file read, in bytes (the largest real one is about 20 kB).
MAX_BYTES = 1_000_000
#: How deeply mappings and lists may nest (real files nest less than 10 levels).
MAX_DEPTH = 50
#: How many values aliases may add to a file, all uses together: a few shared
#: defaults need dozens; an alias bomb needs billions.
MAX_ALIAS_VALUES = 10_000
#: Longest text quoted back in a message.
SHOWN_CHARS = 60

#: A path into loaded data: mapping keys and sequence indexes, outermost first.
Loc = tuple[str | int, ...]

_MERGE = "tag:yaml.org,2002:merge"


def shorten(text: str, limit: int = SHOWN_CHARS) -> str:
    """``text``, cut to ``limit`` characters with an ellipsis, for quoting in a message."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


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


class _Refused(Exception):
    """A file refused as a whole, at a line."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


def _too_deep(line: int) -> _Refused:
    return _Refused(line, (
        f"the values here are nested more than {MAX_DEPTH} levels deep (the limit): a data file "
        "needs only a few levels; check for stray '[' or '{', or unclosed brackets"))


_SELF_CONTAINED = (
    "this value contains itself through an alias (an '&anchor' used as '*anchor' inside "
    "its own value): there is no end to it; write the values out instead")


class _BoundedComposer(Composer):
    """PyYAML's composer, refusing values nested deeper than :data:`MAX_DEPTH`
    before Python's own recursion limit is reached."""

    def __init__(self) -> None:
        super().__init__()
        self._depth = 0

    def compose_node(self, parent: Node | None, index: Any) -> Node:
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise _too_deep(self.peek_event().start_mark.line + 1)
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


if _Parser is not None:
    class _Loader(_BoundedComposer, _Parser, Resolver):  # type: ignore[misc,valid-type]
        def __init__(self, text: str) -> None:
            _Parser.__init__(self, text)
            _BoundedComposer.__init__(self)
            Resolver.__init__(self)
else:  # pragma: no cover (the wheels of PyYAML include libyaml)
    from yaml.parser import Parser
    from yaml.reader import Reader
    from yaml.scanner import Scanner

    class _Loader(_BoundedComposer, Reader, Scanner, Parser, Resolver):  # type: ignore[no-redef]
        def __init__(self, text: str) -> None:
            Reader.__init__(self, text)
            Scanner.__init__(self)
            Parser.__init__(self)
            _BoundedComposer.__init__(self)
            Resolver.__init__(self)


def compose(text: str) -> Node | None:
    """The node tree of a YAML document (``None`` for an empty one)."""
    loader = _Loader(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


class _Builder:
    """Turns a composed YAML node tree into data, noting lines and duplicate keys.

    An alias is the very node of its anchor, met again: building it again is what
    costs, so values built a second time are counted against :data:`MAX_ALIAS_VALUES`.
    """

    def __init__(self, file: str) -> None:
        self.file = file
        self.lines: dict[Loc, int] = {}
        self.problems: list[Problem] = []
        self._scalars = SafeConstructor()
        self._built: set[int] = set()
        self._open: set[int] = set()
        self._aliased = 0

    def build(self, node: Node, loc: Loc) -> Any:
        line = node.start_mark.line + 1
        self._count(node, line)
        if len(loc) > MAX_DEPTH:
            raise _too_deep(line)
        self.lines.setdefault(loc, line)
        if isinstance(node, ScalarNode):
            return self._scalar(node)
        if id(node) in self._open:
            raise _Refused(line, _SELF_CONTAINED)
        self._open.add(id(node))
        try:
            if isinstance(node, MappingNode):
                return self._mapping(node, loc)
            return [self.build(item, (*loc, i)) for i, item in enumerate(node.value)]
        finally:
            self._open.discard(id(node))

    def _count(self, node: Node, line: int) -> None:
        if id(node) not in self._built:
            self._built.add(id(node))
            return
        self._aliased += 1
        if self._aliased > MAX_ALIAS_VALUES:
            raise _Refused(line, (
                f"the aliases ('*name') of this file repeat more than {MAX_ALIAS_VALUES:,} values "
                "(the limit): aliases that repeat aliases multiply, and the file never ends "
                "loading; write the values out, or use '<<: *defaults' for a few shared fields"))

    def _scalar(self, node: ScalarNode) -> Any:
        """The scalar's value; its text when it cannot be read (``2025-13-01``, ``!!bool maybe``,
        a number of 5,000 digits). The models then say what is wrong with the text, at its line.
        """
        try:
            return self._scalars.construct_object(node)
        except Exception:  # noqa: BLE001 (PyYAML raises ValueError, KeyError... for odd scalars)
            return node.value

    def _pairs(self, node: MappingNode, chain: frozenset[int] = frozenset()) -> list[tuple[Node, Node]]:
        """The key and value nodes of a mapping, with those of ``<<: *defaults`` merged in
        where the mapping does not give the key itself."""
        chain = chain | {id(node)}
        own = [(k, v) for k, v in node.value if k.tag != _MERGE]
        merged: list[tuple[Node, Node]] = []
        for key_node, value_node in node.value:
            if key_node.tag != _MERGE:
                continue
            sources = value_node.value if isinstance(value_node, SequenceNode) else [value_node]
            for source in sources:
                if not isinstance(source, MappingNode):
                    self.problems.append(Problem(self.file, key_node.start_mark.line + 1, (
                        "'<<' merges a mapping into this one: give it an alias of a mapping, "
                        "e.g. <<: *defaults (where &defaults names a mapping)")))
                    continue
                if id(source) in chain or id(source) in self._open:
                    raise _Refused(key_node.start_mark.line + 1, _SELF_CONTAINED)
                self._count(source, source.start_mark.line + 1)
                merged += self._pairs(source, chain)
        given = {k.value for k, _ in own if isinstance(k, ScalarNode)}
        seen: set[str] = set()
        extra = []
        for key_node, value_node in merged:
            if isinstance(key_node, ScalarNode) and key_node.value not in given | seen:
                seen.add(key_node.value)
                extra.append((key_node, value_node))
        return own + extra

    def _mapping(self, node: MappingNode, loc: Loc) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        first_line: dict[Any, int] = {}
        for key_node, value_node in self._pairs(node):
            line = key_node.start_mark.line + 1
            if not isinstance(key_node, ScalarNode):
                self.problems.append(
                    Problem(self.file, line, "a key must be a plain word, not a list or a mapping")
                )
                continue
            key = self._scalar(key_node)
            key = key if isinstance(key, (str, int)) and not isinstance(key, bool) else str(key_node.value)
            if key in first_line:
                self.problems.append(
                    Problem(
                        self.file,
                        line,
                        f"duplicate key '{shorten(str(key))}': it is already given on line {first_line[key]}; "
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
    not YAML, duplicate keys and the limits above come back as problems. The data
    is ``None`` when the file could not be read at all.
    """
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            return None, [Problem(shown_as, 1, (
                f"the file has {size:,} bytes, more than a data file may have ({MAX_BYTES:,}); "
                "split it, or check that it is the file you meant"))]
        raw = path.read_bytes()
    except OSError as err:
        return None, [Problem(shown_as, 1, f"cannot read the file: {err.strerror}")]
    return parse_yaml(raw, shown_as)


def parse_yaml(raw: bytes, shown_as: str) -> tuple[YamlData | None, list[Problem]]:
    """The bytes of a YAML file (reported as ``shown_as``) as :class:`YamlData`; see :func:`load_yaml`."""
    if len(raw) > MAX_BYTES:
        return None, [Problem(shown_as, 1, f"the file has more than {MAX_BYTES:,} bytes; split it")]
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
        root = compose(text)
        if root is None:
            return YamlData(shown_as, None, {(): 1}), []
        builder = _Builder(shown_as)
        data = builder.build(root, ())
    except _Refused as err:
        return None, [Problem(shown_as, err.line, err.message)]
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark else 1
        if "nesting depth" in str(err.problem):  # libyaml's own limit, 1000 levels
            return None, [Problem(shown_as, line, _too_deep(line).message)]
        what = shorten(err.problem or "invalid YAML", 200)
        return None, [
            Problem(
                shown_as,
                line,
                f"this is not valid YAML: {what}; check the indentation, and quote text "
                "that contains ': ' or starts with a special character, e.g. title: \"A: B\"",
            )
        ]
    except yaml.YAMLError as err:
        return None, [Problem(shown_as, 1, f"this is not valid YAML: {shorten(str(err), 200)}")]
    return YamlData(shown_as, data, builder.lines), builder.problems
