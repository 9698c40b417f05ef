"""Papers named by agenda items (``paper: <id>``): title, authors and links from the event's
papers file, ``NAME.papers.yaml`` beside the event's ``NAME.yaml``.

The papers are read quietly, entry by entry (the ``papers`` directive reports the file's
problems): a ``paper:`` that names no readable paper of the file is reported at the
agenda's line.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from pydantic import ValidationError
from sphinx.util.docutils import SphinxDirective

from .agenda_checks import entries
from .agenda_model import Agenda, Talk
from .papers_model import Paper, papers_file_for
from .paths import inside, usable
from .registry import Registry
from .report import report
from .validation import dotted
from .yamldata import Loc, YamlData, load_yaml


def read_papers(path: Path, shown: str, people: Registry) -> dict[str, Paper]:
    """The readable papers of the file, by id (an entry with a problem is left out)."""
    doc, _ = load_yaml(path, shown)
    found: dict[str, Paper] = {}
    for entry in doc.data if doc and isinstance(doc.data, list) else ():
        try:
            paper = Paper.model_validate(entry, context={"registry": people})
        except ValidationError:
            continue
        found.setdefault(paper.key, paper)
    return found


def papers_for(directive: SphinxDirective, facts_file: str, agenda: Agenda, doc: YamlData,
               people: Registry) -> dict[str, Paper]:
    """The papers the agenda names (``facts_file``: the event's file, from the project's
    root); each ``paper:`` that names none is reported."""
    named = [(loc, talk.paper) for loc, talk in _talks(agenda) if talk.paper]
    if not named:
        return {}
    env = directive.env
    shown = papers_file_for(facts_file)
    path = str(Path(env.srcdir, shown))
    env.note_dependency(path)
    papers = read_papers(Path(path), shown, people) if usable(Path(env.srcdir), shown) else {}
    where = f"the papers of {shown}"
    if not Path(path).is_file():
        where = f"{shown}, which does not exist yet"
    elif not inside(Path(env.srcdir), Path(path)):
        where = f"{shown}, which is a link to a file outside the project"
    known = ", ".join(sorted(papers)[:5]) or "none"
    report([doc.problem((*loc, "paper"), (
        f"{dotted((*loc, 'paper'))}: '{pid}' is not among {where} (an entry with a problem there is "
        f"left out); give the id of one of its papers (known: {known}), or the talk's title and "
        "speakers instead of paper:"))
        for loc, pid in named if pid not in papers], "agenda")
    return papers


def _talks(agenda: Agenda) -> Iterator[tuple[Loc, Talk]]:
    for loc, item, _ in entries(agenda):
        yield loc, item
        for k, talk in enumerate(item.talks):
            yield (*loc, "talks", k), talk
