"""Renderers without a build: fees in tenge, dates, badges, and the alias mechanism."""

from __future__ import annotations

import copy

from kb.content import Content, load_content
from kb.render_common import badge, long_date, mci_text, tenge
from kb.render_guide import guide
from kb.render_pages import documents_list
from kzdata.schema import validate


def test_fee_amounts_match_the_fact_sheet() -> None:
    assert tenge(4, 3932) == "15,728 tenge" and tenge(4, 4325) == "17,300 tenge"
    assert tenge(0.2, 3932) == "786 tenge" and tenge(0.2, 4325) == "865 tenge"
    assert mci_text(0.2) == "0.2 MCI" and mci_text(4) == "4 MCI"


def test_dates_and_badges() -> None:
    assert long_date("2025-12-31") == "31 December 2025"
    assert badge("confirmed") == "" and badge(None) == ""
    assert ">single source<" in badge("single")
    assert ">likely, unverified<" in badge("unverified", "likely, unverified")


def test_a_renamed_step_keeps_its_old_anchor() -> None:
    data = copy.deepcopy(load_content().data)
    for stage in data["steps"]:
        for step in stage["steps"]:
            if step["id"] == "egov_application":
                step["id"] = "submit_on_egov"
    for event in data["case"]:
        event["steps"] = [
            "submit_on_egov" if s == "egov_application" else s for s in event["steps"]
        ]
    data["aliases"] = {"egov_application": "submit_on_egov"}
    validate(data)
    content = Content(data)
    text = guide(content)
    assert '<span id="egov_application" class="kb-alias"></span>' in text
    assert "#submit_on_egov" in text
    assert "egov_application" in content.anchors()["guide.md"]


def test_a_renamed_document_keeps_its_old_anchor() -> None:
    data = copy.deepcopy(load_content().data)
    data["aliases"] = {"cv_resume": "cv"}
    validate(data)
    assert '<span id="cv_resume" class="kb-alias"></span>' in documents_list(Content(data))


def test_notes_for_data_editors_stay_off_the_pages() -> None:
    from kb.render_common import reader_note

    note = "Counts both days. warn_within_days is this project's choice, not law."
    assert reader_note(note) == "Counts both days."
    assert reader_note("") == ""
