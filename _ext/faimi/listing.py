"""Listings built from every event page: ``event-list`` (and the home page's banner).

Both directives leave a placeholder that is filled in when the page is written,
from the events of all pages (``env.faimi_events``), so a listing never misses
an event read later or in another process. When an event page is added, changed
or removed, the pages with listings are read again (``env-get-outdated``).

"Upcoming" and "past" are decided against the build's instant (:mod:`faimi.buildday`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Set
from itertools import groupby

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util.docutils import SphinxDirective

from .buildday import now
from .calendar import ALL_EVENTS, FOLDER
from .events import EventRecord, events
from .nodes import calendar_link, moment
from .papers import papers_anchor
from .report import warn_at
from .timefmt import short_date


class event_list(nodes.General, nodes.Element):  # noqa: N801
    """Placeholder for a list of events, replaced when the page is written."""


def upcoming(records: Iterable[EventRecord], on: dt.datetime) -> list[EventRecord]:
    """Events not over at the instant ``on``, soonest first."""
    return sorted((r for r in records if not r.event.is_past(on)), key=lambda r: (r.event.day, r.docname))


def past(records: Iterable[EventRecord], on: dt.datetime) -> list[EventRecord]:
    """Events over at the instant ``on``, most recent first."""
    return sorted(
        (r for r in records if r.event.is_past(on)), key=lambda r: (r.event.day, r.docname), reverse=True
    )


class ListingDirective(SphinxDirective):
    """A directive whose output lists events: its page is read again when they change."""

    def note_listing(self) -> None:
        listings(self.env).add(self.env.docname)


class EventList(ListingDirective):
    """``:::{event-list} upcoming`` (or ``past``, grouped by year, or ``all``)."""

    optional_arguments = 1
    option_spec = {"heading-level": lambda arg: directives.choice(arg, ("2", "3", "4", "5", "6"))}

    def run(self) -> list[nodes.Node]:
        which = self.arguments[0] if self.arguments else "all"
        if which not in ("upcoming", "past", "all"):
            warn_at(
                self, f"event-list shows 'upcoming', 'past' or 'all' events, not '{which}'",
                "events",
            )
            return []
        self.note_listing()
        return [event_list(which=which, level=int(self.options.get("heading-level", "3")))]


def heading(level: int, text: str) -> nodes.rubric:
    """A heading inside a page section: HTML writes ``<hN class="rubric">``."""
    return nodes.rubric("", text, **{"heading-level": level, "classes": ["faimi-events__heading"]})


def event_link(app: Sphinx, fromdocname: str, record: EventRecord, env: BuildEnvironment) -> nodes.reference:
    title = env.titles[record.docname].astext() if record.docname in env.titles else record.docname
    uri = app.builder.get_relative_uri(fromdocname, record.docname)
    return nodes.reference("", title, internal=True, refuri=uri, classes=["faimi-events__title"])


def _when(record: EventRecord) -> list[nodes.Node]:
    event = record.event
    if event.date is None:
        return [nodes.Text("submissions until "), moment(short_date(event.day), event.day)]
    shown: list[nodes.Node] = [moment(short_date(event.date), event.date)]
    if event.end_date:
        shown += [nodes.Text(" to "), moment(short_date(event.end_date), event.end_date)]
    return shown


def entry(app: Sphinx, fromdocname: str, record: EventRecord, env: BuildEnvironment) -> list[nodes.paragraph]:
    """The title (linked) on a line of its own, then kind, date and place on the next:
    "Workshop · 12 October 2023 · Vancouver" (two paragraphs: no builder runs them together)."""
    facts: list[nodes.Node] = [nodes.Text(record.event.kind_label), nodes.Text(" · "), *_when(record)]
    if record.event.place:
        facts += [nodes.Text(" · "), nodes.Text(record.event.place)]
    return [nodes.paragraph("", "", event_link(app, fromdocname, record, env), classes=["faimi-events__name"]),
            nodes.paragraph("", "", *facts, classes=["faimi-events__facts"])]


def _list(app: Sphinx, fromdocname: str, records: list[EventRecord], env: BuildEnvironment) -> nodes.bullet_list:
    return nodes.bullet_list(
        "",
        *(nodes.list_item("", *entry(app, fromdocname, r, env),
                          classes=["faimi-events__item", f"faimi-events__item--{r.event.kind}"])
          for r in records),
        classes=["faimi-events"],
    )


def webcal_url(app: Sphinx) -> str | None:
    """The ``webcal:`` address of the all-events calendar, for a subscription; it needs the
    site's public address (``html_baseurl``), and only HTML builders write the file."""
    base = app.config.html_baseurl
    if not base or app.builder.format != "html" or "://" not in base:
        return None
    return "webcal://" + base.split("://", 1)[1].rstrip("/") + f"/{FOLDER}/{ALL_EVENTS}"


