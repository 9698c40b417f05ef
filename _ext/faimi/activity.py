"""What each person did across the archive, collected from the pages as they are read.

Each source is one function ``(env, docname, doctree) -> Iterable[Activity]``, run on
every page when it is read (after the names of registry people became references to
their pages, see :mod:`faimi.person_pages`); to add a source (the papers of an event,
say), write such a function and append it to :data:`SOURCES`. What a page yields is
kept in the environment by docname, purged and merged like all per-page data.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from docutils import nodes
from sphinx import addnodes
from sphinx.environment import BuildEnvironment

from .docdata import per_doc
from .events import EventRecord, confirmed, events
from .programme_files import quiet_papers
from .speakers import TBC

#: The reference type of a person's name linked to their page.
REFTYPE = "faimi-person"


@dataclass(frozen=True, order=True)
class Activity:
    """One thing a person did at an event: organised it, gave a keynote, a talk..."""

    day: dt.date
    docname: str
    role: str
    title: str = ""


Source = Callable[[BuildEnvironment, str, nodes.document], Iterable[tuple[str, Activity]]]


def person_refs(node: nodes.Node) -> Iterator[str]:
    """The ids of the registry people named (and linked) inside ``node``."""
    for ref in node.findall(addnodes.pending_xref):
        if ref.get("reftype") == REFTYPE:
            yield ref["reftarget"]


def event_roles(env: BuildEnvironment, docname: str, doctree: nodes.document) -> Iterator[tuple[str, Activity]]:
    """The organisers, keynote speakers and editors of the page's event."""
    record = events(env).get(docname)
    if record is None:
        return
    for role, refs in (("Organiser", record.event.organisers), ("Keynote", record.event.keynotes),
                       ("Editor", record.event.editors)):
        for ref in confirmed(refs):
            if ref.id:  # a keynote may come with its talk's title
                yield ref.id, Activity(record.event.day, docname, role, getattr(ref, "title", None) or "")


#: Agenda kinds named as a role on a person's page; any other kind is a talk.
AGENDA_ROLES = {"keynote": "Keynote", "panel": "Panel", "poster": "Poster", "opening": "Opening remarks",
                "closing": "Closing remarks"}


def _title(holder: nodes.Element) -> str:
    """The title written in the first paragraph of an agenda cell or talk, without its
    kind label and its links."""
    paragraph = next(iter(holder.findall(nodes.paragraph)), None)
    if paragraph is None:
        return ""
    words = []
    for child in paragraph.children:
        classes = child.get("classes", []) if isinstance(child, nodes.Element) else []
        if "faimi-agenda__link" in classes:
            break
        if "faimi-agenda__label" not in classes:
            words.append(child.astext())
    return "".join(words).strip().rstrip("(").strip()


def _has_class(node: nodes.Node, name: str) -> bool:
    return isinstance(node, nodes.Element) and name in node.get("classes", [])


def agenda_parts(env: BuildEnvironment, docname: str, doctree: nodes.document) -> Iterator[tuple[str, Activity]]:
    """Talks, keynotes, panels, chairs and moderators in the page's agenda tables."""
    record: EventRecord | None = events(env).get(docname)
    if record is None:
        return
    for table in doctree.findall(lambda n: _has_class(n, "faimi-agenda") and isinstance(n, nodes.table)):
        day = dt.date.fromisoformat(table["faimi_day"]) if table.get("faimi_day") else record.event.day
        for row in table.findall(nodes.row):
            kind = next((c.split("--", 1)[1] for c in row.get("classes", [])
                         if c.startswith("faimi-agenda__item--") and c.count("--") == 1), "talk")
            cells = {cls: entry for entry in row.findall(nodes.entry) for cls in entry.get("classes", [])}
            title_cell = cells.get("faimi-agenda__title") or next(
                (e for e in row.findall(nodes.entry) if not _has_class(e, "faimi-agenda__time")), None)
            title = _title(title_cell) if title_cell is not None else ""
            for paragraph in row.findall(nodes.paragraph):
                if _has_class(paragraph, "faimi-agenda__role"):
                    role = paragraph.astext().split(":", 1)[0].rstrip("s")  # "Chairs: ..." -> "Chair"
                    yield from ((pid, Activity(day, docname, role, title)) for pid in person_refs(paragraph))
            speakers = cells.get("faimi-agenda__speakers")
            if speakers is not None:
                for paragraph in speakers.findall(nodes.paragraph):
                    if not _has_class(paragraph, "faimi-agenda__role"):
                        role = AGENDA_ROLES.get(kind, "Talk")
                        yield from ((pid, Activity(day, docname, role, title)) for pid in person_refs(paragraph))
            for talk in row.findall(lambda n: _has_class(n, "faimi-agenda__talk")):
                for paragraph in talk.findall(lambda n: _has_class(n, "faimi-agenda__talk-speakers")):
                    yield from ((pid, Activity(day, docname, "Talk", _title(talk))) for pid in person_refs(paragraph))


