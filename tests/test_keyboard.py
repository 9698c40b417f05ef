"""The site from the keyboard, in Debian's Chromium: every Tab stop visible, menus that open.

On a phone-sized window furo's navigation and table of contents are drawers off the
screen: closed, nothing in them may take the focus; their toggles must open them.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from conftest import BROWSER_WAIT_MS

LONDON = "events/2025-london-symposium/"
#: The focused element is drawn, inside the window, and shows that it has the focus.
FOCUS_SHOWN = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) { return true; }
  const r = e.getBoundingClientRect();
  const style = getComputedStyle(e);
  const ring = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0 || style.boxShadow !== "none";
  return r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight && r.left >= 0
    && r.right <= innerWidth && style.visibility === "visible" && ring;
}"""
DESCRIBE = """() => { const e = document.activeElement;
  return e === document.body ? null : e.tagName + "." + e.className + " " + (e.textContent || "").trim().slice(0, 40); }"""


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 390, "height": 800}, timezone_id="Asia/Tokyo")
    page = context.new_page()
    yield page
    context.close()


def tab_stops(page: Page, limit: int = 120) -> list[str]:
    """Tab through the page, checking each stop; the stops, in order."""
    stops: list[str] = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        described = page.evaluate(DESCRIBE)
        if described is None:
            return stops
        try:
            page.wait_for_function(FOCUS_SHOWN, timeout=BROWSER_WAIT_MS)
        except Exception:  # noqa: BLE001 (playwright's timeout): say which stop is invisible
            pytest.fail(f"Tab stop {len(stops)} is not visible, or shows no focus: {described}")
        stops.append(described)
    pytest.fail(f"no end of the Tab order after {limit} stops")


@pytest.mark.parametrize("path", ["", LONDON, "events/2025-miccai-workshop/", "search/"])
def test_the_keyboard_walk_at_390px_has_no_invisible_stop(served: str, phone: Page, path: str) -> None:
    phone.goto(served + path)
    stops = tab_stops(phone)
    assert len(stops) >= 4
    assert not [s for s in stops if "sidebar-tree" in s or "toc-tree" in s]


def test_the_menus_open_and_close_from_the_keyboard(served: str, phone: Page) -> None:
    phone.goto(served + LONDON)
    menu = phone.get_by_role("button", name="Site navigation")
    expect(menu).to_have_attribute("aria-expanded", "false")
    expect(phone.locator(".sidebar-drawer")).to_be_hidden()
    menu.focus()
    phone.keyboard.press("Enter")
    expect(menu).to_have_attribute("aria-expanded", "true")
    drawer = phone.locator(".sidebar-drawer")
    expect(drawer).to_be_visible()
    expect(phone.locator(".sidebar-drawer :focus")).to_have_count(1)  # the focus went in
    phone.keyboard.press("Escape")
    expect(menu).to_have_attribute("aria-expanded", "false")
    expect(menu).to_be_focused()
    expect(drawer).to_be_hidden()

    contents = phone.get_by_role("button", name="Contents of this page")
    contents.focus()
    phone.keyboard.press("Space")
    expect(phone.locator(".toc-drawer")).to_be_visible()
    expect(phone.locator(".toc-drawer a", has_text="Agenda")).to_be_visible()
    phone.keyboard.press("Escape")
    expect(phone.locator(".toc-drawer")).to_be_hidden()


def test_the_search_field_shows_its_focus(served: str, browser: Browser) -> None:
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    page.goto(served + LONDON)
    field = page.locator(".sidebar-drawer input.sidebar-search")
    for _ in range(3):  # skip link, home link, then the search field
        page.keyboard.press("Tab")
    expect(field).to_be_focused()
    assert page.evaluate(FOCUS_SHOWN)
    context.close()


def test_back_to_top_is_in_a_landmark_and_the_search_page_has_a_heading(served: str, phone: Page) -> None:
    phone.goto(served + LONDON)
    assert phone.evaluate("!!document.querySelector('.back-to-top').closest('nav[aria-label]')")
    phone.goto(served + "search/")
    expect(phone.locator("h1")).to_have_text("Search")
