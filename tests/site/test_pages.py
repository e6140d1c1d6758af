"""The built pages show the data: times, costs, validity, badges, banner, glossary, sources."""

from __future__ import annotations

import html as htmllib
import itertools
import re
from pathlib import Path

import pytest

from kb.content import Content, load_content
from kb.render_common import BADGES, long_date, span, tenge
from tests.site.html_index import read_site, section, text_of

pytestmark = pytest.mark.site
MY_PAGES = [
    "",
    "guide/",
    "documents/",
    "checklists/",
    "pitfalls/",
    "after-the-permit/",
    "case/",
    "routes/",
    "glossary/",
    "sources/",
]


@pytest.fixture(scope="module")
def content() -> Content:
    return load_content()


def page(built_site: Path, url: str) -> str:
    return htmllib.unescape((built_site / url / "index.html").read_text(encoding="utf-8"))


def test_every_step_shows_its_times_costs_documents_and_pitfalls(
    built_site: Path, content: Content
) -> None:
    guide = page(built_site, "guide/")
    for step_id, step in content.steps.items():
        block = section(guide, step_id)
        words = text_of(block)
        assert step["title"] in words, step_id
        for deadline_id in step.get("deadlines", []):
            deadline = content.deadlines[deadline_id]
            assert span(deadline) in words, (step_id, deadline_id)
            if deadline.get("confidence", "confirmed") != "confirmed":
                assert BADGES[deadline["confidence"]] in words, (step_id, deadline_id)
        for fee_id in step.get("fees", []):
            record = content.fees[fee_id]
            for year in content.data["fees"]["mci"]:
                if record["mci"] is not None:
                    assert f"{tenge(record['mci'], year['kzt'])} in {year['year']}" in words, (
                        step_id,
                        fee_id,
                    )
        for document_id in step.get("documents", []) + step.get("produces", []):
            assert f'href="../documents/#{document_id}"' in block, (step_id, document_id)
        for pitfall_id in step.get("pitfalls", []):
            assert f'href="../pitfalls/#{pitfall_id}"' in block, (step_id, pitfall_id)


def test_literal_values_on_the_guide(built_site: Path) -> None:
    guide = page(built_site, "guide/")
    egov = text_of(section(guide, "egov_application"))
    assert "45 calendar days" in egov and "30 calendar days" in egov
    assert "single source" in egov  # the 30-day figure rests on the case study only
    permit = text_of(section(guide, "pay_permit_fee"))
    assert (
        "4 MCI" in permit and "15,728 tenge in 2025" in permit and "17,300 tenge in 2026" in permit
    )
    assert "likely, unverified" in permit
    card = text_of(section(guide, "order_residence_card"))
    for text in (
        "0.2 MCI",
        "786 tenge in 2025",
        "865 tenge in 2026",
        "7 working days",
        "17 working days",
        "amount not known",
    ):
        assert text in card, text
    assert "5–10 working days" in text_of(section(guide, "receive_hub_letter"))
    assert "183 days per calendar year" in text_of(section(guide, "track_days_abroad"))


def test_documents_show_validity(built_site: Path, content: Content) -> None:
    documents = page(built_site, "documents/")
    for document_id, document in content.documents.items():
        block = text_of(section(documents, document_id))
        if document["validity"]:
            assert span(content.deadlines[document["validity"]]) in block, document_id
        else:
            assert "No fixed validity period" in block, document_id
    police = text_of(section(documents, "police_certificate"))
    assert "180 calendar days" in police and "Apostille" in police and "notarised" in police
    assert "180" in text_of(section(documents, "passport"))
    assert "3.5 × 4.5 cm" in text_of(section(documents, "photo"))


def test_home_page_banner_and_disclaimer(built_site: Path, content: Content) -> None:
    home = page(built_site, "")
    assert "31 December 2025" in home and "15 January 2025" in home
    assert "extension unverified" in home
    assert "Not legal advice" in home
    for stage in content.stages:
        assert f'href="guide/#{stage["id"]}"' in home


