"""The guide as a nomad on a phone and a consultant sending links use it: the link symbol and the
marked target on a touch screen, glossary terms on tap, Cyrillic search, the guide offline after
one visit, and no 127.0.0.1 address in a default build."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e

PHONE = {
    "viewport": {"width": 390, "height": 844},
    "has_touch": True,
    "is_mobile": True,
    "device_scale_factor": 2,
}


def test_link_symbol_visible_and_target_marked_on_a_touch_screen(
    make_context: Any, site_url: str
) -> None:
    page = make_context(**PHONE).new_page()
    page.goto(f"{site_url}/guide/#sign_rental_agreement")
    heading = page.locator("#sign_rental_agreement")
    link = heading.locator("a.headerlink")
    expect(link).to_be_visible()
    assert link.get_attribute("href") == "#sign_rental_agreement"
    assert float(link.evaluate("e => getComputedStyle(e).opacity")) == 1.0
    # another heading, not the target, still shows its symbol on touch (no hover on phones)
    other = page.locator("h3.kb-step-title:not(#sign_rental_agreement) a.headerlink").first
    assert float(other.evaluate("e => getComputedStyle(e).opacity")) == 1.0
    marked = heading.evaluate("e => getComputedStyle(e).backgroundColor")
    plain = page.locator("h3.kb-step-title:not(#sign_rental_agreement)").first
    assert marked not in ("rgba(0, 0, 0, 0)", "transparent")
    assert plain.evaluate("e => getComputedStyle(e).backgroundColor") == "rgba(0, 0, 0, 0)"


def test_glossary_term_shows_its_definition_on_tap(make_context: Any, site_url: str) -> None:
    page = make_context(**PHONE).new_page()
    page.goto(f"{site_url}/guide/")
    term = page.locator("abbr[data-definition]", has_text="ЦОН").first
    definition = term.get_attribute("data-definition") or ""
    assert "Public Service Center" in definition
    term.tap()
    tip = page.locator(".kb-abbr-tip").first
    expect(tip).to_be_visible()
    expect(tip).to_contain_text("Public Service Center")
    expect(term).to_have_attribute("aria-expanded", "true")
    term.tap()
    expect(page.locator(".kb-abbr-tip")).to_have_count(0)


@pytest.mark.parametrize("query", ["ЦОН", "цон", "внж"])
def test_search_finds_russian_words(page: Any, site_url: str, query: str) -> None:
    page.goto(f"{site_url}/guide/")
    box = page.locator("input[data-md-component=search-query]")
    box.click()
    box.press_sequentially(query)
    # Playwright types letters outside the US layout as text input without key events, and the
    # theme searches on keyup, as a Russian keyboard sends it: send one.
    box.press("End")
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=15_000)


def visit_then_go_offline(make_context: Any, url: str) -> Any:
    """One visit to ``url`` until the page says its language is stored, then the network off."""
    context = make_context()
    page = context.new_page()
    page.goto(url)
    page.wait_for_selector("html[data-offline=ready]", timeout=30_000)
    context.set_offline(True)
    return page


def test_guide_pages_work_offline_after_one_visit(
    make_context: Any, site_url: str, recorder: Any
) -> None:
    page = visit_then_go_offline(make_context, f"{site_url}/")
    assert not [u for u in recorder.requests if "pyodide" in u or "/assets/calculator/" in u]
    for path, text in [
        ("checklists/", "Checklists"),
        ("pitfalls/", "Pitfalls"),
        ("guide/#sign_rental_agreement", "notarised rental agreement"),
    ]:
        page.goto(f"{site_url}/{path}")
        expect(page.locator("article")).to_contain_text(text)
    # the stylesheet came along: the page is laid out by the theme, not bare HTML
    assert page.locator(".md-header").evaluate("e => getComputedStyle(e).position") != "static"
    # only the reader's language was stored: the Russian pages were not downloaded
    assert not [u for u in recorder.requests if "/ru/" in u]


def test_russian_pages_work_offline_after_one_visit(
    make_context: Any, site_url: str, recorder: Any
) -> None:
    page = visit_then_go_offline(make_context, f"{site_url}/ru/")
    assert not [
        u for u in recorder.requests if re.search(r"/(guide|pitfalls)/$", u) and "/ru/" not in u
    ]
    page.goto(f"{site_url}/ru/pitfalls/")
    expect(page.locator("h1")).to_contain_text("Ошибки")
    page.goto(f"{site_url}/ru/no-such-page/")  # the Russian not-found page, not the English one
    expect(page.locator("html")).to_have_attribute("lang", "ru")


def test_default_build_names_no_local_address(built_site: Path) -> None:
    for html in built_site.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        assert 'rel="canonical"' not in text, html
        assert "127.0.0.1" not in text, html
    assert not (built_site / "sitemap.xml").exists()
    assert not (built_site / "sitemap.xml.gz").exists()
