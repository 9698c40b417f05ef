"""The opt-in "Show times in my time zone" button (_static/faimi-localtime.js) in Chromium.

The visitor's zone is set per browser context (``timezone_id``); the London symposium
is on Monday 30 June 2025, 14:00–16:45 British Summer Time (UTC+01:00).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect

from conftest import LocalServer, copy_site

LONDON = "events/2025-london-symposium/"
BUTTON = "button.faimi-localtime__button"
CAPTION = "table.faimi-agenda caption"
#: The agenda row of the opening remarks: the one that is just "14:00".
OPENING = "tr.faimi-agenda__item--opening th.faimi-agenda__time"
SUMMARY_TIMES = ".faimi-summary dd time"


def _open(browser: Browser, zone: str) -> Iterator[Page]:
    context = browser.new_context(timezone_id=zone)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert errors == []


@pytest.fixture
def new_york(browser: Browser) -> Iterator[Page]:
    yield from _open(browser, "America/New_York")


@pytest.fixture
def tokyo(browser: Browser) -> Iterator[Page]:
    yield from _open(browser, "Asia/Tokyo")


def texts(page: Page, selector: str) -> list[str]:
    return page.locator(selector).all_text_contents()


def test_nothing_changes_before_the_click(served: str, new_york: Page) -> None:
    new_york.goto(served + LONDON)
    button = new_york.locator(BUTTON)
    expect(button).to_have_count(1)
    expect(button).to_have_attribute("aria-pressed", "false")
    expect(button).to_have_attribute("type", "button")
    expect(button).to_have_text("Show times in my time zone (America/New York)")
    expect(new_york.locator(OPENING)).to_have_text("14:00")
    expect(new_york.locator(CAPTION)).to_contain_text("All times are British Summer Time (UTC+01:00).")
    expect(new_york.locator(".faimi-zone")).to_have_text(" British Summer Time (UTC+01:00)")
    # The button comes right after the event summary.
    assert new_york.evaluate(
        "document.querySelector('.faimi-summary').nextElementSibling.contains("
        "document.querySelector('button.faimi-localtime__button'))"
    )


def test_click_shows_new_york_times_and_click_again_restores(served: str, new_york: Page) -> None:
    new_york.goto(served + LONDON)
    article = new_york.locator("article")
    before = article.inner_html()
    button = new_york.locator(BUTTON)
    button.click()
    expect(button).to_have_attribute("aria-pressed", "true")
    expect(new_york.locator(OPENING)).to_have_text("09:00")
    expect(new_york.locator(CAPTION)).to_contain_text("Eastern Daylight Time (UTC-04:00)")
    expect(new_york.locator(CAPTION)).not_to_contain_text("British Summer Time")
    expect(new_york.locator(CAPTION)).to_contain_text("Agenda of Monday 30 June 2025.")
    expect(new_york.locator(".faimi-zone")).to_have_text(" Eastern Daylight Time (UTC-04:00)")
    # 14:00 and 16:45 in London are 09:00 and 11:45 in New York, the same day: no date.
    assert texts(new_york, SUMMARY_TIMES) == ["Monday 30 June 2025", "09:00", "11:45"]

    button.click()
    expect(button).to_have_attribute("aria-pressed", "false")
    expect(new_york.locator(OPENING)).to_have_text("14:00")
    expect(new_york.locator(CAPTION)).to_contain_text("All times are British Summer Time (UTC+01:00).")
    expect(new_york.locator(".faimi-zone")).to_have_text(" British Summer Time (UTC+01:00)")
    # The original texts, exactly (the button's own state aside).
    assert article.inner_html() == before


def test_the_button_works_from_the_keyboard(served: str, new_york: Page) -> None:
    new_york.goto(served + LONDON)
    button = new_york.locator(BUTTON)
    button.focus()
    new_york.keyboard.press("Enter")
    expect(button).to_have_attribute("aria-pressed", "true")
    expect(new_york.locator(OPENING)).to_have_text("09:00")
    new_york.keyboard.press("Space")
    expect(button).to_have_attribute("aria-pressed", "false")
    expect(new_york.locator(OPENING)).to_have_text("14:00")


def test_the_choice_persists_on_reload_and_other_pages(served: str, new_york: Page) -> None:
    new_york.goto(served + LONDON)
    new_york.locator(BUTTON).click()
    new_york.reload()
    expect(new_york.locator(BUTTON)).to_have_attribute("aria-pressed", "true")
    expect(new_york.locator(OPENING)).to_have_text("09:00")
    # Another event page, in another zone (Seoul, 13:30–18:00 KST = 00:30–05:00 EDT).
    new_york.goto(served + "events/2025-miccai-workshop/")
    expect(new_york.locator(BUTTON)).to_have_attribute("aria-pressed", "true")
    assert texts(new_york, SUMMARY_TIMES) == ["Tuesday 23 September 2025", "00:30", "05:00"]
    # Opting out is remembered too.
    new_york.locator(BUTTON).click()
    new_york.goto(served + LONDON)
    expect(new_york.locator(BUTTON)).to_have_attribute("aria-pressed", "false")
    expect(new_york.locator(OPENING)).to_have_text("14:00")


def test_a_local_time_on_another_day_says_which_day(served: str, tokyo: Page) -> None:
    tokyo.goto(served + LONDON)
    tokyo.locator(BUTTON).click()
    expect(tokyo.locator(".faimi-zone")).to_have_text(" Japan Standard Time (UTC+09:00)")
    # 14:00–16:45 BST is 22:00 on the Monday and 00:45 on the Tuesday in Tokyo.
    assert texts(tokyo, SUMMARY_TIMES) == ["Monday 30 June 2025", "22:00", "Tue 1 Jul, 00:45"]
    expect(tokyo.locator(OPENING)).to_have_text("22:00")
    # A range wholly on the next day names the day once: 16:10–16:30 BST.
    late = tokyo.locator("table.faimi-agenda th.faimi-agenda__time").filter(
        has=tokyo.locator('time:first-child[datetime="2025-06-30T16:10:00+01:00"]'))
    expect(late).to_have_text("Tue 1 Jul, 00:10–00:30")
    # And a range across midnight names it where it is crossed: 15:50–16:10 BST.
    across = tokyo.locator("table.faimi-agenda th.faimi-agenda__time").filter(
        has=tokyo.locator('time:first-child[datetime="2025-06-30T15:50:00+01:00"]'))
    expect(across).to_have_text("23:50–Tue 1 Jul, 00:10")


def test_no_button_without_times_of_day(served: str, new_york: Page) -> None:
    # The home page and the events list show days only; the 2026 workshop shows only
    # deadlines (days, whose caption names their zone): nothing to convert.
    for path in ("", "events/", "events/2026-miccai-workshop/"):
        new_york.goto(served + path)
        new_york.wait_for_load_state("load")
        expect(new_york.locator(BUTTON)).to_have_count(0)


def test_no_button_when_the_times_already_are_in_the_visitors_zone(served: str, browser: Browser) -> None:
    for zone in ("Europe/London", "Europe/Lisbon"):  # Lisbon: another zone, the same offset
        context = browser.new_context(timezone_id=zone)
        page = context.new_page()
        page.goto(served + LONDON)
        page.wait_for_load_state("load")
        count = page.locator(BUTTON).count()
        context.close()
        assert count == 0, zone


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_button_has_no_accessibility_violations(served: str, browser: Browser, scheme: str) -> None:
    context = browser.new_context(timezone_id="America/New_York", color_scheme=scheme)
    page = context.new_page()
    page.goto(served + LONDON)
    results = [Axe().run(page, context=".faimi-localtime")]
    page.locator(BUTTON).click()
    results.append(Axe().run(page))
    context.close()
    for result in results:
        assert result.violations_count == 0, result.generate_report()


@pytest.fixture(scope="module")
def single_page(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The whole site as one page (singlehtml): events in summer and in winter side by side."""
    build = copy_site(tmp_path_factory.mktemp("single") / "site").build("singlehtml")
    assert build.warnings == ""
    with LocalServer(build.app.outdir) as server:
        yield server.url + "index.html"


def test_each_zone_label_follows_the_season_of_its_own_event(single_page: str, new_york: Page) -> None:
    new_york.goto(single_page)
    new_york.locator(BUTTON).click()
    # Summaries in document order: the 2024 online workshop (4 December, UTC) comes before
    # the London symposium (30 June, BST); each names New York's zone on its own day.
    labels = {text.strip() for text in texts(new_york, ".faimi-zone")}
    assert labels == {"Eastern Standard Time (UTC-05:00)", "Eastern Daylight Time (UTC-04:00)"}
    winter = new_york.locator("section", has=new_york.locator("time[datetime='2024-12-04T14:00:00+00:00']"))
    expect(winter.locator(".faimi-zone").first).to_have_text(" Eastern Standard Time (UTC-05:00)")
    # The single page holds every agenda: London's (30 June) is in summer time.
    london = new_york.locator(CAPTION).filter(has_text="Monday 30 June 2025")
    expect(london).to_contain_text("Eastern Daylight Time (UTC-04:00).")
