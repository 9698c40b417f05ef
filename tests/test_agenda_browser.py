"""A two-day agenda with every construct, on the real site's theme, in Debian's Chromium:
no accessibility violations (light and dark), no sideways scrolling on a phone, and an
abstract that opens from the keyboard."""

from __future__ import annotations

import shutil
from collections.abc import Iterator

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser

from conftest import LocalServer, copy_site
from test_agenda_programme import MULTI_AGENDA, MULTI_EVENT, MULTI_PAGE, PAPERS

#: The fixture's people, as people of the real registry.
REAL_PEOPLE = {"alan-turing": "ben-glocker", "ada-lovelace": "enzo-ferrante", "pioneers": "organizers"}
PAGE = "events/2026-two-day-test/"


def real(text: str) -> str:
    for fixture, registry_id in REAL_PEOPLE.items():
        text = text.replace(fixture, registry_id)
    return text.replace("multi.", "2026-two-day-test.")


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The real site with the two-day event added, built and served under /faimi/."""
    site = copy_site(tmp_path_factory.mktemp("agenda-browser") / "site")
    site.write("events/2026-two-day-test.yaml", real(MULTI_EVENT))
    site.write("events/2026-two-day-test.agenda.yaml", real(MULTI_AGENDA))
    site.write("events/2026-two-day-test.papers.yaml", real(PAPERS))
    site.write("events/2026-two-day-test.md", real(MULTI_PAGE))
    build = site.build()
    assert build.warnings == ""
    webroot = tmp_path_factory.mktemp("agenda-web")
    shutil.copytree(build.app.outdir, webroot / "faimi")
    with LocalServer(webroot) as server:
        yield server.url + "faimi/"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_accessibility_violations(served: str, browser: Browser, scheme: str) -> None:
    page = browser.new_page(color_scheme=scheme)
    page.goto(served + PAGE)
    page.eval_on_selector_all("details", "all => all.forEach(d => d.open = true)")  # check what they hide too
    results = Axe().run(page)
    page.close()
    assert results.violations_count == 0, results.generate_report()


def test_no_sideways_scrolling_on_a_phone(served: str, browser: Browser) -> None:
    page = browser.new_page(viewport={"width": 360, "height": 740}, is_mobile=True)
    page.goto(served + PAGE)
    width = page.evaluate("document.documentElement.scrollWidth")
    page.close()
    assert width <= 360


def test_an_abstract_opens_from_the_keyboard(served: str, browser: Browser) -> None:
    page = browser.new_page()
    page.goto(served + PAGE)
    abstract = page.locator("details.faimi-agenda__abstract").first
    text = abstract.locator("p")
    assert not text.is_visible()
    abstract.locator("summary").focus()
    page.keyboard.press("Enter")
    assert text.is_visible() and "algebraic" in text.inner_text()
    page.close()
