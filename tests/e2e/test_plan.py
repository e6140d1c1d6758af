"""The personal plan (/plan/, /ru/plan/) in Chromium at 390 px: a consultant's link opens the same
plan cold in both languages (same ids, answers and dates), ticks survive in the link, an answer
that is wrong is named next to its field only once the person has left it, print shows the whole
plan, axe finds nothing serious, and nothing leaves 127.0.0.1."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import BOOT_MS
from tests.e2e.test_site_pages import axe_findings

PHONE = {"viewport": {"width": 390, "height": 844}}
DUTCH = (
    "#nationality=NL&it=yes&city=astana&stay=2025-07-01..2025-07-30&stay=2025-08-10..2025-09-08"
    "&stay=2025-09-20..2025-10-08&approved=2025-12-10&entered=2025-12-15"
    "&certificate_issued=2025-06-18&on=2025-11-10&done=passport,cv"
)
DONE = "#kzplan[data-state], #plan-loading[data-state=failed]"  # an answer, a message or a failure


def open_plan(page: Any, site_url: str, path: str, fragment: str) -> Any:
    page.goto(f"{site_url}/{path}{fragment}")
    page.wait_for_selector(DONE, timeout=BOOT_MS)
    assert page.get_attribute("#plan-loading", "data-state") == "ready"
    return page


def phone_plan(make_context: Any, site_url: str, path: str, fragment: str) -> Any:
    """A fresh phone-sized page on the plan of ``fragment``, once it has answered."""
    return open_plan(make_context(**PHONE).new_page(), site_url, path, fragment)


def plan_facts(page: Any) -> dict[str, Any]:
    """What the plan says, without its words: route answers, steps with dates, documents."""
    return page.evaluate(
        r"""() => ({
          routes: [...document.querySelectorAll('[data-testid^=route-]')].map(
            (e) => [e.dataset.testid, e.dataset.eligible, e.dataset.open]),
          steps: [...document.querySelectorAll('[data-testid^=step-]')].map(
            (e) => [e.dataset.testid, e.dataset.date || null,
                    e.querySelector('a').getAttribute('href').replace(/^\/ru\//, '/')]),
          docs: [...document.querySelectorAll('[data-testid^=doc-]')].map(
            (e) => [e.dataset.testid, e.dataset.obtainFrom || null, e.querySelector('input').checked]),
        })"""
    )


def test_a_consultants_link_opens_the_same_plan_cold_in_both_languages(
    make_context: Any, site_url: str, recorder: Any
) -> None:
    english = phone_plan(make_context, site_url, "plan/", DUTCH)
    russian = phone_plan(make_context, site_url, "ru/plan/", DUTCH)
    facts = plan_facts(english)
    assert facts == plan_facts(russian)
    routes = {r[0]: r[1:] for r in facts["routes"]}
    assert routes["route-route_dnr"] == ["yes", "yes"]
    assert routes["route-route_neo_nomad"] == ["unknown", "yes"]
    steps = {s[0]: s[1:] for s in facts["steps"]}
    assert steps["step-hand_in_at_psc"][0] == "2025-12-18"
    assert steps["step-hand_in_at_psc"][1].endswith("/guide/#hand_in_at_psc")
    # a step with a legal deadline says it once ("by"), not "at the latest" the same day too
    expect(english.locator("[data-testid=step-confirm_arrival_notice] .kzplan-date")).to_have_text(
        " — Expected Mon 15 Dec 2025, by Fri 19 Dec 2025"
    )
    expect(russian.locator("[data-testid=route-route_neo_nomad] .kzplan-tag").nth(1)).to_have_text(
        "Приём открыт"
    )
    docs = {d[0]: d[1:] for d in facts["docs"]}
    assert docs["doc-police_certificate"] == ["2025-06-21", False]
    assert docs["doc-medical_certificate"] == ["2025-12-15", False]  # from the entry: in Kazakhstan
    assert docs["doc-passport"][1] and docs["doc-cv"][1]
    expect(english.locator("[data-testid=doc-medical_certificate]")).to_contain_text(
        "Issued in Kazakhstan, so on or after Mon 15 Dec 2025, when you are there"
    )
    medical_ru = russian.locator("[data-testid=doc-medical_certificate]")
    expect(medical_ru).to_contain_text("Выдаётся в Казахстане, поэтому дата выдачи")
    expect(medical_ru).to_contain_text("15 декабря 2025")
    # the answer comes first: the answers fold away, the verdict is on the first screens
    assert english.locator("#plan-answers").get_attribute("open") is None
    expect(english.locator("[data-testid=plan-warnings]")).to_contain_text("18 Dec 2025")
    expect(russian.locator("[data-testid=plan-warnings]")).to_contain_text("18 декабря 2025")
    expect(russian.locator("#plan-routes")).to_have_text("Какой путь вам открыт")
    assert english.evaluate("document.documentElement.scrollWidth") <= 390
    assert not recorder.csp_violations(), recorder.console
    assert not [m for m in recorder.console if m.startswith("pageerror")], recorder.console


def test_ticks_survive_in_the_link(make_context: Any, site_url: str) -> None:
    page = phone_plan(make_context, site_url, "plan/", DUTCH)
    page.locator("[data-testid=doc-police_certificate] input").check()
    page.locator("[data-testid=doc-cv] input").uncheck()
    assert "done=passport,police_certificate" in page.url
    again = open_plan(
        make_context(**PHONE).new_page(), site_url, "ru/plan/", "#" + page.url.split("#")[1]
    )
    assert again.locator("[data-testid=doc-police_certificate] input").is_checked()
    assert not again.locator("[data-testid=doc-cv] input").is_checked()
    assert again.locator("[data-testid=doc-passport] input").is_checked()


def test_answers_change_the_plan_and_the_link(make_context: Any, site_url: str) -> None:
    page = phone_plan(make_context, site_url, "plan/", "#on=2026-12-01")
    expect(page.locator(".kzplan-prompt")).to_be_visible()
    page.select_option("#plan-nationality", "US")
    page.check("input[name=it][value=no]")
    page.fill("#plan-income", "5000")
    route = page.locator("[data-testid=route-route_neo_nomad]")
    expect(route).to_have_attribute("data-eligible", "yes")
    expect(page.locator("[data-testid=route-route_dnr]")).to_have_attribute("data-eligible", "no")
    assert "nationality=US" in page.url and "income=5000" in page.url and "it=no" in page.url


def test_a_bad_answer_is_named_after_leaving_the_field(make_context: Any, site_url: str) -> None:
    page = open_plan(
        make_context(**PHONE).new_page(), site_url, "plan/", "#nationality=NL&on=2026-12-01"
    )
    error = page.locator("#plan-income-error")
    page.click("#plan-answers > summary")  # a link with answers opens on the plan: unfold them
    page.fill("#plan-income", "5k")
    page.wait_for_timeout(600)
    expect(error).to_have_text("")  # still typing: no message yet
    expect(page.locator("#plan-routes")).to_be_visible()  # and the plan on screen stays
    expect(page.locator("#kzplan")).to_have_attribute("data-state", "ready")
    page.locator("#plan-income").blur()
    expect(error).to_contain_text("not an amount in whole US dollars")
    expect(page.locator("#plan-income")).to_have_attribute("aria-invalid", "true")
    assert page.input_value("#plan-income") == "5k"  # nothing typed is lost
    assert "income=5k" in page.url


def test_a_half_typed_date_is_named_not_read_as_missing(make_context: Any, site_url: str) -> None:
    """A date input holding 03/__/____ has the value "": read as "not given", a stay without its
    exit would run to today. The plan names the field (once left, or at once when the link gave
    it) and waits for a whole date; the link keeps the last whole one."""
    page = phone_plan(make_context, site_url, "plan/", DUTCH)
    before = page.locator("[data-testid=step-hand_in_at_psc]").get_attribute("data-date")
    page.click("#plan-answers > summary")
    passport = page.locator("#plan-passport_expires")
    error = page.locator("#plan-passport_expires-error")
    passport.click()
    page.keyboard.type("03")  # the month only: no input event, the value stays ""
    page.wait_for_timeout(600)
    expect(error).to_have_text("")  # still in the field
    passport.blur()
    expect(error).to_have_text("this date is incomplete or does not exist")
    expect(passport).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#kzplan")).to_have_attribute("data-state", "error")
    passport.fill("2030-01-01")
    passport.blur()
    expect(page.locator("#kzplan")).to_have_attribute("data-state", "ready")
    expect(error).to_have_text("")
    expect(page.locator("[data-testid=step-hand_in_at_psc]")).to_have_attribute("data-date", before)

    exit_ = page.locator("#plan-stays li").nth(0).locator("input[data-part=exit]")
    exit_.click()
    page.keyboard.press("Backspace")  # one segment cleared: 07/__/2025
    row_error = page.locator("#plan-stays li").nth(0).locator(".kzplan-error")
    expect(row_error).to_have_text("this date is incomplete or does not exist")  # a link's field
    expect(exit_).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#kzplan")).to_have_attribute("data-state", "error")
    assert "stay=2025-07-01..2025-07-30" in page.url


def test_a_link_with_a_wrong_answer_unfolds_the_answers_to_show_it(
    make_context: Any, site_url: str
) -> None:
    page = phone_plan(
        make_context, site_url, "plan/", "#nationality=NL&it=yes&passport_expires=2027-02-30"
    )
    expect(page.locator("#kzplan")).to_have_attribute("data-state", "error")
    expect(page.locator("#plan-answers")).to_have_attribute("open", "")
    expect(page.locator("#plan-passport_expires-error")).to_be_visible()
    expect(page.locator("#plan-passport_expires-error")).to_contain_text("30 February 2027")


def test_a_links_unreadable_day_is_named_with_a_way_out(make_context: Any, site_url: str) -> None:
    """`on` has no field in the form: its message takes the plan's place, with a button."""
    page = phone_plan(make_context, site_url, "ru/plan/", "#nationality=NL&it=yes&on=2026-13-01")
    expect(page.locator("#plan-results")).to_contain_text("месяца 13 не бывает")
    page.get_by_role("button", name="Составить план на сегодня").click()
    expect(page.locator("#kzplan")).to_have_attribute("data-state", "ready")
    assert "on=" not in page.url


def test_a_plan_for_another_day_says_so_and_can_be_made_for_today(
    make_context: Any, site_url: str
) -> None:
    page = phone_plan(make_context, site_url, "plan/", DUTCH)
    note = page.locator(".kzplan-day")
    expect(note).to_have_text(
        "This plan is made for Mon 10 Nov 2025, the day the link gives, not for today."
    )
    page.emulate_media(media="print")
    expect(note).to_be_visible()  # on paper too: the date matters there most
    expect(page.get_by_role("button", name="Make the plan for today")).to_be_hidden()
    page.emulate_media(media="screen")
    page.get_by_role("button", name="Make the plan for today").click()
    expect(note).to_have_count(0)
    assert "on=" not in page.url and "entered=2025-12-15" in page.url


def test_a_second_link_in_the_same_tab_replaces_the_answers(
    make_context: Any, site_url: str
) -> None:
    """The focused row removed while the form is filled from the new link must not be read back."""
    page = phone_plan(
        make_context,
        site_url,
        "plan/",
        "#nationality=NL&it=yes&stay=2026-08-01..2026-08-20&on=2026-12-01",
    )
    page.click("#plan-answers > summary")
    page.click("#plan-add-stay")  # the cursor is in the new, empty row
    page.keyboard.type("03")  # half typed: that row's message must go with the row
    page.evaluate(
        "location.hash = '#nationality=TR&it=yes&stay=2026-01-01..2026-01-20&on=2026-12-01'"
    )
    expect(page.locator("#plan-stays li")).to_have_count(1)
    expect(page.locator("#plan-stays li input[data-part=entry]")).to_have_value("2026-01-01")
    expect(page.locator("#kzplan")).to_have_attribute("data-state", "ready")
    page.wait_for_timeout(500)
    assert "nationality=TR" in page.url and "stay=2026-01-01..2026-01-20" in page.url


def test_a_link_with_a_bad_answer_says_so_at_once(make_context: Any, site_url: str) -> None:
    page = phone_plan(make_context, site_url, "ru/plan/", "#nationality=NL&income=5k&on=2026-12-01")
    expect(page.locator("#plan-income-error")).to_contain_text("не сумма в целых долларах США")


def test_print_shows_the_whole_plan(make_context: Any, site_url: str) -> None:
    page = phone_plan(make_context, site_url, "plan/", DUTCH)
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")  # what print.js listens to
    page.emulate_media(media="print")
    assert page.locator("details:not([open])").count() == 0
    for selector in (
        "[data-testid=route-route_dnr]",
        "[data-testid=step-hand_in_at_psc]",
        "[data-testid=doc-police_certificate]",
        "#plan-wrong",
        "[data-testid=plan-technical]",
    ):
        expect(page.locator(selector)).to_be_visible()
    expect(page.locator("#plan-form")).to_be_hidden()
    expect(page.locator("#plan-actions")).to_be_hidden()
    # the form is not printed, so the plan repeats the answers it was made from, in words
    answers = page.locator("[data-testid=plan-answers-print]")
    expect(answers).to_be_visible()
    facts = answers.locator("dt, dd").all_inner_texts()
    assert facts[:2] == ["Your nationality", "Netherlands"], facts
    assert "Your police certificate was issued on" in facts
    assert facts[facts.index("Your police certificate was issued on") + 1] == "18 Jun 2025"
    stays = facts[facts.index("Your recent stays in Kazakhstan") + 1 :][:3]
    assert stays == [
        "1 Jul 2025 to 30 Jul 2025",
        "10 Aug 2025 to 8 Sep 2025",
        "20 Sep 2025 to 8 Oct 2025",
    ]
    assert "Your monthly income from abroad, in US dollars" not in facts  # not answered: left out
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) > 20_000
    page.emulate_media(media="screen")
    expect(answers).to_be_hidden()  # on screen the form says it


@pytest.mark.parametrize("path", ["plan/", "ru/plan/"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_serious(
    make_context: Any, site_url: str, path: str, scheme: str
) -> None:
    page = make_context(bypass_csp=True, color_scheme=scheme, **PHONE).new_page()
    open_plan(page, site_url, path, DUTCH)
    page.locator("#plan-answers").evaluate("(d) => { d.open = true; }")
    for details in page.locator("details").all():
        details.evaluate("(d) => { d.open = true; }")
    assert axe_findings(page) == []


@pytest.mark.parametrize(
    ("path", "heading"), [("plan/", "Which route"), ("ru/plan/", "Какой путь")]
)
def test_works_offline_after_one_visit(
    make_context: Any, site_url: str, path: str, heading: str
) -> None:
    """Each language's plan, visited once, answers again with the network off (its own service
    worker beside the page, the engine and the words from the shared cache)."""
    context = make_context(**PHONE)
    page = open_plan(context.new_page(), site_url, path, DUTCH)
    page.wait_for_selector("#kzplan[data-offline=ready]", timeout=BOOT_MS)
    context.set_offline(True)
    page.reload()
    page.wait_for_selector("#kzplan[data-state=ready]", timeout=BOOT_MS)
    expect(page.locator("#plan-routes")).to_contain_text(heading)
    expect(page.locator("[data-testid=step-hand_in_at_psc]")).to_have_attribute(
        "data-date", "2025-12-18"
    )


def test_printed_from_the_dark_palette_in_the_light_palettes_colours(
    make_context: Any, site_url: str
) -> None:
    page = make_context(color_scheme="dark", **PHONE).new_page()
    open_plan(page, site_url, "plan/", DUTCH)
    tag = page.locator("[data-testid=route-route_dnr] .kzplan-tag").first
    assert tag.evaluate("(e) => getComputedStyle(e).color") == "rgb(165, 214, 167)"  # on screen
    page.emulate_media(media="print")
    assert tag.evaluate("(e) => getComputedStyle(e).color") == "rgb(27, 94, 32)"  # #1b5e20


def test_removing_a_stay_keeps_the_keyboards_place_and_renumbers(
    make_context: Any, site_url: str
) -> None:
    page = phone_plan(
        make_context,
        site_url,
        "plan/",
        "#nationality=NL&stay=2026-01-01..2026-01-10&stay=2026-03-01..2026-03-10"
        "&stay=2026-08-01..2026-08-20&on=2026-12-01",
    )
    page.click("#plan-answers > summary")
    page.locator("#plan-stays li").nth(0).locator("[data-remove]").press("Enter")
    focused = page.evaluate("[document.activeElement.dataset.part, document.activeElement.value]")
    assert focused == ["entry", "2026-03-01"]  # the row that took its place
    labels = page.locator("#plan-stays input").evaluate_all(
        "(inputs) => inputs.map((i) => i.getAttribute('aria-label'))"
    )
    assert labels == ["Entry 1", "Exit 1", "Entry 2", "Exit 2"]
    page.locator("#plan-stays li").nth(1).locator("[data-remove]").press("Enter")
    assert (
        page.evaluate("document.activeElement.value") == "2026-03-01"
    )  # the last row: the one before
    page.wait_for_timeout(600)  # the link is written with the plan, 200 ms after a change
    assert "stay=2026-01-01" not in page.url and "stay=2026-08-01" not in page.url
    assert "stay=2026-03-01..2026-03-10" in page.url
