"""/ru/calculator/ in Debian Chromium: the same fragment contract, data-testids and numbers as the
English page, with the page's words, the engine's explanations and errors in Russian."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import BOOT_MS, RESULT, Recorder
from tests.e2e.test_site_pages import axe_findings

pytestmark = pytest.mark.e2e

NL = "#nationality=NL&stay=2025-04-01..2025-05-10&stay=2025-05-17..&on=2025-06-01"
CYRILLIC = re.compile("[а-яё]", re.IGNORECASE)


def open_calculator(page: Any, site_url: str, path: str, fragment: str) -> Any:
    page.goto(f"{site_url}/{path}{fragment}")
    page.wait_for_selector(RESULT, timeout=BOOT_MS)
    assert page.get_attribute("#calc-loading", "data-state") == "ready", page.inner_text(
        "#calc-loading"
    )
    return page


def figures(page: Any) -> dict[str, str]:
    """Every headline figure's machine value, by data-testid."""
    return dict(
        page.eval_on_selector_all(
            ".kzcalc-figure",
            "nodes => nodes.map(n => [n.dataset.testid, n.dataset.value])",
        )
    )


def test_fragment_link_in_russian_has_the_english_numbers(
    make_context: Any, site_url: str, recorder: Recorder
) -> None:
    context = make_context(locale="ru-RU")
    english = open_calculator(context.new_page(), site_url, "calculator/", NL)
    page = open_calculator(context.new_page(), site_url, "ru/calculator/", NL)
    assert page.get_attribute("html", "lang") == "ru"
    assert figures(page) == figures(english)
    assert figures(page)["days-used"] == "56"
    assert figures(page)["latest-exit"] == "2025-06-15"
    expect(page.locator("[data-testid=latest-exit] .kzcalc-figure__value")).to_have_text(
        "15 июня 2025 г. (вс)"
    )
    expect(page.locator(".kzcalc-window figcaption")).to_contain_text(
        "использовано дней — 56 из 90"
    )
    steps = page.locator(".kzcalc-explanation .kzcalc-steps li")
    expect(steps.first).to_contain_text("Казахстан, односторонний безвизовый режим")
    assert all(CYRILLIC.search(text) for text in steps.all_inner_texts())
    expect(page.locator("legend").first).to_have_text("Что вы хотите узнать?")
    expect(page.locator("#f-nationality option:checked")).to_have_text("Нидерланды (NL)")
    assert page.locator("#calc-loading").inner_text().startswith("Готово.")
    assert not recorder.csp_violations(), recorder.console
    assert not [m for m in recorder.console if m.startswith("pageerror")], recorder.console


def test_link_keeps_updating_and_errors_are_russian(make_context: Any, site_url: str) -> None:
    page = open_calculator(make_context().new_page(), site_url, "ru/calculator/", NL)
    page.fill("#f-on", "2025-06-10")
    expect(page.locator("[data-testid=days-used]")).to_have_attribute("data-value", "65")
    assert "on=2025-06-10" in page.url and "lang" not in page.url
    page.fill("#stay-0-exit", "2025-03-01")
    error = page.locator("[data-testid=calc-error]").first
    expect(error).to_have_attribute("data-field", "stays[0].exit")
    expect(error).to_contain_text("раньше даты въезда")


def test_print_report_in_russian(make_context: Any, site_url: str) -> None:
    page = open_calculator(make_context().new_page(), site_url, "ru/calculator/", NL)
    page.emulate_media(media="print")
    report = page.locator("#calc-report")
    expect(report).to_contain_text("Отчёт для консультанта")
    expect(report).to_contain_text("Версия данных о правилах")
    expect(report).to_contain_text("Статус на дату")
    expect(report).to_contain_text("2025-04-01..2025-05-10")


def test_same_ids_as_the_english_page(built_site: Any) -> None:
    """Links into the page (#deadline-calculator, #links-for-consultants) and the page's own
    element ids are language-neutral."""
    import re as regex

    def ids(path: str) -> set[str]:
        html = (built_site / path / "index.html").read_text(encoding="utf-8")
        return set(regex.findall(r'id="([A-Za-z][\w-]*)"', html))

    english, russian = ids("calculator"), ids("ru/calculator")
    assert {"deadline-calculator", "links-for-consultants", "kzcalc", "calc-results"} <= russian
    assert english <= russian


def test_calendar_export_in_russian(make_context: Any, site_url: str) -> None:
    """The .ics from /ru/calculator/ has the English page's dates with Russian titles."""
    from pathlib import Path

    import icalendar

    page = open_calculator(make_context().new_page(), site_url, "ru/calculator/", NL)
    with page.expect_download(timeout=BOOT_MS) as info:
        page.click("#calc-ics")
    calendar = icalendar.Calendar.from_ical(Path(info.value.path()).read_text(encoding="utf-8"))
    events = calendar.walk("VEVENT")
    assert [str(e["SUMMARY"]) for e in events] == [
        "Последний день для выезда из Казахстана (безвизовый режим)"
    ]
    assert str(events[0]["DTSTART"].to_ical(), "ascii") == "20250615"
    assert "На 2025-06-01 использовано дней: 56 из 90." in str(events[0]["DESCRIPTION"])
    assert (
        str(calendar["X-WR-CALNAME"]) == "Сроки по программе Digital Nomad Residency в Казахстане"
    )
    assert "Надёжность: подтверждено" in str(events[0]["DESCRIPTION"])  # words, not "single"


def test_russian_calculator_passes_axe(make_context: Any, site_url: str) -> None:
    context = make_context(bypass_csp=True)
    page = open_calculator(context.new_page(), site_url, "ru/calculator/", NL)
    assert axe_findings(page) == []
