"""Shared fixtures: build real copies of the site, or small projects, with sphinx.testing."""

from __future__ import annotations

import base64
import functools
import os
import shutil
import subprocess
import sys
import textwrap
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from io import StringIO
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Browser, expect, sync_playwright
from sphinx.testing.util import SphinxTestApp
from sphinx.util.console import strip_colors

pytest_plugins = ("sphinx.testing.fixtures",)

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "_ext"))

ROOT = Path(__file__).resolve().parent.parent
#: "Today" for every build of the tests, unless a test says otherwise ("" for the clock).
PINNED_DAY = "2026-11-25"
#: What the real site is made of (everything else in the repository is not a source).
SITE_PARTS = ("conf.py", "index.md", "404.md", "events", "people", "resources", "newsletter", "_ext", "_static",
              "_templates")

MINI_CONF = """\
import sys
sys.path.insert(0, {ext!r})
extensions = ["myst_parser", "faimi"]
myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["_build"]
"""


@dataclass
class Build:
    """The outcome of one build."""

    app: SphinxTestApp
    status: str
    warnings: str
    read: list[str] = field(default_factory=list)
    written: list[str] = field(default_factory=list)

    def page(self, docname: str = "index") -> Path:
        """The output file of ``docname``."""
        if self.app.builder.name == "dirhtml":
            stem = docname.removesuffix("index").rstrip("/") if docname.split("/")[-1] == "index" else docname
            return Path(self.app.outdir, stem, "index.html")
        return Path(self.app.outdir, docname + self.app.builder.out_suffix)

    def html(self, docname: str = "index") -> BeautifulSoup:
        """The built page of ``docname``, parsed."""
        return BeautifulSoup(self.page(docname).read_text(encoding="utf-8"), "html.parser")


class Project:
    """A Sphinx project in a temporary folder that tests can edit and build."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def write(self, relpath: str, text: str) -> Path:
        """Write a file (dedented), as an editor's save would."""
        path = self.root / relpath
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    def write_bytes(self, relpath: str, data: bytes) -> Path:
        path = self.root / relpath
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        return path

    def read(self, relpath: str) -> str:
        return (self.root / relpath).read_text(encoding="utf-8")

    def build(
        self, builder: str = "dirhtml", outdir: str | None = None, parallel: int = 0, **confoverrides
    ) -> Build:
        confoverrides.setdefault("faimi_today", PINNED_DAY)
        status, warnings = StringIO(), StringIO()
        builddir = self.root / "_build" / (outdir or builder)
        app = SphinxTestApp(
            builder, srcdir=self.root, builddir=builddir, status=status, warning=warnings,
            parallel=parallel, confoverrides=confoverrides,
        )
        outcome = Build(app, "", "")
        app.connect("env-before-read-docs", lambda _a, _e, docnames: outcome.read.extend(docnames))
        app.connect("html-page-context", lambda _a, page, *_: outcome.written.append(page))
        try:
            app.build()
        finally:
            app.cleanup()
        outcome.status, outcome.warnings = strip_colors(status.getvalue()), strip_colors(warnings.getvalue())
        return outcome

    def sphinx_build(self) -> subprocess.CompletedProcess[str]:
        """The README's build, ``sphinx-build -W --keep-going -b dirhtml``, run as a command."""
        return subprocess.run(
            [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-b", "dirhtml", "-q",
             str(self.root), str(self.root / "_build" / "cli")],
            capture_output=True, text=True, check=False,
        )


def copy_site(root: Path) -> Project:
    """Copy the real site into ``root`` (a new folder)."""
    root.mkdir(parents=True)
    for part in SITE_PARTS:
        source = ROOT / part
        if not source.exists():  # e.g. events/ before any event page is written
            continue
        if source.is_dir():
            shutil.copytree(source, root / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, root / part)
    return Project(root)


@pytest.fixture(autouse=True, scope="session")
def _no_site_variables() -> Iterator[None]:
    """Builds see no FAIMI_TODAY, FAIMI_BASEURL or FAIMI_REPOSITORY of the shell that runs the tests."""
    with pytest.MonkeyPatch.context() as env:
        env.delenv("FAIMI_TODAY", raising=False)
        env.delenv("FAIMI_BASEURL", raising=False)
        env.delenv("FAIMI_REPOSITORY", raising=False)
        yield


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


class _Server(ThreadingHTTPServer):
    # A browser may open a connection and never use it (a preconnect): closing the
    # server must not wait for the threads that serve such connections.
    daemon_threads = True
    block_on_close = False


