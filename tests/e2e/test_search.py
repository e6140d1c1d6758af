"""Search in Chromium (kb/search_build.py, docs/assets/javascripts/workers/kb-search.js): a page
that is only read downloads no index; the first query loads the page language's index; a whole
Russian word finds its other endings; results stay in the page's language; stop words are
neither searched nor highlighted, and the record whose title the query matches comes first."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import Recorder

pytestmark = pytest.mark.e2e
BOX = "input[data-md-component=search-query]"
LOADED_ON_SEARCH = re.compile(r"/search/(en|ru)\.json|/workers/search\.[0-9a-f]+\.min\.js|/lunr/")


def search(page: Any, query: str) -> list[str]:
    """Type ``query`` into the search box; the result links once results show."""
    box = page.locator(BOX)
    box.click()
    box.press_sequentially(query)
    # Playwright types letters outside the US layout as text input without key events, and the
    # theme searches on keyup, as a Russian keyboard sends it: send one.
    box.press("End")
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=15_000)
    return page.locator(".md-search-result__item a").evaluate_all("as => as.map(a => a.href)")


@pytest.mark.parametrize("path", ["guide/", "ru/guide/"])
def test_reading_a_page_downloads_no_search_index(
    page: Any, site_url: str, recorder: Recorder, path: str
) -> None:
    # What the page itself asks for. The site's service worker stores the reader's language's
    # index with the pages in the background, for search offline (issue 18): its requests are the
    # context's, not the page's, and never the other language's index.
    mine: list[str] = []
    page.on("request", lambda r: mine.append(r.url))
    page.goto(f"{site_url}/{path}", wait_until="networkidle")
    assert any(u.endswith("/search/search_index.json") for u in mine)
    assert not [u for u in mine if LOADED_ON_SEARCH.search(u)]
    search(page, "ЦОН")
    lang = "ru" if path.startswith("ru/") else "en"
    assert [u for u in recorder.requests if u.endswith(f"/search/{lang}.json")]
    other = "en" if lang == "ru" else "ru"
    assert not [u for u in recorder.requests if u.endswith(f"/search/{other}.json")]


@pytest.mark.parametrize(
    ("query", "stem"),
    [
        ("справку", "справк"),
        ("заявлением", "заявлен"),
        ("паспортом", "паспорт"),
        ("регистрацию", "регистрац"),
    ],
)
def test_a_whole_russian_word_finds_its_other_endings(
    page: Any, site_url: str, query: str, stem: str
) -> None:
    page.goto(f"{site_url}/ru/")
    hrefs = search(page, query)
    assert hrefs and all("/ru/" in h for h in hrefs), hrefs
    texts = page.locator(".md-search-result mark").all_inner_texts()
    marked = {m.lower().strip(" .,;:!?()«»") for m in texts} - {""}
    assert marked and all(m.startswith(stem) for m in marked), marked
    assert marked - {query}, f"only {query!r} itself was found: {marked}"


def test_english_pages_search_the_english_index(page: Any, site_url: str) -> None:
    page.goto(f"{site_url}/guide/")
    hrefs = search(page, "residence permit")
    assert hrefs and not [h for h in hrefs if "/ru/" in h], hrefs


@pytest.mark.parametrize("query", ["справка о несудимости", "справку", "Справка о несудимости"])
def test_the_record_whose_title_matches_comes_first(page: Any, site_url: str, query: str) -> None:
    page.goto(f"{site_url}/ru/")
    hrefs = search(page, query)
    first = next(h for h in hrefs if "#" in h)  # the first section (after its page's own entry)
    assert "/ru/documents/?" in first and first.endswith("#police_certificate"), hrefs[:5]
    assert "/ru/documents/?" in hrefs[0], hrefs[:5]


def test_stop_words_are_neither_searched_nor_highlighted(page: Any, site_url: str) -> None:
    page.goto(f"{site_url}/ru/")
    hrefs = search(page, "справка о несудимости")
    marks = page.locator(".md-search-result mark").all_inner_texts()
    marked = {m.lower().strip(" .,;:!?()«»") for m in marks} - {""}
    assert marked and all(m.startswith(("справк", "несудим")) for m in marked), marked
    first = next(h for h in hrefs if "#" in h)
    assert "h=" in first and "%D0%BE+" not in first and "+%D0%BE" not in first, first
    page.goto(first)  # the page it opens highlights the query's words, not each «о»
    highlighted = {m.lower() for m in page.locator("article mark").all_inner_texts()}
    assert highlighted and "о" not in highlighted, highlighted
