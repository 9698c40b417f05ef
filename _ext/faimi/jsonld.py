"""schema.org ``Event`` JSON-LD in the head of each event page, for search engines."""

from __future__ import annotations

import json
from typing import Any

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from .event_model import Event
from .events import EventRecord, confirmed, events
from .registry import registry

ATTENDANCE = {
    "in-person": "https://schema.org/OfflineEventAttendanceMode",
    "online": "https://schema.org/OnlineEventAttendanceMode",
    "hybrid": "https://schema.org/MixedEventAttendanceMode",
}


def page_url(app: Sphinx, docname: str) -> str | None:
    """The page's absolute URL, when the site's base URL is known."""
    base = app.config.html_baseurl
    if not base:
        return None
    return base.rstrip("/") + "/" + app.builder.get_target_uri(docname)


def _moment(event: Event, which: str) -> str | None:
    instant = event.starts() if which == "start" else event.ends()
    if instant is not None:
        return instant.isoformat()
    day = event.date if which == "start" else event.end_date or event.date
    return day.isoformat() if day else None


def event_data(record: EventRecord, title: str, url: str | None, env: BuildEnvironment) -> dict[str, Any]:
    """The schema.org description of one (dated) event."""
    event = record.event
    people = registry(env)
    places: list[dict[str, Any]] = []
    if event.mode in ("in-person", "hybrid"):
        place: dict[str, Any] = {"@type": "Place", "name": event.venue.name if event.venue else event.city}
        if event.city:
            place["address"] = event.city
        places.append(place)
    if event.mode in ("online", "hybrid"):
        # The page tells how to join (the stream's link is sent on registration).
        places.append({"@type": "VirtualLocation", **({"url": url} if url else {})})
    organisers = [
        {"@type": "Person", "name": p.name, **({"url": p.homepage} if p.homepage else {})}
        for p in (ref.shown(people) for ref in confirmed(event.organisers))
    ] or [{"@type": "Organization", "name": env.config.project, **({"url": env.config.html_baseurl}
                                                                  if env.config.html_baseurl else {})}]
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": title,
        "description": event.description,
        "startDate": _moment(event, "start"),
        "endDate": _moment(event, "end"),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": ATTENDANCE[event.mode] if event.mode else None,
        "location": places[0] if len(places) == 1 else places,
        "organizer": organisers[0] if len(organisers) == 1 else organisers,
        "url": url,
        "offers": {"@type": "Offer", "url": event.registration} if event.registration else None,
        "isAccessibleForFree": True if (event.cost or "").lower() == "free" else None,
        # Speakers still to be confirmed are left out: "tbc" is nobody's name.
        "performer": [{"@type": "Person", "name": k.shown(people).name} for k in confirmed(event.keynotes)] or None,
    }
    return {key: value for key, value in data.items() if value not in (None, [])}


def script(data: dict[str, Any]) -> str:
    """A ``<script type="application/ld+json">``; ``<`` escaped so no data ends the element."""
    text = json.dumps(data, ensure_ascii=False, indent=1).replace("<", "\\u003c")
    return f'<script type="application/ld+json">\n{text}\n</script>\n'


def _add_to_page(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    record = events(app.env).get(pagename)
    if record is None or record.event.date is None:  # a special issue is not an event in time
        return
    title = app.env.titles[pagename].astext()
    context["metatags"] = context.get("metatags", "") + script(
        event_data(record, title, page_url(app, pagename), app.env)
    )


def setup_jsonld(app: Sphinx) -> None:
    app.connect("html-page-context", _add_to_page)
