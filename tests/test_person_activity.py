"""What reaches a person's page (papers, awards, agenda days), one-off names of registry
people caught at their line, and the home page's link to the latest event's papers."""

from __future__ import annotations

from conftest import PAPERS_YAML, Build, Project

from faimi.checker import check_project


def with_people_pages(project: Project) -> Project:
    """The small project with its people's pages, listed by a people index."""
    project.write("people/index.md", "# People\n\n:::{people-index}\n:::\n\n```{toctree}\n:glob:\n\n*\n```\n")
    index = project.read("index.md")
    project.write("index.md", index.replace("```{toctree}\n", "```{toctree}\npeople/index\n", 1))
    return project


def activity(build: Build, pid: str) -> list[str]:
    return [li.get_text(" ", strip=True) for li in build.html(f"people/{pid}").select("ul.faimi-activity > li")]


ONE_OFFS = PAPERS_YAML.replace("authors: [Utku Example]", "authors: [Utku Example, \"ADA  lovelace\"]").replace(
    "{name: Grace Hopper}", "{name: Alán Turing, affiliation: Bletchley Park}")
TURING = ("[1].authors[2]: 'Alán Turing' is in the registry as alan-turing: write "
        "{id: alan-turing, affiliation: Bletchley Park} so the name links to their page")
ADA = ("[0].authors[1]: 'ADA  lovelace' is in the registry as ada-lovelace: write ada-lovelace so the name "
       "links to their page")


def test_a_one_off_name_of_a_registry_person_is_reported_at_its_line(programme: Project) -> None:
    programme.write("events/test.papers.yaml", ONE_OFFS)
    warnings = programme.build().warnings
    assert warnings.count(f"events/test.papers.yaml:3: WARNING: {ADA} [faimi.papers]") == 1
    assert f"events/test.papers.yaml:8: WARNING: {TURING} [faimi.papers]" in warnings
    checked = [(p.location, p.message) for _, p in check_project(programme.root)]
    assert checked == [("events/test.papers.yaml:3", ADA), ("events/test.papers.yaml:8", TURING)]


def test_a_one_off_winner_or_speaker_of_the_registry_is_reported_too(programme: Project) -> None:
    programme.write("events/test.yaml", programme.read("events/test.yaml").replace(
        "{id: ada-lovelace, affiliation: Babbage Lab}", "Ada Lovelace"))
    message = ("awards[1].winners[0]: 'Ada Lovelace' is in the registry as ada-lovelace: write ada-lovelace "
               "so the name links to their page")
    assert [p.message for _, p in check_project(programme.root)] == [message]
    assert programme.build().warnings.count(f"WARNING: {message} [faimi.event]") == 1


def test_papers_and_awards_reach_the_person_pages(programme: Project) -> None:
    programme.write("events/test.papers.yaml", PAPERS_YAML.replace("[Utku Example]", "[Utku Example, alan-turing]"))
    build = with_people_pages(programme).build(faimi_people_pages=True)
    assert build.warnings == ""
    alan = activity(build, "alan-turing")
    assert "Best Oral Presentation Award · Test workshop · 30 June 2025 : Revisiting Frame Sampling: A Study" in alan
    assert "Paper · Test workshop · 30 June 2025 : Revisiting Frame Sampling: A Study" in alan
    assert "Horizon Award · Test workshop · 30 June 2025" in activity(build, "ada-lovelace")


TWO_DAYS = """\
days:
  - date: 2025-06-30
    items:
      - {start: "09:00", end: "09:30", title: A talk, speakers: [alan-turing]}
  - date: 2025-07-01
    items:
      - {start: "09:00", end: "10:00", kind: panel, title: A panel, moderators: [ada-lovelace]}
"""


def test_an_agenda_item_of_the_second_day_is_dated_by_its_day(event: Project) -> None:
    event.write("events/test.yaml", event.read("events/test.yaml") + "end_date: 2025-07-01\n")
    event.write("events/test.agenda.yaml", TWO_DAYS)
    build = with_people_pages(event).build(faimi_people_pages=True)
    assert build.warnings == ""
    assert activity(build, "ada-lovelace") == ["Moderator · Test workshop · 1 July 2025 : A panel"]
    assert activity(build, "alan-turing") == ["Talk · Test workshop · 30 June 2025 : A talk"]
    day = build.html("people/ada-lovelace").select_one("ul.faimi-activity time")
    assert day["datetime"] == "2025-07-01"


def test_the_latest_event_links_to_the_papers_its_page_lists(archive: Project) -> None:
    archive.write("events/2026-tutorial.papers.yaml", "- title: A paper\n  authors: [alan-turing]\n")
    archive.write("events/2026-tutorial.md", archive.read("events/2026-tutorial.md")
                  + "\n## Accepted papers\n\n:::{papers}\n:::\n")
    build = archive.build(faimi_today="2027-12-01")
    assert build.warnings == ""
    action = build.html("index").select_one(".faimi-next-up--latest .faimi-next-up__action")
    assert [(a.get_text(), a["href"]) for a in action.select("a")] == [
        ("Read the papers", "events/2026-tutorial/#accepted-papers")]
    single = archive.build("singlehtml", faimi_today="2027-12-01")
    link = single.html("index").select_one(".faimi-next-up__action a")
    assert link["href"] == "#accepted-papers"
    assert single.html("index").find(id="accepted-papers") is not None


def test_without_papers_the_latest_event_offers_no_papers_link(archive: Project) -> None:
    build = archive.build(faimi_today="2027-12-01")
    assert build.html("index").select_one(".faimi-next-up--latest .faimi-next-up__action") is None


def test_listing_its_papers_later_updates_the_home_page(archive: Project) -> None:
    archive.write("events/2026-tutorial.papers.yaml", "- title: A paper\n  authors: [alan-turing]\n")
    first = archive.build(faimi_today="2027-12-01")
    assert first.html("index").select_one(".faimi-next-up__action") is None
    page = archive.read("events/2026-tutorial.md")
    archive.write("events/2026-tutorial.md", page + "\n## Papers\n\n:::{papers}\n:::\n")
    second = archive.build(faimi_today="2027-12-01")
    assert second.read == ["events/2026-tutorial"]
    assert "index" in second.written
    link = second.html("index").select_one(".faimi-next-up__action a")
    assert link["href"] == "events/2026-tutorial/#papers"


def test_a_one_off_name_that_joins_the_registry_is_reported_by_the_next_build(programme: Project) -> None:
    first = programme.build()
    assert first.warnings == ""
    grace = "  grace-hopper:\n    name: Grace Hopper\n    homepage: https://example.org/grace\n    affiliation: Navy\n"
    programme.write("people/people.yaml", programme.read("people/people.yaml").replace("groups:", grace + "groups:"))
    second = programme.build()
    assert "events/test" in second.read
    assert ("[1].authors[2]: 'Grace Hopper' is in the registry as grace-hopper: write grace-hopper so the name "
            "links to their page") in second.warnings
    assert ("keynotes[1]: 'Grace Hopper' is in the registry as grace-hopper: write {id: grace-hopper, affiliation: "
            "Navy Lab} so the name links to their page") in second.warnings
