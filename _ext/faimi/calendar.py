"""iCalendar files: one per event and one for all events, in ``calendar/`` of the output.

Each dated event gets a stable UID (from its page), its real time zone (TZID and
VTIMEZONE; UTC as UTC), or whole days when no time is known. An event with an agenda
carries its programme in its description: one calendar entry per event, which calendar
apps show whole, rather than one entry per talk filling the visitor's calendar. Pages link to the
files through ``calendar_link`` placeholders, resolved per builder; builders that
do not write HTML leave the link out.

A file is made again only when what it is made from has changed (its events' facts
and titles, the site's address, the day): a digest of that is kept beside Sphinx's
own records (``faimi-calendars.json`` in the doctree folder), and icalendar is only
imported when a file is made. A VTIMEZONE block, the
same in every file of its zone and slow to make, is made once per build process.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from functools import cache
from importlib import metadata
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util.osutil import relative_uri

from .docdata import keep_per_doc, per_doc
from .events import EventRecord, events
from .jsonld import page_url
from .buildday import today
from .nodes import calendar_link
from .outfiles import write_if_changed

if TYPE_CHECKING:
    import icalendar

FOLDER = "calendar"
#: The icalendar release, without importing it: files are made again when it changes.
ICALENDAR = metadata.version("icalendar")
ALL_EVENTS = "faimi-events.ics"
UID_DOMAIN = "faimi.site"


def programmes(env: BuildEnvironment) -> dict[str, str]:
    """The programme of each page's agenda, as plain text, by docname."""
    return per_doc(env, "faimi_programmes")


def note_programme(env: BuildEnvironment, text: str) -> None:
    """Keep the programme of the page being read for its calendar file."""
    known = programmes(env).get(env.docname)
    programmes(env)[env.docname] = f"{known}\n\n{text}" if known else text


def file_name(docname: str) -> str:
    """The calendar file of an event page; the one of all events for no page."""
    return PurePosixPath(docname).name + ".ics" if docname else ALL_EVENTS


def vevent(app: Sphinx, record: EventRecord, stamp: dt.datetime) -> icalendar.Event:
    event = record.event
    assert event.date is not None
    import icalendar  # slow to import: only when a file is made

    item = icalendar.Event()
    item.add("uid", f"{record.docname.replace('/', '-')}@{UID_DOMAIN}")
    item.add("dtstamp", stamp)
    item.add("summary", app.env.titles[record.docname].astext())
    start, end = event.starts(), event.ends()
    if start:
        in_utc = event.timezone == "Etc/UTC"  # written as UTC ("Z"), with no VTIMEZONE
        item.add("dtstart", start.astimezone(dt.UTC) if in_utc else start)
        if end:
            item.add("dtend", end.astimezone(dt.UTC) if in_utc else end)
    else:
        item.add("dtstart", event.date)
        item.add("dtend", event.last_day + dt.timedelta(days=1))
    url = page_url(app, record.docname)
    programme = programmes(app.env).get(record.docname)
    text = event.description + (f"\n\n{programme}" if programme else "")
    item.add("description", text + (f"\n\n{url}" if url else ""))
    if event.location:
        item.add("location", event.location)
    if url:
        item.add("url", url)
    return item


def calendar(app: Sphinx, records: list[EventRecord]) -> bytes:
    import icalendar

    cal = icalendar.Calendar()
    cal.add("prodid", f"-//{app.config.project}//events//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", app.config.project)
    stamp = dt.datetime.combine(today(app.env), dt.time(0), tzinfo=dt.UTC)
    for record in records:
        cal.add_component(vevent(app, record, stamp))
    # The time zones before the events, sorted by name, so that every build writes the same file.
    zones = b"".join(time_zone(tzid) for tzid in sorted(cal.get_missing_tzids()))
    head, first_event, rest = cal.to_ical().partition(b"BEGIN:VEVENT")
    return head + zones + first_event + rest


@cache
def time_zone(tzid: str) -> bytes:
    """The VTIMEZONE block of an IANA zone, made once per build process (it is the same in
    every calendar file, and slow to make: every transition over decades)."""
    import icalendar

    return icalendar.Timezone.from_tzid(tzid).to_ical()


def made_from(app: Sphinx, records: list[EventRecord]) -> str:
    """A digest of what a calendar file is made from."""
    digest = hashlib.sha256(f"{ICALENDAR}\0{app.config.project}\0{today(app.env)}".encode())
    for record in records:
        title = app.env.titles[record.docname].astext()
        programme = programmes(app.env).get(record.docname, "")
        digest.update(f"{record.docname}\0{title}\0{page_url(app, record.docname)}\0{programme}\0".encode())
        digest.update(record.event.model_dump_json().encode())
    return digest.hexdigest()


def dated(app: Sphinx) -> list[EventRecord]:
    return sorted((r for r in events(app.env).values() if r.event.date), key=lambda r: (r.event.day, r.docname))


def _write(app: Sphinx, exception: Exception | None) -> None:
    """Write each calendar file whose sources changed since it was written (or that is missing)."""
    if exception is not None or app.builder.format != "html":
        return
    folder = Path(app.outdir, FOLDER)
    folder.mkdir(exist_ok=True)
    records = dated(app)
    files = {file_name(r.docname): [r] for r in records} | {ALL_EVENTS: records}
    record_file = Path(app.doctreedir, "faimi-calendars.json")
    try:
        written = json.loads(record_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        written = {}
    now = {name: made_from(app, part) for name, part in files.items()}
    for name, part in files.items():
        if written.get(name) != now[name] or not (folder / name).is_file():
            write_if_changed(folder / name, calendar(app, part))
    write_if_changed(record_file, json.dumps(now, indent=0, sort_keys=True))


def _resolve(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    for node in list(doctree.findall(calendar_link)):
        if app.builder.format != "html":  # no calendar files: leave out what offers one
            holder = next(a for a in _ancestors(node) if "faimi-calendar" in a.get("classes", []))
            holder.parent.remove(holder)
            continue
        base = app.builder.get_target_uri(docname)
        uri = relative_uri(base, f"{FOLDER}/{file_name(node['docname'])}")
        node.replace_self(nodes.reference("", "", *node.children, refuri=uri, internal=True,
                                          classes=["faimi-calendar-link"]))


def _ancestors(node: nodes.Node):
    while node.parent is not None:
        node = node.parent
        yield node


def setup_calendar(app: Sphinx) -> None:
    keep_per_doc(app, "faimi_programmes")
    app.connect("doctree-resolved", _resolve)
    app.connect("build-finished", _write)