def papers(env: BuildEnvironment, docname: str, doctree: nodes.document) -> Iterator[tuple[str, Activity]]:
    """The papers of the page's event (the ``papers`` directive), by their authors."""
    record: EventRecord | None = events(env).get(docname)
    if record is None:
        return
    for paper in doctree.findall(lambda n: isinstance(n, nodes.list_item) and _has_class(n, "faimi-paper")):
        title = next((n.astext() for n in paper.findall(lambda n: _has_class(n, "faimi-paper__title"))), "")
        for authors in paper.findall(lambda n: _has_class(n, "faimi-paper__authors")):
            yield from ((pid, Activity(record.event.day, docname, "Paper", title)) for pid in person_refs(authors))


def awards(env: BuildEnvironment, docname: str, doctree: nodes.document) -> Iterator[tuple[str, Activity]]:
    """The awards of the page's event: a winner of the registry, or the registry people
    among a winning paper's authors (with the paper's title)."""
    record: EventRecord | None = events(env).get(docname)
    if record is None:
        return
    won = [(award, winner) for award in record.event.awards for winner in award.winners]
    papers = quiet_papers(env, record.source) if any(w.paper for _, w in won) else None
    by_key = papers.by_key if papers else {}
    for award, winner in won:
        if winner.paper and (paper := by_key.get(winner.paper)):
            for pid in (a.id for a in paper.authors if a.id and a.id != TBC):
                yield pid, Activity(record.event.day, docname, award.name, paper.title)
        elif winner.id and winner.id != TBC:
            yield winner.id, Activity(record.event.day, docname, award.name)


#: Where activity comes from; each is run on every page read.
SOURCES: list[Source] = [event_roles, agenda_parts, papers, awards]


def activity(env: BuildEnvironment) -> dict[str, dict[str, list[Activity]]]:
    """``{docname: {person id: [Activity]}}``, for the pages read so far."""
    return per_doc(env, "faimi_person_activity")


def collect(env: BuildEnvironment, docname: str, doctree: nodes.document) -> None:
    """Run every source on the page just read, and keep what they found."""
    found: dict[str, set[Activity]] = {}
    for source in SOURCES:
        for pid, item in source(env, docname, doctree):
            found.setdefault(pid, set()).add(item)
    if found:
        activity(env)[docname] = {pid: _without_repeats(items) for pid, items in found.items()}
    else:
        activity(env).pop(docname, None)


def _without_repeats(items: set[Activity]) -> list[Activity]:
    """One entry per role at an event: a keynote named in the summary and in the agenda
    is one keynote, with its title."""
    titled = {(i.docname, i.role) for i in items if i.title}
    return sorted(i for i in items if i.title or (i.docname, i.role) not in titled)


#: At one event, the roles that come first on a person's page.
FIRST_ROLES = ("Organiser", "Editor", "Keynote")


def of_person(env: BuildEnvironment, pid: str) -> list[Activity]:
    """Everything ``pid`` did, newest first; at one event, organising first."""
    items = [item for per_person in activity(env).values() for item in per_person.get(pid, ())]
    rank = {role: i for i, role in enumerate(FIRST_ROLES)}
    return sorted(items, key=lambda i: (-i.day.toordinal(), i.docname, rank.get(i.role, len(rank)), i.role, i.title))
