"""Every file the data names (downloads, photos, data files) is read only from inside the
project and only when it is of its kind: refused at its YAML line, by the build and by the
check command alike; a page is read again once a refused file is put right."""

from __future__ import annotations

import subprocess
import sys

from conftest import EVENT_YAML, MINI_CONF, PAPERS_YAML, PNG, ROOT, Build, Project
from test_event_links import LINKS_YAML, PAGE as LINKS_PAGE, png

SECRET = "root:x:0:0:secret-content"


def check(project: Project) -> list[str]:
    """What the check command prints for ``project``, sorted."""
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "check.py"), str(project.root)],
                          capture_output=True, text=True, check=False)
    assert "Traceback" not in done.stderr, done.stderr
    return sorted(done.stdout.splitlines())


def warnings(build: Build) -> list[str]:
    return sorted(line for line in build.warnings.splitlines() if "WARNING" in line)


def link_outside(project: Project, relpath: str, content: bytes) -> None:
    """Make ``relpath`` a link to a file outside the project holding ``content``."""
    outside = project.root.parent / ("outside-" + relpath.replace("/", "-"))
    outside.write_bytes(content)
    (project.root / relpath).parent.mkdir(parents=True, exist_ok=True)
    (project.root / relpath).unlink(missing_ok=True)
    (project.root / relpath).symlink_to(outside)


def published(build: Build, *names: str) -> list[str]:
    """The files of the output whose names start with one of ``names``."""
    return [p.name for p in build.app.outdir.rglob("*") if p.name.startswith(names)]


def test_a_download_linked_outside_the_project_is_refused_at_its_line(programme: Project) -> None:
    link_outside(programme, "events/materials/test/slides.pdf", (SECRET + "\n").encode())
    build = programme.build()
    assert warnings(build) == [
        "events/test.yaml:37: WARNING: materials[0].file: 'materials/test/slides.pdf' is outside the project "
        "(or a link to a file outside it): data files and images are read only from the project's own "
        "folders; put the file beside the page and name it by its path from there, e.g. "
        "2025-london-symposium.agenda.yaml [faimi.event]"]
    items = [li.get_text() for li in build.html("events/test").select("ul.faimi-materials > li")]
    assert items == ["Notebook (Jupyter notebook, 14 bytes)", "Recording (on www.youtube.com)"]
    assert not published(build, "slides", "outside") and "secret" not in build.warnings
    assert check(programme) == warnings(build)


def test_a_photo_linked_outside_the_project_is_refused_at_its_line(programme: Project) -> None:
    link_outside(programme, "events/images/test/alan.png", PNG)
    build = programme.build()
    assert warnings(build) == [
        "events/test.yaml:19: WARNING: keynotes[0].photo.src: 'images/test/alan.png' is outside the project "
        "(or a link to a file outside it): data files and images are read only from the project's own "
        "folders; put the file beside the page and name it by its path from there, e.g. "
        "2025-london-symposium.agenda.yaml [faimi.event]"]
    assert build.html("events/test").select_one(".faimi-keynote img") is None
    assert not published(build, "alan", "outside")
    assert check(programme) == warnings(build)


def test_a_text_file_named_as_a_photo_is_refused_at_its_line(programme: Project) -> None:
    programme.write("events/images/test/group.png", "this is text, not a photo\n")
    build = programme.build()
    assert warnings(build) == [
        "events/test.yaml:34: WARNING: awards[1].photo.src: 'images/test/group.png' in events/ is not a JPEG or "
        "PNG image (its first bytes are not those of one, whatever its name says); give the path of a .jpg or "
        ".png photo [faimi.event]"]
    assert build.html("events/test").select_one(".faimi-award__photo") is None
    assert check(programme) == warnings(build)


def test_a_papers_file_linked_outside_the_project_is_refused(programme: Project) -> None:
    link_outside(programme, "events/test.papers.yaml", (PAPERS_YAML + f"- title: {SECRET}\n  authors: [\n").encode())
    build = programme.build()
    assert warnings(build) == [
        "events/test.md:23: WARNING: 'test.papers.yaml' is outside the project (or a link to a file outside it): "
        "data files and images are read only from the project's own folders; put the file beside the page and "
        "name it by its path from there, e.g. 2025-london-symposium.agenda.yaml [faimi.papers]"]
    assert "secret" not in build.warnings and "secret" not in build.page("events/test").read_text()
    assert build.html("events/test").select_one("ul.faimi-papers") is None
    assert [line for line in check(programme) if "secret" in line or "outside" in line] == [
        "events/test.papers.yaml:1: WARNING: 'events/test.papers.yaml' is outside the project (or a link to a "
        "file outside it): data files and images are read only from the project's own folders; put the file "
        "beside the page and name it by its path from there, e.g. 2025-london-symposium.agenda.yaml "
        "[faimi.papers]"]


