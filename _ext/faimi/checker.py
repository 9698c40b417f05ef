"""Check every data file of the project without building the site.

The same loading, models and messages as the build (no Sphinx here), so that
``python scripts/check.py`` says what the build would, at the same file and line,
in a fraction of a second.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from .datakinds import DATA_FOLDERS, PEOPLE, DataKind, kind_of, unknown_kind_message
from .registry_model import Registry, load_registry
from .validation import read_model
from .yamldata import Problem


def data_files(root: Path) -> list[str]:
    """Every YAML file under the data folders, as paths from ``root``, sorted."""
    found = {
        path.relative_to(root).as_posix()
        for folder in DATA_FOLDERS
        for pattern in ("*.yaml", "*.yml")
        for path in (root / folder).rglob(pattern)
    }
    return sorted(found)


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
