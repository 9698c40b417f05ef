"""Hostile and odd YAML: refused at a line with bounded memory, or read as meant."""

from __future__ import annotations

import time
import tracemalloc

import pytest

from conftest import Project
from faimi.registry_model import PeopleFile
from faimi.validation import validate
from faimi.yamldata import MAX_ALIAS_VALUES, MAX_DEPTH, parse_yaml

#: The classic "billion laughs": 9 levels of 9 aliases, about 387 million strings.
BOMB = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"{name}: &{name} [{', '.join([f'*{prev}'] * 9)}]\n"
    for prev, name in zip("abcdefgh", "bcdefghi")
)
#: Python's memory for refusing it, as tracemalloc counts (the bomb itself would take GiBs).
CEILING = 16 * 1024 * 1024


def test_an_alias_bomb_is_refused_at_once_in_little_memory() -> None:
    tracemalloc.start()
    started = time.perf_counter()
    try:
        doc, problems = parse_yaml(BOMB.encode(), "events/bomb.yaml")
        elapsed = time.perf_counter() - started
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert doc is None
    [problem] = problems
    assert problem.location.startswith("events/bomb.yaml:")
    assert f"more than {MAX_ALIAS_VALUES:,} values (the limit)" in problem.message
    assert elapsed < 1.0  # the bound for this refusal: within a second
    assert peak < CEILING


@pytest.mark.parametrize(
    ("text", "line", "expected"),
    [
        ("a: 1\nb: &x [1, *x]\n", 2, "contains itself through an alias"),
        ("a: 1\nb: &x {c: 1, <<: *x}\n", 2, "contains itself through an alias"),
        ("a: 1\nb: " + "[" * 10_000 + "]" * 10_000 + "\n", 2, f"nested more than {MAX_DEPTH} levels"),
        ("a:\n" + "".join("  " * i + "- \n" for i in range(1, 200)), 51, f"nested more than {MAX_DEPTH} levels"),
        ("a: 1\nb: *nowhere\n", 2, "found undefined alias 'nowhere'"),
    ],
    ids=["recursive alias", "recursive merge", "10,000 brackets", "deep block list", "undefined alias"],
)
def test_self_containing_and_deep_values_are_refused_at_their_line(text: str, line: int, expected: str) -> None:
    doc, problems = parse_yaml(text.encode(), "x.yaml")
    assert doc is None
    assert [(p.line, expected in p.message) for p in problems] == [(line, True)], problems


def test_a_number_of_5000_digits_is_explained_not_a_crash() -> None:
    text = ("people:\n  a-b:\n    name: A\n    affiliation: X\n    homepage: "
            + "9" * 5000 + "\n    pronouns: 0x" + "f" * 5000 + "\n")
    doc, problems = parse_yaml(text.encode(), "people.yaml")
    assert doc is not None and problems == []
    model, problems = validate(PeopleFile, doc)
    assert model is None
    assert {p.line for p in problems} == {5, 6}
    assert all(len(p.message) < 400 for p in problems)
    assert any(p.line == 6 and "hundreds of digits" in p.message for p in problems)


def test_yes_and_no_read_as_booleans_are_explained() -> None:
    doc, _ = parse_yaml(b"people:\n  a-b:\n    name: A\n    homepage: https://example.org/\n"
                        b"    affiliation: X\n    country: NO\n", "people.yaml")
    _, problems = validate(PeopleFile, doc)
    [problem] = problems
    assert problem.line == 6
    assert "not false (YAML reads an unquoted yes, no, on, off, true or false" in problem.message
    assert 'put it in quotes, e.g. country: "NO"' in problem.message


def test_merge_keys_share_defaults_in_an_agenda(event: Project) -> None:
    event.write(
        "events/test.agenda.yaml",
        """\
        - &talk
          start: "09:00"
          end: "09:30"
          kind: talk
          title: First talk
          speakers: [alan-turing]
        - <<: *talk
          start: "09:30"
          end: "10:00"
          title: Second talk
        """,
    )
    build = event.build()
    assert build.warnings == ""
    rows = build.html("events/test").select("table tbody tr")
    assert [r.get_text(" ", strip=True).count("Alan Turing") for r in rows] == [1, 1]
    assert "Second talk" in rows[1].get_text()


def test_merge_of_a_non_mapping_is_a_problem_at_its_line() -> None:
    doc, problems = parse_yaml(b"a: &x [1]\nb:\n  <<: *x\n  c: 1\n", "x.yaml")
    assert doc is not None and doc.data["b"] == {"c": 1}
    assert [(p.line, "'<<' merges a mapping" in p.message) for p in problems] == [(3, True)]
