"""Links for editors: every page to its source on GitHub, event pages also to their data.

The site is built as the workflow builds it, and every link is followed back to a file
of this repository: an "Edit" link that leads to a 404 on GitHub is worse than none.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, Build, copy_site
from faimi import person_pages

REPOSITORY = "faimi-workshop/faimi-workshop.github.io"
EDIT_PREFIX = f"https://github.com/{REPOSITORY}/edit/main/"


def repo_path(url: str, prefix: str = EDIT_PREFIX) -> str:
    """The file of the repository that an edit link opens."""
    assert url.startswith(prefix), f"{url} is not an edit link into {prefix}"
    assert not urlsplit(url).query, url
    return url.removeprefix(prefix)


def page(build: Build, docname: str) -> BeautifulSoup:
    """The built page; the 404 page is written as 404.html (for GitHub Pages)."""
    if docname == "404":
        return BeautifulSoup(Path(build.app.outdir, "404.html").read_text(encoding="utf-8"), "html.parser")
    return build.html(docname)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Build:
    build = copy_site(tmp_path_factory.mktemp("edit") / "site").build()
    assert build.warnings == ""
    return build


def test_every_page_links_to_its_own_source_for_editing(built: Build):
    docnames = sorted(built.app.env.found_docs)
    assert "index" in docnames and "events/2025-london-symposium" in docnames
    for docname in docnames:
        links = page(built, docname).select('a[rel="edit"]')
        source = Path(built.app.env.doc2path(docname))
        if source.read_text(encoding="utf-8").startswith(person_pages.MARK):
            # Written by the build (a person page): nothing to edit but the registry.
            assert links == [], f"{docname}: a generated page offers its source for editing"
            data = [repo_path(a["href"]) for a in page(built, docname).select(".faimi-edit-data a")]
            assert "people/people.yaml" in data, docname
            continue
        assert len(links) == 1, f"{docname}: expected one 'Edit this page' link, found {len(links)}"
        path = repo_path(links[0]["href"])
        assert path == Path(built.app.env.doc2path(docname)).relative_to(built.app.srcdir).as_posix()
        assert (ROOT / path).is_file(), f"{docname}: {path} is not a file of the repository"
        assert links[0].get_text(strip=True) == "Edit this page on GitHub"


def test_every_data_link_opens_an_existing_data_file(built: Build):
    seen = set()
    for docname in built.app.env.found_docs:
        for link in page(built, docname).select(".faimi-edit-data a"):
            path = repo_path(link["href"])
            assert link.get_text() == path
            assert (ROOT / path).is_file(), f"{docname}: {path} is not a file of the repository"
            seen.add(path)
    assert "people/people.yaml" in seen
    assert "events/2025-london-symposium.agenda.yaml" in seen


def test_an_event_page_links_to_its_facts_then_its_agenda_then_shared_data(built: Build):
    links = built.html("events/2025-london-symposium").select("footer .faimi-edit-data a")
    assert [a.get_text() for a in links] == [
        "events/2025-london-symposium.yaml",
        "events/2025-london-symposium.agenda.yaml",
        "people/people.yaml",
    ]
    # A page without data files has no such line.
    assert page(built, "404").select(".faimi-edit-data") == []


def test_the_repository_comes_from_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """The workflow sets FAIMI_REPOSITORY from github.repository: a fork links to itself."""
    monkeypatch.setenv("FAIMI_REPOSITORY", "someone/faimi-fork")
    build = copy_site(tmp_path / "site").build()
    prefix = "https://github.com/someone/faimi-fork/edit/main/"
    page = build.html("events/2025-london-symposium")
    assert repo_path(page.select_one('a[rel="edit"]')["href"], prefix) == "events/2025-london-symposium.md"
    assert repo_path(page.select_one(".faimi-edit-data a")["href"], prefix) == "events/2025-london-symposium.yaml"
