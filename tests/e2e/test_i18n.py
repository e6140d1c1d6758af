"""The Russian edition in Chromium: the language switcher leads to the same page in the other
language, anchors work, a search in Cyrillic finds Russian pages, and a Russian page loads the
same files as its English twin (only the HTML differs)."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import Recorder

pytestmark = pytest.mark.e2e


def test_language_switcher_leads_to_the_same_page(page: Any, site_url: str) -> None:
    page.goto(f"{site_url}/guide/")
    page.locator(".md-header__option .md-select").hover()
    page.locator('a.md-select__link[hreflang="ru"]').click()
    expect(page).to_have_url(f"{site_url}/ru/guide/")
    expect(page.locator("html")).to_have_attribute("lang", "ru")
    expect(page.locator("h1")).to_contain_text("Шаг за шагом")
    expect(page.locator("#sign_rental_agreement")).to_contain_text("договор аренды")
    page.locator(".md-header__option .md-select").hover()
    page.locator('a.md-select__link[hreflang="en"]').click()
    expect(page).to_have_url(f"{site_url}/guide/")
    expect(page.locator("html")).to_have_attribute("lang", "en")


def test_switching_language_keeps_the_step(page: Any, site_url: str) -> None:
    page.goto(f"{site_url}/ru/guide/#egov_application")
    page.locator(".md-header__option .md-select").hover()
    page.locator('a.md-select__link[hreflang="en"]').click()
    expect(page).to_have_url(f"{site_url}/guide/#egov_application")
    expect(page.locator("#egov_application")).to_be_in_viewport()


def test_a_russian_anchor_link_lands_on_its_step(page: Any, site_url: str) -> None:
    page.goto(f"{site_url}/ru/guide/#sign_rental_agreement")
    expect(page.locator("#sign_rental_agreement")).to_be_in_viewport()


@pytest.mark.parametrize("query", ["справк", "несудимост"])
def test_cyrillic_search_finds_a_russian_page(
    page: Any, site_url: str, query: str, recorder: Recorder
) -> None:
    """Neither is a whole word on any page: Material searches each term as a prefix, which finds
    every Russian ending (справка, справку, справки …) through lunr.ru's Cyrillic tokens."""
    page.goto(f"{site_url}/ru/")
    page.click("input[data-md-component=search-query]")
    page.locator("input[data-md-component=search-query]").press_sequentially(query)
    page.keyboard.press(
        "End"
    )  # typed Cyrillic fires no keyup in Playwright; Material listens to it
    first = page.locator(".md-search-result__item a").first
    expect(first).to_be_visible(timeout=15_000)
    hrefs = page.locator(".md-search-result__item a").evaluate_all("as => as.map(a => a.href)")
    assert hrefs and all("/ru/" in h for h in hrefs), hrefs
    assert not recorder.csp_violations(), recorder.csp_violations()


@pytest.mark.parametrize("path", ["", "guide/", "sources/"])
def test_a_russian_page_loads_nothing_its_english_twin_does_not(
    make_context: Any, site_url: str, path: str
) -> None:
    """Only the HTML differs: the same theme files, scripts and styles, byte for byte (the search
    worker is told the page's language). So a Russian page weighs more only by its own text."""

    def fetched(page_path: str) -> dict[str, bytes]:
        context = make_context()
        page = context.new_page()
        responses: list[Any] = []
        page.on("response", lambda r: responses.append(r))
        page.goto(f"{site_url}/{page_path}", wait_until="networkidle")
        files = {
            r.url.removeprefix(site_url).replace("?lang=ru", "?lang=en"): r.body()
            for r in responses
            if r.status == 200 and r.url != f"{site_url}/{page_path}"
        }
        context.close()
        return files

    english, russian = fetched(path), fetched(f"ru/{path}")
    assert russian.keys() == english.keys()
    assert [u for u in russian if russian[u] != english[u]] == []
