"""A corpus of broken inputs, one file per mistake: each gives its message at its line.

Each file of ``tests/corpus/`` starts with ``# expect: LINE: MESSAGE`` (the message may
be the start of a longer one). A file under ``corpus/events/`` is checked as that file
of ``events/`` beside a valid registry; one under ``corpus/people/`` as the registry.
The check command's code does the checking: the build gives the same messages
(tests/test_hardening_files.py shows they agree).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from conftest import ROOT
from faimi.checker import check_project

CORPUS = ROOT / "tests" / "corpus"
EXPECT = re.compile(r"^# expect: (\d+): (.+)$")
REGISTRY = """\
people:
  ada-lovelace:
    name: Ada Lovelace
    homepage: https://example.org/ada
    affiliation: Analytical Engine Society
"""


def corpus() -> list[Path]:
    return sorted(p for p in CORPUS.rglob("*") if p.is_file())


@pytest.mark.parametrize("case", corpus(), ids=lambda p: p.relative_to(CORPUS).as_posix())
def test_each_mistake_gives_its_message_at_its_line(case: Path, tmp_path: Path) -> None:
    match = EXPECT.match(case.read_text(encoding="utf-8").splitlines()[0])
    assert match, f"{case.name} must start with '# expect: LINE: MESSAGE'"
    line, message = int(match[1]), match[2]
    (tmp_path / "people").mkdir()
    (tmp_path / "events").mkdir()
    if case.parent.name == "people":
        relpath = "people/people.yaml"
    else:
        relpath = f"events/{case.name}"
        (tmp_path / "people/people.yaml").write_text(REGISTRY, encoding="utf-8")
    shutil.copy(case, tmp_path / relpath)
    problems = [problem for _, problem in check_project(tmp_path)]
    assert problems, f"{case.name}: no problem found"
    assert {p.file for p in problems} == {relpath}
    assert any(p.line == line and p.message.startswith(message) for p in problems), problems
    assert all(len(p.message) < 600 for p in problems)


def test_the_corpus_covers_each_class_of_mistake() -> None:
    names = {p.stem for p in corpus()}
    assert len(names) >= 25
    assert {"alias-bomb", "recursive-alias", "deep-nesting", "huge-number", "etc-gmt-zone",
            "time-skipped-by-dst", "same-name-twice", "orcid-check-digit", "mailto-with-bcc"} <= names


def test_a_wrong_start_is_not_blamed_on_the_end_too(tmp_path: Path) -> None:
    """The end is checked against the start; when the start cannot be read, only the start is wrong."""
    (tmp_path / "events").mkdir()
    (tmp_path / "people").mkdir()
    (tmp_path / "people/people.yaml").write_text(REGISTRY, encoding="utf-8")
    shutil.copy(CORPUS / "events" / "start-not-a-time.yaml", tmp_path / "events" / "start.yaml")
    problems = [problem for _, problem in check_project(tmp_path)]
    assert [p.line for p in problems] == [5], problems
