"""Check every data file of the project without building the site.

The same loading, models and messages as the build (no Sphinx here), so that
``python scripts/check.py`` says what the build would, at the same file and line,
in a fraction of a second.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .agenda_checks import day_problems, hours_problems, sequence_problems, session_problems
from .agenda_model import Agenda
from .datakinds import AGENDA, DATA_FOLDERS, EVENT, PEOPLE, DataKind, kind_of, unknown_kind_message
from .event_model import Event
from .registry_model import Registry, load_registry
from .validation import read_model
from .yamldata import Problem, YamlData


def data_files(root: Path) -> list[str]:
    """Every YAML file under the data folders, as paths from ``root``, sorted."""
    found = {
        path.relative_to(root).as_posix()
        for folder in DATA_FOLDERS
        for pattern in ("*.yaml", "*.yml")
        for path in (root / folder).rglob(pattern)
    }
    return sorted(found)


def load_agenda(
    path: Path, shown_as: str, context: dict[str, Any] | None = None
) -> tuple[Agenda | None, YamlData | None, list[Problem]]:
    """An agenda file, checked as the ``agenda`` directive checks it: the model, then order,
    sessions, and days and hours against the event of the same name (``events/NAME.yaml``
    beside ``events/NAME.agenda.yaml``), when that one is valid. Whether each keynote has
    a row is the build's to say (it depends on the page showing the agenda)."""
    agenda, doc, problems = read_model(path, shown_as, Agenda, context)
    if agenda is None or doc is None:
        return agenda, doc, problems
    event_file = shown_as.removesuffix(AGENDA.suffix) + EVENT.suffix
    event_path = path.with_name(Path(event_file).name)
    event = read_model(event_path, event_file, Event, context)[0] if event_path.is_file() else None
    problems += session_problems(agenda, doc)
    for index, (_, _, items) in enumerate(agenda.days):
        problems += sequence_problems(items, doc, agenda.day_loc(index))
    if event is not None and event.date and event.timezone:
        problems = day_problems(agenda, event, doc) + problems + hours_problems(agenda, event, doc, event_file)
    return agenda, doc, problems


def check_file(root: Path, relpath: str, kind: DataKind, registry: Registry) -> list[Problem]:
    """The problems of one data file of a known kind (other than the registry)."""
    context = {"registry": registry}
    if kind.loader is not None:
        return kind.loader(root / relpath, relpath, context=context)[2]
    return read_model(root / relpath, relpath, kind.model, context=context)[2]


def check_files(
    root: Path, relpaths: Iterable[str], registry: Registry, people_file: str
) -> list[tuple[DataKind | None, Problem]]:
    """The problems of the files ``relpaths``, each with the kind of its file."""
    found: list[tuple[DataKind | None, Problem]] = []
    for relpath in relpaths:
        kind = kind_of(relpath, people_file)
        if kind is None:
            found.append((None, Problem(relpath, 1, unknown_kind_message(relpath))))
        elif kind is not PEOPLE:
            found += [(kind, p) for p in check_file(root, relpath, kind, registry)]
    return found


def check_project(root: Path, people_file: str = "people/people.yaml") -> list[tuple[DataKind | None, Problem]]:
    """Every problem of every data file of the project at ``root``."""
    registry, problems = load_registry(root / people_file, people_file)
    found: list[tuple[DataKind | None, Problem]] = [(PEOPLE, p) for p in problems]
    others = [f for f in data_files(root) if f != people_file]
    return found + check_files(root, others, registry, people_file)