def test_home_page_states_that_the_pilot_term_has_ended(built_site: Path, content: Content) -> None:
    pilot = content.data["site"]["pilot"]
    status = text_of(section(page(built_site, ""), "pilot_status"))
    assert "Status of the pilot: its legal term has ended" in status
    assert f"to {long_date(pilot['legal_end'])}, and that date has passed" in status
    assert pilot["extension_note"] in status
    assert f"Last checked: {long_date(pilot['verified'])}." in status
    for line in pilot["since"]:
        assert line["text"] in status


def test_steps_that_depend_on_the_pilot_link_to_its_status(
    built_site: Path, content: Content
) -> None:
    guide = page(built_site, "guide/")
    dependent = [
        sid for sid, step in content.steps.items()
        if step.get("pilot") or content.stage_of[sid].get("pilot")
    ]
    assert "check_pilot_status" in dependent and "egov_application" in dependent
    for step_id in content.steps:
        linked = 'href="../#pilot_status"' in section(guide, step_id)
        assert linked is (step_id in dependent), step_id


def test_the_b8_pitfall_shows_the_conflict_and_both_sides(
    built_site: Path, content: Content
) -> None:
    pitfall = content.pitfalls["b8_visa_needs_mutual_agreement"]
    block = section(page(built_site, "pitfalls/"), "b8_visa_needs_mutual_agreement")
    assert BADGES["conflict"] in text_of(block)
    for source_id in ("case_study_nl", "kz_embassy_us_pr", "dos_b8_visa"):
        assert source_id in pitfall["sources"]
        assert f'href="{content.sources[source_id]["url"]}"' in block, source_id


def test_pitfalls_link_back_to_steps(built_site: Path, content: Content) -> None:
    pitfalls = page(built_site, "pitfalls/")
    for pitfall_id in content.pitfalls:
        block = section(pitfalls, pitfall_id)
        for step_id in content.steps_with("pitfalls", pitfall_id):
            assert f'href="../guide/#{step_id}"' in block, (pitfall_id, step_id)


def test_checklists_cover_every_stage(built_site: Path, content: Content) -> None:
    checklists = page(built_site, "checklists/")
    for stage in content.stages:
        block = section(checklists, f"checklist_{stage['id']}")
        for document_id, _steps in content.stage_documents(stage):
            assert f'href="../documents/#{document_id}"' in block


def test_sources_page_lists_every_source(built_site: Path, content: Content) -> None:
    sources = page(built_site, "sources/")
    for source_id, source in content.sources.items():
        block = section(sources, f"source_{source_id}")
        assert source["url"] in block and source["publisher"] in block, source_id
    for deadline in content.deadlines.values():
        assert deadline["title"] in sources


def test_glossary_terms_have_tooltips_where_used(built_site: Path) -> None:
    guide = page(built_site, "guide/")
    assert re.search(r'<abbr title="Public Service Center[^"]*">ЦОН</abbr>', guide)
    assert re.search(r'<abbr title="Residence permit card[^"]*">ВНЖ</abbr>', guide)


def test_unconfirmed_facts_are_marked_on_every_page_that_uses_them(built_site: Path) -> None:
    assert "sources conflict" in page(built_site, "routes/")
    assert "single source" in page(built_site, "case/")
    assert "unverified" in page(built_site, "after-the-permit/")


def test_no_unrendered_macros_and_headings_in_order(built_site: Path) -> None:
    pages = read_site(built_site)
    for url in MY_PAGES:
        text = page(built_site, url)
        assert "{{" not in text and "{%" not in text, url
        levels = pages[url].headings
        assert levels[0] == 1, url
        for before, after in itertools.pairwise(levels):
            assert after <= before + 1, f"{url}: h{before} followed by h{after}"


def test_guide_pages_are_light_and_load_no_pyodide(built_site: Path) -> None:
    for url in MY_PAGES:
        html = (built_site / url / "index.html").read_text(encoding="utf-8")
        assert "pyodide" not in html.lower(), url
        assert len(html.encode()) < 400_000, url
