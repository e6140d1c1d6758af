"""The calculator as a consultant's link and a phone meet it: every mode fits 320 and 390 px,
links without `mode=`, errors in plain words that clear when fixed, and a form that is usable
before Python has started."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import BOOT_MS, RESULT

pytestmark = pytest.mark.e2e

STAYS = "stay=2025-04-01..2025-05-10&stay=2025-05-17..2025-05-20"
# one link per mode, each with a rule chosen in a different way (nationality, rule set, custom)
MODES = {
    "status": f"#mode=status&nationality=NL&{STAYS}&on=2025-06-01",
    "status-rule": f"#mode=status&rule=kz_visa_free_30&{STAYS}&on=2025-06-01",
    "status-custom": f"#mode=status&limit=90&window=180&per_entry=30&{STAYS}&on=2025-06-01",
    "plan": f"#mode=plan&rule=kz_visa_free_30&{STAYS}&enter=2025-06-01",
    "next_entry": f"#mode=next_entry&limit=90&window=180&{STAYS}&from=2025-06-01&days=30",
    "workdays": "#mode=workdays&from=2025-01-02&add=10",
    "validity": "#mode=validity&document=police_certificate&issued=2025-06-18&on=2025-11-10",
    "timeline": (
        "#mode=timeline&nationality=NL&stay=2025-06-01..2025-06-30&stay=2025-10-20.."
        "&egov_submitted=2025-11-10&certificate_issued=2025-06-18"
    ),
    "abroad": "#mode=abroad&permit_issued=2026-01-12&on=2026-11-25&trip=2026-02-01..2026-06-30",
}


def every_mode(page: Any, site_url: str, path: str) -> Iterator[str]:
    """Opens each of MODES on the calculator at ``path`` (``calculator/``, ``ru/calculator/``), in
    one document as a link does, and yields its name once its result shows."""
    for name, fragment in MODES.items():
        page.goto(f"{site_url}/{path}{fragment}")  # same document: the page reads the link
        action = fragment.split("&", 1)[0].removeprefix("#mode=")  # status-rule asks for status
        expect(page.locator(f"[data-testid=result-{action}]")).to_be_visible(timeout=BOOT_MS)
        yield name


def value(page: Any, testid: str) -> str | None:
    return page.get_attribute(f"[data-testid={testid}]", "data-value")


@pytest.mark.parametrize("width", [320, 390])
def test_every_mode_fits_a_phone_without_sideways_scrolling(
    make_context: Any, site_url: str, width: int
) -> None:
    page = make_context(viewport={"width": width, "height": 800}).new_page()
    page.goto(f"{site_url}/calculator/")
    expect(page.locator("#calc-loading")).to_have_attribute("data-state", "ready", timeout=BOOT_MS)
    wide = {}
    for name in every_mode(page, site_url, "calculator/"):
        scroll = page.evaluate("document.documentElement.scrollWidth")
        if scroll > width:
            wide[name] = scroll
    assert not wide, f"wider than {width} px: {wide}"


@pytest.mark.parametrize(
    ("fragment", "mode", "testid", "expected"),
    [
        (
            "#nationality=NL&stay=2025-04-01..2025-05-10&enter=2025-06-01",
            "plan",
            "latest-exit",
            "2025-06-30",
        ),
        (
            "#nationality=NL&stay=2025-04-01..2025-05-10&from=2025-05-11&days=30",
            "next_entry",
            "earliest-entry",
            None,
        ),
        ("#from=2025-01-02&add=1", "workdays", "workday-date", "2025-01-05"),
        ("#document=police_certificate&issued=2025-06-18", "validity", "valid-until", "2025-12-15"),
        (
            "#nationality=NL&stay=2025-10-20..&egov_submitted=2025-11-10",
            "timeline",
            "milestone-approved",
            "2025-12-10",
        ),
        (
            "#permit_issued=2026-01-12&trip=2026-02-01..2026-06-30&on=2026-11-25",
            "abroad",
            "licence-exchange-by",
            "2026-03-13",
        ),
    ],
)
def test_links_without_mode_open_the_mode_their_fields_fit(
    calc: Any, fragment: str, mode: str, testid: str, expected: str | None
) -> None:
    page = calc(fragment)
    expect(page.locator(f"#mode-{mode}")).to_be_checked()
    expect(page.locator(f"[data-testid=result-{mode}]")).to_be_visible()
    found = value(page, testid)
    assert found and (expected is None or found == expected), found
    assert f"mode={mode}" in page.url


def test_a_link_whose_fields_fit_no_mode_says_so(calc: Any) -> None:
    page = calc("#nationality=NL&enter=2025-06-01&trip=2026-02-01..2026-02-10&colour=blue")
    notes = page.locator("[data-testid=link-note]")
    expect(notes.first).to_have_text(
        "This link’s fields do not fit one question: “Trips abroad since the permit” does not "
        "belong to “Plan a trip”, which fits the rest best, so it is left out."
    )  # the table's name, not the link's key `trip`; one field, one verb
    expect(notes.nth(1)).to_contain_text("colour")  # a key the calculator does not know: as typed
    expect(page.locator("#mode-plan")).to_be_checked()


def test_errors_in_plain_words_clear_when_the_field_is_fixed(calc: Any) -> None:
    page = calc("#mode=status&nationality=NL&stay=2025-04-01..2025-02-30&on=2025-06-01")
    errors = page.locator("[data-testid=calc-error]")
    expect(errors).to_have_count(1)
    expect(errors).to_have_text("Stay 1, exit: 30 February 2025 does not exist")
    expect(page.locator("#stay-0-exit")).to_have_attribute("aria-invalid", "true")
    assert "stay=2025-04-01..2025-02-30" in page.url  # kept while it is not valid
    page.fill("#f-on", "2025-06-02")  # editing another field keeps both the text and the message
    expect(page.locator("#stay-0-exit")).to_have_attribute("aria-invalid", "true")
    assert "stay=2025-04-01..2025-02-30" in page.url
    page.fill("#stay-0-exit", "2025-03-10")  # a real date, but before the entry
    expect(errors).to_have_count(1)
    expect(errors).to_contain_text("Stay 1, exit:")
    expect(errors).not_to_contain_text("stays[")
    page.fill("#stay-0-exit", "2025-05-10")
    expect(errors).to_have_count(0)
    expect(page.locator("#stay-0-exit")).not_to_have_attribute("aria-invalid", "true")
    expect(page.locator("[data-testid=days-used]")).to_have_attribute("data-value", "40")
    assert "stay=2025-04-01..2025-05-10" in page.url


def test_half_typed_date_leaves_the_link_and_says_so_on_leaving(calc: Any) -> None:
    page = calc("#mode=status&nationality=NL&stay=2025-04-01..2025-05-10&on=2025-06-01")
    exit_box = page.locator("#stay-0-exit")
    exit_box.click()
    exit_box.press("Backspace")  # clears one part of the date: the input holds no valid date
    errors = page.locator("[data-testid=calc-error]")
    page.locator("#f-on").focus()  # the message waits until the person leaves the field
    expect(errors).to_have_count(1)
    expect(errors).to_have_text("Stay 1, exit: this date is incomplete or does not exist")
    assert "2025-05-10" not in page.url  # the link never holds a date the field does not show


def test_nationality_list_is_there_before_python_starts(make_context: Any, site_url: str) -> None:
    context = make_context()
    held: list[Any] = []
    release = threading.Event()
    context.route("**/pyodide.asm.wasm", lambda route: held.append(route))
    page = context.new_page()
    page.goto(f"{site_url}/calculator/#mode=status&stay=2025-04-01..2025-05-10&on=2025-06-01")
    expect(page.locator("#calc-loading")).to_have_attribute("data-state", "loading")
    options = page.locator("#f-nationality option")
    assert options.count() > 20
    expect(page.locator("#f-nationality option[value=NL]")).to_have_text("Netherlands (NL)")
    expect(page.locator("#f-rule option[value=kz_visa_free_30]")).to_have_count(1)
    page.select_option("#f-nationality", "NL")  # the visitor fills the form meanwhile
    expect(page.locator("[data-testid=waiting]")).to_be_visible()
    page.wait_for_timeout(300)
    assert held, "the worker never asked for the wasm"
    assert page.get_attribute("#calc-loading", "data-state") == "loading"
    assert "nationality=NL" in page.url
    release.set()
    for route in held:
        route.continue_()
    page.wait_for_selector(RESULT, timeout=BOOT_MS)
    expect(page.locator("[data-testid=days-used]")).to_have_attribute("data-value", "40")
