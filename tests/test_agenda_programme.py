"""The agenda's constructs (kinds, grouped talks, sessions, days, groups, papers...) and
its checks against the event, on a small two-day event built by every builder."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from conftest import EVENT_YAML, ROOT, Project

MULTI_EVENT = """\
kind: symposium
description: A two-day test symposium.
date: 2026-06-01
end_date: 2026-06-02
start: "09:00"
end: "17:00"
timezone: Europe/Lisbon
mode: in-person
city: Lisbon, Portugal
organisers: [alan-turing]
keynotes:
  - id: ada-lovelace
    affiliation: Difference Engine Lab
"""

MULTI_AGENDA = """\
days:
  - date: 2026-06-01
    title: Tutorials
    items:
      - start: "09:00"
        end: "09:15"
        kind: opening
        title: Welcome
        speakers: [{group: pioneers}]
      - start: "09:15"
        end: "10:00"
        kind: keynote
        title: Engines that compute
        speakers: [ada-lovelace]
        note: Streamed online
        abstract: Machines that weave <algebraic> patterns.
        links: {slides: "https://example.org/s.pdf", code: "https://example.org/code"}
      - kind: session
        title: Oral session 1
        start: "10:00"
        end: "11:00"
        chairs: [alan-turing, {name: Grace Hopper, affiliation: US Navy}]
        items:
          - start: "10:00"
            end: "10:20"
            kind: oral
            paper: frame-sampling
          - start: "10:20"
            end: "10:40"
            kind: oral
            title: Fair segmentation
            speakers: [Emma Example]
            et_al: true
  - date: 2026-06-02
    items:
      - start: "14:10"
        end: "15:00"
        kind: invited-talk
        title: Invited talks
        talks:
          - title: First of the slot
            speakers: [alan-turing]
          - title: Second of the slot
            speakers: [{name: Ann Other, affiliation: Example University}]
            abstract: Two talks, one slot.
      - start: "15:00"
        end: "15:45"
        kind: panel
        title: Where next?
        speakers: [ada-lovelace, {group: pioneers}]
        moderators: [alan-turing]
      - start: "15:45"
        end: "16:00"
        kind: poster-pitch
        title: One-minute pitches
      - start: "16:00"
        end: "16:45"
        kind: poster-session
        title: Posters
      - start: "16:45"
        end: "17:00"
        kind: awards
        title: Prizes
      - start: "17:00"
        kind: closing
        title: Goodbye
      - start: "19:00"
        kind: social
        title: Dinner
"""

PAPERS = """\
- id: frame-sampling
  title: Revisiting frame sampling
  authors: [Utku Ozbulak, alan-turing]
  et_al: true
  presentation: oral
  links: {paper: "https://example.org/paper"}
"""

MULTI_PAGE = """\
# Two-day symposium

:::{event-summary} multi.yaml
:::

## Agenda

