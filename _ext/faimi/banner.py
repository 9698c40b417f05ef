"""The home page's ``next-up`` banner: the next event and the one thing to do now.

Decided when the page is written, against the build date: for the next event, its
name, kind, date (with ``<time>`` elements, which the local-time script shows in the
visitor's zone beside the event's), place or "Online", and the one action that
matters now: submit a paper before the deadline (with the days left, the deadline
in its own zone), else register, else read more. When nothing is upcoming, the most
recent event with its recordings and papers (its proceedings, else the papers its page lists).
"""

from __future__ import annotations

import datetime as dt

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util.nodes import make_refnode

from .buildday import now, today
from .event_model import Event
from .events import EventRecord, events, external_link, when
from .listing import event_link, listings, past, upcoming, ListingDirective
from .nodes import moment
from .papers import papers_anchor
from .timefmt import localize, long_date, zone_label


class next_up(nodes.General, nodes.Element):  # noqa: N801
    """Placeholder for the banner naming the next event."""


class NextUp(ListingDirective):
    """``:::{next-up}``: the next upcoming event, or the latest one when none is announced."""

    def run(self) -> list[nodes.Node]:
        self.note_listing()
        return [next_up()]


def deadline(event: Event) -> dt.datetime | dt.date:
    """The last moment to submit: the first important date at its time and zone, else
    the special issue's deadline day."""
    if event.important_dates:
        dates = event.important_dates
        return localize(dates.dates[0].date, dates.time, dates.timezone)
    return event.submissions_close


def days_left(until: dt.date, on: dt.date) -> str:
    left = (until - on).days
    return "last day" if left == 0 else f"{left} day{'s' if left > 1 else ''} left"


def deadline_text(event: Event) -> list[nodes.Node]:
    """"Wednesday 1 July 2026, 23:59 Anywhere on Earth (UTC-12:00)", with ``<time>`` elements."""
    close = deadline(event)
    if not isinstance(close, dt.datetime):
        return [moment(long_date(close), close)]
    zone = event.important_dates.timezone if event.important_dates else ""
    return [moment(long_date(close.date()), close), nodes.Text(", "),
            moment(f"{close:%H:%M}", close, "faimi-deadline"),
            nodes.inline("", f" {zone_label(close, zone)}", classes=["faimi-zone"])]


def action(event: Event, at: dt.datetime, on: dt.date) -> list[nodes.Node]:
    """The one thing a visitor can do at the instant ``at`` (on the day ``on``), or nothing."""
    if event.submission and not event.submissions_closed(at):
        left = days_left(event.submissions_close, on) if event.submissions_close >= on else "last hours"
        return [external_link("Submit a paper", event.submission), nodes.Text(" by "), *deadline_text(event),
                nodes.Text(" ("), nodes.strong("", left), nodes.Text(")")]
    if event.registration and not event.is_past(at):
        return [external_link("Register", event.registration)]
    return []


def papers_link(app: Sphinx, fromdocname: str, record: EventRecord, env: BuildEnvironment) -> nodes.Node | None:
    """"Read the papers": the proceedings, else the papers listed on the event's page."""
    if proceedings := record.event.address("proceedings"):
        return external_link("Read the papers", proceedings)
    anchor = papers_anchor(env, record.docname)
    if anchor is None:
        return None
    link = make_refnode(app.builder, fromdocname, record.docname, anchor, nodes.inline("", "Read the papers"))
    if link.get("refuri", "").count("#") > 1:  # a page that holds the others (singlehtml): the section's own id
        link["refuri"] = "#" + anchor
    return link


def afterwards(app: Sphinx, fromdocname: str, record: EventRecord, env: BuildEnvironment) -> list[nodes.Node]:
    """What a past event left: its recordings and its papers."""
    recordings = record.event.recordings
    links = [external_link("Watch the recordings", recordings)] if recordings else []
    links += [link] if (link := papers_link(app, fromdocname, record, env)) else []
    out: list[nodes.Node] = []
    for i, link in enumerate(links):
        out += [nodes.Text(" · ")] if i else []
        out.append(link)
    return out


def _line(what: str, *content: nodes.Node) -> nodes.paragraph:
    return nodes.paragraph("", "", *content, classes=[f"faimi-next-up__{what}"])


def banner(app: Sphinx, fromdocname: str, record: EventRecord, soon: bool, env: BuildEnvironment) -> nodes.container:
    event, at, on = record.event, now(env), today(env)
    lead = "Next event" if soon else "Most recent event"
    parts = [
        _line("lead", nodes.strong("", lead), nodes.Text(" · "), nodes.Text(event.kind_label)),
        nodes.rubric("", "", event_link(app, fromdocname, record, env),
                     **{"heading-level": 2, "classes": ["faimi-next-up__title"]}),
        _line("when", *when(event)),
    ]
    if event.location and event.date:
        parts.append(_line("where", nodes.Text(event.location)))
    doing = action(event, at, on) if soon else afterwards(app, fromdocname, record, env)
    if doing:
        parts.append(_line("action", *doing))
    return nodes.container("", *parts, classes=[
        "faimi-next-up", "faimi-next-up--upcoming" if soon else "faimi-next-up--latest"])


def render_next_up(app: Sphinx, fromdocname: str) -> list[nodes.Node]:
    env = app.env
    on = now(env)
    records = events(env).values()
    if soon := upcoming(records, on):
        return [banner(app, fromdocname, soon[0], True, env)]
    if latest := past(records, on):
        return [banner(app, fromdocname, latest[0], False, env)]
    return []


def _resolve(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    for node in list(doctree.findall(next_up)):
        node.replace_self(render_next_up(app, docname))


def setup_banner(app: Sphinx) -> None:
    app.add_node(next_up)
    app.add_directive("next-up", NextUp)
    app.connect("doctree-resolved", _resolve)
