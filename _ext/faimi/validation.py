"""Validate loaded YAML against a pydantic model; explain errors in plain words.

Each pydantic error becomes a :class:`~faimi.yamldata.Problem` at the line of the
offending value, saying what is wrong, what is expected, and an example taken
from the model's field ``examples`` (the same examples the JSON Schema shows).
"""

from __future__ import annotations

import difflib
import re
import types
import typing
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, RootModel, ValidationError
from pydantic.fields import FieldInfo

from .yamldata import Loc, Problem, YamlData, load_yaml, shorten

M = TypeVar("M", bound=BaseModel)


def validate(
    model: type[M], doc: YamlData, loc: Loc = (), context: dict[str, Any] | None = None
) -> tuple[M | None, list[Problem]]:
    """Validate the value at ``loc`` of ``doc`` as ``model``.

    Returns the model (or ``None``) and every problem found, each at its line.
    """
    value = doc.data
    for part in loc:
        value = value[part]
    text_problems = [doc.problem(at, f"{dotted(at)}: {message}") for at, message in text_faults(value, loc)]
    try:
        result = model.model_validate(value, context=context)
    except ValidationError as err:
        errors = _without_follow_on_errors(model, _without_misspelt_fields(model, err.errors()))
        problems = [doc.problem((*loc, *_error_loc(e)), explain(model, e)) for e in errors]
        return None, text_problems + problems
    if any(CONTROL_HINT in p.message for p in text_problems):
        return None, text_problems  # never on a page: they are not text a reader can see
    located = getattr(result, "located_problems", None)
    found = [*(located() if located else ()), *(context_problems(result, context) if context else ())]
    for at, message in found:
        text_problems.append(doc.problem((*loc, *at), f"{dotted((*loc, *at))}: {message}"))
    return result, text_problems


def context_problems(value: Any, context: dict[str, Any], loc: Loc = ()) -> list[tuple[Loc, str]]:
    """What the models inside ``value`` find wrong given the ``context`` (a one-off name
    that is a registry person's, say), at their locations: each model with a
    ``context_problems(context)`` method, however deep. Not errors: the data stays valid."""
    found: list[tuple[Loc, str]] = []
    if isinstance(value, BaseModel):
        own = getattr(value, "context_problems", None)
        found += [((*loc, *at), message) for at, message in (own(context) if own else ())]
        for name in type(value).model_fields:
            at = loc if isinstance(value, RootModel) else (*loc, name)
            found += context_problems(getattr(value, name), context, at)
    elif isinstance(value, (list, tuple)):
        for i, item in enumerate(value):
            found += context_problems(item, context, (*loc, i))
    elif isinstance(value, dict):
        for key, item in value.items():
            found += context_problems(item, context, (*loc, key))
    return found


#: Said of control characters (a page would not show them, or show them wrongly).
CONTROL_HINT = "an invisible control character"
#: The longest run of characters without a space that a text may have (a phone's line
#: holds about 40): a longer one would push the page sideways.
LONGEST_WORD = 60
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_WORD = re.compile(r"\S{%d,}" % (LONGEST_WORD + 1))
_LINKISH = re.compile(r"^(\S*://|mailto:|www\.|doi:|10\.\d+/)|^[\w./-]+\.(jpg|jpeg|png|pdf|ipynb|zip|yaml)$",
                      re.IGNORECASE)


