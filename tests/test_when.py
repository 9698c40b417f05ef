"""The ``when`` directive: page prose that follows the state of the event, decided at build time."""

from __future__ import annotations

from conftest import Project

PAGE = """\
# Tutorial 2026

:::{event-summary} 2026-tutorial.yaml
:::

:::{when} upcoming
Join us in Strasbourg.
:::

:::{when} past
Thank you for coming.
:::

:::{when} submissions-open
Papers are submitted through the submission site.
:::

:::{when} submissions-closed
Papers were submitted through the submission site.
:::
"""


def prose(build) -> list[str]:
    return [p.get_text() for p in build.html("events/2026-tutorial").select("section > p")]


def _setup(archive: Project) -> Project:
    archive.write("events/2026-tutorial.yaml", archive.read("events/2026-tutorial.yaml")
                  + "submission: https://example.org/submit\n"
                  + "important_dates:\n  timezone: AoE\n  dates:\n    - {what: Paper deadline, date: 2026-07-01}\n")
    archive.write("events/2026-tutorial.md", PAGE)
    return archive


def test_prose_follows_the_state_of_the_event(archive: Project) -> None:
    _setup(archive)
    before = archive.build(outdir="june", faimi_today="2026-06-01")
    assert before.warnings == ""
    assert prose(before) == ["Join us in Strasbourg.", "Papers are submitted through the submission site."]
    between = archive.build(outdir="august", faimi_today="2026-08-01")
    assert prose(between) == ["Join us in Strasbourg.", "Papers were submitted through the submission site."]
    after = archive.build(outdir="december", faimi_today="2026-12-01")
    assert prose(after) == ["Thank you for coming.", "Papers were submitted through the submission site."]


def test_a_new_day_changes_the_prose_of_an_incremental_build(archive: Project) -> None:
    _setup(archive)
    assert "Join us in Strasbourg." in prose(archive.build(faimi_today="2026-09-27"))
    assert "Thank you for coming." in prose(archive.build(faimi_today="2026-09-28"))


def test_an_unknown_state_or_a_page_without_event_is_reported(archive: Project) -> None:
    _setup(archive)
    archive.write("events/2026-tutorial.md", PAGE.replace("{when} past", "{when} over"))
    archive.write("other.md", "# Other\n\n:::{when} upcoming\nSoon.\n:::\n")
    archive.write("index.md", archive.read("index.md").replace("events/index\n", "events/index\nother\n"))
    build = archive.build()
    assert "events/2026-tutorial.md:10: WARNING: when: 'over' is not a state of an event; write one of " \
           "upcoming, past, submissions-open, submissions-closed" in build.warnings
    assert "other.md:3: WARNING: when upcoming shows its text by the state of the page's event: put " \
           ":::{event-summary}" in build.warnings
