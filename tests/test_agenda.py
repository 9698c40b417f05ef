"""The agenda and event-summary directives, on the real London page and on small projects."""

from __future__ import annotations

import pytest

from conftest import EVENT_YAML, Project, copy_site

LONDON = "events/2025-london-symposium"
FINAL_AGENDA = [
    ("13:30–14:00", "", "Break: Arrival with refreshments"),
    ("14:00", "Enzo Ferrante (CONICET / Universidad de Buenos Aires) and Ben Glocker (Imperial College London)",
     "Opening remarks"),
    ("14:00–14:20", "Ira Ktena (Google DeepMind)",
     "Interpreting model biases through different modalities: an HCI perspective"),
    ("14:20–14:40", "Rodrigo Echeveste (CONICET / UNL)", "On being fairly (un)certain, and how (not) to assess it"),
    ("14:40–15:00", "Mélanie Roschewitz (Imperial College London)",
     "Robust image representations with counterfactual contrastive learning"),
    ("15:00–15:30", "", "Coffee break"),
    ("15:30–15:50", "Charles Jones (Imperial College London)",
     "Understanding Causal and Statistical Dataset Biases in Medical Imaging"),
    ("15:50–16:10", "Andy King (King's College London)", "Understanding-informed bias mitigation for CMR segmentation"),
    ("16:10–16:30", "Jessica Schrouff (GSK)", "Mind the graph when balancing data for fairness or robustness"),
    ("16:30", "Enzo Ferrante (CONICET / Universidad de Buenos Aires) and Ben Glocker (Imperial College London)",
     "Closing remarks"),
]


@pytest.fixture(scope="module")
def london(tmp_path_factory: pytest.TempPathFactory):
    """The real site, built once for the tests of the London page."""
    build = copy_site(tmp_path_factory.mktemp("london") / "site").build()
    assert build.warnings == ""
    return build.html(LONDON)


def test_london_agenda_has_the_final_items_in_order(london) -> None:
    table = london.find("table", class_="faimi-agenda")
    rows = table.select("tbody > tr")
    shown = [tuple(cell.get_text(" ", strip=True).replace(" – ", "–") for cell in row.find_all(["th", "td"]))
             for row in rows]
    assert [(t, s.replace(" )", ")").replace("( ", "("), x) for t, s, x in shown] == FINAL_AGENDA


def test_london_agenda_times_are_instants_with_the_bst_offset(london) -> None:
    rows = london.select("table.faimi-agenda tbody > tr")
    third = [t["datetime"] for t in rows[2].find_all("time")]
    assert third == ["2025-06-30T14:00:00+01:00", "2025-06-30T14:20:00+01:00"]
    assert rows[1].find("time")["datetime"] == "2025-06-30T14:00:00+01:00"
    assert len(rows[1].find_all("time")) == 1  # opening remarks: no end time
    caption = london.select_one("table.faimi-agenda caption").get_text(" ", strip=True)
    assert "All times are British Summer Time (UTC+01:00)." in caption
    assert "UTC/GMT" not in london.get_text() and "GMT" not in caption


def test_london_agenda_is_a_semantic_table(london) -> None:
    table = london.find("table", class_="faimi-agenda")
    assert table.find("caption") is not None
    assert [th["scope"] for th in table.select("thead th")] == ["col", "col", "col"]
    assert [th.get_text(strip=True) for th in table.select("thead th")] == ["Time", "Speakers", "Title"]
    assert all(row.find("th")["scope"] == "row" for row in table.select("tbody > tr"))
    ids = [tag["id"] for tag in london.find_all(id=True)]
    assert len(ids) == len(set(ids)), "ids must be unique on the page"


def test_london_agenda_breaks_and_speakers(london) -> None:
    rows = london.select("table.faimi-agenda tbody > tr")
    assert [i for i, r in enumerate(rows) if "faimi-agenda__item--break" in r["class"]] == [0, 5]
    # Registry people's names link to their pages (people/ID/), where their homepages are.
    ktena = rows[2].select_one("a.faimi-person__name")
    assert (ktena.get_text(), ktena["href"]) == ("Ira Ktena", "../../people/ira-ktena/")
    king = rows[7].select_one("a.faimi-person__name")
    assert (king.get_text(), king["href"]) == ("Andy King", "../../people/andrew-king/")
    one_off = rows[3].find(class_="faimi-person__name")
    assert one_off.name == "span" and one_off.get_text() == "Rodrigo Echeveste"