def text_faults(value: Any, loc: Loc = ()) -> list[tuple[Loc, str]]:
    """Control characters anywhere, and words too long for a phone's line, in every text of
    ``value`` (keys too), at their locations. Links and file paths may be long."""
    found: list[tuple[Loc, str]] = []
    if isinstance(value, dict):
        for key, item in value.items():
            found += text_faults(key, loc) if isinstance(key, str) else []
            found += text_faults(item, (*loc, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            found += text_faults(item, (*loc, i))
    elif isinstance(value, str):
        if char := _CONTROL.search(value):
            found.append((loc, (
                f"the text holds {CONTROL_HINT} (U+{ord(char[0]):04X}), often pasted from a PDF or a "
                "word processor: retype the text around it")))
        long_words = [w for w in _WORD.findall(value) if not _LINKISH.match(w)]
        if long_words:
            found.append((loc, (
                f"'{shorten(long_words[0], 30)}' is a word of {len(long_words[0]):,} characters without a "
                f"space: on a phone it would push the page sideways (at most {LONGEST_WORD}); break it "
                "with spaces or hyphens, or give a link as a link")))
    return found


def read_model(
    path: Path, shown_as: str, model: type[M], context: dict[str, Any] | None = None
) -> tuple[M | None, YamlData | None, list[Problem]]:
    """Load the YAML file ``path`` (reported as ``shown_as``) and validate it as ``model``.

    Returns the model (``None`` if the file is invalid), the loaded data (``None`` if
    it could not be read) and every problem, each at its line.
    """
    doc, problems = load_yaml(path, shown_as)
    if doc is None:
        return None, None, problems
    result, found = validate(model, doc, context=context)
    return result, doc, problems + found


def _without_misspelt_fields(model: type[BaseModel], errors: list[Any]) -> list[Any]:
    """Leave out "'what' is missing" where an unknown field ('wat') already says "did you mean 'what'?"."""
    meant = set()
    for error in errors:
        if error["type"] == "extra_forbidden":
            loc = _error_loc(error)
            if close := _close_field(model, loc):
                meant.add((*loc[:-1], close))
    return [e for e in errors if not (e["type"] == "missing" and _error_loc(e) in meant)]


def _without_follow_on_errors(model: type[BaseModel], errors: list[Any]) -> list[Any]:
    """Leave out the error of a field checked against another one that is itself wrong
    (a model's ``checked_against``: ``end`` against ``start``), which would blame the
    field for a fault of the other ("'end' is given without 'start'" when 'start' is
    given, but unreadable)."""
    wrong = {_error_loc(e) for e in errors}

    def follows(error: Any) -> bool:
        loc = _error_loc(error)
        if not loc or error["type"] in ("missing", "extra_forbidden"):
            return False
        other = getattr(_owner(model, loc), "checked_against", {}).get(loc[-1])
        return other is not None and (*loc[:-1], other) in wrong

    return [e for e in errors if not follows(e)]


def _error_loc(error: Any) -> Loc:
    """Where in the data an error is (an unknown field's own name is kept as written)."""
    loc = tuple(error["loc"])
    if error["type"] == "extra_forbidden" and loc:
        return (*_data_loc(loc[:-1]), loc[-1])
    return _data_loc(loc)


def _data_loc(loc: tuple[Any, ...]) -> Loc:
    """Drop the entries pydantic adds for validators (``function-after[...]``)."""
    return tuple(p for p in loc if isinstance(p, int) or "[" not in str(p))


def explain(model: type[BaseModel], error: Any) -> str:
    """One pydantic error as a sentence for an editor of the YAML file."""
    loc = _error_loc(error)
    kind = error["type"]
    # A missing or unknown field is a fault of the mapping that should (not) hold it.
    where = dotted(loc[:-1] if kind in ("missing", "extra_forbidden") else loc)
    name = next((p for p in reversed(loc) if isinstance(p, str)), "value")
    if kind == "extra_forbidden":
        return f"{where}: {_unknown_field(model, loc)}"
    info = _field_at(model, loc)[0] if loc else None
    if kind == "missing":
        text = f"'{name}' is missing; it is required"
    elif kind.startswith("value_error") or kind == "assertion_error":
        text = error["msg"].removeprefix("Value error, ").removeprefix("Assertion failed, ")
    elif kind in ("too_short", "too_long"):
        text = _length(kind, error.get("ctx", {}), error["input"])
    else:
        text = f"{_plain(error['msg'])}, not {_show(error['input'])}"
    return f"{where}: {text}{_example(name, info)}"


def _length(kind: str, limits: dict[str, Any], value: Any) -> str:
    """A list (or mapping) with too few or too many entries, in words."""
    what = "mapping" if isinstance(value, dict) else "list"
    count = len(value) if hasattr(value, "__len__") else limits.get("actual_length", 0)
    if kind == "too_short":
        least = limits.get("min_length", 1)
        have = "is empty" if count == 0 else f"has {count}"
        return f"the {what} {have}; give at least {least} {'entry' if least == 1 else 'entries'}"
    return f"the {what} has {count} entries, more than the {limits.get('max_length')} it may have"


def dotted(loc: Loc) -> str:
    """``('agenda', 3, 'start')`` as ``agenda[3].start``, the way editors read it."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "the file"


def _owner(model: type[BaseModel], loc: Loc) -> Any:
    """The model of the mapping that holds ``loc``."""
    return _unwrap(_field_at(model, loc[:-1])[1]) if loc[:-1] else model


def _fields_beside(model: type[BaseModel], loc: Loc) -> list[str]:
    """The fields allowed in the mapping that holds ``loc``."""
    owner = _owner(model, loc)
    return list(owner.model_fields) if _is_model(owner) else []


def _close_field(model: type[BaseModel], loc: Loc) -> str | None:
    """The allowed field that an unknown field at ``loc`` most likely misspells."""
    if not loc:
        return None
    close = difflib.get_close_matches(str(loc[-1]), _fields_beside(model, loc), n=1, cutoff=0.6)
    return close[0] if close else None


def _unknown_field(model: type[BaseModel], loc: Loc) -> str:
    """An unknown field: why it does not belong here when the model says (its
    ``misplaced_fields``), else the field it most likely misspells and those allowed."""
    misplaced = getattr(_owner(model, loc), "misplaced_fields", {}).get(str(loc[-1]))
    if misplaced:
        return f"'{loc[-1]}' has no place here: {misplaced}"
    known = _fields_beside(model, loc)
    text = f"unknown field '{loc[-1]}'"
    close = _close_field(model, loc)
    text += f"; did you mean '{close}'?" if close else "."
    if known:
        text += f" The fields allowed here are: {', '.join(known)}"
    return text


def _example(name: str, info: FieldInfo | None) -> str:
    if info is None or not info.examples:
        return ""
    example = info.examples[0]
    if isinstance(example, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", example):
        return f". For example: {name}: {example}"  # a date is written without quotes
    shown = yaml.safe_dump({name: example}, default_flow_style=True, sort_keys=False)
    return f". For example: {shown.strip()[1:-1]}"


def _show(value: Any) -> str:
    if value is None:
        return "an empty value"
    if isinstance(value, bool):
        word = "true" if value else "false"
        return (f"{word} (YAML reads an unquoted yes, no, on, off, true or false, in any case, as true "
                "or false; to mean the text, put it in quotes, e.g. country: \"NO\")")
    if isinstance(value, str):
        return f"'{shorten(value)}'"
    if isinstance(value, int):
        return repr(value) if value.bit_length() < 200 else "a number of hundreds of digits"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return repr(value)


def _plain(message: str) -> str:
    """A pydantic message in an editor's words: YAML has mappings and lists, not classes."""
    message = re.sub(r" or instance of \w+", "", message)
    message = message.replace("valid dictionary", "mapping (lines of 'field: value')")
    message = message.replace("valid list", "list (lines that start with '- ')")
    return message[:1].lower() + message[1:]


def _is_model(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, BaseModel)


def _unwrap(tp: Any) -> Any:
    """Strip ``Annotated`` and ``X | None`` down to the type that holds the data."""
    while True:
        origin = typing.get_origin(tp)
        if origin is typing.Annotated:
            tp = typing.get_args(tp)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(tp) if a is not type(None)]
            if len(args) != 1:
                return tp
            tp = args[0]
        else:
            return tp


def _branch(tp: Any, part: str | int) -> Any:
    """Of a union (a list of items, or a mapping of days), the member that ``part`` is in."""
    if typing.get_origin(tp) not in (typing.Union, types.UnionType):
        return tp
    for arg in map(_unwrap, typing.get_args(tp)):
        if isinstance(part, int) and typing.get_origin(arg) in (list, tuple):
            return arg
        if isinstance(part, str) and _is_model(arg) and part in arg.model_fields:
            return arg
    return tp


def _field_at(model: type[BaseModel], loc: Loc) -> tuple[FieldInfo | None, Any]:
    """The field (if any) and the type found by following ``loc`` from ``model``."""
    tp: Any = model
    info: FieldInfo | None = None
    for part in loc:
        tp = _unwrap(tp)
        if _is_model(tp) and issubclass(tp, RootModel):
            tp = _unwrap(tp.model_fields["root"].annotation)
        tp = _branch(tp, part)
        origin = typing.get_origin(tp)
        if _is_model(tp) and isinstance(part, str):
            info = tp.model_fields.get(part)
            if info is None:
                return None, None
            tp = info.annotation
        elif origin in (list, tuple) and typing.get_args(tp):
            tp = typing.get_args(tp)[0]
        elif origin is dict:
            tp = typing.get_args(tp)[1]
        else:
            return info, tp
    return info, tp
