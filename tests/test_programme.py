"""An event's programme besides its agenda: papers, awards, keynotes, materials, topics."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from docutils import nodes

from conftest import (
    EVENT_YAML, PAPERS_YAML, PNG, PROGRAMME_PAGE as PAGE, PROGRAMME_YAML, Build, Project, write_programme,
)
from test_agenda import summary_facts

def page(build: Build):
    assert build.warnings == "", build.warnings
    return build.html("events/test")


# -- Papers ------------------------------------------------------------------------


def test_papers_have_stable_anchors_authors_and_facts(programme: Project) -> None:
    html = page(programme.build())
    items = html.select("ul.faimi-papers > li.faimi-paper")
    assert [li.find(class_="faimi-paper__title").get_text() for li in items] == [
        "Revisiting Frame Sampling: A Study", "Fairness Without Labels", "An Unpresented Paper"]
    # The id given, else a slug of the title.
    assert [li.find("span", class_="target")["id"] for li in items] == [
        "paper-fair-sampling", "paper-fairness-without-labels", "paper-an-unpresented-paper"]
    first, second, third = (li.find(class_="faimi-paper__authors").get_text() for li in items)
    assert first == "Utku Example, et al."
    assert second == "Ada Lovelace, Alan Turing and Grace Hopper"
    assert third == "Ada Lovelace"
    assert items[1].find("a", string="Ada Lovelace")["href"] == "https://example.org/ada"
    facts = items[0].find(class_="faimi-paper__facts")
    assert facts.get_text() == "Oral presentation · Winner of the Best Oral Presentation Award · Paper · Code"
    assert facts.find("a", string="Paper")["href"] == "https://doi.org/10.1/x"
    assert items[1].find(class_="faimi-paper__facts").get_text() == "Poster"
    assert items[2].find(class_="faimi-paper__facts") is None
    assert "faimi-paper--award" in items[0]["class"] and "faimi-paper--award" not in items[1]["class"]


def test_papers_filtered_by_presentation(programme: Project) -> None:
    posters = ":::{papers}\n:presentation: poster\n:::\n"
    programme.write("events/test.md", PAGE.replace(":::{papers} test.papers.yaml\n:::\n", posters))
    html = page(programme.build())
    lists = html.select("ul.faimi-papers")
    assert [[t.get_text() for t in ul.select(".faimi-paper__title")] for ul in lists] == [
        ["Fairness Without Labels"], ["Revisiting Frame Sampling: A Study"]]


def test_a_papers_file_with_one_id_twice_is_reported_at_the_line(programme: Project) -> None:
    again = "- title: Fairness without labels!\n  authors: [ada-lovelace]\n"
    programme.write("events/test.papers.yaml", PAPERS_YAML + again)
    build = programme.build()
    assert build.warnings.startswith(
        "events/test.papers.yaml:12: WARNING: [3]: this paper gets the id (from its title) 'fairness-without-labels' "
        "of the paper [1] above (line 7); each paper needs an id of its own, e.g. id: fairness-without-labels-2")
    assert build.warnings.count("WARNING") == 1
    # Both are shown; the anchor stays with the first.
    assert len(build.html("events/test").select("#paper-fairness-without-labels")) == 1


def test_papers_errors_are_reported_at_their_lines(programme: Project) -> None:
    programme.write("events/test.papers.yaml", PAPERS_YAML.replace("presentation: poster", "presentation: talk")
                    .replace("[ada-lovelace]", "[ada-lovelac]"))
    build = programme.build()
    warnings = build.warnings.splitlines()
    assert warnings[0].startswith("events/test.papers.yaml:9: WARNING: [1].presentation: input should be 'oral' "
                                  "or 'poster', not 'talk'. For example: presentation: oral")
    assert warnings[1].startswith("events/test.papers.yaml:11: WARNING: [2].authors[0]: 'ada-lovelac' is not a "
                                  "person of the registry; did you mean 'ada-lovelace'?")
    assert "Traceback" not in build.warnings + build.status


def test_papers_of_another_file_are_refused(programme: Project) -> None:
    programme.write("events/test.md", PAGE.replace(":::{papers} test.papers.yaml", ":::{papers} other.papers.yaml"))
    build = programme.build()
    assert ("events/test.md:23: WARNING: the papers of this page's event are in events/test.papers.yaml (named "
            "after its facts file events/test.yaml), not other.papers.yaml; write :::{papers} test.papers.yaml"
            ) in build.warnings


# -- Awards ------------------------------------------------------------------------


def test_awards_list_paper_and_person_winners(programme: Project) -> None:
    html = page(programme.build())
    awards = html.find("dl", class_="faimi-awards")
    assert [dt.get_text() for dt in awards.find_all("dt")] == ["Best Oral Presentation Award", "Horizon Award"]
    oral, horizon = awards.find_all("dd")
    assert oral.find(class_="faimi-award__sponsor").get_text() == "Sponsored by Example Foundation."
    (paper,) = oral.select("li.faimi-award__winner--paper")
    link = paper.find("a", class_="reference internal")
    assert link["href"] == "#paper-fair-sampling"
    assert link.get_text() == "Revisiting Frame Sampling: A Study"
    assert paper.p.get_text() == "Revisiting Frame Sampling: A Study, by Utku Example, et al."
    assert paper.img["alt"] == "The first author holding the prize"
    people = horizon.select("li.faimi-award__winner--person")
    # The affiliation at the time of the event, not the registry's.
    assert [li.p.get_text() for li in people] == ["Ada Lovelace, Babbage Lab", "Emmy Noether, Göttingen"]
    assert horizon.find("img", class_="faimi-award__photo")["alt"] == "All winners on stage"


def test_a_winner_named_by_id_shows_the_affiliation_the_event_records(programme: Project) -> None:
    # Alan Turing is a keynote of the event, from the University of Cambridge then.
    programme.write("events/test.yaml", PROGRAMME_YAML.replace(
        "      - {id: ada-lovelace, affiliation: Babbage Lab}\n", "      - alan-turing\n      - group: pioneers\n"))
    html = page(programme.build())
    assert [li.p.get_text() for li in html.select("li.faimi-award__winner--person")] == [
        "Alan Turing, University of Cambridge", "Pioneers", "Emmy Noether, Göttingen"]


def test_one_award_by_id_and_an_unknown_id(programme: Project) -> None:
    programme.write("events/test.md", PAGE.replace(":::{awards}\n", ":::{awards} horizon\n"))
    html = page(programme.build())
    assert [dt.get_text() for dt in html.select("dl.faimi-awards dt")] == ["Horizon Award"]
    programme.write("events/test.md", PAGE.replace(":::{awards}\n", ":::{awards} best-poster\n"))
    warnings = programme.build(outdir="unknown").warnings
    assert "events/test.md:18: WARNING: the page's event has no award 'best-poster'; its awards are: best-oral, " \
        "horizon (e.g. :::{awards} best-oral)" in warnings


def test_a_winning_paper_not_in_the_papers_file_is_reported_at_its_line(programme: Project) -> None:
    programme.write("events/test.yaml", PROGRAMME_YAML.replace("paper: fair-sampling", "paper: fair-sampler"))
    build = programme.build()
    assert build.warnings.startswith(
        "events/test.yaml:27: WARNING: awards[0].winners[0].paper: there is no paper 'fair-sampler' in "
        "events/test.papers.yaml; did you mean 'fair-sampling'?")
    assert "Traceback" not in build.warnings + build.status


def test_a_winning_paper_on_no_page_is_explained(programme: Project) -> None:
    programme.write("events/test.md", PAGE.replace(":::{papers} test.papers.yaml\n:::\n", "").replace(
        ":::{papers}\n:presentation: oral\n:::\n", ""))
    build = programme.build()
    assert "events/test.md:18: WARNING: the paper 'fair-sampling' is on no page, so its award cannot link to " \
        "it: show the papers of events/test.papers.yaml with :::{papers} on the event's page" in build.warnings
    assert "undefined label" not in build.warnings


def test_a_paper_winner_may_name_who_received_the_award_with_their_affiliation(programme: Project) -> None:
    photo = "        photo: {src: images/test/winner.png, alt: The first author holding the prize}\n"
    programme.write("events/test.yaml", PROGRAMME_YAML.replace(
        "      - paper: fair-sampling\n" + photo,
        "      - paper: fair-sampling\n        name: Utku Example\n        affiliation: Ghent University\n"
        + photo + "      - {paper: fair-sampling, id: alan-turing}\n"))
    html = page(programme.build())
    first, second = html.select("li.faimi-award__winner--paper")
    assert first.p.get_text() == "Utku Example, Ghent University, for Revisiting Frame Sampling: A Study"
    assert first.find(class_="faimi-person__affiliation").get_text() == "Ghent University"
    assert first.find("a", class_="reference internal")["href"] == "#paper-fair-sampling"
    assert first.img["alt"] == "The first author holding the prize"
    # A registry id: the name linked, with the affiliation the event records for him (a keynote then).
    assert second.p.get_text() == "Alan Turing, University of Cambridge, for Revisiting Frame Sampling: A Study"
    assert second.find("a", string="Alan Turing")["href"] == "https://example.org/alan"


@pytest.mark.parametrize(("beside", "given"), [
    ("        affiliation: Ghent University\n", "affiliation"),
    ("        group: pioneers\n", "group"),
])
def test_beside_a_paper_a_winner_names_one_person(programme: Project, beside: str, given: str) -> None:
    programme.write("events/test.yaml", PROGRAMME_YAML.replace(
        "      - paper: fair-sampling\n", "      - paper: fair-sampling\n" + beside))
    build = programme.build()
    assert (f"events/test.yaml:27: WARNING: awards[0].winners[0]: beside paper: fair-sampling, a winner names the "
            f"one person who received the award for it (by registry id or name, with their affiliation), not "
            f"{given} alone nor a group, e.g. {{paper: fair-sampling, name: Utku Ozbulak, affiliation: Ghent "
            "University}") in build.warnings, build.warnings


# -- Keynotes ----------------------------------------------------------------------


def test_keynote_cards(programme: Project) -> None:
    html = page(programme.build())
    grid = html.find("div", class_="faimi-keynotes")
    assert "sd-container-fluid" in grid["class"]
    cards = grid.select(".sd-row > .sd-col > .sd-card.faimi-keynote")
    assert len(cards) == 2
    alan, grace = cards
    assert alan.img["alt"] == "Alan Turing at the blackboard"
    assert alan.find(class_="faimi-keynote__label").get_text() == "Opening Keynote"
    assert alan.find(class_="faimi-keynote__name").get_text() == "Alan Turing"
    # The affiliation at the time of the event, not the registry's (University of Manchester).
    assert alan.find(class_="faimi-keynote__affiliation").get_text() == "University of Cambridge"
    assert alan.find(class_="faimi-keynote__title").get_text() == "Can Machines Be Fair?"
    abstract, bio = alan.find_all("details")
    assert abstract.summary.get_text(strip=True) == "Abstract" and "open" not in abstract.attrs
    assert [p.get_text() for p in abstract.select("p")] == ["A first paragraph about the talk.", "A second paragraph."]
    assert bio.summary.get_text(strip=True) == "About the speaker"
    assert grace.img is None and grace.find("details") is None
    assert grace.find(class_="faimi-keynote__affiliation").get_text() == "Navy Lab"


def test_a_keynote_to_be_confirmed(programme: Project) -> None:
    programme.write("events/test.yaml", PROGRAMME_YAML.replace("  - name: Grace Hopper\n    affiliation: Navy Lab\n",
                                                               "  - {id: tbc, title: A Talk To Come}\n"))
    card = page(programme.build()).select(".faimi-keynote")[1]
    assert card.find(class_="faimi-keynote__name").get_text() == "Speaker to be confirmed"
    assert card.find(class_="faimi-keynote__title").get_text() == "A Talk To Come"


def test_a_keynote_card_shows_the_affiliation_the_event_records_elsewhere(programme: Project) -> None:
    # No affiliation on the keynote entry; the organisers' entry records Alan's then.
    programme.write("events/test.yaml", PROGRAMME_YAML.replace("    affiliation: University of Cambridge\n", "")
                    + "organisers:\n  - {id: alan-turing, affiliation: Bletchley Park}\n")
    alan = page(programme.build()).select(".faimi-keynote")[0]
    assert alan.find(class_="faimi-keynote__affiliation").get_text() == "Bletchley Park"


@pytest.mark.parametrize(("keynotes", "shown"), [
    ("  - tbc\n", "to be confirmed"),
    ("  - alan-turing\n  - tbc\n  - {id: tbc, title: Later}\n",
     "Alan Turing (University of Manchester) and 2 speakers to be confirmed"),
])
def test_a_keynote_to_be_confirmed_in_the_summary(event: Project, keynotes: str, shown: str) -> None:
    event.write("events/test.yaml", EVENT_YAML + "keynotes:\n" + keynotes)
    event.write("events/test.agenda.yaml", '- {start: "09:00", kind: keynote, title: tbc, speakers: [tbc]}\n')
    build = event.build()
    assert build.warnings == ""
    facts = summary_facts(build, "events/test")
    row = facts["Keynote" if keynotes.count("-") == 1 else "Keynotes"]
    assert row.get_text().strip() == shown
    assert row.select_one(".faimi-tbc").get_text().endswith("to be confirmed")


TBC_PAGE = """\
# Test workshop

