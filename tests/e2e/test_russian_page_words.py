"""The words the calculator's and the plan's scripts put on a Russian page (results, messages,
labels, the tracker, the technical fold's prose) pass the same Latin-word check as the built
pages (kb/i18n/review.py): the built-page scan in tests/i18n sees only the static HTML."""

from __future__ import annotations

from typing import Any

import pytest

from kb.i18n.review import latin_words, page_text
from tests.e2e.conftest import BOOT_MS
from tests.e2e.test_calculator_links import MODES, every_mode
from tests.e2e.test_plan import DONE, DUTCH

pytestmark = pytest.mark.e2e


def english_left(page: Any) -> list[str]:
    return sorted(set(latin_words(page_text(page.content(), "ru"))))


def test_every_calculator_mode_in_russian_has_no_english_words(
    make_context: Any, site_url: str
) -> None:
    page = make_context().new_page()
    found: dict[str, list[str]] = {}
    for name in every_mode(page, site_url, "ru/calculator/"):
        page.wait_for_timeout(200)  # the result's last parts (picture, days-back list) are drawn
        if words := english_left(page):
            found[name] = words
    assert found == {}, found


def test_the_russian_plan_has_no_english_words(make_context: Any, site_url: str) -> None:
    page = make_context().new_page()
    page.goto(f"{site_url}/ru/plan/{DUTCH}")
    page.wait_for_selector(DONE, timeout=BOOT_MS)
    assert page.get_attribute("#plan-loading", "data-state") == "ready"
    assert page.locator("[data-testid=plan-answers-print] dd").count() > 5  # the printed answers
    assert english_left(page) == []


def test_the_russian_tracker_has_no_english_words(make_context: Any, site_url: str) -> None:
    """The tracker's words: kept profiles, a pasted list with a bad line, then its preview."""
    page = make_context().new_page()
    page.goto(f"{site_url}/ru/calculator/{MODES['status']}")
    page.wait_for_selector("[data-testid=result-status]", timeout=BOOT_MS)
    page.check("[data-testid=keep-on-device]")
    page.fill("[data-testid=paste-stays]", "01.04.2025 – 10.05.2025\n31.02.2025 – 05.03.2025")
    page.click("[data-testid=paste-read]")
    page.wait_for_selector("[data-testid=import-error]")
    assert english_left(page) == []
    page.fill("[data-testid=paste-stays]", "01.04.2025 – 10.05.2025\n20.02.2025 – 05.03.2025")
    page.click("[data-testid=paste-read]")
    page.wait_for_selector("[data-testid=import-apply]")
    assert english_left(page) == []
    page.click("[data-testid=import-apply]")
    page.wait_for_selector("[data-testid=import-undo]")
    page.locator(".kzcalc-returns details").evaluate("d => d.open = true")
    assert english_left(page) == []
