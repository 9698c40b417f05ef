"""The events index, the "next up" banner and important dates, with a pinned "today"."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import EVENTS, Project


def listing(build) -> dict[str, list[str]]:
    """The events index as {heading: [entry text, ...]}."""
    page = build.html("events/index")
    out: dict[str, list[str]] = {}
    current = None
    for tag in page.select(".faimi-events__heading, ul.faimi-events > li, .faimi-events__none"):
        if "faimi-events__heading" in tag.get("class", []):
            current = tag.get_text(strip=True)
            out[current] = []
        else:
            out[current].append(tag.get_text(" ", strip=True))
    return out


def banner(build) -> str:
    return build.html("index").select_one(".faimi-next-up").get_text(" ", strip=True)


def test_before_every_event_all_are_upcoming(archive: Project) -> None:
    build = archive.build(faimi_today="2024-01-01")
    assert build.warnings == ""
    assert listing(build) == {
        "Upcoming": [
            "Online Workshop 2024 Online workshop · 4 December 2024 · Online",
            "Special Issue Special issue · submissions until 31 March 2025",
            "Symposium 2025 Symposium · 30 June 2025 · London, United Kingdom and online",
            "Tutorial 2026 Tutorial · 27 September 2026 · Strasbourg, France",
        ],
        "Past events": [],
    }
    assert banner(build) == ("Next event · Online workshop Online Workshop 2024 "
                             "Wednesday 4 December 2024 , 14:00 Coordinated Universal Time (UTC) Online")


def test_between_events_the_split_and_the_banner_move(archive: Project) -> None:
    build = archive.build(faimi_today="2025-04-01")
    assert listing(build) == {
        "Upcoming": [
            "Symposium 2025 Symposium · 30 June 2025 · London, United Kingdom and online",
            "Tutorial 2026 Tutorial · 27 September 2026 · Strasbourg, France",
        ],
        "Past events": [],
        "2025": ["Special Issue Special issue · submissions until 31 March 2025"],
        "2024": ["Online Workshop 2024 Online workshop · 4 December 2024 · Online"],
    }
    assert banner(build).startswith("Next event · Symposium Symposium 2025")
    link = build.html("index").select_one(".faimi-next-up a")
    assert link["href"] == "events/2025-symposium/"


def test_an_event_is_upcoming_on_its_own_day(archive: Project) -> None:
    build = archive.build(faimi_today="2025-06-30")
    assert banner(build).startswith("Next event · Symposium Symposium 2025")
    build = archive.build(outdir="next-day", faimi_today="2025-07-01")
    assert banner(build).startswith("Next event · Tutorial Tutorial 2026")


def test_after_every_event_the_banner_names_the_latest(archive: Project) -> None:
    build = archive.build(faimi_today="2026-11-24")
    shown = listing(build)
    assert shown["Upcoming"] == ["No upcoming event has been announced yet."]
    assert list(shown) == ["Upcoming", "Past events", "2026", "2025", "2024"]
    assert shown["2025"] == [
        "Symposium 2025 Symposium · 30 June 2025 · London, United Kingdom and online",
        "Special Issue Special issue · submissions until 31 March 2025",
    ]
    assert banner(build) == "Most recent event · Tutorial Tutorial 2026 Sunday 27 September 2026 Strasbourg, France"
    headings = build.html("events/index").select(".faimi-events__heading")
    assert [h.name for h in headings] == ["h2", "h2", "h3", "h3", "h3"]


def test_listing_dates_are_time_elements(archive: Project) -> None:
    build = archive.build(faimi_today="2026-11-24")
    times = build.html("events/index").select("ul.faimi-events time")
    assert [t["datetime"] for t in times] == ["2026-09-27", "2025-06-30", "2025-03-31", "2024-12-04"]


def test_editing_an_event_date_updates_the_listings_and_nothing_else(archive: Project) -> None:
    archive.write("other.md", "# Other\n")
    archive.write("index.md", archive.read("index.md").replace("events/index\n", "events/index\nother\n"))
    first = archive.build(faimi_today="2026-11-24")
    assert len(first.read) == 7
    facts = archive.read("events/2025-symposium.yaml").replace("2025-06-30", "2025-07-02")
    archive.write("events/2025-symposium.yaml", facts)
    second = archive.build(faimi_today="2026-11-24")
    # The listings are written again from the new facts; they need not be read again.
    assert second.read == ["events/2025-symposium"]
    assert {"events/2025-symposium", "events/index", "index"} <= set(second.written)
    assert "other" not in second.written
    assert "Symposium 2025 Symposium · 2 July 2025" in " ".join(listing(second)["2025"])
    third = archive.build(faimi_today="2026-11-24")
    assert third.read == []


def test_adding_an_event_page_updates_the_listings(archive: Project) -> None:
    archive.build(faimi_today="2026-11-24")
    archive.write("events/2023-workshop.yaml", "description: W.\nkind: workshop\ndate: 2023-10-12\n"
                  "timezone: America/Vancouver\nmode: in-person\ncity: Vancouver, Canada\n")
    archive.write("events/2023-workshop.md", "# Workshop 2023\n\n:::{event-summary} 2023-workshop.yaml\n:::\n")
    build = archive.build(faimi_today="2026-11-24")
    assert listing(build)["2023"] == ["Workshop 2023 Workshop · 12 October 2023 · Vancouver, Canada"]


def test_parallel_listings_are_complete_and_without_duplicates(archive: Project) -> None:
    serial = archive.build(outdir="serial", faimi_today="2025-04-01")
    parallel = archive.build(outdir="parallel", parallel=2, faimi_today="2025-04-01")
    assert listing(parallel) == listing(serial)
    assert sum(len(v) for v in listing(parallel).values()) == 4
    assert banner(parallel) == banner(serial)


def test_unknown_event_list_argument(archive: Project) -> None:
    archive.write("events/index.md", archive.read("events/index.md").replace("event-list} all", "event-list} future"))
    build = archive.build()
    assert "events/index.md:3: WARNING: event-list shows 'upcoming', 'past' or 'all' events, not 'future'" in (
        build.warnings
    )


def test_important_dates_in_anywhere_on_earth(mini: Project) -> None:
    mini.write("events/w.yaml", (
        "description: W.\nkind: workshop\ndate: 2025-09-23\ntimezone: Asia/Seoul\nmode: in-person\n"
        "important_dates:\n  timezone: AoE\n  dates:\n"
        "    - {what: Full paper deadline, date: 2025-06-30, was: 2025-06-25}\n"
        "    - {what: Notification of acceptance, date: 2025-07-16}\n"
    ))
    mini.write("events/w.md", "# W\n\n:::{event-summary} w.yaml\n:::\n\n:::{important-dates}\n:::\n")
    mini.write("index.md", "# Home\n\n```{toctree}\nevents/w\n```\n")
    build = mini.build()
    assert build.warnings == ""
    table = build.html("events/w").select_one("table.faimi-dates")
    assert table.caption.get_text(" ", strip=True).startswith(
        "Important dates. Deadlines are at 23:59 Anywhere on Earth (UTC-12:00).")
    first = table.select("tbody tr")[0]
    assert first.find("th", scope="row").get_text(strip=True) == "Full paper deadline"
    assert first.find("del").get_text() == "25 June 2025"
    assert first.find("time")["datetime"] == "2025-06-30T23:59:00-12:00"
    assert first.find("td").get_text(" ", strip=True) == "25 June 2025 30 June 2025 (extended)"


def test_important_dates_in_pacific_time(mini: Project) -> None:
    mini.write("events/w.yaml", (
        "description: W.\nkind: workshop\ndate: 2026-09-27\ntimezone: Europe/Paris\nmode: in-person\n"
        "important_dates:\n  timezone: America/Los_Angeles\n  time: \"23:59\"\n  dates:\n"
        "    - {what: Full paper deadline, date: 2026-07-01}\n"
    ))
    mini.write("events/w.md", "# W\n\n:::{event-summary} w.yaml\n:::\n\n:::{important-dates}\n:::\n")
    mini.write("index.md", "# Home\n\n```{toctree}\nevents/w\n```\n")
    table = mini.build().html("events/w").select_one("table.faimi-dates")
    assert "Deadlines are at 23:59 Pacific Daylight Time (UTC-07:00)." in table.caption.get_text(" ", strip=True)
    assert table.find("time")["datetime"] == "2026-07-01T23:59:00-07:00"


def test_the_site_lists_all_twelve_events_by_year(site: Project) -> None:
    build = site.build(faimi_today="2026-11-25")
    assert build.warnings == ""
    shown = listing(build)
    assert list(shown) == ["Upcoming", "Past events", "2026", "2025", "2024", "2023", "2022"]
    assert shown["Upcoming"] == ["No upcoming event has been announced yet."]
    titles = {year: [entry.split(" · ")[0] for entry in entries] for year, entries in shown.items()}
    assert titles["2025"] == [
        "FAIMI Online Workshop 2025 Online workshop",
        "FAIMI Workshop at MICCAI 2025 Workshop",
        "FAIMI Tutorial at MICCAI 2025 Tutorial",
        "Fairness of AI in Medical Imaging: London Mini-Symposium 2025 Symposium",
        "MELBA Special Issue on Fairness of AI in Medical Imaging Special issue",
    ]
    assert [len(titles[year]) for year in ("2026", "2025", "2024", "2023", "2022")] == [1, 5, 3, 2, 1]
    days = [t["datetime"] for t in build.html("events/index").select("ul.faimi-events time")]
    assert days == sorted(days, reverse=True) and len(days) == 12
    assert banner(build).startswith(
        "Most recent event · Workshop Joint FAIMI, BRIDGE and EPIMI Workshop")


def test_the_site_before_the_2026_workshop(site: Project) -> None:
    build = site.build(faimi_today="2026-06-01")
    assert listing(build)["Upcoming"] == [
        "Joint FAIMI, BRIDGE and EPIMI Workshop at MICCAI 2026 Workshop · 27 September 2026 · Strasbourg, France"
    ]
    assert banner(build) == (
        "Next event · Workshop Joint FAIMI, BRIDGE and EPIMI Workshop at MICCAI 2026 Sunday 27 September 2026 "
        "Strasbourg, France Submit a paper by Wednesday 1 July 2026 , 23:59 Pacific Daylight Time (UTC-07:00) "
        "( 30 days left )"
    )
    dates = build.html("events/2026-miccai-workshop").select("table.faimi-dates tbody time")
    assert [t["datetime"] for t in dates] == [
        "2026-07-01T23:59:00-07:00", "2026-07-31T23:59:00-07:00", "2026-08-15T23:59:00-07:00"]


def test_every_event_page_has_its_summary_and_no_empty_fact(site: Project) -> None:
    build = site.build(faimi_today="2026-11-25")
    event_pages = sorted(p.stem for p in (site.root / "events").glob("*.md") if p.stem != "index")
    assert len(event_pages) == 12
    for name in event_pages:
        summary = build.html(f"events/{name}").select_one(".faimi-summary")
        assert summary is not None, name
        labels = [dt.get_text(strip=True) for dt in summary.find_all("dt")]
        # A fact is text, or a picture that stands for it (a sponsor's logo).
        assert labels[0] == "When" and all(dd.get_text(strip=True) or dd.find("img", alt=True)
                                           for dd in summary.find_all("dd")), name


def test_a_new_day_rereads_the_listings_and_the_events(
    archive: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    import faimi.buildday

    monkeypatch.setattr(faimi.buildday, "clock", lambda: dt.date(2025, 6, 30))
    first = archive.build(faimi_today="")
    assert banner(first).startswith("Next event · Symposium Symposium 2025")
    assert archive.build(faimi_today="").read == []  # the same day: nothing to read again
    monkeypatch.setattr(faimi.buildday, "clock", lambda: dt.date(2025, 7, 1))
    next_day = archive.build(faimi_today="")
    assert sorted(next_day.read) == sorted([*(f"events/{slug}" for slug in EVENTS), "events/index", "index"])
    assert banner(next_day).startswith("Next event · Tutorial Tutorial 2026")


def test_a_pinned_day_that_is_not_a_date(archive: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    import faimi.buildday

    monkeypatch.setattr(faimi.buildday, "clock", lambda: dt.date(2025, 4, 1))
    build = archive.build(faimi_today="2025-13-01")
    assert "WARNING: faimi_today (the FAIMI_TODAY variable) is '2025-13-01', which is not a date" in build.warnings
    assert "Traceback" not in build.warnings + build.status
    assert banner(build).startswith("Next event · Symposium Symposium 2025")  # as of the clock's day


def _with(archive: Project, slug: str, facts: str) -> None:
    archive.write(f"events/{slug}.yaml", archive.read(f"events/{slug}.yaml") + facts)


def test_the_banner_calls_for_papers_with_the_days_left_before_the_deadline(archive: Project) -> None:
    _with(archive, "2026-tutorial", "submission: https://example.org/submit\nregistration: https://example.org/r\n"
          "important_dates:\n  timezone: AoE\n  dates:\n    - {what: Paper deadline, date: 2026-07-01}\n")
    build = archive.build(faimi_today="2026-06-19")
    shown = build.html("index").select_one(".faimi-next-up")
    assert shown.select_one("h2 a").get_text() == "Tutorial 2026"
    action = shown.select_one(".faimi-next-up__action")
    assert action.get_text(" ", strip=True) == (
        "Submit a paper by Wednesday 1 July 2026 , 23:59 Anywhere on Earth (UTC-12:00) ( 12 days left )")
    assert action.select_one("a")["href"] == "https://example.org/submit"
    assert [t["datetime"] for t in action.select("time")] == ["2026-07-01T23:59:00-12:00"] * 2
    # On the deadline's day, it is the last; the day after, registering is what is left.
    assert "( last day )" in banner(archive.build(outdir="last", faimi_today="2026-07-01"))
    after = archive.build(outdir="after", faimi_today="2026-07-02").html("index")
    assert after.select_one(".faimi-next-up__action").get_text(" ", strip=True) == "Register"


def test_the_banner_of_a_past_event_leads_to_its_recordings_and_papers(archive: Project) -> None:
    _with(archive, "2026-tutorial", "recordings: https://example.org/videos\nproceedings: https://example.org/papers\n")
    build = archive.build(faimi_today="2026-11-24")
    action = build.html("index").select_one(".faimi-next-up--latest .faimi-next-up__action")
    assert [(a.get_text(), a["href"]) for a in action.select("a")] == [
        ("Watch the recordings", "https://example.org/videos"), ("Read the papers", "https://example.org/papers")]


def test_listing_entries_put_the_title_and_the_facts_on_lines_of_their_own(archive: Project) -> None:
    build = archive.build(faimi_today="2026-11-24")
    (item,) = [li for li in build.html("events/index").select("ul.faimi-events > li")
               if "Tutorial 2026" in li.get_text()]
    assert [p.get_text() for p in item.find_all("p")] == [
        "Tutorial 2026", "Tutorial · 27 September 2026 · Strasbourg, France"]
    text = archive.build("text").app.outdir / "events" / "index.txt"
    assert "Tutorial 2026\n" in text.read_text(encoding="utf-8")


def test_the_events_list_offers_a_webcal_subscription(archive: Project) -> None:
    build = archive.build(faimi_today="2026-11-24", html_baseurl="https://example.org/faimi/")
    line = build.html("events/index").select_one("p.faimi-calendar")
    hrefs = [a["href"] for a in line.select("a")]
    assert hrefs == ["../calendar/faimi-events.ics", "webcal://example.org/faimi/calendar/faimi-events.ics"]
    assert (build.app.outdir / "calendar" / "faimi-events.ics").is_file()
