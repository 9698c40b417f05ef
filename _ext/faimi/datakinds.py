"""The kinds of data files, told by their names, and the model each is checked against.

``events/NAME.yaml`` holds an event's facts, ``events/NAME.agenda.yaml`` its agenda,
``events/NAME.papers.yaml`` its papers, ``people/people.yaml`` (``faimi_people_file``) the registry. A new kind of file is
one more :class:`DataKind` in :data:`KINDS`. No Sphinx here.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from pathlib import PurePosixPath

from pydantic import BaseModel

#: The folders whose every YAML file is checked, used by a page or not.
DATA_FOLDERS = ("events", "people")


@dataclass(frozen=True)
class DataKind:
    """A kind of data file: how it is named, what it holds, which model checks it."""

    name: str
    #: What ends the file's name: ``.agenda.yaml``; ``.yaml`` for a name with no other dot.
    suffix: str
    #: What the file is, in an editor's words, with the pattern of its name.
    what: str
    #: The model, as ``module:Class`` under this package (imported when first needed).
    model_path: str
    #: A loader of its own, as ``module:function``, taking ``(path, shown_as, context)`` and
    #: returning ``(model, data, problems)`` like :func:`faimi.validation.read_model`
    #: (for checks beyond the model's); none: ``read_model`` with the model.
    loader_path: str = ""

    @property
    def model(self) -> type[BaseModel]:
        return _named(self.model_path)

    @property
    def loader(self) -> Callable[..., tuple[Any, Any, list[Any]]] | None:
        return _named(self.loader_path) if self.loader_path else None


def _named(path: str) -> Any:
    module, _, name = path.partition(":")
    return getattr(importlib.import_module(f"{__package__}.{module}"), name)


EVENT = DataKind("event", ".yaml", "an event's facts (events/NAME.yaml)", "event_model:Event",
                 "programme_checks:load_event")
AGENDA = DataKind("agenda", ".agenda.yaml", "an agenda (events/NAME.agenda.yaml)", "agenda_model:Agenda",
                  "checker:load_agenda")
PEOPLE = DataKind("people", "people.yaml", "the people registry (people/people.yaml)", "registry_model:PeopleFile")

PAPERS = DataKind("papers", ".papers.yaml", "an event's papers (events/NAME.papers.yaml)", "papers_model:Papers",
                  "papers_model:load_papers")

#: The kinds of files under ``events/``, most specific suffix first.
KINDS: tuple[DataKind, ...] = (AGENDA, PAPERS, EVENT)


def kind_of(relpath: str, people_file: str = "people/people.yaml") -> DataKind | None:
    """The kind of the data file at ``relpath`` (from the project's root), if it is one."""
    if relpath == people_file:
        return PEOPLE
    path = PurePosixPath(relpath)
    if path.parts[:1] != ("events",):
        return None
    for kind in KINDS:
        if kind is EVENT:
            if path.suffix == ".yaml" and "." not in path.stem:
                return kind
        elif path.name.endswith(kind.suffix) and len(path.name) > len(kind.suffix):
            return kind
    return None


def kind_for_model(model: type[BaseModel]) -> DataKind | None:
    """The kind of file that ``model`` checks."""
    return next((k for k in (*KINDS, PEOPLE) if k.model is model), None)


def unknown_kind_message(relpath: str) -> str:
    names = ", ".join(k.what for k in (*KINDS, PEOPLE))
    return (
        f"'{relpath}' is no kind of data file the site reads; the data files are {names}. "
        "Rename it (a data file ends in .yaml, not .yml), or move it out of "
        f"{PurePosixPath(relpath).parts[0]}/"
    )
