"""No internal name where a person reads (issue 18, class 4): every answer the calculator shows,
in every mode and both languages, and the .ics it downloads, hold no id such as
``police_certificate`` outside "Technical details", data attributes and the report's technical
section (tests/id_scan.py). Ids stay available there for consultants."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import BOOT_MS
from tests.e2e.phone import MODES, PHONE, open_calculator
from tests.id_scan import ids_in_ics, ids_on_page

pytestmark = pytest.mark.e2e

ANSWERS = "#calc-results, #calc-problems, #calc-report, #calc-action-status"


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_no_id_in_any_answer_or_calendar(make_context: Any, site_url: str, lang: str) -> None:
    page = make_context(viewport=PHONE).new_page()
    for mode, fragment in MODES.items():
        open_calculator(page, site_url, lang, fragment)
        expect(page.locator(f"[data-testid=result-{mode}]")).to_be_visible()
        assert ids_on_page(page, ANSWERS) == [], mode
        # the ids are still there for consultants, in the folds and attributes
        rule_id = page.locator("#calc-results [data-rule-id]").first.get_attribute("data-rule-id")
        expect(page.locator("#calc-results .kzcalc-technical").first).to_contain_text(
            rule_id or "?"
        )
        with page.expect_download(timeout=BOOT_MS) as info:
            page.click("#calc-ics")
        ics = Path(info.value.path()).read_text(encoding="utf-8")
        assert "BEGIN:VEVENT" in ics, mode
        assert ids_on_page(page, ANSWERS) == [], mode  # the status line after the download too
        assert ids_in_ics(ics) == [], mode


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_a_link_with_an_unknown_value_names_it_without_ids(
    make_context: Any, site_url: str, lang: str
) -> None:
    page = make_context(viewport=PHONE).new_page()
    open_calculator(page, site_url, lang, "#mode=validity&document=diploma&issued=2025-06-18")
    expect(page.locator("[data-testid=calc-error]")).to_have_count(1)
    assert ids_on_page(page, ANSWERS) == []


def test_report_keeps_ids_in_its_technical_section(make_context: Any, site_url: str) -> None:
    page = make_context(viewport=PHONE).new_page()
    open_calculator(page, site_url, "en", MODES["next_entry"])
    page.emulate_media(media="print")
    technical = page.locator("#calc-report [data-technical]")
    expect(technical).to_be_visible()
    expect(technical).to_contain_text("mode=next_entry")
    expect(page.locator("#calc-report")).to_contain_text("Netherlands (NL)")
