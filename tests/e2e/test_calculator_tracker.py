"""The calculator as a tracker, in Debian Chromium: stays kept on the device by choice (a reload, a
browser restart with the same profile folder, offline), deleted on request; import of the CLI's CSV
and of pasted dd.mm.yyyy lines (a bad line named, nothing lost); export read back by the CLI with
the same numbers; the days that come back; the calendar's chosen lead times. Both languages."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import icalendar
import pytest
from playwright.sync_api import expect

from calculator import bridge
from tests.cli.cli_run import run
from tests.cli.test_cli import README_STAYS
from tests.e2e.conftest import ARGS, BOOT_MS, CHROMIUM, RESULT
from tests.e2e.test_site_pages import axe_findings

pytestmark = pytest.mark.e2e

NL = "#nationality=NL&stay=2025-04-01..2025-05-10&stay=2025-05-17..&on=2025-06-01"
LANGS = [("calculator/", "en"), ("ru/calculator/", "ru")]


def open_page(page: Any, site_url: str, path: str, fragment: str = "") -> Any:
    page.goto(f"{site_url}/{path}{fragment}")
    page.wait_for_selector(RESULT, timeout=BOOT_MS)
    assert page.get_attribute("#calc-loading", "data-state") == "ready"
    return page


def rows(page: Any) -> list[str]:
    """The stays table as the form shows it: ENTRY..EXIT per filled row."""
    return page.eval_on_selector_all(
        "#calc-form tbody tr",
        "trs => trs.map(tr => [...tr.querySelectorAll('input')].map(i => i.value).join('..'))"
        ".filter(s => s !== '..')",
    )


def value(page: Any, testid: str) -> str | None:
    return page.get_attribute(f"[data-testid={testid}]", "data-value")


def test_kept_stays_survive_reload_restart_and_offline(
    browser: Any, tmp_path: Path, site_url: str
) -> None:
    folder = tmp_path / "profile"
    requests: list[str] = []

    def launch() -> Any:
        context = browser.browser_type.launch_persistent_context(
            str(folder), executable_path=CHROMIUM, args=ARGS, accept_downloads=True
        )
        context.set_default_timeout(BOOT_MS)
        context.on("request", lambda r: requests.append(r.url))
        return context

    context = launch()
    page = open_page(context.new_page(), site_url, "calculator/", NL)
    keep = page.locator("[data-testid=keep-on-device]")
    expect(keep).not_to_be_checked()  # off by default
    keep.check()
    expect(page.locator("[data-testid=tracker-status]")).to_contain_text("Kept on this device")
    expect(page.locator("[data-testid=profile-select] option:checked")).to_have_text("Me")
    page.wait_for_selector("#kzcalc[data-offline=ready]", timeout=BOOT_MS)

    page.goto(f"{site_url}/calculator/")  # no link: the kept stays come back
    page.wait_for_selector(RESULT, timeout=BOOT_MS)
    assert rows(page) == ["2025-04-01..2025-05-10", "2025-05-17.."]
    expect(page.locator("[data-testid=keep-on-device]")).to_be_checked()
    context.close()

    context = launch()  # a browser restart with the same profile folder
    page = context.pages[0] if context.pages else context.new_page()
    open_page(page, site_url, "calculator/")
    assert rows(page) == ["2025-04-01..2025-05-10", "2025-05-17.."]
    # a second profile, renamed; switching shows each one's stays
    page.click("[data-testid=profile-new]")
    assert rows(page) == []
    page.fill("[data-testid=profile-name]", "Client A")
    page.press("[data-testid=profile-name]", "Enter")
    page.select_option("#f-nationality", "NL")  # a new profile starts with no nationality
    page.fill("#stay-0-entry", "2025-01-10")
    page.fill("#stay-0-exit", "2025-01-20")
    page.wait_for_timeout(300)
    page.select_option("[data-testid=profile-select]", label="Me")
    assert rows(page) == ["2025-04-01..2025-05-10", "2025-05-17.."]

    context.set_offline(True)  # works offline, kept stays included
    page.goto(f"{site_url}/calculator/#on=2025-06-01")
    page.wait_for_selector(RESULT, timeout=BOOT_MS)
    page.select_option("[data-testid=profile-select]", label="Client A")
    assert rows(page) == ["2025-01-10..2025-01-20"]
    expect(page.locator("[data-testid=days-used]")).to_have_attribute("data-value", "11")
    context.set_offline(False)

    page.click("[data-testid=profiles-delete-all]")
    page.click("[data-testid=profiles-delete-all-yes]")
    expect(page.locator("[data-testid=tracker-status]")).to_contain_text("deleted")
    assert page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('kzcalc'))") == []
    page.goto(f"{site_url}/calculator/?again")
    page.wait_for_selector(RESULT, timeout=BOOT_MS)
    assert rows(page) == []
    expect(page.locator("[data-testid=keep-on-device]")).not_to_be_checked()
    context.close()
    assert all(u.startswith((site_url, "blob:", "data:", "about:")) for u in requests)


def test_a_link_is_not_saved_over_a_kept_profile(make_context: Any, site_url: str) -> None:
    page = open_page(make_context().new_page(), site_url, "calculator/", NL)
    page.check("[data-testid=keep-on-device]")
    page.goto(f"{site_url}/calculator/#nationality=KG&stay=2025-02-01..2025-02-10&on=2025-03-01")
    page.wait_for_selector(RESULT, timeout=BOOT_MS)
    assert rows(page) == ["2025-02-01..2025-02-10"]  # the link wins on screen
    expect(page.locator("[data-testid=profile-select] option:checked")).to_have_text(
        "The stays of the link (not kept)"
    )
    page.fill("#stay-0-exit", "2025-02-12")  # editing the link's stays does not touch "Me"
    page.wait_for_timeout(300)
    page.select_option("[data-testid=profile-select]", label="Me")
    assert rows(page) == ["2025-04-01..2025-05-10", "2025-05-17.."]


@pytest.mark.parametrize(("path", "lang"), LANGS, ids=["en", "ru"])
def test_import_the_cli_csv_and_see_days_return(
    make_context: Any, site_url: str, path: str, lang: str
) -> None:
    page = open_page(make_context().new_page(), site_url, path, "#nationality=NL&on=2025-06-01")
    page.set_input_files("[data-testid=import-stays]", str(README_STAYS))
    preview = page.locator("[data-testid=paste-preview]")
    expect(preview.locator("[data-testid=preview-stay]")).to_have_count(2)
    page.click("[data-testid=import-apply]")
    assert rows(page) == ["2025-04-01..2025-05-10", "2025-05-17.."]
    expect(page.locator("[data-testid=days-used]")).to_have_attribute("data-value", "56")
    returns = page.locator("[data-testid=days-return]")
    expect(returns).to_have_count(56)
    got = page.eval_on_selector_all(
        "[data-testid=days-return]", "rs => rs.map(r => [r.dataset.date, +r.dataset.days])"
    )
    assert sum(days for _, days in got) == 56
    assert got[0] == ["2025-09-28", 1] and got[-1] == ["2025-11-28", 1]
    runs = page.locator("[data-testid=days-return-runs] li")
    expect(runs).to_have_count(2)
    expect(runs.first).to_contain_text(
        "1 day back each day until" if lang == "en" else "каждый день возвращается по одному дню"
    )
    expect(page.locator("[data-testid=days-return-picture] li")).to_have_count(2)
    page.locator("[data-testid=import-undo]").press("Enter")
    assert rows(page) == []
    expect(page.locator("[data-testid=import-status]")).to_be_focused()  # not lost to <body>


@pytest.mark.parametrize(("path", "lang"), LANGS, ids=["en", "ru"])
def test_pasted_lines_with_a_bad_one(
    make_context: Any, site_url: str, path: str, lang: str
) -> None:
    page = open_page(make_context().new_page(), site_url, path, NL)
    pasted = (
        "01.02.2025 – 10.02.2025\n31.02.2025 – 05.03.2025\n\n01.04.2025–10.05.2025\n17.05.25 –\n"
    )
    page.fill("[data-testid=paste-stays]", pasted)
    page.click("[data-testid=paste-read]")
    error = page.locator("[data-testid=import-error]")
    expect(error).to_have_count(1)
    expect(error).to_have_attribute("data-line", "2")
    expect(error).to_contain_text("31.02.2025")
    expect(page.locator("[data-testid=import-apply]")).to_have_count(0)  # nothing replaced
    assert rows(page) == ["2025-04-01..2025-05-10", "2025-05-17.."]
    assert page.input_value("[data-testid=paste-stays]") == pasted  # nothing typed is lost
    page.fill("[data-testid=paste-stays]", pasted.replace("31.02.2025", "20.02.2025"))
    page.click("[data-testid=paste-read]")
    expect(page.locator("[data-testid=preview-stay]")).to_have_count(4)
    page.click("[data-testid=import-apply]")
    assert rows(page) == [
        "2025-02-01..2025-02-10",
        "2025-02-20..2025-03-05",
        "2025-04-01..2025-05-10",
        "2025-05-17..",
    ]
    # 10 + 14 + 40 + 16 days in the window ending 1 June 2025
    expect(page.locator("[data-testid=days-used]")).to_have_attribute("data-value", "80")


def test_export_read_back_by_the_cli_and_the_bridge(
    make_context: Any, site_url: str, rules: dict
) -> None:
    page = open_page(make_context().new_page(), site_url, "calculator/", NL)
    used = value(page, "days-used")
    shown = page.eval_on_selector_all(
        "[data-testid=days-return]",
        "rs => rs.map(r => ({date: r.dataset.date, days: +r.dataset.days}))",
    )
    with page.expect_download() as info:
        page.click("[data-testid=export-csv]")
    csv = Path(info.value.path())
    out = run(
        "--json", "status", "--nationality", "NL", "--stays-file", str(csv), "--on", "2025-06-01"
    )
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout)
    assert (str(result["days_used"]), result["latest_exit"]) == (used, value(page, "latest-exit"))
    assert result["days_return"] == shown
    with page.expect_download() as info:
        page.click("[data-testid=export-json]")
    request = json.loads(Path(info.value.path()).read_text(encoding="utf-8"))
    assert request == {
        "action": "status",
        "nationality": "NL",
        "stays": ["2025-04-01..2025-05-10", "2025-05-17.."],
        "on": "2025-06-01",
    }
    bridge.load(json.dumps(rules))
    answer = json.loads(bridge.handle(json.dumps(request)))
    assert answer["result"]["days_return"] == shown


@pytest.mark.parametrize(("path", "lang"), LANGS, ids=["en", "ru"])
def test_calendar_lead_times_chosen_on_the_page(
    make_context: Any, site_url: str, path: str, lang: str
) -> None:
    page = open_page(make_context().new_page(), site_url, path, NL)
    boxes = page.locator("[data-testid=ics-reminder]")
    assert [boxes.nth(i).input_value() for i in range(3)] == ["14", "5", "1"]  # data/site.yaml
    boxes.nth(0).fill("10")
    boxes.nth(1).fill("")
    boxes.nth(2).fill("0")
    with page.expect_download() as info:
        page.click("#calc-ics")
    calendar = icalendar.Calendar.from_ical(Path(info.value.path()).read_text(encoding="utf-8"))
    (event,) = calendar.walk("VEVENT")
    hours = [a["TRIGGER"].dt.total_seconds() / 3600 for a in event.walk("VALARM")]
    assert hours == [-(240 - 9), 9]  # 10 days before at 09:00; on the day at 09:00
    boxes.nth(1).fill("400")
    page.click("#calc-ics")
    expect(page.locator("#calc-action-status")).to_contain_text(
        "Reminder 2" if lang == "en" else "Напоминание 2"
    )


@pytest.mark.parametrize(("path", "lang"), LANGS, ids=["en", "ru"])
def test_tracker_passes_axe(make_context: Any, site_url: str, path: str, lang: str) -> None:
    page = open_page(make_context(bypass_csp=True).new_page(), site_url, path, NL)
    page.check("[data-testid=keep-on-device]")
    page.fill("[data-testid=paste-stays]", "01.04.2025 – 10.05.2025\nnonsense")
    page.click("[data-testid=paste-read]")
    page.locator(".kzcalc-returns details").evaluate("d => d.open = true")
    page.mouse.move(0, 0)  # not hovering a button (the theme's hover colours are its own)
    assert axe_findings(page) == []
