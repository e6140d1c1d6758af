"""The DNR timeline and after-the-permit modes, from links a consultant would send."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e

CASE_STUDY = (
    "#mode=timeline&nationality=NL&stay=2025-06-01..2025-06-30&stay=2025-08-01..2025-08-24"
    "&stay=2025-10-20..&egov_submitted=2025-11-10&certificate_issued=2025-06-18"
)


def value(page: Any, testid: str) -> str | None:
    return page.get_attribute(f"[data-testid={testid}]", "data-value")


def test_timeline_from_a_link_shows_the_clocks(calc: Any) -> None:
    page = calc(CASE_STUDY)
    assert value(page, "leave-by") == "2025-11-18"  # day 30 of the entry of 20 October
    assert value(page, "entry-deadline") == "2026-01-09"  # 30 days after the earliest approval
    assert value(page, "visa-free-last-day") == "2026-01-08"
    assert value(page, "certificate-valid-until") == "2025-12-15"
    assert value(page, "milestone-approved") == "2025-12-10"
    expect(page.locator(".kzcalc-warnings").first).to_contain_text("police certificate expires")


def test_timeline_updates_when_a_known_date_is_typed(calc: Any) -> None:
    page = calc(CASE_STUDY)
    page.fill("#f-approved", "2025-12-11")
    expect(page.locator("[data-testid=entry-deadline]")).to_have_attribute(
        "data-value", "2026-01-10"
    )
    assert "approved=2025-12-11" in page.url


def test_after_the_permit(calc: Any) -> None:
    page = calc(
        "#mode=abroad&permit_issued=2026-01-12&on=2026-11-25&moved=2026-11-20"
        "&trip=2026-02-01..2026-06-30&trip=2026-12-20..2027-01-10"
    )
    assert value(page, "licence-exchange-by") == "2026-03-13"
    assert value(page, "address-register-by") == "2026-11-30"
    row = page.locator("[data-testid=year-2026] td").first
    expect(row).to_have_attribute("data-value", "162")
    expect(page.locator(".kzcalc-warnings").first).to_contain_text("21 days abroad left")


def test_phone_layout_keeps_the_stays_table_on_screen(make_context: Any, site_url: str) -> None:
    page = make_context(viewport={"width": 390, "height": 844}).new_page()
    page.goto(f"{site_url}/calculator/#nationality=NL&stay=2025-04-01..2025-05-10&on=2025-06-01")
    page.wait_for_selector("[data-testid=jump-to-results]")
    controls = page.locator(
        ".kzcalc-intervals:not([hidden]) input, .kzcalc-intervals:not([hidden]) button"
    )
    assert controls.count() >= 3
    for index in range(controls.count()):
        box = controls.nth(index).bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390, box