def test_london_summary_is_derived_from_the_facts(london) -> None:
    summary = london.find(class_="faimi-summary")
    facts = {dt.get_text(strip=True): dd for dt, dd in zip(summary.find_all("dt"), summary.find_all("dd"))}
    assert list(facts) == ["When", "Where", "Format", "Cost", "Registration", "Organisers", "Sponsor", "Contact",
                           "Calendar"]
    assert facts["Calendar"].find("a")["href"] == "../../calendar/2025-london-symposium.ics"
    when = facts["When"]
    assert when.get_text(" ", strip=True).replace(" – ", "–").replace(" , ", ", ") == (
        "Monday 30 June 2025, 14:00–16:45 British Summer Time (UTC+01:00)"
    )
    assert [t["datetime"] for t in when.find_all("time")] == [
        "2025-06-30", "2025-06-30T14:00:00+01:00", "2025-06-30T16:45:00+01:00"
    ]
    assert facts["Where"].find("a", string="directions")["href"].startswith("https://www.google.com/maps/")
    assert "Hybrid" in facts["Format"].get_text() and "Zoom webinar" in facts["Format"].get_text()
    assert facts["Cost"].get_text(strip=True) == "Free"
    assert facts["Registration"].get_text(strip=True) == "Closed"  # the site is built after the event
    assert facts["Contact"].find("a")["href"] == "mailto:eferrante@dc.uba.ar"
    assert facts["Sponsor"].find("a").find("img")["alt"] == "Royal Academy of Engineering"  # its logo
    assert "Dec 4th" not in london.get_text() and "2024" not in when.get_text()


def summary_facts(build, docname: str) -> dict[str, str]:
    summary = build.html(docname).find(class_="faimi-summary")
    return {dt.get_text(strip=True): dd for dt, dd in zip(summary.find_all("dt"), summary.find_all("dd"))}


def test_registration_is_open_until_the_event_is_over(site: Project) -> None:
    before = summary_facts(site.build(faimi_today="2025-06-30"), LONDON)["Registration"]
    assert before.get_text(strip=True) == "Register online"
    assert before.find("a")["href"] == "https://forms.gle/ka21yDyngGycc4g27"
    after = summary_facts(site.build(outdir="after", faimi_today="2025-07-01"), LONDON)["Registration"]
    assert after.get_text(strip=True) == "Closed" and after.find("a") is None


def test_submissions_close_after_the_paper_deadline(site: Project) -> None:
    page = "events/2026-miccai-workshop"
    before = summary_facts(site.build(faimi_today="2026-07-01"), page)["Submissions"]
    assert before.get_text(" ", strip=True) == "Submit a paper"
    after = summary_facts(site.build(outdir="after", faimi_today="2026-07-02"), page)["Submissions"]
    assert after.get_text(" ", strip=True).replace(" )", ")").replace("( ", "(") == (
        "Closed on 1 July 2026 (submission site)")
    assert after.find("time")["datetime"] == "2026-07-01"
    assert after.find("a")["href"].startswith("https://openreview.net/")


def write_agenda(project: Project, text: str) -> None:
    project.write("events/test.agenda.yaml", text)


