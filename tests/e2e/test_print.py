"""Print keeps the explanation and wastes no paper (issue 18, class 7): with print media emulated
(no beforeprint event) and in a real PDF (page.pdf), every folded explanation and "Technical
details" is shown, and no sheet is blank or near-empty, for every calculator mode in both
languages, and for the guide and the home page."""

from __future__ import annotations

import re
import statistics
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.e2e.phone import MODES, PHONE, PREFIX, open_calculator
from tests.pdf_pages import glyphs_per_page, page_texts

pytestmark = pytest.mark.e2e


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def assert_no_blank_sheet(pdf: bytes) -> list[int]:
    """Every sheet but the last carries at least a quarter of a typical sheet's text."""
    glyphs = glyphs_per_page(pdf)
    assert glyphs and all(glyphs), glyphs
    if len(glyphs) > 2:
        typical = statistics.median(glyphs[:-1])
        assert all(g >= typical / 4 for g in glyphs[:-1]), glyphs
    return glyphs


@pytest.mark.parametrize("lang", ["en", "ru"])
@pytest.mark.parametrize("mode", list(MODES))
def test_calculator_prints_every_explanation_without_blank_sheets(
    make_context: Any, site_url: str, lang: str, mode: str
) -> None:
    page = open_calculator(make_context(viewport=PHONE).new_page(), site_url, lang, MODES[mode])
    expect(page.locator(f"[data-testid=result-{mode}]")).to_be_visible()
    page.emulate_media(media="print")
    folds = page.locator("#calc-results details")
    assert folds.count() >= 1
    steps = page.locator("#calc-results .kzcalc-steps > li:first-child")
    for index in range(steps.count()):
        expect(steps.nth(index)).to_be_visible()  # inside folds that are closed on screen
    expect(page.locator("#calc-results .kzcalc-technical dd").first).to_be_visible()
    expect(page.locator("#calc-report")).to_be_visible()
    pdf = page.pdf(format="A4")
    assert_no_blank_sheet(pdf)
    paper = squeeze("".join(page_texts(pdf)))
    for text in steps.all_inner_texts():
        assert squeeze(text)[:60] in paper, text
    assert squeeze(page.locator("#calc-report h2").inner_text()) in paper


@pytest.mark.parametrize("lang", ["en", "ru"])
@pytest.mark.parametrize("path", ["", "guide/", "checklists/"])
def test_pages_print_without_blank_sheets(
    make_context: Any, site_url: str, lang: str, path: str
) -> None:
    page = make_context(viewport=PHONE).new_page()
    page.goto(f"{site_url}/{PREFIX[lang]}{path}")
    pdf = page.pdf(format="A4")
    glyphs = glyphs_per_page(pdf)
    assert all(glyphs), glyphs
    if path != "checklists/":  # each checklist starts a new sheet on purpose
        assert_no_blank_sheet(pdf)


def test_the_calculator_printed_from_the_dark_palette_is_in_the_light_palettes_colours(
    make_context: Any, site_url: str
) -> None:
    page = make_context(viewport=PHONE, color_scheme="dark").new_page()
    open_calculator(page, site_url, "en", "#nationality=NL&stay=2025-07-01..&on=2025-08-05")
    colour = "(e) => getComputedStyle(e).getPropertyValue('--kzcalc-warn-bg').trim()"
    assert page.locator("#kzcalc").evaluate(colour) == "#3b2a12"  # on screen, dark
    page.emulate_media(media="print")
    assert page.locator("#kzcalc").evaluate(colour) == "#fff4e5"  # on paper, light
