"""The DNR timeline as a plan on a 390 px phone: the issue's Dutch case from a consultant's link.

Milestones in date order, every engine warning on the page, the exit-and-return plan and its link
to the earliest-re-entry mode, the collision picture's text, the .ics with reminders, and what an
empty form says."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import icalendar
import pytest
from playwright.sync_api import expect

from calculator import bridge
from tests.e2e.conftest import BOOT_MS, RESULT
from tests.e2e.test_site_pages import AXE

pytestmark = pytest.mark.e2e

PHONE = {"width": 390, "height": 844}
DUTCH = (
    "#mode=timeline&nationality=NL&stay=2025-07-01..2025-07-30&stay=2025-08-10..2025-09-08"
    "&stay=2025-09-20..2025-10-08&approved=2025-12-10&entered=2025-12-15"
)
DUTCH_REQUEST = {
    "action": "timeline",
    "nationality": "NL",
    "stays": ["2025-07-01..2025-07-30", "2025-08-10..2025-09-08", "2025-09-20..2025-10-08"],
    "approved": "2025-12-10",
    "entered": "2025-12-15",
}


@pytest.fixture
def phone(make_context: Any, site_url: str) -> Any:
    def open_(fragment: str, **options: Any) -> Any:
        page = make_context(viewport=PHONE, **options).new_page()
        page.goto(f"{site_url}/calculator/{fragment}")
        page.wait_for_selector(RESULT, timeout=BOOT_MS)
        return page

    return open_


def engine_warnings(rules: dict) -> set[str]:
    """Every warning the engine gives for the Dutch case, wherever it sits in the result."""
    bridge.load(json.dumps(rules))
    result = json.loads(bridge.handle(json.dumps(DUTCH_REQUEST)))["result"]
    found = set(result["warnings"]) | set(result["explanation"]["warnings"])
    for m in result["milestones"]:
        found |= set(m["explanation"]["warnings"])
    plan = result["reentry"]
    found |= set(plan["explanation"]["warnings"])
    for option in plan["alternatives"]:
        found |= set(option["explanation"]["warnings"])
    return found


def test_milestones_in_date_order_and_readable(phone: Any) -> None:
    page = phone(DUTCH)
    rows = page.locator("[data-testid^=milestone-]")
    got = [(r.get_attribute("data-testid"), r.get_attribute("data-value")) for r in rows.all()]
    assert got == [
        ("milestone-approved", "2025-12-10"),
        ("milestone-entered", "2025-12-15"),
        ("milestone-arrival_notification", "2025-12-15"),
        ("milestone-psc_submitted", "2025-12-18"),  # after the entry, not on the same day
        ("milestone-final_review", "2026-01-05"),
        ("milestone-permit_issued", "2026-01-15"),
    ]
    handed_in = page.locator("[data-testid=milestone-psc_submitted]")
    expect(handed_in).to_contain_text("between Wed 17 Dec 2025 and Thu 18 Dec 2025")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    for row in rows.all():  # the date sits above the step's title, never beside it on a phone
        date_box = row.locator(".kzcalc-ms__date").bounding_box()
        title_box = row.locator(".kzcalc-ms__title").bounding_box()
        assert date_box and title_box and date_box["y"] + date_box["height"] <= title_box["y"] + 1
        assert date_box["x"] >= 0 and date_box["x"] + date_box["width"] <= PHONE["width"]


def test_every_engine_warning_is_on_the_page(phone: Any, rules: dict) -> None:
    page = phone(DUTCH)
    shown = page.locator("[data-testid=warning]").all_inner_texts()
    expected = engine_warnings(rules)
    assert set(shown) == expected
    assert any("pilot's legal end date is Wed 31 Dec 2025" in w for w in shown)
    assert any("disputed between sources" in w for w in shown)


def test_exit_and_return_plan_opens_earliest_reentry(phone: Any, rules: dict) -> None:
    page = phone(DUTCH)
    leave = page.locator("[data-testid=reentry-leave-by]")
    back = page.locator("[data-testid=reentry-enter-on]")
    expect(leave).to_have_attribute("data-value", "2025-12-25")
    expect(back).to_have_attribute("data-value", "2026-01-05")
    sides = page.locator("[data-testid=alternative-b8_visa] [data-testid=alternative-side]")
    expect(sides).to_have_count(3)
    case_study = next(x["url"] for x in rules["sources"] if x["id"] == "case_study_nl")
    expect(sides.nth(0).locator("a")).to_have_attribute("href", case_study)
    urls = {x["id"]: x["url"] for x in rules["sources"]}
    links = [a.get_attribute("href") for a in sides.nth(1).locator("a").all()]
    assert links[:2] == [urls["kz_embassy_us_pr"], urls["dos_b8_visa"]]
    page.click("[data-testid=reentry-next-entry]")
    expect(page.locator("#mode-next_entry")).to_be_checked()
    expect(page.locator("[data-testid=earliest-entry]")).to_have_attribute(
        "data-value", "2026-01-05"
    )
    assert "stay=2025-12-15..2025-12-25" in page.url and "days=11" in page.url
    assert page.input_value("#stay-3-exit") == "2025-12-25"


def test_collision_picture_has_a_text_equivalent(phone: Any) -> None:
    page = phone(DUTCH)
    figure = page.locator("[data-testid=collision]")
    expect(figure.locator("svg")).to_have_attribute("role", "img")  # named, described (issue 18)
    assert figure.locator("svg rect.kzcalc-collide__bar").count() == 2  # this entry and the return
    items = figure.locator("[data-testid=collision-text] li").all_inner_texts()
    assert items[:2] == [
        "The entry after the approval: from Mon 15 Dec 2025, visa-free to Thu 25 Dec 2025.",
        "The planned return: from Mon 5 Jan 2026, visa-free to Tue 3 Feb 2026.",
    ]
    assert "Residence permit card ready, Thu 15 Jan 2026: within your visa-free days." in items


def test_without_a_return_the_gap_is_marked(phone: Any) -> None:
    """India with the standard card: no single return fits, so the card is outside every bar."""
    page = phone("#mode=timeline&nationality=IN&entered=2026-04-06&card=standard")
    expect(page.locator("[data-testid=reentry-enter-on]")).to_have_attribute("data-value", "")
    outside = page.locator("[data-testid=collision-text] li.kzcalc-collide__out")
    expect(outside.last).to_contain_text("Residence permit card ready, Wed 20 May 2026: outside")
    assert page.locator("svg rect.kzcalc-collide__mark--out").count() >= 1


def test_calendar_has_the_plan_and_reminders(phone: Any, rules: dict) -> None:
    page = phone(DUTCH)
    with page.expect_download(timeout=BOOT_MS) as info:
        page.click("#calc-ics")
    calendar = icalendar.Calendar.from_ical(Path(info.value.path()).read_text(encoding="utf-8"))
    events = {str(e["SUMMARY"]): e for e in calendar.walk("VEVENT")}
    export = rules["calendar_export"]
    hours = [24 * n - export["reminder_hour"] for n in export["reminder_days_before"]]
    for summary, day in (
        ("Leave Kazakhstan by this day (exit and return for the card)", "20251225"),
        ("Come back to Kazakhstan for the card (earliest return)", "20260105"),
        ("Arrival notification filed by the host: last day", "20251219"),
    ):
        event = events[summary]
        assert event["DTSTART"].to_ical().decode() == day
        triggers = [alarm["TRIGGER"].dt for alarm in event.walk("VALARM")]
        assert [-t.total_seconds() / 3600 for t in triggers] == hours  # 09:00, n days before
    assert "Residence permit card ready (expected)" in events
    assert len(events) >= 9  # six milestones, the due day, leave, come back (and the licence)


def test_empty_timeline_says_what_to_enter(phone: Any) -> None:
    page = phone("#mode=timeline&nationality=NL")
    expect(page.locator("[data-testid=timeline-empty]")).to_contain_text(
        "latest step you have reached"
    )
    expect(page.locator("[data-testid=calc-error]")).to_have_count(0)
    expect(page.locator("#f-egov_submitted-hint")).to_contain_text(
        "Start here once you have applied"
    )
    page.fill("#f-egov_submitted", "2025-11-12")
    expect(page.locator("[data-testid=milestone-approved]")).to_have_attribute(
        "data-value",
        "2025-12-12",
        timeout=BOOT_MS,  # the empty state shows before Python is up
    )


def test_timeline_has_no_serious_accessibility_findings(phone: Any) -> None:
    page = phone(DUTCH, bypass_csp=True)
    page.add_script_tag(path=str(AXE))
    found = page.evaluate(
        "async () => (await axe.run(document, {runOnly: "
        "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']})).violations"
        ".filter(v => ['serious', 'critical'].includes(v.impact)).map(v => v.id)"
    )
    assert found == []
