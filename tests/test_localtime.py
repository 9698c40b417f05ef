"""The visitor's own time beside the event's, and the zone picker (_static/faimi-localtime.js).

In Chromium, with the visitor's zone set per browser context (``timezone_id``). The
London symposium is on Monday 30 June 2025, 14:00–16:45 British Summer Time (UTC+01:00).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect

from conftest import LocalServer, copy_site

LONDON = "events/2025-london-symposium/"
SEOUL = "events/2025-miccai-workshop/"
PICKER = "select.faimi-tz__select"
WHEN = ".faimi-summary dd > p:has(time)"
LOCAL = ".faimi-local"
CAPTION = "table.faimi-agenda caption"
#: The agenda's time cell of the opening remarks: the one that is just "14:00".
OPENING = "tr.faimi-agenda__item--opening th.faimi-agenda__time"
#: The agenda's time cell of the item that starts at ``hh:mm`` British Summer Time.
AGENDA_AT = "table.faimi-agenda th.faimi-agenda__time:has(time[datetime='2025-06-30T{}:00+01:00']:first-child)"


def _open(browser: Browser, zone: str, **options) -> Iterator[Page]:
    context = browser.new_context(timezone_id=zone, **options)
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


def local_of(page: Page, selector: str) -> str:
    return page.locator(selector).locator(LOCAL).inner_text()


def test_the_visitors_time_is_shown_beside_the_events_own(served: str, new_york: Page) -> None:
    new_york.goto(served + LONDON)
    when = new_york.locator(WHEN)
    expect(when.locator(LOCAL)).to_have_text("Your time: Mon 30 Jun, 09:00–11:45 Eastern Daylight Time (UTC-04:00)")
    # The event's own time is still there, as written.
    assert [t.inner_text() for t in when.locator("time").all()] == ["Monday 30 June 2025", "14:00", "16:45"]
    expect(when.locator(".faimi-zone")).to_have_text(" British Summer Time (UTC+01:00)")
    opening = new_york.locator(OPENING)
    expect(opening.locator("time")).to_have_text("14:00")
    expect(opening.locator(LOCAL)).to_have_text("Your time: 09:00")
    expect(new_york.locator(CAPTION)).to_contain_text("All times are British Summer Time (UTC+01:00).")
    expect(new_york.locator(CAPTION)).to_contain_text("your time, Eastern Daylight Time (UTC-04:00).")


def test_the_converted_summary_says_the_day_of_each_end(served: str, tokyo: Page) -> None:
    tokyo.goto(served + LONDON)
    # 14:00–16:45 BST is 22:00 on the Monday to 00:45 on the Tuesday in Tokyo: both days named.
    expect(tokyo.locator(WHEN).locator(LOCAL)).to_have_text(
        "Your time: Mon 30 Jun, 22:00 – Tue 1 Jul, 00:45 Japan Standard Time (UTC+09:00)")
    expect(tokyo.locator(OPENING).locator(LOCAL)).to_have_text("Your time: 22:00")
    # A range wholly on the next day names it once; one across midnight names it where crossed.
    expect(tokyo.locator(AGENDA_AT.format("16:10")).locator(LOCAL)).to_have_text("Your time: Tue 1 Jul, 00:10–00:30")
    expect(tokyo.locator(AGENDA_AT.format("15:50")).locator(LOCAL)).to_have_text("Your time: 23:50 – Tue 1 Jul, 00:10")


def test_deadlines_show_their_own_zone_and_the_visitors(served: str, tokyo: Page) -> None:
    tokyo.goto(served + SEOUL)
    caption = tokyo.locator("table.faimi-dates caption")
    expect(caption).to_contain_text("Deadlines are at 23:59 Anywhere on Earth (UTC-12:00).")
    expect(caption).to_contain_text("your time, Japan Standard Time (UTC+09:00).")
    first = tokyo.locator("table.faimi-dates tbody tr").first.locator("td")
    expect(first.locator("time")).to_have_text("30 June 2025")
    expect(first.locator(LOCAL)).to_have_text("Your time: Tue 1 Jul, 20:59")


def test_the_picker_names_zones_in_words(served: str, new_york: Page) -> None:
    new_york.goto(served + LONDON)
    picker = new_york.locator(PICKER)
    expect(picker).to_have_value("America/New_York")
    expect(new_york.locator("label[for=faimi-tz-select]")).to_have_text("Show times also in")
    labels = picker.locator("option").all_inner_texts()
    assert len(labels) > 300
    assert not [label for label in labels if re.search(r"[/_]", label)]  # no raw IANA ids
    assert "Japan Standard Time (UTC+09:00), Tokyo" in labels


def test_a_picked_zone_is_shareable_and_remembered(served: str, new_york: Page, browser: Browser) -> None:
    new_york.goto(served + LONDON)
    new_york.locator(PICKER).select_option("Asia/Singapore")
    expect(new_york.locator(WHEN).locator(LOCAL)).to_have_text(
        "Your time: Mon 30 Jun, 21:00–23:45 Singapore Standard Time (UTC+08:00)")
    assert new_york.url == served + LONDON + "?tz=Asia%2FSingapore"
    # Remembered on the next page, without the address saying so.
    new_york.goto(served + SEOUL)
    expect(new_york.locator(PICKER)).to_have_value("Asia/Singapore")
    expect(new_york.locator(WHEN).locator(LOCAL)).to_contain_text("Singapore Standard Time (UTC+08:00)")
    # "None" leaves the event's times alone, and is remembered too.
    new_york.locator(PICKER).select_option("none")
    expect(new_york.locator(LOCAL)).to_have_count(0)
    new_york.goto(served + LONDON)
    expect(new_york.locator(LOCAL)).to_have_count(0)
    # A shared link shows its zone to someone else, wherever they are.
    for page in _open(browser, "Europe/Berlin"):
        page.goto(served + LONDON + "?tz=America/Los_Angeles")
        expect(page.locator(PICKER)).to_have_value("America/Los_Angeles")
        expect(page.locator(WHEN).locator(LOCAL)).to_have_text(
            "Your time: Mon 30 Jun, 06:00–08:45 Pacific Daylight Time (UTC-07:00)")
        page.goto(served + LONDON + "?tz=Not/AZone")  # an unknown zone is ignored
        expect(page.locator(PICKER)).to_have_value("America/Los_Angeles")


def test_the_picker_works_from_the_keyboard(served: str, new_york: Page) -> None:
    new_york.goto(served + LONDON)
    picker = new_york.locator(PICKER)
    picker.focus()
    new_york.keyboard.press("ArrowDown")  # the next zone by offset, west to east
    expect(picker).not_to_have_value("America/New_York")
    expect(new_york.locator(WHEN).locator(LOCAL)).not_to_contain_text("Eastern Daylight Time")


def test_nothing_is_added_where_the_visitor_has_the_events_offset(served: str, browser: Browser) -> None:
    for zone in ("Europe/London", "Europe/Lisbon"):  # Lisbon: another zone, the same offset
        for page in _open(browser, zone):
            page.goto(served + LONDON)
            expect(page.locator(PICKER)).to_have_count(1)
            expect(page.locator(LOCAL)).to_have_count(0)


def test_no_picker_without_times(served: str, new_york: Page) -> None:
    # The events list shows days only: nothing to convert.
    new_york.goto(served + "events/")
    new_york.wait_for_load_state("load")
    expect(new_york.locator(PICKER)).to_have_count(0)


def test_without_javascript_the_page_is_complete(served: str, browser: Browser) -> None:
    for page in _open(browser, "Asia/Tokyo", java_script_enabled=False):
        page.goto(served + LONDON)
        expect(page.locator(WHEN)).to_have_text(
            "Monday 30 June 2025, 14:00–16:45 British Summer Time (UTC+01:00)")
        expect(page.locator(".faimi-tz")).to_have_count(0)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_picker_and_the_times_have_no_accessibility_violations(
    served: str, browser: Browser, scheme: str
) -> None:
    for page in _open(browser, "Asia/Tokyo", color_scheme=scheme):
        page.goto(served + LONDON)
        expect(page.locator(LOCAL).first).to_be_visible()
        result = Axe().run(page)
        assert result.violations_count == 0, result.generate_report()


@pytest.fixture(scope="module")
def single_page(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The whole site as one page (singlehtml): events in summer and in winter side by side."""
    build = copy_site(tmp_path_factory.mktemp("single") / "site").build("singlehtml")
    assert build.warnings == ""
    with LocalServer(build.app.outdir) as server:
        yield server.url + "index.html"


def test_each_zone_name_follows_the_season_of_its_own_event(single_page: str, new_york: Page) -> None:
    new_york.goto(single_page)
    winter = new_york.locator(".faimi-summary dd > p", has=new_york.locator("time[datetime='2024-12-04T14:00:00+00:00']"))
    expect(winter.locator(LOCAL)).to_contain_text("Eastern Standard Time (UTC-05:00)")
    summer = new_york.locator(".faimi-summary dd > p", has=new_york.locator("time[datetime='2025-06-30T14:00:00+01:00']"))
    expect(summer.locator(LOCAL)).to_contain_text("Eastern Daylight Time (UTC-04:00)")
    # The single page holds every agenda: London's (30 June) is in summer time.
    london = new_york.locator(CAPTION).filter(has_text="Monday 30 June 2025")
    expect(london).to_contain_text("Eastern Daylight Time (UTC-04:00).")
    expect(new_york.locator(PICKER)).to_have_count(1)  # one picker for the whole page