:::{event-summary} test.yaml
:::

Keynotes by {event}`keynotes`, organised by {event}`organisers`.

:::{event-people} keynotes
:::

:::{event-people} keynotes
:style: byline
:::

:::{event-people} organisers
:photos:
:::

:::{agenda} test.agenda.yaml
:::
"""


@pytest.mark.parametrize(("keynotes", "line", "items"), [
    ("[alan-turing, tbc]", "Alan Turing (University of Manchester) and a speaker to be confirmed",
     ["Alan Turing, University of Manchester", "a speaker to be confirmed"]),
    ("[tbc, {id: tbc, title: Later}]", "to be confirmed", ["to be confirmed"]),
])
def test_a_keynote_to_be_confirmed_everywhere_people_are_shown(
        event: Project, keynotes: str, line: str, items: list[str]) -> None:
    event.write("events/test.yaml", EVENT_YAML + f"keynotes: {keynotes}\norganisers: [ada-lovelace, tbc]\n")
    event.write("events/test.agenda.yaml", '- {start: "09:00", kind: keynote, title: tbc, speakers: [tbc]}\n')
    event.write("events/test.md", TBC_PAGE)
    build = event.build(html_baseurl="https://example.org/")
    assert build.warnings == ""
    html = build.html("events/test")
    article = html.find(attrs={"role": "main"}) or html.body
    assert not re.search(r"\btbc\b", article.get_text(), re.IGNORECASE)
    role = html.find(class_="faimi-fact--keynotes")
    assert role.get_text() == line and role.select_one(".faimi-tbc").get_text().endswith("to be confirmed")
    organisers = html.find(class_="faimi-fact--organisers")
    assert organisers.get_text() == "Ada Lovelace (Analytical Engine Society) and an organiser to be confirmed"
    listed, byline, organising = html.select(".faimi-people")
    assert [li.get_text() for li in listed.select("li")] == items
    assert listed.select("li")[-1].select_one(".faimi-tbc").get_text() == items[-1]
    assert byline.get_text() == line and byline.select_one(".faimi-tbc") is not None
    assert [li.get_text() for li in organising.select("li")] == [
        "Ada Lovelace, Analytical Engine Society", "an organiser to be confirmed"]
    facts = summary_facts(build, "events/test")
    assert facts["Keynotes"].get_text().strip() == line
    assert facts["Organisers"].get_text().strip() == organisers.get_text()
    # Search engines are told of the speakers and organisers known, never of one named "tbc".
    (data,) = [json.loads(s.string) for s in html.find_all("script", type="application/ld+json")]
    known = [{"@type": "Person", "name": "Alan Turing"}] if "alan" in keynotes else None
    assert data.get("performer") == known
    assert data["organizer"] == {"@type": "Person", "name": "Ada Lovelace", "url": "https://example.org/ada"}
    # Nobody called "tbc" did anything (person pages are made from what people did).
    assert not any("tbc" in people for people in build.app.env.faimi_person_activity.values())


def test_keynote_photo_from_the_registry(programme: Project) -> None:
    programme.write_bytes("people/photos/alan.png", PNG)
    programme.write("people/people.yaml", programme.read("people/people.yaml").replace(
        "    pronouns: he/him\n", "    pronouns: he/him\n    photo: {src: photos/alan.png, alt: Alan in 1951}\n"))
    programme.write("events/test.yaml", PROGRAMME_YAML.replace(
        "    photo: {src: images/test/alan.png, alt: Alan Turing at the blackboard}\n", ""))
    html = page(programme.build())
    assert html.select_one(".faimi-keynote img")["alt"] == "Alan in 1951"


def test_extended_keynotes_still_work_in_event_people_and_the_role(programme: Project) -> None:
    programme.write("events/test.md", PAGE + "\n:::{event-people} keynotes\n:::\n\nBy {event}`keynotes`.\n")
    html = page(programme.build())
    assert [li.get_text() for li in html.select("ul.faimi-people li")] == [
        "Alan Turing, University of Cambridge", "Grace Hopper, Navy Lab"]
    assert html.find(class_="faimi-fact--keynotes").get_text() == (
        "Alan Turing (University of Cambridge) and Grace Hopper (Navy Lab)")


def test_a_missing_photo_is_reported_at_its_line_and_not_shown(programme: Project) -> None:
    (programme.root / "events/images/test/alan.png").unlink()
    build = programme.build()
    assert build.warnings.startswith(
        "events/test.yaml:19: WARNING: keynotes[0].photo.src: there is no file 'images/test/alan.png' in events/; "
        "put it there, or correct the path")
    assert build.warnings.count("WARNING") == 1
    assert build.html("events/test").select_one(".faimi-keynote img") is None
    # Once the photo is there, the page is read again and shows it.
    programme.write_bytes("events/images/test/alan.png", PNG)
    again = programme.build()
    assert again.warnings == "" and "events/test" in again.read
    assert again.html("events/test").select_one(".faimi-keynote img")["alt"] == "Alan Turing at the blackboard"


# -- Materials and topics ------------------------------------------------------------


def test_materials_show_type_and_size_and_are_copied(programme: Project) -> None:
    build = programme.build()
    html = page(build)
    items = html.select("ul.faimi-materials > li")
    assert [li.get_text() for li in items] == [
        "Slides with notes (PDF, 2.4 kB)", "Notebook (Jupyter notebook, 14 bytes)", "Recording (on www.youtube.com)"]
    slides = items[0].find("a", class_="download")
    assert slides.get_text() == "Slides with notes"
    copied = (build.page("events/test").parent / slides["href"]).resolve()
    assert copied.name == "slides.pdf" and copied.read_bytes().startswith(b"%PDF-1.4")
    assert items[2].a["href"] == "https://www.youtube.com/watch?v=abc"


def test_a_missing_material_is_reported_at_its_line(programme: Project) -> None:
    (programme.root / "events/materials/test/notebook.ipynb").unlink()
    build = programme.build()
    assert build.warnings.startswith(
        "events/test.yaml:39: WARNING: materials[1].file: there is no file 'materials/test/notebook.ipynb' in "
        "events/; put it there, or correct the path")
    assert build.warnings.count("WARNING") == 1
    assert [li.get_text() for li in build.html("events/test").select("ul.faimi-materials > li")][1:] == [
        "Recording (on www.youtube.com)"]


def test_topics(programme: Project) -> None:
    html = page(programme.build())
    assert [li.get_text() for li in html.select("ul.faimi-topics > li")] == ["Bias in segmentation", "Fair evaluation"]


def test_a_directive_without_its_facts_is_reported(programme: Project) -> None:
    programme.write("events/test.yaml", EVENT_YAML)
    programme.write("events/test.md", "# Test\n\n:::{event-summary} test.yaml\n:::\n\n:::{topics}\n:::\n")
    build = programme.build()
    assert build.warnings.startswith("events/test.md:6: WARNING: topics lists the topics of the page's event: put "
                                     ":::{event-summary} <the event's file>.yaml above it, and give the event its "
                                     "topics there")


# -- Every builder -----------------------------------------------------------------


@pytest.mark.parametrize("builder", ["html", "dirhtml", "singlehtml", "text", "latex", "linkcheck"])
def test_every_builder_builds_the_programme_without_a_warning(programme: Project, builder: str) -> None:
    programme.write("events/test.md", PAGE)
    build = programme.build(builder, **({"linkcheck_ignore": [".*"]} if builder == "linkcheck" else {}))
    assert build.warnings == ""
    out = Path(build.app.outdir)
    if builder == "text":
        text = (out / "events/test.txt").read_text(encoding="utf-8")
        assert "Utku Example, et al." in text and "Can Machines Be Fair?" in text
        assert "Slides with notes (PDF, 2.4 kB)" in text
    if builder == "latex":
        tex = next(out.glob("*.tex")).read_text(encoding="utf-8")
        label = re.search(r"\\label\{\\detokenize\{(events/test:paper-fair-sampling)\}\}", tex)
        assert label and f"\\hyperref[\\detokenize{{{label[1]}}}]" in tex
    if builder in ("html", "dirhtml", "singlehtml"):
        assert list(out.glob("_downloads/*/slides.pdf"))
    if builder == "singlehtml":
        html = build.html("index")
        assert html.select_one("a.reference.internal[href='#paper-fair-sampling']")


def test_the_doctree_holds_standard_nodes(programme: Project) -> None:
    build = programme.build()
    assert build.warnings == ""
    doctree = build.app.env.get_doctree("events/test")
    assert [t["ids"] for t in doctree.findall(nodes.target) if t["ids"] and t["ids"][0].startswith("paper-")] == [
        ["paper-fair-sampling"], ["paper-fairness-without-labels"], ["paper-an-unpresented-paper"]]


# -- Rebuilds and parallel builds ----------------------------------------------------


def test_editing_a_programme_file_rereads_the_event_page(programme: Project) -> None:
    programme.write("other.md", "# Other\n")
    programme.write("index.md", "# Home\n\n```{toctree}\nevents/test\nother\n```\n")
    assert page(programme.build())
    programme.write("events/test.papers.yaml", PAPERS_YAML.replace("An Unpresented Paper", "A Retitled Paper"))
    again = programme.build()
    assert again.read == ["events/test"]
    assert "A Retitled Paper" in page(again).get_text()
    programme.write_bytes("events/materials/test/slides.pdf", b"%PDF-1.4\n" + b"x" * 24000)
    third = programme.build()
    assert third.read == ["events/test"]
    assert "Slides with notes (PDF, 24 kB)" in page(third).get_text()


def test_parallel_build_equals_serial_build(programme: Project) -> None:
    # Enough event pages for Sphinx to read them in parallel. They share their photos: Sphinx
    # names the copies of two photos with one file name (alan.png, alan1.png) in the order
    # it reads the pages, which a parallel build does not keep.
    names = [f"test{i}" for i in range(6)]
    for name in names:
        write_programme(programme, name, files="test")
    toctree = "\n".join(f"events/{n}" for n in ["test", *names])
    programme.write("index.md", f"# Home\n\n```{{toctree}}\n{toctree}\n```\n")
    serial = programme.build(outdir="serial")
    parallel = programme.build(outdir="parallel", parallel=2)
    assert serial.warnings == parallel.warnings == ""
    for name in names:
        assert serial.page(f"events/{name}").read_text() == parallel.page(f"events/{name}").read_text()
    assert 'href="#paper-fair-sampling"' in serial.page("events/test5").read_text()