class LocalServer:
    """A folder served over HTTP on 127.0.0.1, in a thread, while the ``with`` block runs.

    The port is chosen when the server is made, so a site can be built for its URL first.
    """

    def __init__(self, folder: Path) -> None:
        self._server = _Server(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(folder)))
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}/"

    def __enter__(self) -> LocalServer:
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()


@pytest.fixture
def site(tmp_path: Path) -> Project:
    """A copy of the real site."""
    return copy_site(tmp_path / "site")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The real site, built once for the tests that only read the output."""
    build = copy_site(tmp_path_factory.mktemp("built") / "site").build()
    assert build.warnings == ""
    return build


@pytest.fixture
def mini(tmp_path: Path) -> Project:
    """A small project with the extension, a people registry and an index page."""
    project = Project(tmp_path / "mini")
    project.write("conf.py", MINI_CONF.format(ext=str(ROOT / "_ext")))
    project.write(
        "people/people.yaml",
        """\
        people:
          ada-lovelace:
            name: Ada Lovelace
            homepage: https://example.org/ada
            affiliation: Analytical Engine Society
          alan-turing:
            name: Alan Turing
            homepage: https://example.org/alan
            affiliation: University of Manchester
            pronouns: he/him
            orcid: 0000-0002-1825-0097
        groups:
          pioneers: [alan-turing, ada-lovelace]
        """,
    )
    project.write(
        "index.md",
        """\
        # Home

        :::{people-list} pioneers
        :::
        """,
    )
    return project


EVENT_YAML = """\
kind: workshop
description: A test workshop.
date: 2025-06-30
start: "09:00"
end: "12:00"
timezone: Europe/London
mode: in-person
city: Manchester, United Kingdom
"""


@pytest.fixture
def event(mini: Project) -> Project:
    """The small project with one event page (events/test.md) that shows an agenda."""
    mini.write("index.md", "# Home\n\n```{toctree}\nevents/test\n```\n")
    mini.write("events/test.yaml", EVENT_YAML)
    mini.write(
        "events/test.agenda.yaml",
        """\
        - start: "09:00"
          end: "09:30"
          title: A talk
          speakers: [alan-turing]
        """,
    )
    mini.write(
        "events/test.md",
        """\
        # Test workshop

        :::{event-summary} test.yaml
        :::

        ## Agenda

        :::{agenda} test.agenda.yaml
        :::
        """,
    )
    return mini


EVENTS = {
    "2024-online": ("Online Workshop 2024", "kind: online-workshop\ndate: 2024-12-04\nstart: \"14:00\"\n"
                    "timezone: Etc/UTC\nmode: online\n"),
    "2025-symposium": ("Symposium 2025", "kind: symposium\ndate: 2025-06-30\ntimezone: Europe/London\n"
                       "mode: hybrid\ncity: London, United Kingdom\n"),
    "2025-issue": ("Special Issue", "kind: special-issue\nsubmission_deadline: 2025-03-31\n"),
    "2026-tutorial": ("Tutorial 2026", "kind: tutorial\ndate: 2026-09-27\ntimezone: Europe/Paris\n"
                      "mode: in-person\ncity: Strasbourg, France\n"),
}


@pytest.fixture
def archive(mini: Project) -> Project:
    """A project with four event pages, an events index and a home page with the banner."""
    for slug, (title, facts) in EVENTS.items():
        mini.write(f"events/{slug}.yaml", f"description: {title}.\n{facts}")
        mini.write(f"events/{slug}.md", f"# {title}\n\n:::{{event-summary}} {slug}.yaml\n:::\n")
    mini.write(
        "events/index.md",
        "# Events\n\n:::{event-list} all\n:heading-level: 2\n:::\n\n"
        "```{toctree}\n:glob:\n:reversed:\n\n*\n```\n",
    )
    mini.write("index.md", "# Home\n\n:::{next-up}\n:::\n\n```{toctree}\nevents/index\n```\n")
    return mini


# -- An event's programme (papers, awards, keynotes, materials, topics) ----------------

#: A 1x1 PNG image.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)

PROGRAMME_YAML = EVENT_YAML + """\
keynotes:
  - id: alan-turing
    affiliation: University of Cambridge
    label: Opening Keynote
    title: Can Machines Be Fair?
    abstract: >-
      A first paragraph about the talk.

      A second paragraph.
    bio: Alan worked on computing machinery.
    photo: {src: images/test/alan.png, alt: Alan Turing at the blackboard}
  - name: Grace Hopper
    affiliation: Navy Lab
