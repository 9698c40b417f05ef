"""Links of an event shown with a picture: a sponsor's logo, the proceedings' cover."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from conftest import EVENT_YAML, Project
from test_agenda import summary_facts

LINKS_YAML = EVENT_YAML + """\
sponsors:
  - name: Acme Foundation
    url: https://example.org/acme
    logo:
      src: images/test/acme.png
      alt: Acme Foundation
  - name: Beta Trust
  - name: Gamma Fund
    url: https://example.org/gamma
proceedings:
  url: https://example.org/book
  cover:
    src: images/test/book.png
    alt: The cover of the book, in red
"""
PAGE = """\
# Test workshop

:::{event-summary} test.yaml
:::

Thanks to the {event}`sponsors`; see {event}`proceedings`.
"""


def png(width: int, height: int) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), "darkred").save(out, "PNG")
    return out.getvalue()


@pytest.fixture
def linked(event: Project) -> Project:
    """The small event with a sponsor's logo (400x100) and the proceedings' cover (720x360)."""
    event.write("events/test.yaml", LINKS_YAML)
    event.write("events/test.md", PAGE)
    event.write_bytes("events/images/test/acme.png", png(400, 100))
    event.write_bytes("events/images/test/book.png", png(720, 360))
    return event


def test_a_logo_stands_for_its_sponsors_name_inside_the_link(linked: Project) -> None:
    build = linked.build()
    assert build.warnings == ""
    row = summary_facts(build, "events/test")["Sponsors"]
    acme, gamma = row.find_all("a")
    logo = acme.find("img")
    assert acme["href"] == "https://example.org/acme"
    assert (logo["alt"], logo["width"], logo["height"]) == ("Acme Foundation", "160", "40")
    assert logo["src"].endswith(".webp") and "faimi-summary__logo" in logo["class"]
    # The alt text is the link's only name: the name is not said twice.
    assert acme.get_text() == ""
    # Sponsors without a logo keep their names, linked where they have a URL.
    assert gamma.get_text() == "Gamma Fund" and "Beta Trust" in row.get_text()
    # In a sentence, the role names the sponsors (no logo) and links the proceedings.
    fact = build.html("events/test").find(class_="faimi-fact--sponsors")
    assert fact.find("img") is None and "Acme Foundation" in fact.get_text()
    assert build.html("events/test").find(class_="faimi-fact--proceedings").a["href"] == "https://example.org/book"


def test_the_proceedings_link_shows_the_cover(linked: Project) -> None:
    build = linked.build()
    link = summary_facts(build, "events/test")["Proceedings"].find("a")
    cover = link.find("img")
    assert link["href"] == "https://example.org/book"
    assert (cover["alt"], cover["width"], cover["height"]) == ("The cover of the book, in red", "360", "180")
    assert link.get_text() == "Read the proceedings"


def test_proceedings_as_a_plain_address_still_work(event: Project) -> None:
    event.write("events/test.yaml", EVENT_YAML + "proceedings: https://example.org/book\n")
    build = event.build()
    assert build.warnings == ""
    link = summary_facts(build, "events/test")["Proceedings"].find("a")
    assert link["href"] == "https://example.org/book" and link.find("img") is None


@pytest.mark.parametrize(("change", "expected"), [
    (("      alt: Acme Foundation\n", ""),
     "events/test.yaml:12: WARNING: sponsors[0].logo: 'alt' is missing; it is required. For example: "
     "alt: Royal Academy of Engineering"),
    (("      alt: Acme Foundation\n", "      alt: A red rocket\n"),
     "events/test.yaml:10: WARNING: sponsors[0]: the logo is shown in place of the name, so its alt text is "
     "what screen readers say for the sponsor: make it name 'Acme Foundation', e.g. alt: Acme Foundation"),
    (("src: images/test/acme.png", "src: images/test/acme.gif"),
     "events/test.yaml:13: WARNING: sponsors[0].logo.src: 'images/test/acme.gif' is not a photo: give a .jpg "
     "or .png file"),
    (("    alt: The cover of the book, in red\n", ""),
     "events/test.yaml:20: WARNING: proceedings.cover: 'alt' is missing; it is required. For example: "
     "alt: 'The cover of the proceedings, Fairness of AI in Medical Imaging'"),
])
def test_a_bad_picture_is_reported_at_its_line(linked: Project, change: tuple[str, str], expected: str) -> None:
    linked.write("events/test.yaml", LINKS_YAML.replace(*change))
    build = linked.build()
    assert build.warnings.startswith(expected), build.warnings
    assert build.warnings.count("WARNING") == 1


def test_a_missing_picture_is_reported_at_its_line_and_the_name_shown(linked: Project) -> None:
    (linked.root / "events/images/test/acme.png").unlink()
    (linked.root / "events/images/test/book.png").unlink()
    build = linked.build()
    assert build.warnings.splitlines() == [
        "events/test.yaml:13: WARNING: sponsors[0].logo.src: there is no file 'images/test/acme.png' in events/; "
        "put it there, or correct the path (from events/, e.g. images/NAME/logo.png) [faimi.event]",
        "events/test.yaml:21: WARNING: proceedings.cover.src: there is no file 'images/test/book.png' in "
        "events/; put it there, or correct the path (from events/, e.g. images/NAME/cover.png) [faimi.event]",
    ]
    facts = summary_facts(build, "events/test")
    assert facts["Sponsors"].find("a").get_text() == "Acme Foundation"
    assert facts["Proceedings"].find("img") is None
    # Once the files are there, the page is read again and shows them.
    linked.write_bytes("events/images/test/acme.png", png(400, 100))
    linked.write_bytes("events/images/test/book.png", png(720, 360))
    again = linked.build()
    assert again.warnings == "" and "events/test" in again.read
    assert summary_facts(again, "events/test")["Sponsors"].find("img")["alt"] == "Acme Foundation"


def test_other_builders_show_the_pictures_as_plain_images(linked: Project) -> None:
    build = linked.build("text")
    assert build.warnings == ""
    text = (build.app.outdir / "events" / "test.txt").read_text(encoding="utf-8")
    assert "[image: Acme Foundation]" in text and "[image: The cover of the book, in red]" in text
