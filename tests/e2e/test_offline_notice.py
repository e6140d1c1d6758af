"""Offline tells the truth (issue 18, class 8): after reading the guide online, a page that is not
stored says so in the reader's language and lists what is stored (``offline-notice``); a
calculator never opened online says it needs one visit online; search works offline with the
reader's language's index stored with the pages; guide steps say the calculator needs one visit."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.e2e.phone import DESKTOP, PHONE, PREFIX
from tests.e2e.test_search import search

pytestmark = pytest.mark.e2e

WORDS = {
    "en": ("You are offline", "Stored on this device", "one visit online"),
    "ru": ("Нет подключения к сети", "Сохранено на этом устройстве", "одного посещения онлайн"),
}
OTHER = {"en": "ru", "ru": "en"}


def read_online(
    make_context: Any, site_url: str, lang: str, viewport: dict[str, int] = PHONE
) -> tuple[Any, Any]:
    context = make_context(viewport=viewport)
    page = context.new_page()
    page.goto(f"{site_url}/{PREFIX[lang]}guide/")
    page.wait_for_selector("html[data-offline=ready]", timeout=60_000)
    context.set_offline(True)
    return context, page


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_a_page_not_stored_says_so_in_the_readers_language(
    make_context: Any, site_url: str, lang: str
) -> None:
    _context, page = read_online(make_context, site_url, lang)
    title, stored, _visit = WORDS[lang]
    # the other language's guide was never stored; the reader came from a page in their own
    page.goto(f"{site_url}/{PREFIX[OTHER[lang]]}guide/", referer=f"{site_url}/{PREFIX[lang]}guide/")
    notice = page.locator("[data-testid=offline-notice]")
    expect(notice).to_be_visible()
    expect(notice.locator("h1")).to_have_text(title)
    expect(notice).to_contain_text(stored)
    expect(notice).to_have_attribute("data-listed", re.compile(r"^[1-9]\d*$"))
    items = page.locator("[data-testid=offline-stored] a")
    hrefs = items.evaluate_all("as => as.map(a => a.getAttribute('href'))")
    assert any(h.endswith(f"/{PREFIX[lang]}guide/") for h in hrefs), hrefs
    assert all(("/ru/" in h) == (lang == "ru") for h in hrefs), hrefs  # the reader's own pages
    expect(page.locator("html")).to_have_attribute("lang", "en" if lang == "en" else "ru")
    # a stored page still opens offline
    items.first.click()
    expect(page.locator("[data-testid=offline-notice]")).to_have_count(0)


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_calculator_never_opened_says_it_needs_one_visit(
    make_context: Any, site_url: str, lang: str
) -> None:
    _context, page = read_online(make_context, site_url, lang)
    page.goto(f"{site_url}/{PREFIX[lang]}calculator/", referer=f"{site_url}/{PREFIX[lang]}guide/")
    notice = page.locator("[data-testid=offline-notice]")
    expect(notice).to_be_visible()
    expect(notice).to_contain_text(WORDS[lang][2])


@pytest.mark.parametrize(("lang", "query"), [("en", "police"), ("ru", "справка")])
def test_search_works_offline_without_having_searched_online(
    make_context: Any, site_url: str, lang: str, query: str
) -> None:
    # the search box sits in the header on a wide screen (a phone opens it with a button)
    _context, page = read_online(make_context, site_url, lang, DESKTOP)
    page.reload()
    hrefs = search(page, query)
    assert hrefs, "no results offline"


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_guide_steps_say_the_calculator_needs_one_visit(
    make_context: Any, site_url: str, lang: str
) -> None:
    page = make_context(viewport=PHONE).new_page()
    page.goto(f"{site_url}/{PREFIX[lang]}guide/")
    expect(
        page.locator(".kb-facts", has=page.locator("a[href*='calculator/#mode=']")).first
    ).to_contain_text(WORDS[lang][2])


def test_offline_notice_is_accessible(make_context: Any, site_url: str) -> None:
    from tests.e2e.test_site_pages import axe_findings

    context = make_context(viewport=PHONE, bypass_csp=True)
    page = context.new_page()
    page.goto(f"{site_url}/guide/")
    page.wait_for_selector("html[data-offline=ready]", timeout=60_000)
    context.set_offline(True)
    page.goto(f"{site_url}/ru/guide/", referer=f"{site_url}/guide/")
    expect(page.locator("[data-testid=offline-notice]")).to_be_visible()
    expect(page.locator("[data-testid=offline-stored] li").first).to_be_visible()
    assert axe_findings(page) == []