:::{agenda} multi.agenda.yaml
:::
"""


@pytest.fixture
def multi(mini: Project) -> Project:
    """The small project with a two-day event whose agenda uses every construct."""
    mini.write("index.md", "# Home\n\n```{toctree}\nevents/multi\n```\n\n:::{people-list} pioneers\n:::\n")
    mini.write("events/multi.yaml", MULTI_EVENT)
    mini.write("events/multi.agenda.yaml", MULTI_AGENDA)
    mini.write("events/multi.papers.yaml", PAPERS)
    mini.write("events/multi.md", MULTI_PAGE)
    return mini


@pytest.fixture
def built(multi: Project):
    build = multi.build()
    assert build.warnings == ""
    return build


def rows_of(page, day: int = 0):
    return page.select("table.faimi-agenda")[day].select("tbody > tr")


def text(node) -> str:
    for anchor in node.select("a.headerlink"):
        anchor.decompose()
    return re.sub(r"\s+([,.)])", r"\1", re.sub(r"\(\s+", "(", node.get_text(" ", strip=True)))


def test_each_day_has_its_own_table_with_its_date(built) -> None:
    page = built.html("events/multi")
    captions = [text(c) for c in page.select("table.faimi-agenda caption")]
    assert captions == [
        "Day 1, Monday 1 June 2026: Tutorials. All times are Western European Summer Time (UTC+01:00).",
        "Day 2, Tuesday 2 June 2026. All times are Western European Summer Time (UTC+01:00).",
    ]
    days = page.select_one(".faimi-agenda__days")
    assert [a["href"] for a in days.find_all("a")] == ["#agenda-2026-06-01", "#agenda-2026-06-02"]
    assert [t["datetime"] for t in days.find_all("time")] == ["2026-06-01", "2026-06-02"]
    assert page.find(id="agenda-2026-06-02").name == "table"
    assert rows_of(page, 1)[0].find("time")["datetime"] == "2026-06-02T14:10:00+01:00"


def test_kinds_are_named_in_text_and_classes(built) -> None:
    rows = rows_of(built.html("events/multi")) + rows_of(built.html("events/multi"), 1)
    kinds = [next(c.removeprefix("faimi-agenda__item--") for c in row["class"]
                  if c.startswith("faimi-agenda__item--") and c != "faimi-agenda__item--in-session") for row in rows]
    assert kinds == ["opening", "keynote", "session", "oral", "oral", "invited-talk", "panel", "poster-pitch",
                     "poster-session", "awards", "closing", "social"]
    labels = [row.find_all("td")[-1].p.find(class_="faimi-agenda__label") for row in rows]
    named = [label.get_text(strip=True) if label else None for label in labels]
    # A title that names its kind already ("Oral session 1", "Invited talks", "Posters") gets no label.
    assert named == ["Opening:", "Keynote:", None, "Oral presentation:", "Oral presentation:", None, "Panel:",
                     "Poster pitch:", None, "Awards:", "Closing:", "Social:"]


def test_sessions_show_their_extent_and_chairs(built) -> None:
    rows = rows_of(built.html("events/multi"))
    session = rows[2]
    assert [t["datetime"] for t in session.find_all("time")] == ["2026-06-01T10:00:00+01:00",
                                                                  "2026-06-01T11:00:00+01:00"]
    assert session.find("td")["colspan"] == "2"
    assert text(session.select_one(".faimi-agenda__role")) == (
        "Chairs: Alan Turing (University of Manchester) and Grace Hopper (US Navy)")
    assert all("faimi-agenda__item--in-session" in row["class"] for row in rows[3:5])


def test_papers_authors_and_et_al(built) -> None:
    rows = rows_of(built.html("events/multi"))
    paper = rows[3]
    assert text(paper.select_one(".faimi-agenda__title p")) == "Oral presentation: Revisiting frame sampling (paper)"
    assert paper.find("a", string="paper")["href"] == "https://example.org/paper"
    assert text(paper.select_one(".faimi-agenda__speakers")) == (
        "Utku Ozbulak and Alan Turing (University of Manchester), et al.")
    assert text(rows[4].select_one(".faimi-agenda__speakers")) == "Emma Example, et al."
    assert rows[4].select_one(".faimi-person__name").name == "span"  # a one-off name has no link
    # The page shows no papers list: the paper's title is plain text.
    assert paper.select_one(".faimi-agenda__title a.internal") is None


@pytest.mark.parametrize("builder", ["html", "singlehtml", "latex"])
def test_a_paper_in_the_agenda_links_to_its_entry_in_the_papers_list(multi: Project, builder: str) -> None:
    multi.write("events/multi.md", MULTI_PAGE + "\n## Papers\n\n:::{papers}\n:::\n")
    build = multi.build(builder)
    assert build.warnings == ""
    if builder == "latex":
        tex = next(build.app.outdir.glob("*.tex")).read_text(encoding="utf-8")
        assert re.search(r"\\hyperref\[\\detokenize\{events/multi:paper-frame-sampling\}\]\{\\sphinxcrossref\{"
                         r"[^\n]*Revisiting frame sampling", tex)
        assert "\\label{\\detokenize{events/multi:paper-frame-sampling}}" in tex
        return
    page = build.html("index" if builder == "singlehtml" else "events/multi")
    link = rows_of(page)[3].select_one(".faimi-agenda__title p a.reference.internal")
    assert (link.get_text(), link["href"]) == ("Revisiting frame sampling", "#paper-frame-sampling")
    assert page.find(id="paper-frame-sampling").find_parent("li")["class"][0] == "faimi-paper"


def test_grouped_talks_share_one_slot(built) -> None:
    slot = rows_of(built.html("events/multi"), 1)[0]
    talks = slot.select("ul.faimi-agenda__talks > li")
    assert [text(t.p) for t in talks] == ["First of the slot", "Second of the slot"]
    assert text(talks[1].select_one(".faimi-agenda__talk-speakers")) == "Ann Other (Example University)"
    assert len(slot.find_all("time")) == 2  # one time for the whole slot


def test_groups_as_speakers_link_to_where_the_group_is_listed(built) -> None:
    page = built.html("events/multi")
    welcome = rows_of(page)[0].select_one(".faimi-agenda__speakers a")
    assert (welcome.get_text(strip=True), welcome["href"]) == ("Pioneers", "../../#people-pioneers")
    assert built.html("index").find(id="people-pioneers").name == "ul"
    panel = rows_of(page, 1)[1]
    assert text(panel.select_one(".faimi-agenda__speakers p")) == "Ada Lovelace (Difference Engine Lab) and Pioneers"
    assert text(panel.select_one(".faimi-agenda__role")) == "Moderator: Alan Turing (University of Manchester)"


def test_a_group_listed_nowhere_is_plain_text(multi: Project) -> None:
    multi.write("index.md", "# Home\n\n```{toctree}\nevents/multi\n```\n")
    build = multi.build()
    assert build.warnings == ""
    welcome = rows_of(build.html("events/multi"))[0].select_one(".faimi-agenda__speakers")
    assert text(welcome) == "Pioneers" and welcome.find("a") is None


def test_a_new_listing_of_the_group_rewrites_the_pages_that_name_it(multi: Project) -> None:
    multi.write("index.md", "# Home\n\n```{toctree}\nevents/multi\n```\n")
    assert rows_of(multi.build().html("events/multi"))[0].select_one(".faimi-agenda__speakers a") is None
    multi.write("index.md", "# Home\n\n```{toctree}\nevents/multi\n```\n\n:::{people-list} pioneers\n:::\n")
    again = multi.build()
    assert again.read == ["index"] and "events/multi" in again.written
    link = rows_of(again.html("events/multi"))[0].select_one(".faimi-agenda__speakers a")
    assert link["href"] == "../../#people-pioneers"


def test_affiliation_at_the_time_of_the_event(built) -> None:
    keynote = rows_of(built.html("events/multi"))[1]
    # The event's keynotes entry records her affiliation then; the registry has today's.
    assert text(keynote.select_one(".faimi-agenda__speakers")) == "Ada Lovelace (Difference Engine Lab)"


def test_notes_abstracts_and_links(built) -> None:
    keynote = rows_of(built.html("events/multi"))[1]
    assert text(keynote.select_one(".faimi-agenda__note")) == "Streamed online"
    details = keynote.select_one("details.faimi-agenda__abstract")
    assert details is not None and not details.has_attr("open")  # collapsed until opened
    assert details.summary.get_text(strip=True) == "Abstract"
    assert "&lt;algebraic&gt;" in str(details)
    assert [a.get_text() for a in keynote.select("a.faimi-agenda__link")] == ["slides", "code"]


def test_the_calendar_file_holds_the_programme(built) -> None:
    ics = (built.app.outdir / "calendar" / "multi.ics").read_bytes().decode("utf-8")
    description = re.search(r"DESCRIPTION:(.*?)\r\n[A-Z-]+[:;]", ics, re.S)[1].replace("\r\n ", "")
    lines = description.split("\\n")
    assert lines[0] == "A two-day test symposium."
    assert "Programme (times in Western European Summer Time (UTC+01:00)):" in lines
    assert "Monday 1 June 2026: Tutorials" in lines
    assert "09:15–10:00 Keynote: Engines that compute – Ada Lovelace (Difference Engine Lab)" in lines
    assert "10:00–11:00 Oral session 1" in lines
    assert ("  10:00–10:20 Oral presentation: Revisiting frame sampling – Utku Ozbulak\\, Alan Turing "
            "(University of Manchester)\\, et al.") in lines
    assert "14:10–15:00 Invited talks" in lines and "  · Second of the slot – Ann Other" in lines
    assert ics.count("BEGIN:VEVENT") == 1


@pytest.mark.parametrize("builder", ["html", "dirhtml", "singlehtml", "text", "latex"])
def test_the_two_day_event_builds_in_every_builder(multi: Project, builder: str) -> None:
    build = multi.build(builder)
    assert build.warnings == ""
    if builder == "text":
        out = (build.app.outdir / "events" / "multi.txt").read_text(encoding="utf-8")
        assert "Day 2, Tuesday 2 June 2026." in out and "Abstract  Machines that weave" in out
        assert "Chairs: Alan Turing" in out
    if builder == "latex":
        tex = next(build.app.outdir.glob("*.tex")).read_text(encoding="utf-8")
        assert "Revisiting frame sampling" in tex and "Day 1, Monday 1 June 2026: Tutorials" in tex


def test_serial_and_parallel_builds_write_the_same_calendar(multi: Project) -> None:
    serial = multi.build(outdir="serial")
    parallel = multi.build(outdir="parallel", parallel=2)
    assert serial.warnings == parallel.warnings == ""
    files = sorted(p.name for p in (serial.app.outdir / "calendar").iterdir())
    for name in files:
        assert (serial.app.outdir / "calendar" / name).read_bytes() == (
            parallel.app.outdir / "calendar" / name).read_bytes()


PROBLEMS = {
    "twelve-hour clock": (
        EVENT_YAML.replace('start: "09:00"', 'start: "13:30"').replace('end: "12:00"', 'end: "18:00"'),
        '- {start: "01:30", end: "02:00", title: A talk}\n', "events/test.agenda.yaml:1",
        "[0]: this item starts at 01:30, before the event starts (13:30, in events/test.yaml); times are on the "
        "24-hour clock: 01:30 is half past one at night; did you mean 13:30?"),
    "after the end": (
        EVENT_YAML, '- {start: "11:30", end: "12:30", title: A talk}\n', "events/test.agenda.yaml:1",
        "[0]: this item ends at 12:30, after the event ends (12:00, in events/test.yaml); correct the item's time, "
        "or the event's end"),
    "before the start": (
        EVENT_YAML, '- {start: "08:00", title: A talk}\n', "events/test.agenda.yaml:1",
        "[0]: this item starts at 08:00, before the event starts (09:00, in events/test.yaml); correct the item's "
        "time, or the event's hours (09:00–12:00)"),
    "outside its session": (
        EVENT_YAML, '- kind: session\n  title: S\n  start: "09:00"\n  end: "10:00"\n  items:\n'
                    '    - {start: "09:30", end: "10:30", title: A talk}\n', "events/test.agenda.yaml:6",
        "[0].items[0]: this item ends at 10:30, after its session ends (10:00); correct the item's time or the "
        "session's end"),
    "overlap in a session": (
        EVENT_YAML, '- kind: session\n  title: S\n  items:\n    - {start: "09:00", end: "09:30", title: A}\n'
                    '    - {start: "09:20", title: B}\n', "events/test.agenda.yaml:5",
        "[0].items[1]: this item starts at 09:20, before the item above it ends (09:30): they overlap"),
    "keynote not among the event's": (
        EVENT_YAML, '- {start: "09:00", kind: keynote, title: K, speakers: [alan-turing]}\n',
        "events/test.agenda.yaml:1",
        "[0].speakers[0]: 'alan-turing' gives a keynote here, but is not among the keynotes of the event in "
        "events/test.yaml; add them there (keynotes: [alan-turing]), or give this item another kind"),
    "event keynote without a row": (
        EVENT_YAML + "keynotes:\n  - alan-turing\n  - ada-lovelace\n",
        '- {start: "09:00", kind: keynote, title: K, speakers: [alan-turing]}\n', "events/test.yaml:11",
        "keynotes[1]: 'ada-lovelace' is a keynote of the event, but the agenda (events/test.agenda.yaml) has no "
        "keynote row with them; add one"),
    "day outside the event": (
        EVENT_YAML, 'days:\n  - date: 2025-07-01\n    items: [{start: "09:00", title: A}]\n',
        "events/test.agenda.yaml:2",
        "days[0].date: 2025-07-01 is not a day of the event, which takes place on 2025-06-30"),
    "days out of order": (
        EVENT_YAML.replace("date: 2025-06-30", "date: 2025-06-30\nend_date: 2025-07-01"),
        'days:\n  - date: 2025-07-01\n    items: [{start: "09:00", title: A}]\n'
        '  - date: 2025-06-30\n    items: [{start: "09:00", title: B}]\n', "events/test.agenda.yaml:4",
        "days[1].date: the days are not in order: 2025-06-30 comes after 2025-07-01"),
    "unknown group": (
        EVENT_YAML, '- {start: "09:00", title: A, speakers: [{group: pionears}]}\n', "events/test.agenda.yaml:1",
        "'pionears' is not a group of the registry; the groups of people/people.yaml are: pioneers"),
    "unknown paper": (
        EVENT_YAML, '- {start: "09:00", paper: nowhere}\n', "events/test.agenda.yaml:1",
        "[0].paper: 'nowhere' is not among events/test.papers.yaml, which does not exist yet"),
    "items outside a session": (
        EVENT_YAML, '- {start: "09:00", title: A, chairs: [alan-turing]}\n', "events/test.agenda.yaml:1",
        "only a session (kind: session) has 'items' and 'chairs'"),
    "no title": (EVENT_YAML, '- {start: "09:00"}\n', "events/test.agenda.yaml:1", "'title' is missing"),
    "one list for a two-day event": (
        EVENT_YAML.replace("date: 2025-06-30", "date: 2025-06-30\nend_date: 2025-07-01"),
        '- {start: "10:00", end: "11:00", title: A}\n- {start: "09:00", end: "10:00", title: B}\n',
        "events/test.agenda.yaml:2",
        "[1]: the items are out of order: this one starts at 09:00, before the one above it (10:00); list the items "
        "in time order. The event lasts from 2025-06-30 to 2025-07-01: if this item is on another day, give each "
        "day its own items, e.g. days: [{date: 2025-06-30, items: [...]}, {date: 2025-07-01, items: [...]}]"),
    "a time on a grouped talk": (
        EVENT_YAML, '- start: "09:00"\n  title: Invited talks\n  talks:\n    - {title: A, start: "09:10"}\n',
        "events/test.agenda.yaml:4",
        "[0].talks[0]: 'start' has no place here: the talks grouped in a slot share its time and kind. To give "
        "each talk its own time, write them as separate items, or as the items of a session"),
    "a day without items": (
        EVENT_YAML, "days:\n  - date: 2025-06-30\n    items: []\n", "events/test.agenda.yaml:3",
        "days[0].items: the list is empty; give at least 1 entry"),
    "an early-morning time": (
        EVENT_YAML.replace('start: "09:00"', 'start: "17:30"').replace('end: "12:00"', 'end: "20:00"'),
        '- {start: "05:30", title: A talk}\n', "events/test.agenda.yaml:1",
        "times are on the 24-hour clock: 05:30 is half past five in the morning; did you mean 17:30?"),
    "unquoted afternoon time": (
        EVENT_YAML, "- start: 1:30\n  title: A\n", "events/test.agenda.yaml:1",
        'write the time in quotes, on the 24-hour clock: "01:30" in the morning or at night, "13:30" in the '
        "afternoon or evening; without quotes YAML reads 1:30 as the number 90"),
}


def write_case(event: Project, case: str) -> tuple[str, str]:
    """The files of a case of PROBLEMS written; where its problem is said, and what."""
    facts, agenda, where, message = PROBLEMS[case]
    event.write("events/test.yaml", facts)
    event.write("events/test.agenda.yaml", agenda)
    return where, message


@pytest.mark.parametrize("case", PROBLEMS)
def test_agenda_checks_name_file_and_line(event: Project, case: str) -> None:
    where, message = write_case(event, case)
    build = event.build()
    assert f"{where}: WARNING: " in build.warnings, build.warnings
    assert message in build.warnings, build.warnings
    assert "Traceback" not in build.warnings + build.status


#: The problems of an agenda with its event that the check command finds too, without a build
#: (it pairs events/NAME.agenda.yaml with events/NAME.yaml; the papers are the build's).
CHECKED_WITHOUT_A_BUILD = ["twelve-hour clock", "after the end", "before the start", "outside its session",
                           "overlap in a session", "day outside the event", "days out of order",
                           "keynote not among the event's", "event keynote without a row",
                           "one list for a two-day event", "a time on a grouped talk", "a day without items",
                           "an early-morning time"]


@pytest.mark.parametrize("case", CHECKED_WITHOUT_A_BUILD)
def test_the_check_command_finds_the_agenda_problems_the_build_finds(event: Project, case: str) -> None:
    where, message = write_case(event, case)
    build = event.build()
    check = subprocess.run([sys.executable, str(ROOT / "scripts" / "check.py"), str(event.root)],
                           capture_output=True, text=True, check=False)
    assert check.returncode == 1
    assert any(line.startswith(f"{where}: WARNING: ") and message in line for line in check.stdout.splitlines())
    built = sorted(line for line in build.warnings.splitlines() if "WARNING" in line)
    assert sorted(check.stdout.splitlines()) == built


def test_an_agenda_no_page_shows_is_checked_with_the_event_of_its_name(event: Project) -> None:
    event.write("events/draft.yaml", EVENT_YAML + "keynotes: [alan-turing, ada-lovelace]\n")
    event.write("events/draft.agenda.yaml", '- {start: "09:00", kind: keynote, title: K, speakers: [alan-turing]}\n')
    build = event.build()
    built = sorted(line for line in build.warnings.splitlines() if "WARNING" in line)
    assert len(built) == 1 and built[0].startswith(
        "events/draft.yaml:9: WARNING: keynotes[1]: 'ada-lovelace' is a keynote of the event, but the agenda "
        "(events/draft.agenda.yaml) has no keynote row with them; add one"), built
    check = subprocess.run([sys.executable, str(ROOT / "scripts" / "check.py"), str(event.root)],
                           capture_output=True, text=True, check=False)
    assert check.returncode == 1 and check.stdout.splitlines() == built


@pytest.mark.parametrize("hours", ["", 'start: "22:00"\nend: "02:00"\n'])
def test_an_event_without_hours_every_day_checks_only_what_it_knows(event: Project, hours: str) -> None:
    facts = EVENT_YAML.replace('start: "09:00"\nend: "12:00"\n', "")
    event.write("events/test.yaml", facts.replace("date: 2025-06-30", f"date: 2025-06-30\nend_date: 2025-07-02\n{hours}"))
    event.write("events/test.agenda.yaml", 'days:\n  - date: 2025-07-01\n    items: [{start: "03:00", title: A}]\n')
    assert event.build().warnings == ""


def test_breaks_and_social_items_may_lie_outside_the_hours(event: Project) -> None:
    event.write("events/test.agenda.yaml", '- {start: "08:30", end: "09:00", kind: break, title: Arrival}\n'
                                           '- {start: "09:00", end: "12:00", title: A talk}\n'
                                           '- {start: "19:00", kind: social, title: Dinner}\n')
    assert event.build().warnings == ""


def test_a_one_off_name_and_a_registry_id_as_plain_strings(event: Project) -> None:
    event.write("events/test.agenda.yaml", '- {start: "09:00", title: A, speakers: [alan-turing, A. N. Other]}\n')
    build = event.build()
    assert build.warnings == ""
    names = rows_of(build.html("events/test"))[0].select(".faimi-person__name")
    assert [(n.name, n.get_text()) for n in names] == [("a", "Alan Turing"), ("span", "A. N. Other")]