def test_a_data_file_no_page_shows_linked_outside_is_refused_without_its_content(event: Project) -> None:
    link_outside(event, "events/draft.yaml", f"kind: {SECRET}\n".encode())
    build = event.build()
    assert warnings(build) == [
        "events/draft.yaml:1: WARNING: 'events/draft.yaml' is outside the project (or a link to a file outside "
        "it): data files and images are read only from the project's own folders; put the file beside the "
        "page and name it by its path from there, e.g. 2025-london-symposium.agenda.yaml [faimi.event]"]
    assert check(event) == warnings(build)


def test_a_page_is_read_again_once_its_refused_agenda_is_put_right(event: Project) -> None:
    agenda = event.read("events/test.agenda.yaml")
    event.write("other.md", "# Other\n")
    event.write("index.md", "# Home\n\n```{toctree}\nevents/test\nother\n```\n")
    link_outside(event, "events/test.agenda.yaml", agenda.encode())
    first = event.build()
    assert "events/test.md:8: WARNING: 'test.agenda.yaml' is outside the project" in first.warnings
    assert first.html("events/test").find(class_="faimi-agenda") is None
    (event.root / "events/test.agenda.yaml").unlink()
    event.write("events/test.agenda.yaml", agenda)
    again = event.build()
    assert again.warnings == "" and again.read == ["events/test"]
    assert again.html("events/test").find(class_="faimi-agenda") is not None


def test_a_page_is_read_again_once_its_missing_event_file_is_there(event: Project) -> None:
    (event.root / "events/test.yaml").unlink()
    event.write("other.md", "# Other\n")
    event.write("index.md", "# Home\n\n```{toctree}\nevents/test\nother\n```\n")
    first = event.build()
    assert "events/test.md:3: WARNING: data file 'test.yaml' not found" in first.warnings
    event.write("events/test.yaml", EVENT_YAML)
    again = event.build()
    assert again.warnings == "" and again.read == ["events/test"]
    assert again.html("events/test").find(class_="faimi-summary") is not None


def test_a_registry_linked_outside_the_project_is_refused_without_its_content(mini: Project) -> None:
    link_outside(mini, "people/people.yaml", f"people:\n  {SECRET}: [\n".encode())
    build = mini.build()
    assert "people/people.yaml:1: WARNING: 'people/people.yaml' is outside the project (or a link" in build.warnings
    assert "secret" not in build.warnings and "secret" not in build.page().read_text()
    assert check(mini) == [line for line in warnings(build) if line.startswith("people/people.yaml")]


def test_a_bibtex_file_linked_outside_the_project_is_refused(mini: Project) -> None:
    mini.write("conf.py", MINI_CONF.format(ext=str(ROOT / "_ext")).replace(
        '"faimi"]', '"sphinxcontrib.bibtex", "faimi"]') + 'bibtex_bibfiles = ["resources/list.bib"]\n')
    mini.write("index.md", "# Home\n\n```{bibliography}\n:all:\n```\n")
    entry = "@article{secret, title = {%s}, author = {Doe, Jane}, journal = {J}, year = {2025}, url = {https://example.org}, keywords = {x}}\n"
    mini.write("resources/list.bib", "")
    link_outside(mini, "resources/list.bib", (entry % SECRET).encode())
    build = mini.build()
    assert ("resources/list.bib:1: WARNING: 'resources/list.bib' is outside the project (or a link to a file "
            "outside it)") in build.warnings
    assert "secret" not in build.warnings and "secret" not in build.page().read_text()


def test_a_sponsors_logo_and_the_proceedings_cover_are_checked_as_photos(event: Project) -> None:
    event.write("events/test.yaml", LINKS_YAML)
    event.write("events/test.md", LINKS_PAGE)
    link_outside(event, "events/images/test/acme.png", png(400, 100))
    event.write("events/images/test/book.png", "a text file, not the cover\n")
    build = event.build()
    assert warnings(build) == [
        "events/test.yaml:13: WARNING: sponsors[0].logo.src: 'images/test/acme.png' is outside the project (or a "
        "link to a file outside it): data files and images are read only from the project's own folders; put "
        "the file beside the page and name it by its path from there, e.g. 2025-london-symposium.agenda.yaml "
        "[faimi.event]",
        "events/test.yaml:21: WARNING: proceedings.cover.src: 'images/test/book.png' in events/ is not a JPEG or "
        "PNG image (its first bytes are not those of one, whatever its name says); give the path of a .jpg or "
        ".png photo [faimi.event]"]
    assert build.html("events/test").find(class_="faimi-summary").find("img") is None
    assert not published(build, "acme", "book", "outside")
    assert check(event) == warnings(build)
