"""Check every data file of the project without building the site.

The same loading, models and messages as the build (no Sphinx here), so that
``python scripts/check.py`` says what the build would, at the same file and line,
in a fraction of a second.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .agenda_checks import agenda_problems, own_problems
from .agenda_model import Agenda
from .datakinds import AGENDA, DATA_FOLDERS, EVENT, PEOPLE, DataKind, kind_of, unknown_kind_message
from .event_model import Event
from .paths import inside, outside_message, root_of
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
    """An agenda file, checked as the ``agenda`` directive checks it (the same checks):
    the model, sessions and order, then, with its event, days, hours and keynotes both ways.

    The build pairs an agenda with the event of the page that shows it; without the
    pages, its event is the one of the same name (``events/NAME.yaml`` beside
    ``events/NAME.agenda.yaml``), when that one is valid and dated. A keynote of the event
    without its row is reported at the event's file, as the build reports it.
    """
    agenda, doc, problems = read_model(path, shown_as, Agenda, context)
    if agenda is None or doc is None:
        return agenda, doc, problems
    event_file = shown_as.removesuffix(AGENDA.suffix) + EVENT.suffix
    event_path = path.with_name(Path(event_file).name)
    readable = event_path.is_file() and inside(root_of(path, shown_as), event_path)  # refused at its own name
    event = read_model(event_path, event_file, Event, context)[0] if readable else None
    if event is not None and event.date and event.timezone:
        return agenda, doc, problems + agenda_problems(agenda, event, doc, event_path, event_file)
    return agenda, doc, problems + own_problems(agenda, doc)


def check_file(root: Path, relpath: str, kind: DataKind, registry: Registry) -> list[Problem]:
    """The problems of one data file of a known kind (other than the registry); one
    outside the project (a link) is not read."""
    if not inside(root, root / relpath):
        return [Problem(relpath, 1, outside_message(relpath))]
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
