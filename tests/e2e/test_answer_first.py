"""The answer first, and a picture that explains itself (issue 18, classes 2, 3 and 9), at 390 px
in both languages: in the timeline the dates to act on and the exit-and-return plan come before
the warnings, the picture and the milestones; an optional step never headlines; a re-entry link
lands on its new answer; the picture has a name, a description, a legend and the pilot's end."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from tests.e2e.phone import MODES, PHONE, SMALL, open_calculator
from tests.e2e.test_site_pages import axe_findings

pytestmark = pytest.mark.e2e


def top(page: Any, selector: str) -> float:
    return float(
        page.locator(selector).first.evaluate("n => n.getBoundingClientRect().top + scrollY")
    )


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_timeline_answer_and_action_come_first(make_context: Any, site_url: str, lang: str) -> None:
    page = open_calculator(
        make_context(viewport=PHONE).new_page(), site_url, lang, MODES["timeline"]
    )
    order = [
        top(page, "#calc-results .kzcalc-figures"),
        top(page, "[data-testid=reentry-leave-by]"),
        top(page, "[data-testid=reentry-enter-on]"),
        top(page, "#calc-results > .kzcalc-result > .kzcalc-warnings"),
        top(page, "[data-testid=collision]"),
        top(page, ".kzcalc-milestones"),
        top(page, "[data-testid=licence-exchange-by]"),
    ]
    assert order == sorted(order), order
    # the first screen after the form holds the action: leave by / come back on
    assert order[2] - order[0] < PHONE["height"], order
    # the same day is not said twice ("A return is useful from" = "Come back on")
    plan = page.locator("[data-testid=reentry]")
    back = page.get_attribute("[data-testid=reentry-enter-on]", "data-value")
    useful = page.locator("[data-testid=reentry-search-from]")
    if useful.count():
        assert useful.get_attribute("data-value") != back
    expect(plan).to_be_visible()


def test_reentry_link_lands_on_the_new_answer(make_context: Any, site_url: str) -> None:
    page = open_calculator(
        make_context(viewport=PHONE).new_page(), site_url, "en", MODES["timeline"]
    )
    page.click("[data-testid=reentry-next-entry]")
    expect(page.locator("[data-testid=earliest-entry]")).to_be_visible()
    page.wait_for_timeout(300)
    box = page.locator("#calc-results").bounding_box()
    assert box and 0 <= box["y"] < PHONE["height"] / 2, box  # in view, under the header
    header = page.locator(".md-header").bounding_box()
    assert header and box["y"] >= header["height"] - 1, (box, header)


@pytest.mark.parametrize("viewport", [PHONE, SMALL], ids=["390", "320"])
@pytest.mark.parametrize("lang", ["en", "ru"])
def test_timeline_picture_is_labelled(
    make_context: Any, site_url: str, lang: str, viewport: dict[str, int]
) -> None:
    page = make_context(viewport=viewport, bypass_csp=True).new_page()
    open_calculator(page, site_url, lang, MODES["timeline"])
    figure = page.locator("[data-testid=collision]")
    svg = figure.locator("svg")
    expect(svg).to_have_attribute("role", "img")
    assert svg.get_attribute("aria-hidden") is None
    name = page.locator("#collide-title").text_content()
    assert name and page.locator("#collide-desc").text_content()
    expect(figure.locator("[data-testid=collision-legend] li")).to_have_count(5)  # with the pilot
    expect(figure.locator("line.kzcalc-collide__pilot")).to_have_count(1)
    expect(figure.locator("[data-testid=collision-pilot-end]")).to_contain_text("2025")
    expect(figure.locator(".kzcalc-collide__pilot-label")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    assert axe_findings(page) == []


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_after_the_permit_reads_on_a_phone(make_context: Any, site_url: str, lang: str) -> None:
    page = make_context(viewport=SMALL).new_page()
    fragment = "#mode=abroad&permit_issued=2025-01-15&trip=2025-03-01..2025-04-20&on=2026-02-01"
    open_calculator(page, site_url, lang, fragment)
    expect(page.locator("[data-testid=address-register-by]")).to_have_count(0)  # no move: no "–"
    # the drawn text of the year and of the days, not the cells: "2025" and "51" stay apart
    gap = page.locator("[data-testid=year-2025]").evaluate(
        """row => {
          const text = (cell) => { const r = document.createRange(); r.selectNodeContents(cell); return r.getBoundingClientRect(); };
          const [year, days] = row.children;
          return text(days).left - text(year).right;
        }"""
    )
    assert gap >= 8, gap
    assert "\n" not in page.locator("[data-testid=year-2025] th").inner_text()  # "2025" on one line


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_routes_table_keeps_its_first_column_on_a_phone(
    make_context: Any, site_url: str, lang: str
) -> None:
    page = make_context(viewport=SMALL).new_page()
    page.goto(f"{site_url}/{'ru/' if lang == 'ru' else ''}routes/")
    cell = page.locator(".kb-routes-table tbody td:first-child").first
    before = cell.bounding_box()
    page.locator(".kb-routes-table .md-typeset__table, .kb-routes-table table").first.evaluate(
        "n => { const s = n.closest('.md-typeset__scrollwrap') || n.parentElement; s.scrollLeft = 400; }"
    )
    page.wait_for_timeout(200)
    after = cell.bounding_box()
    # it stays at the left edge of the scrolled box instead of leaving the screen
    assert before and after and -1 <= after["x"] <= before["x"], (before, after)
