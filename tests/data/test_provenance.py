"""Every fact names its sources and the day it was checked; every source is reachable."""

from __future__ import annotations

import datetime

from kzdata.load import load_all
from kzdata.schema import FILES, records_of
from kzdata.schema_types import CONFIDENCE

DATA = load_all()
RECORDS = records_of(DATA)
FACT_KINDS = {
    kind for recs in RECORDS.values() for kind, _l, _r, spec in recs if "verified" in spec
}


def test_every_data_file_has_a_schema() -> None:
    assert set(DATA) == set(FILES)


def test_every_fact_has_sources_and_a_verified_date() -> None:
    checked = 0
    for file, recs in RECORDS.items():
        for kind, label, record, _spec in recs:
            if kind not in FACT_KINDS:
                continue
            checked += 1
            assert record.get("sources"), f"{file}: {label} has no sources"
            assert isinstance(record.get("verified"), datetime.date), (
                f"{file}: {label} has no verified date"
            )
            confidence = record.get("confidence", "confirmed")
            assert confidence in CONFIDENCE
            if confidence == "confirmed" and "confidence" not in record:
                assert len(record["sources"]) >= 2, f"{file}: {label}"
    assert checked > 150


def test_every_source_has_an_address_and_publisher() -> None:
    for source in DATA["sources"]:
        assert source["url"].startswith(("https://", "http://")), source["id"]
        assert source["publisher"].strip(), source["id"]


def test_every_case_failure_is_a_pitfall() -> None:
    """The issue's list of the real case's failures, each a pitfall taken from the case."""
    from_case = {p["id"] for p in DATA["pitfalls"] if p["case"]}
    expected = {
        "english_questionnaire",
        "inconsistent_form_data",
        "egov_system_error",
        "visa_free_days_running_out",
        "police_certificate_expiring",
        "b8_visa_needs_mutual_agreement",
        "wrong_rental_form",
        "landlord_must_be_present",
        "fingerprints_taken_twice",
        "light_clothes_in_photo",
    }
    assert expected <= from_case


def test_guide_uses_the_calculators_deadlines() -> None:
    """The deadlines the issue names are all shown by some step or document."""
    used = {
        d for stage in DATA["steps"] for step in stage["steps"] for d in step.get("deadlines", [])
    }
    used |= {d["validity"] for d in DATA["documents"] if d["validity"]}
    for deadline in (
        "astana_hub_check",
        "egov_review_standard",
        "egov_review_in_demand",
        "entry_after_approval",
        "arrival_notification",
        "migration_final_review",
        "id_card_expedited",
        "id_card_standard",
        "police_certificate_validity",
        "passport_min_validity",
        "licence_exchange",
        "address_reregistration",
        "permit_absence_limit",
    ):
        assert deadline in used, deadline


def test_every_source_is_a_linked_page_with_a_date_or_undated() -> None:
    addresses = [source["url"] for source in DATA["sources"]]
    assert len(addresses) == len(set(addresses))
    for source in DATA["sources"]:
        assert source["date"] == "undated" or isinstance(source["date"], datetime.date), source[
            "id"
        ]
        path = source["url"].split("://", 1)[1].partition("/")[2]
        assert path.strip("/"), f"{source['id']} links a home page"


def test_the_b8_pitfall_is_a_conflict_citing_both_sides() -> None:
    pitfall = next(p for p in DATA["pitfalls"] if p["id"] == "b8_visa_needs_mutual_agreement")
    assert pitfall["confidence"] == "conflict"
    assert "case_study_nl" in pitfall["sources"]  # the case study: no B8 without a mutual agreement
    assert {"kz_embassy_us_pr", "dos_b8_visa"} <= set(pitfall["sources"])  # issued in the country
    assert pitfall["note"]
