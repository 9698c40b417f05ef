"""Papers named by agenda items (``paper: <id>``): title, authors and links from the event's
papers file, ``NAME.papers.yaml`` beside ``NAME.agenda.yaml``.

Only what the agenda shows is read here; the ``papers`` directive checks the file as a
whole and reports its problems. A ``paper:`` that names no paper of the file is
reported at the agenda's line.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError
from sphinx.util.docutils import SphinxDirective

from .agenda_checks import entries
from .agenda_model import Agenda, ItemLinks
from .papers_model import slug
from .registry import Registry
from .report import report
from .speakers import PersonRef
from .validation import dotted
from .yamldata import YamlData, load_yaml


@dataclass(frozen=True)
class PaperFacts:
    """What an agenda row shows of a paper."""

    title: str
    authors: list[PersonRef] = field(default_factory=list)
    et_al: bool = False
    links: Mapping[str, str] = field(default_factory=dict)


class _Paper(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)

    id: str | None = None
    title: str
    authors: list[PersonRef] = []
    et_al: bool = False
    links: ItemLinks | None = None


def papers_file(agenda_file: str) -> str:
    """``2025-x.agenda.yaml`` -> ``2025-x.papers.yaml``."""
    stem = agenda_file.removesuffix(".yaml").removesuffix(".yml").removesuffix(".agenda")
    return f"{stem}.papers.yaml"


def read_papers(path: Path, shown: str, people: Registry) -> dict[str, PaperFacts]:
    """The readable papers of the file, by id (unreadable entries are left out)."""
    doc, _ = load_yaml(path, shown)
    found: dict[str, PaperFacts] = {}
    for entry in doc.data if doc and isinstance(doc.data, list) else ():
        try:
            paper = _Paper.model_validate(entry, context={"registry": people})
        except ValidationError:
            continue
        links = paper.links.model_dump(exclude_none=True) if paper.links else {}
        # The id the papers directive anchors it by (papers_model.Paper.key).
        found[paper.id or slug(paper.title)] = PaperFacts(paper.title, paper.authors, paper.et_al, links)
    return found


def papers_for(directive: SphinxDirective, agenda_file: str, agenda: Agenda, doc: YamlData,
               people: Registry) -> dict[str, PaperFacts]:
    """The papers the agenda names; each ``paper:`` that names none is reported."""
    named = [(loc, talk.paper) for loc, talk in _talks(agenda) if talk.paper]
    if not named:
        return {}
    env = directive.env
    shown, path = env.relfn2path(papers_file(agenda_file), env.docname)
    env.note_dependency(path)
    papers = read_papers(Path(path), shown, people) if Path(path).is_file() else {}
    where = f"the papers of {shown}" if Path(path).is_file() else f"{shown}, which does not exist yet"
    known = ", ".join(sorted(papers)[:5]) or "none"
    report([doc.problem((*loc, "paper"), (
        f"{dotted((*loc, 'paper'))}: '{pid}' is not among {where}; give the id of one of its papers "
        f"(known: {known}), or the talk's title and speakers instead of paper:"))
        for loc, pid in named if pid not in papers], "agenda")
    return papers


def _talks(agenda: Agenda):
    for loc, item, _ in entries(agenda):
        yield loc, item
        for k, talk in enumerate(item.talks):
            yield (*loc, "talks", k), talk
