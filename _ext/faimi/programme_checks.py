"""Checks of an event's programme facts that need more than the file itself: the photos
and downloads it names are there, inside the project and of their kind, and the papers
its awards name are in its papers file.

No Sphinx here: the problems come back at their lines, for the caller to report.
"""

from __future__ import annotations

import difflib
from pathlib import Path, PurePosixPath
from typing import Any

from .event_model import Event
from .papers_model import Papers
from .programme_model import EventPhoto
from .paths import file_problem, root_of
from .validation import dotted, read_model
from .yamldata import Loc, Problem, YamlData


def photo_refs(event: Event) -> list[tuple[Loc, EventPhoto]]:
    """Every picture the event's facts name (photos, logos, the proceedings' cover), with
    where it is in the file."""
    found: list[tuple[Loc, EventPhoto]] = [
        (("sponsors", i, "logo", "src"), sponsor.logo) for i, sponsor in enumerate(event.sponsors) if sponsor.logo
    ]
    if event.proceedings and event.proceedings.cover:
        found.append((("proceedings", "cover", "src"), event.proceedings.cover))
    for i, keynote in enumerate(event.keynotes):
        if keynote.photo:
            found.append((("keynotes", i, "photo", "src"), keynote.photo))
    for i, award in enumerate(event.awards):
        if award.photo:
            found.append((("awards", i, "photo", "src"), award.photo))
        for j, winner in enumerate(award.winners):
            if winner.photo:
                found.append((("awards", i, "winners", j, "photo", "src"), winner.photo))
    return found


def named_files(event: Event) -> list[tuple[Loc, str, bool]]:
    """Every file (photo or download) the facts name, as a path from events/, and whether
    it is an image."""
    files = [(loc, photo.src, True) for loc, photo in photo_refs(event)]
    files += [(("materials", i, "file"), m.file, False) for i, m in enumerate(event.materials) if m.file]
    return files


def file_problems(event: Event, doc: YamlData, root: Path) -> list[Problem]:
    """The photos and downloads that cannot be shown: outside the project (or links to
    outside it), not there, or, for a photo, not an image. ``root``: the project's folder."""
    folder = PurePosixPath(doc.file).parent
    found = []
    for loc, name, image in named_files(event):
        missing = (f"there is no file '{name}' in {folder}/; put it there, or correct the path "
                   f"(from {folder}/, e.g. {_example_path(loc)})")
        if wrong := file_problem(root, folder, name, missing, image):
            found.append(doc.problem(loc, f"{dotted(loc)}: {wrong}"))
    return found


def load_event(
    path: Path, shown_as: str, context: dict[str, Any] | None = None
) -> tuple[Event | None, YamlData | None, list[Problem]]:
    """An event's facts, checked as the build checks them where a page shows them: the
    model, then the files they name."""
    event, doc, problems = read_model(path, shown_as, Event, context)
    if event is None or doc is None:
        return event, doc, problems
    return event, doc, problems + file_problems(event, doc, root_of(path, shown_as))


def _example_path(loc: Loc) -> str:
    """A path of the kind of file at ``loc``, for messages."""
    if loc[-1] != "src":
        return "materials/NAME/slides.pdf"
    return {"logo": "images/NAME/logo.png", "cover": "images/NAME/cover.png"}.get(str(loc[-2]), "images/NAME/photo.jpg")


def award_problems(event: Event, doc: YamlData, papers: Papers | None, papers_file: str) -> list[Problem]:
    """Two awards with one id; a winning paper that the papers file does not have.

    ``papers`` is ``None`` when the papers file is invalid (reported where it is shown):
    the winners are not checked then; it is empty when there is no papers file.
    ``papers_file`` names the file in messages.
    """
    problems: list[Problem] = []
    seen: set[str] = set()
    for i, award in enumerate(event.awards):
        if award.id in seen:
            problems.append(doc.problem(("awards", i, "id"), (
                f"awards[{i}].id: another award above has the id '{award.id}'; give each award its own id, "
                f"e.g. id: {award.id}-2")))
        seen.add(award.id)
        for j, winner in enumerate(award.winners):
            if winner.paper is None:
                continue
            loc = ("awards", i, "winners", j, "paper")
            problem = _unknown_paper(winner.paper, papers, papers_file)
            if problem:
                problems.append(doc.problem(loc, f"{dotted(loc)}: {problem}"))
    return problems


def _unknown_paper(paper: str, papers: Papers | None, papers_file: str) -> str | None:
    if papers is None:
        return None
    known = papers.by_key
    if paper in known:
        return None
    if not known:
        return (f"there is no paper '{paper}' in {papers_file}: that file has no papers, or is not there; "
                f"list the event's papers in it, each with an id, e.g. - {{id: {paper}, title: ..., authors: [...]}}")
    close = difflib.get_close_matches(paper, list(known), n=1, cutoff=0.5)
    hint = f"did you mean '{close[0]}'?" if close else f"name a paper by its id there, e.g. paper: {next(iter(known))}"
    return f"there is no paper '{paper}' in {papers_file}; {hint}"

