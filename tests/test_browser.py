"""The built site in Debian's Chromium: phone layout, accessibility (axe-core), no third parties.

The site is served from a sub-path (``/faimi/``), as on a GitHub Pages project site.
"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser

from conftest import ROOT


PAGES = ["", "events/", "events/2025-london-symposium/", "resources/", "newsletter/"]


@pytest.mark.parametrize("path", PAGES)
def test_no_sideways_scrolling_on_a_360px_phone(served: str, browser: Browser, path: str) -> None:
    page = browser.new_page(viewport={"width": 360, "height": 740}, device_scale_factor=2, is_mobile=True)
    page.goto(served + path)
    width = page.evaluate("document.documentElement.scrollWidth")
    page.close()
    assert width <= 360


def test_phone_agenda_rows_stack(served: str, browser: Browser) -> None:
    page = browser.new_page(viewport={"width": 360, "height": 740})
    page.goto(served + "events/2025-london-symposium/")
    display = page.evaluate("getComputedStyle(document.querySelector('table.faimi-agenda tr')).display")
    header_visible = page.evaluate("document.querySelector('table.faimi-agenda thead').offsetHeight")
    page.close()
    assert display == "block"
    assert header_visible <= 1  # visually hidden, still read by screen readers


#: Every page of the site, and the search page with a query.
ALL_PAGES = ["", "events/", "search/", "search/?q=fairness"] + [
    f"events/{path.stem}/" for path in sorted((ROOT / "events").glob("*.yaml"))
    if "." not in path.stem  # not NAME.agenda.yaml, NAME.papers.yaml
]


@pytest.mark.parametrize("path", ALL_PAGES)
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_accessibility_violations(served: str, browser: Browser, path: str, scheme: str) -> None:
    """axe-core on the desktop and on a phone, before and after scrolling (furo shows its
    "Back to top" button then), in the visitor's zone (the local times shown)."""
    context = browser.new_context(color_scheme=scheme, timezone_id="Asia/Tokyo")
    page = context.new_page()
    page.goto(served + path)
    page.wait_for_load_state("networkidle")
    results = [Axe().run(page)]
    page.set_viewport_size({"width": 390, "height": 800})
    results.append(Axe().run(page))
    page.mouse.wheel(0, 1500)
    page.wait_for_timeout(200)
    page.mouse.wheel(0, -300)  # furo shows "Back to top" when scrolling up
    page.wait_for_timeout(200)
    results.append(Axe().run(page))
    context.close()
    for result in results:
        assert result.violations_count == 0, result.generate_report()


@pytest.mark.parametrize("path", PAGES)
def test_no_third_party_requests(served: str, browser: Browser, path: str) -> None:
    page = browser.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(served + path, wait_until="networkidle")
    page.close()
    assert requested, "the page made no request at all"
    assert [url for url in requested if not url.startswith(served)] == []
