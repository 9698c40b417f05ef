"""Event pages: the ``event-summary`` directive and the per-page event data in the env.

A page becomes an event page by showing its summary::

    :::{event-summary} 2025-london-symposium.yaml
    :::

The facts are kept in the build environment by docname (``env.faimi_events``),
purged and merged by docname, so listings built from them are right in
incremental and parallel builds alike.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Set
from dataclasses import dataclass
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util.docutils import SphinxDirective, SphinxRole

from .buildday import now
from .datafiles import load_model
from .event_model import MODES, Event, Link
from .event_photos import event_image
from .programme_model import EventPhoto
from .nodes import calendar_link, moment
from .people_list import byline
from .programme_files import check_programme
from .registry import Registry, registry
from .speakers import TBC
from .report import warn_at
from .timefmt import long_date, short_date, zone_label

#: Shows an event's picture (a logo, a cover): its nodes, none when the file is missing.
Picture = Callable[[EventPhoto], list[nodes.Node]]
#: The width of a sponsor's logo and of the proceedings' cover on the summary, in CSS pixels.
LOGO_WIDTH = 160
COVER_WIDTH = 360


@dataclass(frozen=True)
class EventRecord:
    """An event page's facts, as kept in the environment."""

    docname: str
    source: str
    event: Event
    #: The line of the page's event-summary.
    line: int = 0


def events(env: BuildEnvironment) -> dict[str, EventRecord]:
    """The events of all pages read so far, by docname."""
    if not hasattr(env, "faimi_events"):
        env.faimi_events = {}
    return env.faimi_events


_INVALID = "faimi_invalid_event"


def page_event(env: BuildEnvironment) -> EventRecord | None:
    """The event of the page being read, if its summary came first."""
    return events(env).get(env.docname)


def page_event_invalid(env: BuildEnvironment) -> bool:
    """Whether the page's event file failed validation (and was reported)."""
    return bool(env.temp_data.get(_INVALID))


def event_for(
    part: SphinxDirective | SphinxRole, needs: str, has: Callable[[Event], object], hint: str, subtype: str
) -> Event | None:
    """The page's event, for a directive or role that shows part of it (``has`` tells).

    ``None`` when the event's file is invalid (reported already), or when the page has no
    event with that part: reported at ``part``, as "``needs``: put :::{event-summary}
    ... above it``hint``".
    """
    if page_event_invalid(part.env):
        return None
    record = page_event(part.env)
    if record is None or not has(record.event):
        warn_at(part, f"{needs}: put :::{{event-summary}} <the event's file>.yaml above it{hint}", subtype)
        return None
    return record.event


def when(event: Event) -> list[nodes.Node]:
    """The date and times, with machine-readable ``<time>`` and the zone named in text."""
    if event.date is None:
        deadline = event.day
        return [nodes.Text("Submissions until "), moment(short_date(deadline), deadline)]
    out: list[nodes.Node] = [moment(long_date(event.date), event.date)]
    if event.end_date:
        out += [nodes.Text(" to "), moment(long_date(event.end_date), event.end_date)]
    start, end = event.starts(), event.ends()
    if start:
        out += [nodes.Text(", "), moment(f"{start:%H:%M}", start)]
        if end:
            out += [nodes.Text("–"), moment(f"{end:%H:%M}", end)]
        out.append(nodes.inline("", f" {zone_label(start, event.timezone)}", classes=["faimi-zone"]))
    return out


def external_link(text: str, url: str, *children: nodes.Node) -> nodes.reference:
    """A link to ``url``: its text, or the nodes it holds (an image, then a text)."""
    return nodes.reference("", text, *children, refuri=url, internal=False)


def named_link(link: Link) -> nodes.Node:
    """A conference, a journal, a sponsor: its name, linked when it has a URL."""
    return external_link(link.name, link.url) if link.url else nodes.Text(link.name)


def comma_joined(parts: list[nodes.Node], separator: str = ", ") -> list[nodes.Node]:
    """``A, B, C``."""
    out: list[nodes.Node] = []
    for i, part in enumerate(parts):
        if i:
            out.append(nodes.Text(separator))
        out.append(part)
    return out


