"""Shared by the phone, paper and offline tests (issue 18): viewports, one link per calculator
mode, and opening a page in either language."""

from __future__ import annotations

from typing import Any

from tests.e2e.conftest import BOOT_MS, RESULT

PHONE = {"width": 390, "height": 844}
SMALL = {"width": 320, "height": 640}
DESKTOP = {"width": 1280, "height": 900}
PREFIX = {"en": "", "ru": "ru/"}

DUTCH = "stay=2025-07-01..2025-07-30&stay=2025-08-10..2025-09-08&stay=2025-09-20..2025-10-08"
# One link per mode, each filled so that every part of its answer shows.
MODES = {
    "status": "#mode=status&nationality=NL&stay=2025-04-01..2025-05-10&stay=2025-05-17..&on=2025-06-01",
    "plan": "#mode=plan&nationality=NL&stay=2025-04-01..2025-05-10&enter=2025-07-01",
    "next_entry": "#mode=next_entry&nationality=NL&stay=2025-04-01..2025-06-28&from=2025-07-01&days=20",
    "workdays": "#mode=workdays&from=2025-01-02&add=5",
    "validity": "#mode=validity&document=police_certificate&issued=2025-06-18&on=2025-09-01",
    "timeline": f"#mode=timeline&nationality=NL&{DUTCH}&approved=2025-12-10&entered=2025-12-15"
    "&certificate_issued=2025-06-18&passport_expiry=2026-03-01",
    "abroad": "#mode=abroad&permit_issued=2025-01-15&trip=2025-03-01..2025-04-20"
    "&trip=2026-01-05..&on=2026-02-01&moved=2026-01-20",
}


def open_calculator(page: Any, site_url: str, lang: str, fragment: str) -> Any:
    page.goto(f"{site_url}/{PREFIX[lang]}calculator/{fragment}")
    page.wait_for_selector(RESULT, timeout=BOOT_MS)
    assert page.get_attribute("#calc-loading", "data-state") == "ready"
    return page
