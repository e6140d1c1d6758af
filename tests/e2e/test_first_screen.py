"""The home page's first screen on a phone (issue 18, class 1), both languages, 390 and 320 px:
what this is, the programme's status in one line with the details one tap away, and where to
start (the guide and the calculator; the personal plan once the site has it)."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from tests.e2e.phone import PHONE, PREFIX, SMALL

pytestmark = pytest.mark.e2e

WORDS = {
    "en": ("Digital Nomad Residency", "Status:", "Where to start", "The guide, step by step"),
    "ru": ("Digital Nomad Residency", "Статус:", "С чего начать", "Руководство, шаг за шагом"),
}


@pytest.mark.parametrize("viewport", [PHONE, SMALL], ids=["390", "320"])
@pytest.mark.parametrize("lang", ["en", "ru"])
def test_first_screen_says_what_status_and_where_to_start(
    make_context: Any, site_url: str, lang: str, viewport: dict[str, int]
) -> None:
    page = make_context(viewport=viewport).new_page()
    page.goto(f"{site_url}/{PREFIX[lang]}")
    what, status, start, guide = WORDS[lang]
    height = viewport["height"]
    for testid, text in (
        ("what-this-is", what),
        ("status-line", status),
        ("where-to-start", start),
    ):
        node = page.locator(f"[data-testid={testid}]")
        expect(node).to_contain_text(text)
        box = node.bounding_box()
        assert box and box["y"] + box["height"] <= height, (testid, box)
    links = page.locator("[data-testid=start-here] li a")
    hrefs = links.evaluate_all("as => as.map(a => a.getAttribute('href'))")
    assert any(h.startswith("guide/") for h in hrefs) and any(
        h.startswith("calculator/") for h in hrefs
    )
    expect(links.first).to_be_visible()
    first = links.first.bounding_box()
    assert first and first["y"] < height, first
    expect(page.locator("[data-testid=start-here]")).to_contain_text(guide)
    # the status line is one line of text, not the citations: details are one tap away
    line = page.locator("[data-testid=status-line]")
    assert len(line.inner_text().split()) < 40
    line.locator("a[href='#pilot_status']").click()
    expect(page.locator("#pilot_status")).to_be_attached()
    assert "#pilot_status" in page.url
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_home_page_is_accessible_on_a_phone(make_context: Any, site_url: str, lang: str) -> None:
    from tests.e2e.test_site_pages import axe_findings

    page = make_context(viewport=SMALL, bypass_csp=True).new_page()
    page.goto(f"{site_url}/{PREFIX[lang]}")
    assert axe_findings(page) == []
