"""Links at and over the stay bound (5000, calculator/core/bounds.py): the page builds the first
30 rows and keeps the rest as data (sent with every request, shown on demand a batch at a time);
a link over the bound is refused before it is parsed, in the person's words, and left as it was.
How long the main thread is blocked is measured in benchmarks/hostile_page.py."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from calculator.core.bounds import MAX_INTERVALS
from tests.e2e.conftest import BOOT_MS, RESULT
from tests.e2e.test_site_pages import axe_findings

pytestmark = pytest.mark.e2e

ON = date(2025, 6, 1)
FRAGMENT_JS = Path(__file__).resolve().parents[2] / "docs/assets/calculator/fragment.js"


def one_day_stays(count: int, last: date = date(2025, 5, 1), key: str = "stay") -> list[str]:
    """``count`` one-day stays every other day, the last on ``last``."""
    return [
        f"{key}={d}..{d}" for d in (last - timedelta(days=2 * k) for k in reversed(range(count)))
    ]


def link(stays: list[str], mode: str = "status") -> str:
    return f"#mode={mode}&nationality=NL&on={ON}&" + "&".join(stays)


def test_the_page_bound_is_the_engine_bound() -> None:
    assert f"export const MAX_ROWS = {MAX_INTERVALS};" in FRAGMENT_JS.read_text()


def test_five_thousand_stays_are_answered_with_thirty_rows(calc: Any) -> None:
    page = calc(link(one_day_stays(5000)))
    # the 180-day window ending 1 June 2025 starts 4 Dec 2024: stays on 4 Dec, 6 Dec … 1 May
    expected = sum(
        1 for k in range(5000) if date(2025, 5, 1) - timedelta(days=2 * k) >= date(2024, 12, 4)
    )
    expect(page.locator("[data-testid=days-used]")).to_have_attribute("data-value", str(expected))
    expect(page.locator("#kzcalc tbody").first.locator("tr")).to_have_count(30)
    expect(page.locator("[data-testid=stays-more]")).to_contain_text(
        "4,970 more stays from the link count but are not shown here."
    )
    assert page.url.count("stay=") == 5000  # the link keeps every stay


def test_the_kept_rows_are_shown_on_demand_and_named_in_errors(
    make_context: Any, site_url: str
) -> None:
    stays = one_day_stays(350)
    stays[249] = "stay=2025-01-05..2025-01-01"  # the 250th stay, not among the rows shown
    page = make_context(bypass_csp=True).new_page()
    page.goto(f"{site_url}/calculator/{link(stays)}")
    page.wait_for_selector(RESULT, timeout=BOOT_MS)
    error = page.locator("[data-testid=calc-error]")
    expect(error).to_have_text("Stay 250, exit: exit 2025-01-01 is before entry 2025-01-05")
    assert axe_findings(page) == []
    page.get_by_role("button", name="Show every stay").click()
    expect(page.locator("#kzcalc tbody").first.locator("tr")).to_have_count(350)
    expect(page.locator("[data-testid=stays-more]")).to_have_count(0)
    page.fill("#stay-249-exit", "2025-01-06")
    expect(error).to_have_count(0)
    expect(page.locator("[data-testid=days-used]")).to_be_visible()


def test_a_link_over_the_bound_is_refused_in_words_and_kept(calc: Any, page: Any) -> None:
    fragment = link(one_day_stays(10_000))
    calc("#mode=workdays&from=2025-01-02&add=1")  # the page is running: the engine is ready
    page.goto(page.url.split("#")[0] + fragment)
    note = page.locator("[data-testid=link-note]")
    expect(note).to_have_text(
        "This link lists 10,000 stays; the calculator reads at most 5,000. Shorten the list in "
        "the link, or enter your most recent stays below."
    )
    expect(page.locator(".kzcalc-result")).to_have_count(0)
    assert page.url.count("stay=") == 10_000  # nothing the person sent is thrown away
    page.fill("#stay-0-entry", "2025-05-01")  # an edit starts over from the form
    expect(note).to_have_count(0)
    expect(page.locator("[data-testid=days-used]")).to_have_attribute("data-value", "32")


def test_the_refusal_in_russian(make_context: Any, site_url: str) -> None:
    page = make_context(locale="ru-RU").new_page()
    trips = "&".join(one_day_stays(5001, key="trip"))
    page.goto(f"{site_url}/ru/calculator/#mode=abroad&permit_issued=1990-01-01&on={ON}&{trips}")
    note = page.locator("[data-testid=link-note]")
    expect(note).to_contain_text("Поездок в ссылке: 5", timeout=BOOT_MS)
    expect(note).to_contain_text("калькулятор читает не больше 5")
