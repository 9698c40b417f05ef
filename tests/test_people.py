"""The people registry and the people-list directive, built as real pages."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest
from docutils import nodes

from conftest import EVENT_YAML, Build, Project

ORGANIZERS = [
    ("Aasa Feragen", "http://www2.compute.dtu.dk/~afhar/", "DTU Compute, Technical University of Denmark"),
    ("Andrew King", "https://www.kcl.ac.uk/people/andrew-king", "King's College London"),
    ("Ben Glocker", "https://www.imperial.ac.uk/people/b.glocker", "Imperial College London"),
    ("Enzo Ferrante", "https://eferrante.github.io/", "CONICET, Universidad de Buenos Aires"),
    ("Eike Petersen", "https://e-pet.github.io/", "Fraunhofer Institute for Digital Medicine MEVIS"),
    ("Esther Puyol-Antón", "https://www.kclmmag.org/team/esther-puyol-anton", "HeartFlow and King's College London"),
    ("Melanie Ganz-Benjaminsen", "https://sites.google.com/view/melanieganz/home?pli=1",
     "University of Copenhagen & Neurobiology Research Unit, Rigshospitalet"),
    ("Veronika Cheplygina", "https://veronikach.com/", "IT University Copenhagen"),
]
ADVISORY_PANEL = [
    ("Judy Gichoya", "https://winshipcancer.emory.edu/bios/faculty/gichoya-judy.html", "Emory University"),
    ("Kanwal Bhatia", "https://www.linkedin.com/in/kanwal-bhatia-138b195/", "Aival"),
    ("Tal Arbel", "https://www.cim.mcgill.ca/~arbel/", "McGill University"),
    ("Bishesh Khanal", "https://www.naamii.org.np/teams/bishesh-khanal/", "NAAMII"),
    ("Ira Ktena", "https://sites.google.com/view/sk1712/home", "Google DeepMind"),
    ("Sanmi Koyejo", "https://cs.stanford.edu/~sanmi/", "Stanford University"),
    ("Karim Lekadir", "https://mat.ub.edu/departament/professors/lekadir-karim/", "Universitat de Barcelona"),
    ("Mercy Asiedu", "https://mercynasiedu.com/", "Google Research"),
]


def shown_people(section, build) -> list[tuple[str, str, str]]:
    """Name, homepage (on the person's page, which the name links to) and affiliation."""
    shown = []
    for li in section.select("ul.faimi-people > li"):
        name = li.select_one("a.faimi-person__name")
        page = build.html(name["href"].rstrip("/"))
        homepage = page.select_one(".faimi-profile__links a")["href"]
        shown.append((name.get_text(), homepage, li.find(class_="faimi-person__affiliation").get_text()))
    return shown


def test_home_page_shows_the_people_in_order(site: Project) -> None:
    build = site.build()
    assert build.warnings == ""
    page = build.html("index")
    assert shown_people(page.find("section", id="organizers"), build) == ORGANIZERS
    assert shown_people(page.find("section", id="advisory-panel-members"), build) == ADVISORY_PANEL
    # The section keeps the new site's own anchor too.
    assert page.find(id="advisory-panel") is not None
    contact = page.find("section", id="contact").find("a", href=lambda h: h.startswith("mailto:"))
    assert contact["href"] == "mailto:faimi-organizers@googlegroups.com"
    assert contact.get_text() == "faimi-organizers@googlegroups.com"


def test_the_extension_declares_its_version_and_parallel_safety(mini: Project) -> None:
    app = mini.build().app
    ext = app.extensions["faimi"]
    assert ext.version != "unknown version"
    assert ext.parallel_read_safe is True
    assert ext.parallel_write_safe is True


def test_people_list_doctree(mini: Project) -> None:
    build = mini.build()
    assert build.warnings == ""
    doctree = build.app.env.get_doctree("index")
    (people,) = list(doctree.findall(nodes.bullet_list))
    assert people["classes"] == ["faimi-people"]
    items = list(people.findall(nodes.list_item))
    assert [item["classes"] for item in items] == [["faimi-person"], ["faimi-person"]]
    first = items[0].children[0]
    assert isinstance(first, nodes.paragraph)
    link, comma, affiliation = first.children
    assert isinstance(link, nodes.reference)
    assert (link.astext(), link["refuri"]) == ("Alan Turing", "https://example.org/alan")
    assert comma.astext() == ", "
    assert affiliation["classes"] == ["faimi-person__affiliation"]
    assert affiliation.astext() == "University of Manchester"
    assert items[1].astext() == "Ada Lovelace, Analytical Engine Society"


def test_people_list_details_and_byline(mini: Project) -> None:
    mini.write(
        "index.md",
        """\
        # Home

        :::{people-list} pioneers
        :details: affiliation, pronouns, orcid
        :::

        :::{people-list} pioneers
        :style: byline
        :class: speakers
        :::

        :::{people-list} pioneers
        :details: none
        :::
        """,
    )
    build = mini.build()
    assert build.warnings == ""
    full, byline, names = build.html().select(".faimi-people")
    turing = full.select("li")[0]
    assert turing.get_text() == "Alan Turing (he/him), University of Manchester, ORCID 0000-0002-1825-0097"
    assert turing.find("a", string="ORCID 0000-0002-1825-0097")["href"] == (
        "https://orcid.org/0000-0002-1825-0097"
    )
    assert byline.name == "p" and "speakers" in byline["class"]
    assert byline.get_text() == (
        "Alan Turing (University of Manchester) and Ada Lovelace (Analytical Engine Society)"
    )
    assert [li.get_text() for li in names.select("li")] == ["Alan Turing", "Ada Lovelace"]


def test_people_list_in_the_text_builder(mini: Project) -> None:
    build = mini.build("text")
    assert build.warnings == ""
    text = (build.app.outdir / "index.txt").read_text(encoding="utf-8")
    assert "* Alan Turing, University of Manchester" in text


def test_data_is_escaped_in_html(mini: Project) -> None:
    mini.write(
        "people/people.yaml",
        """\
        people:
          mallory:
            name: "<script>alert(1)</script>"
            homepage: "https://example.org/?a=1&b=<2>"
            affiliation: "Tom & Jerry <Labs>"
        groups:
          pioneers: [mallory]
        """,
    )
    build = mini.build()
    assert build.warnings == ""
    html = build.page().read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "Tom &amp; Jerry &lt;Labs&gt;" in html


def test_unknown_group_is_reported_at_the_directive(mini: Project) -> None:
    mini.write("index.md", "# Home\n\nSome text.\n\n:::{people-list} organisers\n:::\n")
    build = mini.build()
    # The page is named as in the project, like the YAML files, not by its absolute path.
    assert build.warnings.startswith("index.md:5: WARNING: unknown group 'organisers' in people-list")
    assert "the groups of people/people.yaml are: pioneers" in build.warnings


def test_unknown_detail_option_is_reported(mini: Project) -> None:
    mini.write("index.md", "# Home\n\n:::{people-list} pioneers\n:details: affiliation, email\n:::\n")
    build = mini.build()
    assert "index.md:4: WARNING: 'people-list': Invalid option value for 'details'" in build.warnings
    assert "unknown detail email; choose from pronouns, affiliation, country, orcid" in build.warnings


PERSON = """\
people:
  ada-lovelace:
    name: Ada Lovelace
    homepage: https://example.org/ada
    affiliation: Analytical Engine Society
"""

BROKEN_REGISTRIES = {
    "duplicate key": (
        PERSON + "    name: Augusta Ada King\ngroups:\n  pioneers: [ada-lovelace]\n",
        6,
        "duplicate key 'name': it is already given on line 3",
    ),
    "unknown field": (
        PERSON + "    affilation: Somewhere\ngroups:\n  pioneers: [ada-lovelace]\n",
        6,
        "people.ada-lovelace: unknown field 'affilation'; did you mean 'affiliation'?",
    ),
    "unknown group member": (
        PERSON + "groups:\n  pioneers:\n    - ada-lovelace\n    - ada-lovelac\n",
        9,
        "groups.pioneers[1]: 'ada-lovelac' is not a person of the registry; did you mean 'ada-lovelace'?",
    ),
    "bad url scheme": (
        PERSON.replace("https://example.org/ada", "ftp://example.org/ada")
        + "groups:\n  pioneers: [ada-lovelace]\n",
        4,
        "people.ada-lovelace.homepage: 'ftp://example.org/ada' is not an allowed link: "
        "it must start with http://, https:// or mailto:. For example: homepage: ",
    ),
    "javascript url": (
        PERSON.replace("https://example.org/ada", "javascript:alert(1)")
        + "groups:\n  pioneers: [ada-lovelace]\n",
        4,
        "'javascript:alert(1)' is not an allowed link",
    ),
    "markdown link as url": (
        PERSON.replace("https://example.org/ada", "'[Ada](https://example.org/ada)'")
        + "groups:\n  pioneers: [ada-lovelace]\n",
        4,
        "is not an allowed link",
    ),
    "missing field": (
        PERSON.replace("    homepage: https://example.org/ada\n", "")
        + "groups:\n  pioneers: [ada-lovelace]\n",
        2,
        "people.ada-lovelace: 'homepage' is missing; it is required. For example: homepage: 'https://",
    ),
    "bad id": (
        PERSON.replace("ada-lovelace:", "Ada Lovelace:") + "groups:\n  pioneers: []\n",
        2,
        "people.Ada Lovelace: string should match pattern",
    ),
    "invalid yaml": (
        PERSON + "groups:\n  pioneers: [ada-lovelace\n",
        8,
        "this is not valid YAML",
    ),
    "tab indentation": (
        PERSON + "groups:\n\tpioneers: [ada-lovelace]\n",
        7,
        "this is not valid YAML",
    ),
}


@pytest.mark.parametrize("case", BROKEN_REGISTRIES)
def test_registry_errors_name_file_and_line(mini: Project, case: str) -> None:
    text, line, message = BROKEN_REGISTRIES[case]
    mini.write("people/people.yaml", text)
    build = mini.build()
    assert f"people/people.yaml:{line}: WARNING: " in build.warnings
    assert message in build.warnings
    assert "Traceback" not in build.warnings + build.status


def test_a_misspelt_field_is_one_problem_not_two(mini: Project) -> None:
    mini.write("people/people.yaml", PERSON.replace("    affiliation:", "    afiliation:")
               + "groups:\n  pioneers: [ada-lovelace]\n")
    warnings = mini.build().warnings
    assert "people/people.yaml:5: WARNING: people.ada-lovelace: unknown field 'afiliation'; did you mean " \
        "'affiliation'?" in warnings
    assert "'affiliation' is missing" not in warnings


def test_registry_that_is_not_utf8(mini: Project) -> None:
    mini.write_bytes(
        "people/people.yaml",
        PERSON.replace("Society", "Soci\xe9t\xe9").encode("latin-1") + b"groups: {}\n",
    )
    build = mini.build()
    assert "people/people.yaml:5: WARNING: the file is not UTF-8 text" in build.warnings
    assert "save it with the UTF-8 encoding" in build.warnings


def test_all_registry_errors_come_in_one_build(mini: Project) -> None:
    mini.write(
        "people/people.yaml",
        PERSON.replace("https://example.org/ada", "ftp://x")
        + "  bob:\n    name: Bob\n    homepage: https://example.org/bob\n"
        + "groups:\n  pioneers: [ada-lovelace, carol, bob]\n",
    )
    build = mini.build()
    lines = [l for l in build.warnings.splitlines() if "WARNING" in l]
    assert len(lines) == 3, build.warnings
    assert lines[0].startswith("people/people.yaml:4: ")  # ada's homepage
    assert lines[1].startswith("people/people.yaml:6: ")  # bob has no affiliation
    assert lines[2].startswith("people/people.yaml:10: ")  # carol is nobody
    assert "'carol' is not a person of the registry" in lines[2]
    # The broken entries are left out; the page still builds without them.
    assert build.html().select("ul.faimi-people li") == []


def test_sphinx_build_W_fails_with_the_location(mini: Project) -> None:
    mini.write("people/people.yaml", PERSON + "    homepage: https://example.org/\n")
    result = mini.sphinx_build()
    assert result.returncode != 0
    assert "people/people.yaml:6: WARNING: duplicate key 'homepage'" in result.stderr
    assert "Traceback" not in result.stderr


def test_editing_the_registry_rereads_only_the_pages_that_use_it(mini: Project) -> None:
    mini.write("other.md", "# Other\n\nNo people here.\n")
    mini.write("index.md", "# Home\n\n```{toctree}\nother\n```\n\n:::{people-list} pioneers\n:::\n")
    first = mini.build()
    assert sorted(first.read) == ["index", "other"]
    mini.write("people/people.yaml", mini.read("people/people.yaml").replace("Ada Lovelace", "Ada King"))
    second = mini.build()
    assert second.read == ["index"]
    assert "Ada King" in second.html().get_text()


def test_parallel_build_equals_serial_build(site: Project) -> None:
    serial = site.build(outdir="serial")
    parallel = site.build(outdir="parallel", parallel=2)
    assert serial.warnings == parallel.warnings == ""
    def outputs(build: Build) -> list[Path]:
        return sorted(p.relative_to(build.app.outdir) for pattern in ("*.html", "*.ics")
                      for p in build.app.outdir.rglob(pattern))

    files = outputs(serial)
    assert files == outputs(parallel) and len([f for f in files if f.suffix == ".ics"]) == 12
    for file in files:
        assert (serial.app.outdir / file).read_text() == (parallel.app.outdir / file).read_text(), file


#: A 1x1 PNG image.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)


def with_photo(project: Project, photo: str) -> None:
    """Give Ada Lovelace of the small project's registry a photo entry."""
    project.write("people/people.yaml", project.read("people/people.yaml").replace(
        "    affiliation: Analytical Engine Society\n",
        f"    affiliation: Analytical Engine Society\n    photo: {photo}\n"))


def test_people_list_with_photos(mini: Project) -> None:
    mini.write_bytes("people/photos/ada.png", PNG)
    with_photo(mini, '{src: photos/ada.png, alt: "Ada Lovelace, drawn"}')
    mini.write("index.md", "# Home\n\n:::{people-list} pioneers\n:photos:\n:::\n")
    build = mini.build()
    assert build.warnings == ""
    items = build.html().select("ul.faimi-people--photos > li")
    assert items[0].find("img") is None  # Alan Turing has no photo: his name stands alone
    img = items[1].find("img", class_="faimi-person__photo")
    assert img["alt"] == "Ada Lovelace, drawn"
    # Shown through faimi.images: a WebP variant at the list's photo size, not the file itself.
    assert (img["width"], img["height"], img["src"][-5:]) == ("56", "56", ".webp")
    assert (build.page().parent / img["src"]).resolve().read_bytes()[8:12] == b"WEBP"
    assert not list(build.app.outdir.rglob("ada.png"))
    # Without :photos: no photo is shown.
    mini.write("index.md", "# Home\n\n:::{people-list} pioneers\n:::\n")
    assert mini.build(outdir="plain").html().find("img", class_="faimi-person__photo") is None


def test_group_members_may_carry_a_role(mini: Project) -> None:
    mini.write("people/people.yaml", mini.read("people/people.yaml").replace(
        "  pioneers: [alan-turing, ada-lovelace]",
        "  pioneers:\n    - {id: alan-turing, role: Codebreaker}\n    - ada-lovelace"))
    build = mini.build()
    assert build.warnings == ""
    items = build.html().select("ul.faimi-people > li")
    assert [li.get_text().strip() for li in items] == [
        "Alan Turing, University of Manchester, Codebreaker", "Ada Lovelace, Analytical Engine Society"]
    assert items[0].find(class_="faimi-person__role").get_text() == "Codebreaker"


def test_a_misspelt_member_role_is_reported_at_its_line(mini: Project) -> None:
    mini.write("people/people.yaml", mini.read("people/people.yaml").replace(
        "  pioneers: [alan-turing, ada-lovelace]",
        "  pioneers:\n    - ada-lovelace\n    - {id: alan-turing, rol: Codebreaker}"))
    build = mini.build()
    assert "people/people.yaml:15: WARNING: groups.pioneers[1]: unknown field 'rol'; did you mean 'role'?" \
        in build.warnings
    # The rest of the group is still shown.
    assert build.html().select_one("ul.faimi-people > li").get_text().strip().startswith("Ada Lovelace")


def test_a_missing_photo_is_reported_and_picked_up_once_it_is_there(mini: Project) -> None:
    with_photo(mini, "\n      src: photos/ada.jpg\n      alt: Ada")
    mini.write("index.md", "# Home\n\n:::{people-list} pioneers\n:photos:\n:::\n")
    build = mini.build()
    assert build.warnings.startswith(
        "people/people.yaml:7: WARNING: people.ada-lovelace.photo.src: there is no image 'photos/ada.jpg' in "
        "people/; give the image's path from that folder, e.g. src: photos/ada-lovelace.jpg")
    assert build.warnings.count("WARNING") == 1
    assert build.html().find("img") is None  # no broken image on the page
    mini.write_bytes("people/photos/ada.jpg", PNG)
    again = mini.build()
    assert again.warnings == "" and again.read == ["index"]
    assert again.html().find("img", class_="faimi-person__photo")["alt"] == "Ada"


def test_a_photo_path_must_stay_in_the_project(mini: Project) -> None:
    with_photo(mini, "{src: ../../secret.png, alt: Ada}")
    build = mini.build()
    assert ("people/people.yaml:6: WARNING: people.ada-lovelace.photo.src: '../../secret.png' is not a photo's "
            "path: give a .jpg or .png file from the folder of the people file") in build.warnings


def test_event_people_with_photos(event: Project) -> None:
    event.write_bytes("people/photos/alan.png", PNG)
    event.write("people/people.yaml", event.read("people/people.yaml").replace(
        "    pronouns: he/him\n", "    pronouns: he/him\n    photo: {src: photos/alan.png, alt: Alan Turing}\n"))
    event.write("events/test.yaml", EVENT_YAML + "organisers: [alan-turing, {name: Grace Hopper}]\n")
    event.write("events/test.md", event.read("events/test.md") + "\n:::{event-people} organisers\n:photos:\n:::\n")
    build = event.build()
    assert build.warnings == ""
    items = build.html("events/test").select("ul.faimi-people--photos > li")
    assert [li.img["alt"] if li.img else None for li in items] == ["Alan Turing", None]


def test_a_registry_problem_does_not_hide_an_unknown_id_elsewhere(event: Project) -> None:
    with_photo(event, "{src: photos/missing.png, alt: Ada}")
    event.write("events/test.yaml", EVENT_YAML + "organisers: [alan-turin]\n")
    build = event.build()
    assert "people.ada-lovelace.photo.src: there is no image" in build.warnings
    assert "events/test.yaml:9: WARNING: organisers[0]: 'alan-turin' is not a person of the registry; did you " \
        "mean 'alan-turing'?" in build.warnings
