"""Property-based: whatever the bytes or the YAML, the loader and the models give data or
problems at lines, never an exception."""

from __future__ import annotations

import datetime as dt
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from faimi.agenda_model import Agenda
from faimi.event_model import Event
from faimi.registry_model import PeopleFile, Registry
from faimi.validation import validate
from faimi.yamldata import YamlData, parse_yaml

MODELS = (Event, Agenda, PeopleFile)
#: Field names the models know, so that examples get past "unknown field" and into the checks.
KEYS = sorted({*Event.model_fields, "what", "date", "was", "dates", "time", "name", "url", "id",
               "affiliation", "homepage", "start", "end", "title", "speakers", "kind", "people",
               "groups", "photo", "src", "alt", "orcid", "days", "items", "<<", "[", "a[b]", "function-after[x]"})
TEXTS = st.sampled_from(["14:00", "25:99", "13:00", "Europe/London", "Etc/GMT+1", "AoE", "online",
                         "hybrid", "workshop", "talk", "tbc", "ada-lovelace", "mailto:a@b.org?bcc=c",
                         "https://example.org/", "javascript:alert(1)", "yes", "NO", "0000-0002-1825-0097",
                         "2025-03-30", "9999-12-31", "0001-01-01", "\u202e", "x" * 70, ""])
SCALARS = (st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=20)
           | TEXTS | st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31))
           | st.sampled_from([dt.date(2025, 3, 30), dt.date(2025, 10, 26), dt.date.max, dt.date.min]))
DATA = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from(KEYS) | st.text(max_size=5),
                                                                inner, max_size=6),
    max_leaves=30,
)
#: Text that looks like YAML: its punctuation, indentation and anchors.
YAMLISH = st.lists(st.sampled_from(list("ab1-: \n[]{},&*!|>'\"#%@`?<=~\t.\\") + [
    "&a ", "*a", "<<: ", "!!python/object ", "!!binary ", "- ", "\n  ", "key: ", "0x", "1e999", "2025-03-30"]),
    max_size=80).map("".join)


def outcome_is_data_or_located_problems(raw: bytes) -> None:
    doc, problems = parse_yaml(raw, "fuzz.yaml")
    assert all(p.file == "fuzz.yaml" and p.line >= 1 and p.message for p in problems)
    if doc is None:
        assert problems
        return
    for model in MODELS:
        result, found = validate(model, doc, context={"registry": Registry("people/people.yaml")})
        assert all(p.line >= 1 and p.message for p in found)
        assert result is not None or found


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=300))
def test_arbitrary_bytes(raw: bytes) -> None:
    outcome_is_data_or_located_problems(raw)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(YAMLISH)
def test_arbitrary_yaml_text(text: str) -> None:
    outcome_is_data_or_located_problems(text.encode("utf-8", "surrogatepass"))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(DATA)
def test_arbitrary_data_through_the_models(data: Any) -> None:
    raw = yaml.safe_dump(data, allow_unicode=True).encode("utf-8", "surrogatepass")
    outcome_is_data_or_located_problems(raw)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(DATA)
def test_arbitrary_data_with_the_event_shape(data: Any) -> None:
    """An event with every required fact, and arbitrary other facts: the cross-field checks run."""
    base = {"kind": "workshop", "description": "A workshop.", "date": dt.date(2025, 3, 30),
            "start": "01:30", "timezone": "Europe/London", "mode": "online"}
    extra = data if isinstance(data, dict) else {"important_dates": data}
    doc = YamlData("fuzz.yaml", {**base, **{k: v for k, v in extra.items() if isinstance(k, str)}}, {(): 1})
    result, found = validate(Event, doc, context={"registry": Registry("people/people.yaml")})
    assert result is not None or found
    if result is not None:
        result.over_at(), result.submissions_close_at()