def mode_text(event: Event) -> str:
    if event.mode is None:
        return ""
    text = MODES[event.mode]
    if event.stream and event.mode == "hybrid":
        return f"{text}: in person, and streamed as a {event.stream}"
    if event.stream:
        return f"{text}, as a {event.stream}"
    return text


def contact(event: Event) -> list[nodes.Node]:
    """The contact, linked: an e-mail address shown without ``mailto:``."""
    return [external_link(event.contact.removeprefix("mailto:"), event.contact)] if event.contact else []


def sponsors(event: Event, picture: Picture | None = None) -> list[nodes.Node]:
    """The sponsors, each linked when it has a URL; with ``picture``, a logo stands for its name
    (logos side by side, names in a list)."""
    logos = [picture(s.logo) if picture and s.logo else [] for s in event.sponsors]  # []: file missing
    entries = [(external_link("", s.url, *logo) if s.url else logo[0]) if logo else named_link(s)
               for s, logo in zip(event.sponsors, logos, strict=True)]
    return comma_joined(entries, " " if any(logos) else ", ")


def proceedings(event: Event, picture: Picture) -> list[nodes.Node]:
    """A link to the proceedings, with the book's cover in it where the facts give one."""
    if event.proceedings is None:
        return []
    cover = picture(event.proceedings.cover) if event.proceedings.cover else []
    return [external_link("", event.proceedings.url, *cover, nodes.Text("Read the proceedings"))]


#: How one, and several, of an event's people still to be confirmed are called, by its list.
UNCONFIRMED = {"organisers": ("an organiser", "organisers"), "keynotes": ("a speaker", "speakers"),
               "editors": ("an editor", "editors")}


def confirmed(refs: list[Any]) -> list[Any]:
    """The people of an event's list who are known: all but those still to be confirmed (``tbc``)."""
    return [ref for ref in refs if ref.id != TBC]


def unconfirmed_note(refs: list[Any], role: str) -> nodes.inline | None:
    """Those of an event's ``role`` (organisers, keynotes, editors) still to be confirmed
    (``tbc``), said so, muted: "to be confirmed" when nobody of the list is known yet,
    else "a speaker to be confirmed", "2 speakers to be confirmed"; ``None`` if none is."""
    waiting = len(refs) - len(confirmed(refs))
    if not waiting:
        return None
    one, several = UNCONFIRMED[role]
    who = "" if waiting == len(refs) else (f"{one} " if waiting == 1 else f"{waiting} {several} ")
    return nodes.inline("", f"{who}to be confirmed", classes=["faimi-tbc"])


def people_line(refs: list[Any], people: Registry, role: str) -> list[nodes.Node]:
    """The people of an event's ``role`` on one line, with affiliations and roles; those
    still to be confirmed (``tbc``) are said so, muted, never by their id."""
    known = byline([ref.shown(people) for ref in confirmed(refs)], ("affiliation", "role"))
    note = unconfirmed_note(refs, role)
    if note is None:
        return known
    return [*known, nodes.Text(" and "), note] if known else [note]


def registration(event: Event, on: dt.datetime) -> list[nodes.Node]:
    """A link to register, until the event is over."""
    if not event.registration:
        return []
    if event.is_past(on):
        return [nodes.inline("", "Closed", classes=["faimi-closed"])]
    return [external_link("Register online", event.registration)]


def submissions(event: Event, on: dt.datetime) -> list[nodes.Node]:
    """A link to submit a paper; after the deadline, the link stays (to the papers) but says so."""
    if not event.submission:
        return []
    if event.submissions_closed(on):
        closed = event.submissions_close
        return [nodes.inline("", "Closed on ", moment(short_date(closed), closed), classes=["faimi-closed"]),
                nodes.Text(" ("), external_link("submission site", event.submission), nodes.Text(")")]
    return [external_link("Submit a paper", event.submission)]


def summary_picture(env: BuildEnvironment, facts_file: str, width: int, what: str) -> Picture:
    """Shows a picture of the event's facts on its summary, ``width`` CSS pixels wide."""
    return lambda photo: event_image(env, facts_file, photo, width, [f"faimi-summary__{what}"])


