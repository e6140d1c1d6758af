"""Errors at the right time and dates typed by hand (issue 18, classes 5 and 6), at 390 px in
both languages: no message on arrival or on switching modes; a message once the person leaves
the field or asks for the answer; a year of five digits cannot be typed; the link never holds a
date the field does not show; messages speak of the field as the person sees it."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from tests.e2e.phone import PHONE, open_calculator

pytestmark = pytest.mark.e2e

START = "#mode=status&nationality=NL&stay=2025-04-01..2025-05-10&on=2025-06-01"
WORDS = {
    "en": {
        "enter": "Planned entry date",
        "document": "Document",
        "fill": "Fill in “Planned entry date” to see the answer.",
        "empty": "Planned entry date: enter a date",
        "incomplete": "Planned entry date: this date is incomplete or does not exist",
        "range": "Planned entry date: the calculator counts dates from 1 Jan 1900 to 31 Dec 2199",
    },
    "ru": {
        "enter": "Планируемая дата въезда",
        "document": "Документ",
        "fill": "Заполните поле «Планируемая дата въезда», чтобы увидеть ответ.",
        "empty": "Планируемая дата въезда: введите дату",
        "incomplete": "Планируемая дата въезда: дата введена не полностью или не существует",
        "range": "Планируемая дата въезда: калькулятор считает даты с 1 января 1900 г. по 31 декабря 2199 г.",
    },
}
ERRORS = "[data-testid=calc-error]"


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_switching_modes_shows_no_error_until_asked(
    make_context: Any, site_url: str, lang: str
) -> None:
    words = WORDS[lang]
    page = open_calculator(make_context(viewport=PHONE).new_page(), site_url, lang, START)
    for mode in ("plan", "validity", "next_entry", "workdays", "timeline", "abroad", "status"):
        page.check(f"#mode-{mode}")
        page.wait_for_timeout(400)
        expect(page.locator(ERRORS)).to_have_count(0)
        expect(page.locator("[aria-invalid]")).to_have_count(0)
    page.check("#mode-plan")
    expect(page.locator("[data-testid=fill-in]")).to_have_text(words["fill"])
    page.locator("#f-enter").focus()
    page.locator("#f-nationality").focus()  # left the field empty: now it says so, in its words
    expect(page.locator(ERRORS)).to_have_text(words["empty"])
    expect(page.locator("#f-enter")).to_have_attribute("aria-invalid", "true")


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_asking_shows_every_error(make_context: Any, site_url: str, lang: str) -> None:
    page = open_calculator(make_context(viewport=PHONE).new_page(), site_url, lang, START)
    page.check("#mode-plan")
    expect(page.locator(ERRORS)).to_have_count(0)
    page.click("#calc-copy")
    expect(page.locator(ERRORS)).to_have_text(WORDS[lang]["empty"])


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_impossible_date_typed_by_hand_stays_out_of_the_link(
    make_context: Any, site_url: str, lang: str
) -> None:
    page = open_calculator(make_context(viewport=PHONE).new_page(), site_url, lang, START)
    page.check("#mode-plan")
    page.click("#f-enter")
    page.keyboard.type("02302025")  # mm/dd/yyyy (en-US browser); on the way it is 02/03/2025
    page.wait_for_timeout(400)
    assert page.input_value("#f-enter") == ""  # the browser holds no date
    assert "enter=" not in page.url
    page.click("#calc-copy")
    expect(page.locator(ERRORS)).to_have_text(WORDS[lang]["incomplete"])
    assert "enter=" not in page.url
    assert "2025-02-03" not in page.url


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_a_five_digit_year_cannot_be_typed(make_context: Any, site_url: str, lang: str) -> None:
    page = open_calculator(make_context(viewport=PHONE).new_page(), site_url, lang, START)
    page.check("#mode-plan")
    page.click("#f-enter")
    page.keyboard.type("0101" + "20255")
    page.wait_for_timeout(400)
    value = page.input_value("#f-enter")
    assert value != "" and len(value.split("-")[0]) == 4, value  # never year 20255 or 275760
    page.locator("#f-nationality").focus()
    expect(page.locator(ERRORS)).to_have_text(WORDS[lang]["range"])
    assert f"enter={value}" not in page.url
    assert "YYYY" not in page.inner_text("#kzcalc")


def test_link_values_are_checked_at_once(make_context: Any, site_url: str) -> None:
    """What a link filled in counts as asked for: its problem shows on arrival, next to the field."""
    page = make_context(viewport=PHONE).new_page()
    open_calculator(page, site_url, "en", "#mode=plan&nationality=NL&enter=2025-02-30")
    expect(page.locator(ERRORS)).to_have_text("Planned entry date: 30 February 2025 does not exist")


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        (
            "en",
            "Length of the stay you need (days): must be a whole number of days, 1 or more (got 0)",
        ),
        ("ru", "Нужная длительность пребывания (дней)"),
    ],
)
def test_a_number_below_its_minimum_is_named_and_kept_in_the_link(
    make_context: Any, site_url: str, lang: str, message: str
) -> None:
    """A number field's own range is not a date range: the engine names what it must be, and the
    link keeps what was typed (it used to say "counts dates from 1 to –" and drop `days`)."""
    page = make_context(viewport=PHONE).new_page()
    open_calculator(page, site_url, lang, "#mode=next_entry&nationality=NL&from=2025-08-01&days=0")
    expect(page.locator(ERRORS)).to_contain_text(message)
    expect(page.locator(ERRORS)).not_to_contain_text("–")
    assert "days=0" in page.url