awards:
  - id: best-oral
    name: Best Oral Presentation Award
    sponsor: {name: Example Foundation, url: https://example.org/foundation}
    winners:
      - paper: fair-sampling
        photo: {src: images/test/winner.png, alt: The first author holding the prize}
  - id: horizon
    name: Horizon Award
    winners:
      - {id: ada-lovelace, affiliation: Babbage Lab}
      - {name: Emmy Noether, affiliation: Göttingen}
    photo: {src: images/test/group.png, alt: All winners on stage}
materials:
  - title: Slides with notes
    file: materials/test/slides.pdf
  - title: Notebook
    file: materials/test/notebook.ipynb
  - title: Recording
    url: https://www.youtube.com/watch?v=abc
topics:
  - Bias in segmentation
  - Fair evaluation
"""

PAPERS_YAML = """\
- id: fair-sampling
  title: "Revisiting Frame Sampling: A Study"
  authors: [Utku Example]
  et_al: true
  presentation: oral
  links: {paper: "https://doi.org/10.1/x", code: https://example.org/code}
- title: Fairness Without Labels
  authors: [ada-lovelace, alan-turing, {name: Grace Hopper}]
  presentation: poster
- title: An Unpresented Paper
  authors: [ada-lovelace]
"""

#: The second papers list of PROGRAMME_PAGE: the orals again.
ORALS_ONLY = "## Orals only\n\n:::{papers}\n:presentation: oral\n:::\n\n"
PROGRAMME_PAGE = """\
# Test workshop

:::{event-summary} test.yaml
:::

## Keynotes

:::{keynotes}
:::

## Topics

:::{topics}
:::

## Awards

:::{awards}
:::

## Papers

:::{papers} test.papers.yaml
:::

## Orals only

:::{papers}
:presentation: oral
:::

## Materials

:::{materials}
:::
"""


def write_programme(
    project: Project, slug: str, page: str = PROGRAMME_PAGE, people: dict[str, str] | None = None,
    files: str = "",
) -> None:
    """An event ``slug`` that shows every part of a programme (its facts are EVENT_YAML's).

    ``people`` renames the registry ids of the small project's registry (for another
    registry); the event's photos and downloads are in ``images/<files>/`` and
    ``materials/<files>/`` (default: ``slug``).
    """
    files = files or slug
    facts, papers = PROGRAMME_YAML.replace("/test/", f"/{files}/"), PAPERS_YAML
    for old, new in (people or {}).items():
        facts, papers = facts.replace(old, new), papers.replace(old, new)
    project.write(f"events/{slug}.yaml", facts)
    project.write(f"events/{slug}.papers.yaml", papers)
    project.write(f"events/{slug}.md", page.replace("test.yaml", f"{slug}.yaml").replace(
        "test.papers.yaml", f"{slug}.papers.yaml"))
    for name in ("alan", "winner", "group"):
        project.write_bytes(f"events/images/{files}/{name}.png", PNG)
    project.write_bytes(f"events/materials/{files}/slides.pdf", b"%PDF-1.4\n" + b"x" * 2400)
    project.write(f"events/materials/{files}/notebook.ipynb", '{"cells": []}\n')


@pytest.fixture
def programme(event: Project) -> Project:
    """The small event (events/test) with a programme: papers, awards, keynotes, materials, topics.

    Its page shows no agenda, so it has none (an agenda file of its name, shown or not, is
    checked against its keynotes)."""
    (event.root / "events/test.agenda.yaml").unlink()
    write_programme(event, "test", PROGRAMME_PAGE.replace(ORALS_ONLY, ""))
    return event



# -- The built site in Debian's Chromium ---------------------------------------------
# Module-scoped, not session-scoped: the server and browser threads must be gone
# before other modules fork the workers of parallel Sphinx builds (a fork with live
# threads can deadlock).

CHROMIUM = Path(os.environ.get("FAIMI_CHROMIUM", "/usr/bin/chromium"))
# As root in a container, without a sandbox; no background traffic to Google.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The real site, built and served on localhost under /faimi/."""
    build = copy_site(tmp_path_factory.mktemp("browser") / "site").build()
    assert build.warnings == ""
    webroot = tmp_path_factory.mktemp("web")
    shutil.copytree(build.app.outdir, webroot / "faimi")
    with LocalServer(webroot) as server:
        yield server.url + "faimi/"


#: How long a browser test waits for what it expects, at most: a ceiling for a machine
#: loaded by other jobs (pages here answer in milliseconds), not a timing requirement.
BROWSER_WAIT_MS = 15_000


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    assert CHROMIUM.exists(), "Debian's Chromium is needed: apt-get install chromium (scripts/test.sh does it)"
    expect.set_options(timeout=BROWSER_WAIT_MS)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
