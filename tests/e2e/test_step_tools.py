"""Copy a step's link on a touch screen, print one step / stage / checklist, tick checklists on
screen with the ticks in the link (issue 18, classes 7, 9 and 10), at 390 px in both languages."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.e2e.phone import PHONE, PREFIX
from tests.e2e.test_site_pages import axe_findings

pytestmark = pytest.mark.e2e

COPIED = {"en": "Link copied.", "ru": "Ссылка скопирована."}
STEP = "egov_application"


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_each_step_has_a_visible_copy_link_control(
    make_context: Any, site_url: str, lang: str
) -> None:
    context = make_context(viewport=PHONE, has_touch=True)
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(f"{site_url}/{PREFIX[lang]}guide/")
    steps = page.locator("h3.kb-step-title")
    controls = page.locator("[data-testid=copy-step-link]")
    assert controls.count() >= steps.count() > 10
    button = page.locator(f"#{STEP} + .kb-step-tools [data-testid=copy-step-link]")
    button.scroll_into_view_if_needed()
    box = button.bounding_box()
    assert box and box["height"] >= 40 and box["width"] >= 44, box  # a finger's size, not a ¶
    button.tap()
    status = page.locator(f"#{STEP} + .kb-step-tools [data-testid=copy-step-status]")
    expect(status).to_have_text(COPIED[lang])
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == f"{site_url}/{PREFIX[lang]}guide/#{STEP}"


def test_copy_falls_back_to_a_selected_link(make_context: Any, site_url: str) -> None:
    page = make_context(viewport=PHONE).new_page()  # no clipboard permission
    page.goto(f"{site_url}/guide/")
    page.evaluate(
        "() => { navigator.clipboard.writeText = () => Promise.reject(new Error('denied')); }"
    )
    page.locator(f"#{STEP} + .kb-step-tools [data-testid=copy-step-link]").click()
    field = page.locator(f"#{STEP} + .kb-step-tools input")
    expect(field).to_be_visible()
    expect(field).to_have_value(f"{site_url}/guide/#{STEP}")


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_print_one_step_prints_only_that_step(make_context: Any, site_url: str, lang: str) -> None:
    page = make_context(viewport=PHONE).new_page()
    page.goto(f"{site_url}/{PREFIX[lang]}guide/")
    page.evaluate("() => { window.print = () => {}; }")  # the test prints, not a dialog
    page.locator(f"#{STEP} + .kb-step-tools [data-testid=print-block]").click()
    page.emulate_media(media="print")
    expect(page.locator(f"#{STEP}")).to_be_visible()
    expect(page.locator("h3.kb-step-title").nth(0)).to_be_hidden()
    visible = page.locator("h2, h3").evaluate_all(
        "hs => hs.filter(h => h.offsetParent !== null).map(h => h.id)"
    )
    assert visible == [STEP], visible
    pdf = page.pdf(format="A4")
    from tests.pdf_pages import page_texts

    texts = page_texts(pdf)
    assert len(texts) <= 2, [len(t) for t in texts]  # one step, not the 28-sheet guide
    paper = re.sub(r"\s+", "", "".join(texts))
    titles = page.locator("h3.kb-step-title").evaluate_all(
        "hs => hs.map(h => h.textContent.replace(/¶$/, ''))"
    )
    mine = re.sub(r"\s+", "", page.locator(f"#{STEP}").inner_text().replace("¶", ""))
    assert mine[:30] in paper
    others = [re.sub(r"\s+", "", t) for t in titles if re.sub(r"\s+", "", t) != mine]
    assert not [t for t in others if t and t in paper]
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    page.emulate_media(media="screen")
    expect(page.locator("h3.kb-step-title").nth(0)).to_be_visible()


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_checklists_tick_on_screen_and_keep_ticks_in_the_link(
    make_context: Any, site_url: str, lang: str
) -> None:
    page = make_context(viewport=PHONE).new_page()
    page.goto(f"{site_url}/{PREFIX[lang]}checklists/#done=passport")
    passport = page.locator("[data-testid=tick-passport]")
    expect(passport.first).to_be_checked()
    ticks = page.locator("input.kb-tick")
    assert ticks.count() > 5
    other = page.locator("input.kb-tick:not([data-doc=passport])").first
    doc = other.get_attribute("data-doc")
    other.check()
    assert f"done={','.join(sorted(['passport', doc or '']))}" in page.url
    url = page.url
    fresh = make_context(viewport=PHONE).new_page()
    fresh.goto(url)  # a consultant's pre-ticked list opens ticked
    expect(fresh.locator(f"[data-testid=tick-{doc}]").first).to_be_checked()
    fresh.emulate_media(media="print")
    expect(fresh.locator("input.kb-tick").first).to_be_hidden()  # paper gets ☑ / ☐ marks
    mark = fresh.locator("li.kb-done").first.evaluate(
        "li => getComputedStyle(li, '::before').content"
    )
    assert "☑" in mark


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_step_tools_are_accessible(make_context: Any, site_url: str, lang: str) -> None:
    page = make_context(viewport=PHONE, bypass_csp=True).new_page()
    for path in ("guide/", "checklists/"):
        page.goto(f"{site_url}/{PREFIX[lang]}{path}")
        assert axe_findings(page) == [], path
