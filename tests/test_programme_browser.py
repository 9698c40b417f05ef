"""An event page with a whole programme, in the site's theme, in Debian's Chromium:
accessibility (axe-core, light and dark), a phone's width, the collapsed abstracts."""

from __future__ import annotations

import shutil
from collections.abc import Iterator

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser

from conftest import LocalServer, copy_site, write_programme

SLUG = "2099-programme-test"
PATH = f"events/{SLUG}/"


@pytest.fixture(scope="module")
def programme_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The real site with one more event page that shows every part of a programme, served."""
    site = copy_site(tmp_path_factory.mktemp("programme") / "site")
    write_programme(site, SLUG, people={"alan-turing": "ben-glocker", "ada-lovelace": "tal-arbel"})
    build = site.build()
    assert build.warnings == ""
    webroot = tmp_path_factory.mktemp("programme-web")
    shutil.copytree(build.app.outdir, webroot / "faimi")
    with LocalServer(webroot) as server:
        yield server.url + "faimi/"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_accessibility_violations(programme_site: str, browser: Browser, scheme: str) -> None:
    page = browser.new_page(color_scheme=scheme)
    page.goto(programme_site + PATH)
    page.locator("details.faimi-keynote__abstract summary").first.click()  # open content is checked too
    results = Axe().run(page)
    page.close()
    assert results.violations_count == 0, results.generate_report()


def test_no_sideways_scrolling_on_a_phone(programme_site: str, browser: Browser) -> None:
    page = browser.new_page(viewport={"width": 360, "height": 740}, device_scale_factor=2, is_mobile=True)
    page.goto(programme_site + PATH)
    width = page.evaluate("document.documentElement.scrollWidth")
    page.close()
    assert width <= 360


def test_abstracts_open_from_the_keyboard(programme_site: str, browser: Browser) -> None:
    page = browser.new_page()
    page.goto(programme_site + PATH)
    abstract = page.locator("details.faimi-keynote__abstract")
    assert not abstract.evaluate("d => d.open")
    assert not page.get_by_text("A first paragraph about the talk.").is_visible()
    abstract.locator("summary").focus()
    page.keyboard.press("Enter")
    assert abstract.evaluate("d => d.open")
    assert page.get_by_text("A first paragraph about the talk.").is_visible()
    page.close()


def test_an_award_link_lands_on_its_paper(programme_site: str, browser: Browser) -> None:
    page = browser.new_page()
    page.goto(programme_site + PATH)
    page.locator(".faimi-award__winner--paper a").click()
    assert page.url.endswith(f"{PATH}#paper-fair-sampling")
    outline = page.evaluate("getComputedStyle(document.querySelector('li.faimi-paper--award')).outlineStyle")
    page.close()
    assert outline == "solid"