def test_agenda_item_kinds_and_options(event: Project) -> None:
    event.write("events/test.yaml", EVENT_YAML + "keynotes: [alan-turing, ada-lovelace, Grace Hopper]\n")
    write_agenda(
        event,
        """\
        - kind: session
          title: Morning session
        - start: "09:00"
          end: "09:40"
          kind: keynote
          title: Thinking machines
          speakers:
            - alan-turing
            - {id: ada-lovelace, name: Augusta Ada King}
            - {name: Grace Hopper, affiliation: US Navy}
          links:
            slides: https://example.org/slides.pdf
            recording: https://example.org/video
        - start: "09:40"
          end: "10:00"
          kind: break
          title: Coffee
        - start: "10:00"
          title: tbc
          speakers: [tbc]
        """,
    )
    build = event.build()
    assert build.warnings == ""
    page = build.html("events/test")
    rows = page.select("table.faimi-agenda tbody > tr")
    session = rows[0].find("td")
    assert session["colspan"] == "3" and session.get_text(strip=True) == "Morning session"
    keynote = rows[1]
    assert "faimi-agenda__item--keynote" in keynote["class"]
    assert keynote.find("strong").get_text() == "Thinking machines"
    assert keynote.find(class_="faimi-agenda__label").get_text(strip=True) == "Keynote:"
    names = [n.get_text() for n in keynote.select(".faimi-person__name")]
    assert names == ["Alan Turing", "Augusta Ada King", "Grace Hopper"]
    assert keynote.find("a", string="slides")["href"] == "https://example.org/slides.pdf"
    assert keynote.find("a", string="recording")["href"] == "https://example.org/video"
    assert "faimi-agenda__item--break" in rows[2]["class"]
    tbc = rows[3]
    assert "faimi-agenda__item--tbc" in tbc["class"]
    assert [m.get_text() for m in tbc.select(".faimi-tbc")] == ["to be confirmed", "to be confirmed"]
    assert [t["datetime"] for t in tbc.find_all("time")] == ["2025-06-30T10:00:00+01:00"]


def test_agenda_in_winter_names_greenwich_mean_time(event: Project) -> None:
    event.write("events/test.yaml", EVENT_YAML.replace("2025-06-30", "2025-12-04"))
    page = event.build().html("events/test")
    caption = page.select_one("table.faimi-agenda caption").get_text(" ", strip=True)
    assert "All times are Greenwich Mean Time (UTC)." in caption
    assert page.find("time", string="09:00")["datetime"] == "2025-12-04T09:00:00+00:00"


def test_agenda_in_the_text_and_latex_builders(event: Project) -> None:
    write_agenda(event, '- {start: "09:00", end: "09:30", title: A talk, speakers: [alan-turing]}\n'
                        '- {start: "09:30", title: tbc}\n')
    text = event.build("text")
    assert text.warnings == ""
    out = (text.app.outdir / "events" / "test.txt").read_text(encoding="utf-8")
    assert "All times are British Summer Time (UTC+01:00)." in out
    assert "| 09:00–09:30 " in out and "| Alan Turing (University of" in out
    assert "to be confirmed" in out
    latex = event.build("latex")
    assert latex.warnings == ""
    tex = next(latex.app.outdir.glob("*.tex")).read_text(encoding="utf-8")
    assert "09:00" in tex and "to be confirmed" in tex and "British Summer Time" in tex


AGENDA_ERRORS = {
    "unquoted time": ("- start: 13:00\n  title: A talk\n", 1,
                      'write the time in quotes, on the 24-hour clock: "13:00"; without quotes YAML reads 13:00 as the '
                      'number 780'),
    "not a time": ('- start: "9am"\n  title: A talk\n', 1, "'9am' is not a time of day: write it as \"HH:MM\""),
    "end before start": ('- start: "10:00"\n  end: "09:30"\n  title: A talk\n', 2,
                         "[0].end: the item ends at 09:30, not after it starts at 10:00"),
    "out of order": ('- start: "10:00"\n  title: A\n- start: "09:00"\n  title: B\n', 3,
                     "the items are out of order: this one starts at 09:00, before the one above it (10:00)"),
    "overlap": ('- start: "09:00"\n  end: "10:00"\n  title: A\n- start: "09:30"\n  end: "10:30"\n  title: B\n', 4,
                "this item starts at 09:30, before the item above it ends (10:00): they overlap"),
    "unknown speaker": ('- start: "09:00"\n  title: A\n  speakers:\n    - alan-turnig\n', 4,
                        "'alan-turnig' is not a person of the registry; did you mean 'alan-turing'?"),
    "unknown kind": ('- start: "09:00"\n  kind: lecture\n  title: A\n', 2,
                     "[0].kind: input should be 'talk', 'invited-talk', 'oral', 'keynote', 'panel', 'round-table'"),
    "bad link": ('- start: "09:00"\n  title: A\n  links:\n    slides: www.example.org/s.pdf\n', 4,
                 "'www.example.org/s.pdf' is not an allowed link"),
    "unknown field": ('- start: "09:00"\n  titel: A\n', 2, "unknown field 'titel'; did you mean 'title'?"),
    "missing start": ("- title: A talk\n", 1, "'start' is missing"),
    "not a list": ("start: '09:00'\n", 1,
                   "the file: input should be a list (lines that start with '- '), not a mapping"),
}


