"""States decided on instants: an AoE deadline closes at 12:00 UTC the next day, an event
is past once it has ended in its own zone."""

from __future__ import annotations

import datetime as dt

from conftest import EVENTS, Project

DEADLINE = """\
submission: https://example.org/submit
important_dates:
  timezone: AoE
  time: "23:59"
  dates:
    - what: Paper deadline
      date: 2025-04-30
"""


def submissions_row(page) -> str:
    label = page.find("dt", string="Submissions")
    return label.find_next_sibling("dd").get_text(" ", strip=True)


def submission_cell(project: Project, moment: str, outdir: str) -> str:
    return submissions_row(project.build(outdir=outdir, faimi_today=moment).html("events/test"))


def test_an_aoe_deadline_closes_at_noon_utc_the_next_day(event: Project) -> None:
    event.write("events/test.yaml", event.read("events/test.yaml") + DEADLINE)
    assert submission_cell(event, "2025-05-01T11:58Z", "before") == "Submit a paper"
    assert submission_cell(event, "2025-05-01T12:00Z", "after").startswith("Closed on 30 April 2025")


def test_an_event_is_past_once_it_has_ended_in_its_zone(archive: Project) -> None:
    title, facts = EVENTS["2026-tutorial"]
    archive.write("events/2026-tutorial.yaml", f"description: {title}.\n" + facts.replace(
        "timezone: Europe/Paris", 'start: "09:00"\nend: "17:00"\ntimezone: Europe/Paris'))

    def banner(moment: str) -> str:
        page = archive.build(outdir=moment.replace(":", ""), faimi_today=moment).html()
        return page.find(class_="faimi-next-up").get_text(" ", strip=True)

    # 17:00 in Paris on 27 September 2026 (summer time) is 15:00 UTC.
    assert banner("2026-09-27T14:59Z").startswith("Next event · Tutorial Tutorial 2026")
    assert banner("2026-09-27T15:00Z").startswith("Most recent event · Tutorial Tutorial 2026")


def test_a_new_state_within_the_day_reads_the_pages_again(event: Project, monkeypatch) -> None:
    import faimi.buildday

    event.write("events/test.yaml", event.read("events/test.yaml") + DEADLINE)
    monkeypatch.setattr(faimi.buildday, "clock", lambda: dt.datetime(2025, 5, 1, 11, 0, tzinfo=dt.UTC))
    first = event.build(faimi_today="")
    assert submissions_row(first.html("events/test")) == "Submit a paper"
    assert event.build(faimi_today="").read == []  # nothing has changed
    monkeypatch.setattr(faimi.buildday, "clock", lambda: dt.datetime(2025, 5, 1, 12, 30, tzinfo=dt.UTC))
    later = event.build(faimi_today="")
    assert later.read == ["events/test"]
    assert submissions_row(later.html("events/test")).startswith("Closed on")