def summary_rows(
    event: Event, docname: str, env: BuildEnvironment, facts_file: str
) -> list[tuple[str, list[nodes.Node]]]:
    """The summary box's rows, as (label, content) pairs; empty facts give no row."""
    people = registry(env)
    on = now(env)
    logo = summary_picture(env, facts_file, LOGO_WIDTH, "logo")
    cover = summary_picture(env, facts_file, COVER_WIDTH, "cover")
    venue: list[nodes.Node] = [nodes.Text(event.location)] if event.location else []
    if event.venue and event.venue.directions and event.mode != "online":
        venue += [nodes.Text(" ("), external_link("directions", event.venue.directions), nodes.Text(")")]

    rows: list[tuple[str, list[nodes.Node]]] = [
        ("When", when(event)),
        ("Where", venue),
        ("Format", [nodes.Text(mode_text(event))] if event.mode else []),
        ("Cost", [nodes.Text(event.cost.capitalize())] if event.cost else []),
        ("Registration", registration(event, on)),
        ("Host conference", [named_link(event.host_conference)] if event.host_conference else []),
        ("Joint with", [named_link(event.joint_with)] if event.joint_with else []),
        ("Journal", [named_link(event.journal)] if event.journal else []),
        ("Keynotes" if len(event.keynotes) > 1 else "Keynote", people_line(event.keynotes, people, "keynotes")),
        ("Organisers" if len(event.organisers) > 1 else "Organiser",
         people_line(event.organisers, people, "organisers")),
        ("Editors" if len(event.editors) > 1 else "Editor", people_line(event.editors, people, "editors")),
        ("Sponsors" if len(event.sponsors) > 1 else "Sponsor", sponsors(event, logo)),
        ("Submissions", submissions(event, on)),
        ("Recordings", [external_link("Watch the recordings", event.recordings)] if event.recordings else []),
        ("Proceedings", proceedings(event, cover)),
        ("Contact", contact(event)),
        ("Calendar", [calendar_link("", nodes.Text("Add to your calendar (.ics)"), docname=docname)] if event.date else []),
    ]
    return [(label, content) for label, content in rows if content]


def summary_box(rows: list[tuple[str, list[nodes.Node]]]) -> nodes.container:
    items = [
        nodes.definition_list_item(
            "", nodes.term("", label), nodes.definition("", nodes.paragraph("", "", *content)),
            classes=[f"faimi-summary__{label.lower().replace(' ', '-')}"]
            + (["faimi-calendar"] if label == "Calendar" else []),
        )
        for label, content in rows
    ]
    return nodes.container(
        "", nodes.definition_list("", *items, classes=["faimi-summary__facts"]),
        classes=["faimi-summary"],
    )


class EventSummary(SphinxDirective):
    """Show an event's facts in a box, and make the page that event's page."""

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        if refusal := self._misplaced():
            warn_at(self, refusal, "event")
            return []
        event, doc = load_model(
            self, self.arguments[0], Event, "event", context={"registry": registry(self.env)}
        )
        if event is None or doc is None:
            self.env.temp_data[_INVALID] = True  # reported already: dependents stay quiet
            return []
        shown, _ = self.env.relfn2path(self.arguments[0], self.env.docname)
        check_programme(self.env, event, doc, shown)
        events(self.env)[self.env.docname] = EventRecord(self.env.docname, shown, event, self.lineno)
        return [summary_box(summary_rows(event, self.env.docname, self.env, shown))]

    def _misplaced(self) -> str | None:
        """Why this summary cannot make its page an event page, if it cannot."""
        docname = self.env.docname
        if not docname.startswith("events/") or docname == "events/index":
            return ("event-summary makes its page an event's page, and event pages live in events/ "
                    "(events/NAME.md, beside events/NAME.yaml); to name an event here, link to its page")
        if docname in events(self.env) or page_event_invalid(self.env):
            return ("a page shows one event: this page has an event-summary above already; "
                    "give the other event a page of its own")
        return None


def _purge(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    events(env).pop(docname, None)


def _merge(app: Sphinx, env: BuildEnvironment, docnames: Set[str], other: BuildEnvironment) -> None:
    mine, theirs = events(env), events(other)
    mine.update({name: theirs[name] for name in docnames if name in theirs})


def setup_events(app: Sphinx) -> None:
    app.add_directive("event-summary", EventSummary)
    app.connect("env-purge-doc", _purge)
    app.connect("env-merge-info", _merge)