@pytest.mark.parametrize("case", AGENDA_ERRORS)
def test_agenda_errors_name_file_and_line(event: Project, case: str) -> None:
    text, line, message = AGENDA_ERRORS[case]
    write_agenda(event, text)
    build = event.build()
    assert f"events/test.agenda.yaml:{line}: WARNING: " in build.warnings, build.warnings
    assert message in build.warnings
    assert "Traceback" not in build.warnings + build.status


EVENT_ERRORS = {
    "abbreviated zone": (EVENT_YAML.replace("Europe/London", "BST"), 6,
                         "'BST' is not an IANA time zone name (an abbreviation names no place and changes "
                         "with the season); use one such as Europe/London"),
    "gmt": (EVENT_YAML.replace("Europe/London", "GMT"), 6, "'GMT' is not an IANA time zone name"),
    "unknown zone": (EVENT_YAML.replace("Europe/London", "Europe/Londres"), 6,
                     "'Europe/Londres' is not an IANA time zone name"),
    "end before start": (EVENT_YAML.replace('end: "12:00"', 'end: "08:00"'), 5,
                         "the event ends at 08:00, not after it starts at 09:00"),
    "unknown organiser": (EVENT_YAML + "organisers: [ada-lovelace, bob]\n", 9,
                          "organisers[1]: 'bob' is not a person of the registry"),
    "bad registration": (EVENT_YAML + "registration: javascript:alert(1)\n", 9, "is not an allowed link"),
    "unknown kind": (EVENT_YAML.replace("kind: workshop", "kind: conference"), 1, "kind: input should be"),
    "unreadable scalar": (EVENT_YAML.replace("mode: in-person", "mode: !!bool maybe"), 7,
                          "mode: input should be 'in-person', 'online' or 'hybrid', not 'maybe'"),
    "impossible date": (EVENT_YAML.replace("2025-06-30", "2025-06-31"), 3,
                        "date: input should be a valid date or datetime, day value is outside expected range, "
                        "not '2025-06-31'. For example: date: 2025-06-30"),
}


@pytest.mark.parametrize("case", EVENT_ERRORS)
def test_event_errors_name_file_and_line(event: Project, case: str) -> None:
    text, line, message = EVENT_ERRORS[case]
    event.write("events/test.yaml", text)
    build = event.build()
    assert f"events/test.yaml:{line}: WARNING: " in build.warnings, build.warnings
    assert message in build.warnings
    assert "Traceback" not in build.warnings + build.status
    assert "an agenda needs" not in build.warnings  # no second message for the same mistake


def test_a_broken_registry_entry_is_reported_once(event: Project) -> None:
    event.write("people/people.yaml", event.read("people/people.yaml").replace("    pronouns:", "    pronoun:"))
    build = event.build()
    assert build.warnings.count("WARNING") == 1, build.warnings
    assert "people/people.yaml:10: WARNING: people.alan-turing: unknown field 'pronoun'" in build.warnings


def test_agenda_without_an_event_is_reported_at_the_directive(event: Project) -> None:
    event.write("events/test.md", "# Test\n\n:::{agenda} test.agenda.yaml\n:::\n")
    build = event.build()
    assert "events/test.md:3: WARNING: an agenda needs the date and time zone of the page's event" in build.warnings


def test_missing_agenda_file_is_reported_at_the_directive(event: Project) -> None:
    (event.root / "events" / "test.agenda.yaml").unlink()
    build = event.build()
    assert "events/test.md:8: WARNING: data file 'test.agenda.yaml' not found" in build.warnings


