"""What a calendar shows a person, in both languages: titles from data and plain words for how
sure a fact is, never an internal name (``police_certificate``, ``kz_visa_free_30``)."""

from __future__ import annotations

from typing import Any

import pytest

from calculator.bridge import dispatch
from calculator.export.ics import ics_from_request
from calculator.rules.rulebook import RuleBook
from tests.id_scan import ics_lines, ids_in_ics, ids_in_text

NL = {"nationality": "NL"}
# One request per mode that has dates, each with the dates that make every kind of event.
REQUESTS: list[dict[str, Any]] = [
    {
        "action": "status",
        **NL,
        "stays": ["2025-04-01..2025-05-10", "2025-05-17.."],
        "on": "2025-06-01",
    },
    {"action": "plan", **NL, "stays": ["2025-04-01..2025-05-10"], "enter": "2025-07-01"},
    {
        "action": "next_entry",
        **NL,
        "stays": ["2025-04-01..2025-06-28"],
        "from": "2025-07-01",
        "days": 20,
    },
    {"action": "workdays", "from": "2025-01-02", "add": 5},
    {
        "action": "validity",
        "document": "police_certificate",
        "issued": "2025-06-18",
        "on": "2025-09-01",
    },
    {"action": "validity", "document": "medical_certificate", "issued": "2025-06-18"},
    {
        "action": "timeline",
        **NL,
        "stays": ["2025-07-01..2025-07-30", "2025-08-10..2025-09-08", "2025-09-20..2025-10-08"],
        "approved": "2025-12-10",
        "entered": "2025-12-15",
        "certificate_issued": "2025-06-18",
        "passport_expiry": "2026-03-01",
    },
    {
        "action": "timeline",
        **NL,
        "stays": ["2025-06-01..2025-06-30", "2025-10-20.."],
        "egov_submitted": "2025-11-10",
    },
    {
        "action": "abroad",
        "permit_issued": "2025-01-15",
        "trips": ["2025-03-01..2025-04-20", "2026-01-05.."],
        "on": "2026-02-01",
        "moved": "2026-01-20",
    },
]


@pytest.mark.parametrize("lang", ["en", "ru"])
@pytest.mark.parametrize("request_", REQUESTS, ids=lambda r: r["action"])
def test_calendar_shows_no_internal_name(
    book: RuleBook, request_: dict[str, Any], lang: str
) -> None:
    ics = dispatch(book, {"action": "ics", "requests": [request_], "lang": lang})["ics"]
    assert "BEGIN:VEVENT" in ics
    assert ids_in_ics(ics) == []


def test_validity_event_is_named_by_its_title(book: RuleBook) -> None:
    request = {"action": "validity", "document": "police_certificate", "issued": "2025-06-18"}
    ics = ics_from_request(book, {"action": "ics", "requests": [request]}, dispatch)["ics"]
    summaries = [value for name, value in ics_lines(ics) if name == "SUMMARY"]
    assert summaries == ["Police clearance certificate is accepted: last day"]
    described = "".join(value for name, value in ics_lines(ics) if name == "DESCRIPTION")
    assert "How sure we are: " in described


def test_the_scan_finds_what_it_should() -> None:
    assert ids_in_text("Last valid day: police_certificate") == ["police_certificate"]
    assert ids_in_text("under kz_visa_free_30, Rule: dnr_reentry") == [
        "kz_visa_free_30",
        "dnr_reentry",
    ]
    assert ids_in_text("see https://example.org/a_b/c_d and guide/#egov_application") == []
    assert ids_in_text("Справка о несудимости, 30 дней") == []
