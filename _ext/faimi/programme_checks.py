"""Checks of an event's programme facts that need more than the file itself: the photos
and downloads it names are there, and the papers its awards name are in its papers file.

No Sphinx here: the problems come back at their lines, for the caller to report.
"""

from __future__ import annotations

import difflib
from pathlib import Path

from .event_model import Event
from .papers_model import Papers
from .programme_model import EventPhoto
from .validation import dotted
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


def named_files(event: Event) -> list[tuple[Loc, str]]:
    """Every file (photo or download) the facts name, as a path from events/."""
    files = [(loc, photo.src) for loc, photo in photo_refs(event)]
    files += [(("materials", i, "file"), m.file) for i, m in enumerate(event.materials) if m.file]
    return files


def missing_files(event: Event, doc: YamlData, folder: Path) -> list[Problem]:
    """The photos and downloads that are not in ``folder`` (the folder of the facts file)."""
    shown = Path(doc.file).parent.as_posix()
    return [
        doc.problem(loc, (
            f"{dotted(loc)}: there is no file '{name}' in {shown}/; put it there, or correct the "
            f"path (from {shown}/, e.g. {_example_path(loc)})"))
        for loc, name in named_files(event)
        if not (folder / name).is_file()
    ]


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