def test_editing_the_agenda_rereads_only_its_page(event: Project) -> None:
    event.write("other.md", "# Other\n")
    event.write("index.md", "# Home\n\n```{toctree}\nevents/test\nother\n```\n")
    assert sorted(event.build().read) == ["events/test", "index", "other"]
    write_agenda(event, '- {start: "09:00", end: "09:30", title: A changed talk}\n')
    again = event.build()
    assert again.read == ["events/test"]
    assert "A changed talk" in again.html("events/test").get_text()


def test_event_people_lists_the_event_organisers(event: Project) -> None:
    event.write("events/test.yaml", EVENT_YAML + "organisers: [alan-turing, {id: ada-lovelace, role: chair}]\n")
    event.write("events/test.md", event.read("events/test.md")
                + "\n## Organisers\n\n:::{event-people} organisers\n:::\n\n:::{event-people} keynotes\n:::\n"
                + "\n:::{event-people} speakers\n:::\n")
    build = event.build()
    items = build.html("events/test").select("ul.faimi-people > li")
    assert [li.get_text(" ", strip=True) for li in items] == [
        "Alan Turing , University of Manchester", "Ada Lovelace , Analytical Engine Society , chair"]
    assert items[0].a["href"] == "https://example.org/alan"
    assert "events/test.md:16: WARNING: event-people shows the 'keynotes' of the page's event" in build.warnings
    assert ("events/test.md:19: WARNING: event-people shows the organisers, keynotes or editors of the page's "
            "event, not 'speakers'") in build.warnings


def test_the_event_role_shows_facts_in_prose(event: Project) -> None:
    event.write("events/test.yaml", EVENT_YAML + (
        "contact: someone@example.org\nsponsors: [{name: A <Sponsor>, url: 'https://example.org/s'}, {name: B}]\n"
        "organisers: [alan-turing, {id: ada-lovelace, role: chair}]\nrecordings: https://example.org/videos\n"))
    event.write("events/test.md", "# Test\n\n:::{event-summary} test.yaml\n:::\n\n"
                "Ask {event}`contact` or {event}`us <contact>`. Thanks to {event}`sponsors`. "
                "Run by {event}`organisers`. Watch {event}`the videos <recordings>` or {event}`recordings`. "
                "It was {event}`when`, at {event}`where`.\n")
    build = event.build()
    assert build.warnings == ""
    text = build.html("events/test").select_one(".faimi-summary").find_next_sibling("p")
    assert text.get_text(" ", strip=True).replace(" ,", ",").replace(" .", ".").replace("( ", "(").replace(
        " )", ")") == (
        "Ask someone@example.org or us. Thanks to A <Sponsor>, B. Run by Alan Turing (University of "
        "Manchester) and Ada Lovelace (Analytical Engine Society, chair). Watch the videos or the recordings. "
        "It was Monday 30 June 2025, 09:00 – 12:00 British Summer Time (UTC+01:00), at Manchester, United Kingdom.")
    links = [(a.get_text(), a["href"]) for a in text.find_all("a")]
    assert ("us", "mailto:someone@example.org") in links and ("the videos", "https://example.org/videos") in links
    assert "A &lt;Sponsor&gt;" in str(text)
    assert [t["datetime"] for t in text.find_all("time")][1] == "2025-06-30T09:00:00+01:00"


def test_the_event_role_reports_what_it_cannot_show(event: Project) -> None:
    event.write("events/test.md", "# Test\n\n:::{event-summary} test.yaml\n:::\n\n"
                "{event}`venue` {event}`keynotes` {event}`A text <sponsors>`\n")
    event.write("events/test.yaml", EVENT_YAML + "sponsors: [{name: B}]\n")
    build = event.build()
    lines = build.warnings.splitlines()
    assert lines[0].startswith("events/test.md:6: WARNING: {event}`venue`: there is no such fact; the role "
                               "shows one of when, where, contact,")
    assert lines[1].startswith("events/test.md:6: WARNING: {event}`keynotes` shows the keynotes of the page's "
                               "event: put :::{event-summary} <the event's file>.yaml above it, and give the event "
                               "its keynotes")
    assert lines[2].startswith("events/test.md:6: WARNING: {event}`A text <sponsors>`: only a link takes a text")
    assert len(lines) == 3
