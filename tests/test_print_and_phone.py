"""Paper and small phones, in Debian's Chromium: print styles, nothing clipped at 320 px,
and each page loading only the assets it uses."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Browser

from conftest import ROOT

LONDON = "events/2025-london-symposium/"
#: Every page of the site (the events by their YAML files).
PAGES = ["", "events/", "search/"] + [
    f"events/{path.stem}/" for path in sorted((ROOT / "events").glob("*.yaml"))
    if "." not in path.stem  # not NAME.agenda.yaml, NAME.papers.yaml
]
#: Elements drawn outside the window, or whose text is cut by their box.
CLIPPED = """() => {
  const out = [];
  for (const e of document.querySelectorAll('.page *')) {
    if (e.closest('.sidebar-drawer, .toc-drawer')) { continue; }
    const r = e.getBoundingClientRect();
    const style = getComputedStyle(e);
    if (r.width <= 1 || r.height <= 1 || style.visibility !== 'visible') { continue; }  // hidden, or read only
    const cut = e.scrollWidth > e.clientWidth + 1 && ['hidden', 'clip', 'auto', 'scroll'].includes(style.overflowX);
    if (r.right > innerWidth + 0.5 || r.left < -0.5 || (cut && e.tagName !== 'SELECT')) {
      out.push(e.tagName + '.' + e.className + ': ' + (e.textContent || '').trim().slice(0, 50));
    }
  }
  return out;
}"""


@pytest.mark.parametrize("path", PAGES)
def test_nothing_is_clipped_on_a_320px_phone(served: str, browser: Browser, path: str) -> None:
    context = browser.new_context(viewport={"width": 320, "height": 640}, is_mobile=True,
                                  timezone_id="America/Los_Angeles")
    page = context.new_page()
    page.goto(served + path)
    page.wait_for_load_state("load")
    width, clipped = page.evaluate("document.documentElement.scrollWidth"), page.evaluate(CLIPPED)
    context.close()
    assert width <= 320
    assert clipped == []


def test_print_shows_the_content_and_the_targets_of_links(served: str, browser: Browser) -> None:
    context = browser.new_context(timezone_id="Asia/Tokyo")
    page = context.new_page()
    page.goto(served + LONDON)
    page.locator(".faimi-tz").wait_for()
    page.emulate_media(media="print")
    hidden = [".skip-to-content", ".faimi-tz", ".back-to-top", ".sidebar-drawer", ".toc-drawer", ".mobile-header"]
    shown = {sel: page.evaluate(f"getComputedStyle(document.querySelector('{sel}')).display") for sel in hidden}
    after = page.evaluate("""() => [...document.querySelectorAll('article a')].map(
        a => [a.textContent, getComputedStyle(a, '::after').content])""")
    pdf = page.pdf()
    context.close()
    assert shown == dict.fromkeys(hidden, "none")
    targets = dict(after)
    assert targets["directions"].startswith('" <https://www.google.com/maps/')
    assert targets["Add to your calendar (.ics)"] == '" <../../calendar/2025-london-symposium.ics>"'
    assert targets["eferrante@dc.uba.ar"] == "none"  # the address is the text already
    assert pdf.startswith(b"%PDF")


def _assets(page: BeautifulSoup) -> list[str]:
    return [Path(tag.get("href") or tag.get("src")).name.split("?")[0]
            for tag in page.select("link[rel=stylesheet], script[src]")]


def test_pages_load_only_the_assets_they_use(tmp_path: Path) -> None:
    from conftest import copy_site

    site = copy_site(tmp_path / "site")
    site.write("events/code.md", "# Code\n\n```python\nprint('hi')\n```\n\n::::{grid} 2\n:::{grid-item}\nA\n:::\n::::\n")
    build = site.build()
    assert build.warnings == ""
    london = _assets(build.html("events/2025-london-symposium"))
    assert "faimi.css" in london and "faimi-localtime.js" in london
    assert not {"pygments.css", "sphinx-design.min.css", "design-tabs.js"} & set(london)
    home = _assets(build.html("index"))
    assert "faimi-localtime.js" not in home  # no time of day on it (pinned day: nothing upcoming)
    code = _assets(build.html("events/code"))
    assert {"pygments.css", "sphinx-design.min.css", "design-tabs.js"} <= set(code)
