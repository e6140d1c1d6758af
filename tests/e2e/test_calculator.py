"""The calculator page in Debian Chromium against the built site on 127.0.0.1."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import icalendar
import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import BOOT_MS, RESULT, Recorder

pytestmark = pytest.mark.e2e

NL = "#nationality=NL&stay=2025-04-01..2025-05-10&stay=2025-05-17..&on=2025-06-01"


def value(page: Any, testid: str) -> str | None:
    return page.get_attribute(f"[data-testid={testid}]", "data-value")


def test_fragment_link_shows_the_numbers(calc: Any, recorder: Recorder) -> None:
    page = calc(NL)
    assert value(page, "window-start") == "2024-12-04"
    assert value(page, "days-used") == "56"
    assert value(page, "days-left") == "34"
    assert value(page, "overstay-days") == "0"
    assert value(page, "latest-exit") == "2025-06-15"
    expect(page.locator(".kzcalc-explanation").first).to_contain_text("kz_visa_free_30")
    expect(page.locator(".kzcalc-window figcaption")).to_contain_text("56 of 90 days used")
    assert not recorder.csp_violations(), recorder.console


def test_an_entry_past_its_limit_says_so_not_day_36_of_30(calc: Any) -> None:
    """In since 1 Jul 2025 (NL: 30 days per entry), 5 Aug is day 36: 6 past the limit. The 54
    days left in the window are not days this entry can use."""
    page = calc("#nationality=NL&stay=2025-07-01..&on=2025-08-05")
    latest = page.locator("[data-testid=latest-exit] .kzcalc-figure__note")
    expect(latest).to_contain_text("day 36 of this entry, past its limit of 30")
    expect(page.locator("[data-testid=entry-overstay-days]")).to_have_attribute("data-value", "6")
    left = page.locator("[data-testid=days-left] .kzcalc-figure__note")
    expect(left).to_have_text("none of them in this entry: it is past its limit")


def test_typing_updates_results_and_fragment(calc: Any) -> None:
    page = calc(NL)
    page.fill("#f-on", "2025-06-10")
    expect(page.locator("[data-testid=days-used]")).to_have_attribute("data-value", "65")
    assert value(page, "days-left") == "25"
    assert "on=2025-06-10" in page.url
    # a third stay, added by keyboard
    page.focus(".kzcalc-intervals:not([hidden]) .kzcalc-add")
    page.keyboard.press("Enter")
    expect(page.locator("#stay-2-entry")).to_be_focused()
    page.fill("#stay-1-exit", "2025-05-20")
    page.fill("#stay-2-entry", "2025-06-01")
    expect(page.locator("[data-testid=days-used]")).to_have_attribute("data-value", "54")
    assert "stay=2025-05-17..2025-05-20" in page.url
    assert "stay=2025-06-01.." in page.url


def test_plan_and_next_entry_modes(calc: Any) -> None:
    page = calc("#mode=plan&nationality=NL&stay=2025-04-01..2025-05-10&enter=2025-06-01")
    assert value(page, "max-stay-days") == "30"
    assert value(page, "latest-exit") == "2025-06-30"
    page.check("#mode-next_entry")
    page.fill("#f-from", "2025-06-02")
    page.fill("#f-days", "30")
    expect(page.locator("[data-testid=earliest-entry]")).to_have_attribute(
        "data-value", re.compile(r"^\d{4}-\d{2}-\d{2}$")
    )
    assert "mode=next_entry" in page.url and "days=30" in page.url


def test_bad_date_is_shown_next_to_its_field_and_keeps_the_rest(calc: Any) -> None:
    page = calc(NL)
    page.fill("#stay-0-exit", "2025-03-10")
    error = page.locator("[data-testid=calc-error]")
    expect(error).to_be_visible()
    expect(error).to_contain_text("before entry")
    field = page.locator("#stay-0-exit")
    expect(field).to_have_attribute("aria-invalid", "true")
    described = field.get_attribute("aria-describedby") or ""
    assert error.get_attribute("id") in described.split()
    assert page.locator("td[data-field-box='stays[0].exit'] [data-testid=calc-error]").count() == 1
    # nothing else was lost
    assert page.input_value("#stay-0-entry") == "2025-04-01"
    assert page.input_value("#stay-1-entry") == "2025-05-17"
    assert page.input_value("#f-on") == "2025-06-01"
    assert page.input_value("#f-nationality") == "NL"
    assert "stay=2025-04-01..2025-03-10" in page.url
    # fixing it brings the result back
    page.fill("#stay-0-exit", "2025-05-10")
    expect(page.locator("[data-testid=days-used]")).to_have_attribute("data-value", "56")
    expect(page.locator("[data-testid=calc-error]")).to_have_count(0)


def test_xss_fragment_is_inert(calc: Any, recorder: Recorder) -> None:
    page = calc("#nationality=<img src=x onerror=alert(1)>&stay=2025-04-01..&on=2025-04-02")
    error = page.locator("[data-testid=calc-error]")
    expect(error).to_be_visible()
    expect(error).to_contain_text("<img src=x onerror=alert(1)>")
    assert page.locator("img[src=x]").count() == 0
    assert page.locator("#kzcalc img").count() == 0
    page.wait_for_timeout(300)
    assert recorder.dialogs == []
    assert not any("/x" in u.rsplit("/", 1)[-1] for u in recorder.requests if u.endswith("/x"))


def test_impossible_date_in_link_is_named_in_plain_words_and_kept(calc: Any) -> None:
    page = calc("#nationality=NL&stay=2025-02-30..&on=2025-06-01")
    errors = page.locator("[data-testid=calc-error]")
    expect(errors).to_have_count(1)
    expect(errors).to_have_text("Stay 1, entry: 30 February 2025 does not exist")
    assert "stay=2025-02-30.." in page.url  # the user's text stays in the link until it is valid


def test_ics_download_parses(calc: Any) -> None:
    page = calc(NL)
    with page.expect_download(timeout=BOOT_MS) as info:
        page.click("#calc-ics")
    text = Path(info.value.path()).read_text(encoding="utf-8")
    calendar = icalendar.Calendar.from_ical(text)
    events = calendar.walk("VEVENT")
    assert [str(e["SUMMARY"]) for e in events] == ["Last day to leave Kazakhstan (visa-free)"]
    assert str(events[0]["DTSTART"].to_ical(), "ascii") == "20250615"


def test_print_report_has_inputs_and_data_version(calc: Any) -> None:
    page = calc(NL)
    page.emulate_media(media="print")
    report = page.locator("#calc-report")
    expect(report).to_be_visible()
    expect(report).to_contain_text("Rule data version")
    expect(report).to_contain_text("2025-04-01..2025-05-10")
    expect(page.locator(".kzcalc-form")).to_be_hidden()
    expect(page.locator("[data-testid=latest-exit]")).to_be_visible()
    # each source's address is printed once: by print.css after the link, nowhere else
    sources = page.locator(".kzcalc-sources li")
    assert sources.count() >= 1
    for index in range(sources.count()):
        item = sources.nth(index)
        link = item.locator("a")
        href = link.get_attribute("href") or ""
        assert href not in item.inner_text(), item.inner_text()
        after = link.evaluate("a => getComputedStyle(a, '::after').content")
        assert href in after, after


def test_results_speak_plain_words_and_keep_ids_for_consultants(calc: Any) -> None:
    page = calc("#mode=plan&nationality=NL&stay=2025-04-01..2025-05-10&enter=2025-06-01")
    visible = page.locator("#calc-results").inner_text() + page.inner_text("#calc-loading")
    for jargon in ("binding", "kz_visa_free_30", "Confidence", "Verified", "Rule data 20"):
        assert jargon not in visible, jargon
    expect(page.locator("[data-testid=max-stay-days]")).to_contain_text("limited by")
    explanation = page.locator(".kzcalc-explanation").first
    expect(explanation).to_have_attribute("data-rule-id", "kz_visa_free_30")
    technical = explanation.locator(".kzcalc-technical")
    technical.locator("summary").click()
    expect(technical).to_contain_text("kz_visa_free_30")
    version = page.get_attribute("#kzcalc", "data-data-version") or ""
    assert re.match(r"^\d{4}-\d{2}-\d{2}\+[0-9a-f]+$", version), version
    expect(technical).to_contain_text(version)


def test_custom_rule_warning_is_plain(calc: Any) -> None:
    page = calc("#mode=status&limit=90&window=180&stay=2025-04-01..2025-05-10&on=2025-06-01")
    warning = page.locator(".kzcalc-warnings")
    expect(warning).to_contain_text("You typed in this rule yourself")
    expect(warning).not_to_contain_text("rule set custom")


@pytest.mark.parametrize(
    ("path", "lang", "caption"),
    [("calculator/", "en", "56 of 90 days used"), ("ru/calculator/", "ru", "56 из 90")],
    ids=["en", "ru"],
)
def test_works_offline_after_one_visit(
    make_context: Any, site_url: str, path: str, lang: str, caption: str
) -> None:
    """Each language's calculator, visited once, answers again with the network off, in its
    language (the Russian page's words come from its catalog, cached with the rest)."""
    context = make_context()
    page = context.new_page()
    page.goto(f"{site_url}/{path}{NL}")
    page.wait_for_selector("#kzcalc[data-offline=ready]", timeout=BOOT_MS)
    context.set_offline(True)
    page.reload()
    page.wait_for_selector(RESULT, timeout=BOOT_MS)
    assert page.get_attribute("html", "lang") == lang
    assert value(page, "days-used") == "56"
    assert value(page, "latest-exit") == "2025-06-15"
    expect(page.locator(".kzcalc-window figcaption")).to_contain_text(caption)


def test_offline_without_the_http_cache(make_context: Any, site_url: str) -> None:
    """The service worker takes Pyodide's wasm from the browser's HTTP cache (it carries the
    compiled code); with that cache emptied and the network off, its own cache answers."""
    context = make_context()
    page = context.new_page()
    page.goto(f"{site_url}/calculator/{NL}")
    page.wait_for_selector("#kzcalc[data-offline=ready]", timeout=BOOT_MS)
    page.wait_for_selector("#kzcalc[data-snapshot=saved]", timeout=BOOT_MS)
    context.new_cdp_session(page).send("Network.clearBrowserCache")
    context.set_offline(True)
    page.reload()
    page.wait_for_selector(RESULT, timeout=BOOT_MS)
    assert page.get_attribute("#kzcalc", "data-boot") == "snapshot"
    assert value(page, "days-used") == "56"


def test_boot_failure_is_reported_not_a_hang(make_context: Any, site_url: str) -> None:
    context = make_context()
    context.route("**/*.wasm", lambda route: route.abort())
    page = context.new_page()
    page.goto(f"{site_url}/calculator/{NL}")
    expect(page.locator("#calc-loading[data-state=failed]")).to_be_visible(timeout=BOOT_MS + 5000)


def test_abroad_now_shows_the_day_to_come_back_by(calc: Any) -> None:
    page = calc("#mode=abroad&permit_issued=2025-01-10&trip=2025-02-01..&on=2025-07-01")
    back = page.locator("[data-testid=return-by]")
    expect(back).to_have_attribute("data-value", "2025-08-02")  # 151 + 32 = 183 days in 2025
    expect(back).to_contain_text("Sat 2 Aug 2025")
    page.fill("#trip-0-exit", "2025-07-01")  # back already: no such card
    expect(page.locator("[data-testid=return-by]")).to_have_count(0)