def render_list(app: Sphinx, node: event_list, fromdocname: str) -> list[nodes.Node]:
    env = app.env
    on = now(env)
    out: list[nodes.Node] = []
    if node["which"] in ("upcoming", "all"):
        soon = upcoming(events(env).values(), on)
        if node["which"] == "all":
            out.append(heading(node["level"], "Upcoming"))
        out.append(_list(app, fromdocname, soon, env) if soon else nodes.paragraph(
            "", "No upcoming event has been announced yet.", classes=["faimi-events__none"]))
    if node["which"] in ("past", "all"):
        level = node["level"]
        if node["which"] == "all":
            out.append(heading(level, "Past events"))
            level = min(level + 1, 6)
        for year, group in groupby(past(events(env).values(), on), key=lambda r: r.event.day.year):
            out += [heading(level, str(year)), _list(app, fromdocname, list(group), env)]
    if node["which"] == "all":
        calendar = calendar_link("", nodes.Text("every event as one calendar file (.ics)"), docname="")
        line = [nodes.Text("Add "), calendar, nodes.Text(" to your calendar app")]
        if feed := webcal_url(app):
            line += [nodes.Text(", or "), nodes.reference("", "subscribe to it", refuri=feed, internal=False),
                     nodes.Text(" so that new events appear there by themselves")]
        out.append(nodes.paragraph("", "", *line, nodes.Text("."), classes=["faimi-calendar"]))
    return out


def _resolve(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    for node in list(doctree.findall(event_list)):
        node.replace_self(render_list(app, node, docname))


def listings(env: BuildEnvironment) -> set[str]:
    """The pages that show a listing."""
    if not hasattr(env, "faimi_listings"):
        env.faimi_listings = set()
    return env.faimi_listings


def _states(env: BuildEnvironment) -> str:
    """Each event's state at the build's instant: past or not, submissions closed or not."""
    moment = now(env)
    return " ".join(f"{name}:{r.event.is_past(moment):d}{r.event.submissions_closed(moment):d}"
                    for name, r in sorted(events(env).items()))


def _remember_states(app: Sphinx, env: BuildEnvironment) -> None:
    """The states the pages were read in (once every page is read)."""
    env.faimi_states = _states(env)


def _outdated(app: Sphinx, env: BuildEnvironment, added: Set[str], changed: Set[str],
              removed: Set[str]) -> list[str]:
    """Read the listing and event pages again when an event's state has changed since they
    were read (an event has become past and its registration closed, or its submissions
    closed). An event page that came, changed or went only has the listings written
    again (:func:`_rewrite`)."""
    states = _states(env)
    changed_state = getattr(env, "faimi_states", states) != states
    return sorted((listings(env) | set(events(env))) - set(removed)) if changed_state else []


def listed(env: BuildEnvironment) -> str:
    """A digest of what the listings show: each event page, its title, its facts and where
    it lists its papers (the home page's banner links there)."""
    digest = hashlib.sha256()
    for name, record in sorted(events(env).items()):
        title = env.titles[name].astext() if name in env.titles else ""
        digest.update(f"{name}\0{title}\0{record.event.model_dump_json()}\0{papers_anchor(env, name)}\0".encode())
    return digest.hexdigest()


def _rewrite(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """Write the listing pages again when what they show of the events has changed."""
    current = listed(env)
    before = getattr(env, "faimi_listed", None)
    env.faimi_listed = current
    return sorted(listings(env)) if before not in (None, current) else []


def _purge(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    listings(env).discard(docname)


def _merge(app: Sphinx, env: BuildEnvironment, docnames: Set[str], other: BuildEnvironment) -> None:
    listings(env).update(listings(other) & set(docnames))


def setup_listing(app: Sphinx) -> None:
    app.add_node(event_list)
    app.add_directive("event-list", EventList)
    app.connect("doctree-resolved", _resolve)
    app.connect("env-get-outdated", _outdated)
    app.connect("env-updated", _remember_states)
    app.connect("env-updated", _rewrite)
    app.connect("env-purge-doc", _purge)
    app.connect("env-merge-info", _merge)
