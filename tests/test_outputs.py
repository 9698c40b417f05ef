"""Files beyond the pages: iCalendar files and schema.org JSON-LD."""

from __future__ import annotations

import datetime as dt
import json
from zoneinfo import ZoneInfo

import icalendar
import pytest

from conftest import Project


@pytest.fixture
def built(archive: Project):
    archive.write("events/2025-symposium.yaml", archive.read("events/2025-symposium.yaml")
                  + 'start: "14:00"\nend: "16:45"\ncost: free\nregistration: https://example.org/register\n'
                  + "organisers: [alan-turing]\nkeynotes: [{name: Grace </script> Hopper}]\n")
    return archive.build(faimi_today="2026-11-24", html_baseurl="https://example.org/faimi/")


def test_one_calendar_file_per_dated_event_and_one_for_all(built) -> None:
    folder = built.app.outdir / "calendar"
    assert sorted(p.name for p in folder.iterdir()) == [
        "2024-online.ics", "2025-symposium.ics", "2026-tutorial.ics", "faimi-events.ics"
    ]
    everything = icalendar.Calendar.from_ical((folder / "faimi-events.ics").read_bytes())
    assert [e["SUMMARY"] for e in everything.walk("VEVENT")] == ["Online Workshop 2024", "Symposium 2025",
                                                                  "Tutorial 2026"]


def test_calendar_times_carry_their_zone(built) -> None:
    cal = icalendar.Calendar.from_ical((built.app.outdir / "calendar" / "2025-symposium.ics").read_bytes())
    (event,) = cal.walk("VEVENT")
    assert event["UID"] == "events-2025-symposium@faimi.site"
    start = event.decoded("DTSTART")
    assert start == dt.datetime(2025, 6, 30, 14, tzinfo=ZoneInfo("Europe/London"))
    assert start.astimezone(dt.UTC).hour == 13
    assert event["DTSTART"].params["TZID"] == "Europe/London"
    assert [tz["TZID"] for tz in cal.walk("VTIMEZONE")] == ["Europe/London"]
    assert event["URL"] == "https://example.org/faimi/events/2025-symposium/"
    assert event["LOCATION"] == "London, United Kingdom"


def test_utc_events_and_whole_days(built) -> None:
    online = icalendar.Calendar.from_ical((built.app.outdir / "calendar" / "2024-online.ics").read_bytes())
    (event,) = online.walk("VEVENT")
    assert event.decoded("DTSTART") == dt.datetime(2024, 12, 4, 14, tzinfo=dt.UTC)
    assert online.walk("VTIMEZONE") == []
    tutorial = icalendar.Calendar.from_ical((built.app.outdir / "calendar" / "2026-tutorial.ics").read_bytes())
    (day,) = tutorial.walk("VEVENT")
    assert day.decoded("DTSTART") == dt.date(2026, 9, 27)
    assert day.decoded("DTEND") == dt.date(2026, 9, 28)


def test_calendar_uids_are_stable_across_builds(archive: Project) -> None:
    first = archive.build(outdir="one", faimi_today="2026-11-24")
    second = archive.build(outdir="two", faimi_today="2026-11-24")
    for name in ("faimi-events.ics", "2025-symposium.ics"):
        assert (first.app.outdir / "calendar" / name).read_bytes() == (
            second.app.outdir / "calendar" / name).read_bytes()


def jsonld(build, docname: str) -> list[dict]:
    return [json.loads(s.string) for s in build.html(docname).find_all("script", type="application/ld+json")]


def test_event_pages_carry_schema_org_event_json_ld(built) -> None:
    (data,) = jsonld(built, "events/2025-symposium")
    assert data["@context"] == "https://schema.org" and data["@type"] == "Event"
    assert data["name"] == "Symposium 2025"
    assert data["startDate"] == "2025-06-30T14:00:00+01:00"
    assert dt.datetime.fromisoformat(data["startDate"]).astimezone(dt.UTC).hour == 13
    assert data["endDate"] == "2025-06-30T16:45:00+01:00"
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert data["location"] == [
        {"@type": "Place", "name": "London, United Kingdom", "address": "London, United Kingdom"},
        {"@type": "VirtualLocation", "url": "https://example.org/faimi/events/2025-symposium/"},
    ]
    # The registration form is where to register, not where the event happens online.
    assert data["offers"] == {"@type": "Offer", "url": "https://example.org/register"}
    assert data["organizer"] == {"@type": "Person", "name": "Alan Turing", "url": "https://example.org/alan"}
    assert data["url"] == "https://example.org/faimi/events/2025-symposium/"
    assert data["isAccessibleForFree"] is True
    assert data["performer"] == [{"@type": "Person", "name": "Grace </script> Hopper"}]
    assert "</script> Hopper" not in built.page("events/2025-symposium").read_text(encoding="utf-8")


def test_online_and_undated_events(built) -> None:
    (online,) = jsonld(built, "events/2024-online")
    assert online["location"]["@type"] == "VirtualLocation"
    assert online["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert online["organizer"]["@type"] == "Organization"
    assert jsonld(built, "events/2025-issue") == []  # a special issue is not an event in time
    assert jsonld(built, "index") == []


def test_the_london_symposium_json_ld_starts_at_13_utc(site: Project) -> None:
    build = site.build()
    (data,) = jsonld(build, "events/2025-london-symposium")
    start = dt.datetime.fromisoformat(data["startDate"])
    assert start.astimezone(dt.UTC) == dt.datetime(2025, 6, 30, 13, tzinfo=dt.UTC)
    assert data["startDate"] == "2025-06-30T14:00:00+01:00"
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert [p["name"] for p in data["organizer"]] == ["Enzo Ferrante", "Ben Glocker"]
    assert data["location"][0]["name"] == "Imperial College London, Huxley Building, Rooms 217/218"
    assert data["location"][1] == {"@type": "VirtualLocation", "url": data["url"]}
    assert "forms.gle" not in json.dumps(data["location"])
