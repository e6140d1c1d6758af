"""Literal cases for the bridge, checked on CPython (tests/unit) and inside Pyodide (tests/pyodide).

Each case is worked out by hand from the rules, not copied from the engine's output:
``expect`` lists result keys and their exact values (a dotted key such as ``reentry.enter_on``
reads inside a nested object, see :func:`pick`); error cases give the field and a fragment of the
message.
"""

from __future__ import annotations

from typing import Any

# Result keys whose values are words: they differ between languages, everything else may not.
TEXT_KEYS = {
    "explanation",
    "warnings",
    "title",
    "reason",
    "reasons",
    "name",
    "note",
    "before",
    "says",
    "publisher",
}


def facts(value: Any) -> Any:
    """A result without its words: numbers, dates, ids and flags only."""
    if isinstance(value, dict):
        return {k: facts(v) for k, v in value.items() if k not in TEXT_KEYS}
    if isinstance(value, list):
        return [facts(v) for v in value]
    return value


def pick(result: dict[str, Any], key: str) -> Any:
    """``result["reentry"]["enter_on"]`` for ``"reentry.enter_on"``; ``None`` past a null.
    In a list, ``id=X`` picks the item whose ``id`` is X (``steps.id=hand_in_at_psc.date``);
    ``ids`` is the list of the items' ids (``routes.ids``); no such item reads ``None``."""
    value: Any = result
    for part in key.split("."):
        if value is None:
            break
        if isinstance(value, list) and part == "ids":
            value = [item["id"] for item in value]
        elif isinstance(value, list) and part.startswith("id="):
            value = next((item for item in value if item["id"] == part[3:]), None)
        elif isinstance(value, list):
            value = value[int(part)]
        else:
            value = value[part]
    return value


NL = {"nationality": "NL"}
SCHENGEN = {"rule": "schengen"}
INDIA = {"nationality": "IN"}
THREE_INDIA_STAYS = ["2025-01-01..2025-01-14", "2025-02-01..2025-02-14", "2025-03-01..2025-03-14"]

CASES: list[tuple[str, dict, dict]] = [
    # -- status ------------------------------------------------------------------------------------
    (
        "issue example: NL, 40 + 16 days, still in the country",
        {
            "action": "status",
            **NL,
            "stays": ["2025-04-01..2025-05-10", "2025-05-17.."],
            "on": "2025-06-01",
        },
        {
            "window_start": "2024-12-04",
            "days_used": 56,
            "limit": 90,
            "days_left": 34,
            "overstay_days": 0,
            "latest_exit": "2025-06-15",
            "in_country": True,
            "entry_day_number": 16,
        },
    ),
    (
        "not in the country: no latest exit",
        {"action": "status", **NL, "stays": ["2025-04-01..2025-05-10"], "on": "2025-06-01"},
        {"days_used": 40, "days_left": 50, "latest_exit": None, "in_country": False},
    ),
    (
        "Schengen: 90 continuous days, last day is the latest exit",
        {"action": "status", **SCHENGEN, "stays": ["2025-01-01..2025-03-31"], "on": "2025-03-31"},
        {"days_used": 90, "days_left": 0, "overstay_days": 0, "latest_exit": "2025-03-31"},
    ),
    (
        "Schengen overstay: 100 days used on day 100",
        {"action": "status", **SCHENGEN, "stays": ["2025-01-01.."], "on": "2025-04-10"},
        {"days_used": 100, "days_left": 0, "overstay_days": 10, "latest_exit": "2025-03-31"},
    ),
    (
        "NL: 30-day entry cap binds before the 90-day cap",
        {"action": "status", **NL, "stays": ["2025-01-10.."], "on": "2025-01-20"},
        {"days_used": 11, "latest_exit": "2025-02-08", "entry_day_number": 11},
    ),
    (
        "NL: day 41 of one entry is 11 days past the per-entry limit, though the window has room",
        {"action": "status", **NL, "stays": ["2025-01-01.."], "on": "2025-02-10"},
        {
            "days_used": 41,
            "overstay_days": 0,
            "entry_overstay_days": 11,
            "latest_exit": "2025-01-30",
        },
    ),
    (
        "border run: left and came back on 30 May; that day counts once and is day 1 again",
        {
            "action": "status",
            **NL,
            "stays": ["2025-05-01..2025-05-30", "2025-05-30.."],
            "on": "2025-06-10",
        },
        {
            "days_used": 41,
            "entry_day_number": 12,
            "latest_exit": "2025-06-28",
            "window": [
                {"entry": "2025-05-01", "exit": "2025-05-29", "days": 29},
                {"entry": "2025-05-30", "exit": "2025-06-10", "days": 12},
            ],
        },
    ),
    (
        "days before 27 Jan 2023 do not count in Kazakhstan",
        {"action": "status", **NL, "stays": ["2023-01-01..2023-01-31"], "on": "2023-01-31"},
        {"days_used": 5, "days_left": 85},
    ),
    (
        "window is 180 days with both ends: a day 180 days back still counts, 181 does not",
        {"action": "status", **SCHENGEN, "stays": ["2025-01-01..2025-01-01"], "on": "2025-06-29"},
        {"window_start": "2025-01-01", "days_used": 1},
    ),
    (
        "…and the next day it has dropped out",
        {"action": "status", **SCHENGEN, "stays": ["2025-01-01..2025-01-01"], "on": "2025-06-30"},
        {"window_start": "2025-01-02", "days_used": 0},
    ),
    (
        "case study: 79 days used, entering for the last 11",
        {
            "action": "status",
            **NL,
            "stays": ["2025-08-01..2025-08-30", "2025-09-05..2025-10-04", "2025-10-20.."],
            "on": "2025-11-07",
        },
        {"days_used": 79, "days_left": 11, "latest_exit": "2025-11-18"},
    ),
    (
        "a past overstay keeps counting: 98 of 90 in the window (3 Jan to 10 Apr), nothing blocked",
        {"action": "status", **SCHENGEN, "stays": ["2025-01-01..2025-04-10"], "on": "2025-07-01"},
        {
            "window_start": "2025-01-03",
            "days_used": 98,
            "days_left": 0,
            "overstay_days": 8,
            "latest_exit": None,
        },
    ),
    (
        "after a 100-day overstay, one day fits once 1-11 January have left the window",
        {
            "action": "next_entry",
            **SCHENGEN,
            "stays": ["2025-01-01..2025-04-10"],
            "from": "2025-04-11",
            "days": 1,
        },
        {"earliest_entry": "2025-07-10"},
    ),
    # -- days_return: each used day d leaves the window on d + 180 ------------------------------------
    (
        "days return, README example: 1 Apr is back on 28 Sep, 10 May on 6 Nov; the open stay to 1 Jun",
        {
            "action": "status",
            **NL,
            "stays": ["2025-04-01..2025-05-10", "2025-05-17.."],
            "on": "2025-06-01",
        },
        {
            "days_return.0": {"date": "2025-09-28", "days": 1},
            "days_return.39": {"date": "2025-11-06", "days": 1},
            "days_return.40": {"date": "2025-11-13", "days": 1},
            "days_return.55": {"date": "2025-11-28", "days": 1},
            "days_return_runs": [
                {"first": "2025-09-28", "last": "2025-11-06", "days": 40},
                {"first": "2025-11-13", "last": "2025-11-28", "days": 16},
            ],
        },
    ),
    (
        "days return after an overstay: 98 days (3 Jan to 10 Apr) come back 2 Jul to 7 Oct",
        {"action": "status", **SCHENGEN, "stays": ["2025-01-01..2025-04-10"], "on": "2025-07-01"},
        {"days_return_runs": [{"first": "2025-07-02", "last": "2025-10-07", "days": 98}]},
    ),
    (
        "days return of an open stay count to the date asked; the shared border day once",
        {
            "action": "status",
            **NL,
            "stays": ["2025-05-01..2025-05-30", "2025-05-30.."],
            "on": "2025-06-10",
        },
        {"days_return_runs": [{"first": "2025-10-28", "last": "2025-12-07", "days": 41}]},
    ),
    (
        "days return: days before 27 Jan 2023 never counted, so only 27-31 Jan come back",
        {"action": "status", **NL, "stays": ["2023-01-01..2023-01-31"], "on": "2023-01-31"},
        {"days_return_runs": [{"first": "2023-07-26", "last": "2023-07-30", "days": 5}]},
    ),
    (
        "days return: nothing used, nothing comes back",
        {"action": "status", **NL, "stays": ["2024-01-01..2024-01-10"], "on": "2025-06-01"},
        {"days_used": 0, "days_return": [], "days_return_runs": []},
    ),
    # -- plan ----------------------------------------------------------------------------------------
    (
        "NL: no history, the entry cap binds",
        {"action": "plan", **NL, "stays": [], "enter": "2025-01-10"},
        {"max_stay_days": 30, "latest_exit": "2025-02-08", "binding": "per_entry"},
    ),
    (
        "India: 42 of 42 used, entry refused",
        {"action": "plan", **INDIA, "stays": THREE_INDIA_STAYS, "enter": "2025-04-01"},
        {"max_stay_days": 0, "latest_exit": None, "binding": "rolling"},
    ),
    (
        "NL: 70 days used, the rolling cap binds at 20",
        {
            "action": "plan",
            **NL,
            "stays": ["2025-01-01..2025-01-30", "2025-02-10..2025-03-11", "2025-03-20..2025-03-29"],
            "enter": "2025-04-05",
        },
        {"max_stay_days": 20, "latest_exit": "2025-04-24", "binding": "rolling"},
    ),
    # -- next entry ----------------------------------------------------------------------------------
    (
        "Schengen: after 90 continuous days, one day back each day from 30 June",
        {
            "action": "next_entry",
            **SCHENGEN,
            "stays": ["2025-01-01..2025-03-31"],
            "from": "2025-04-01",
            "days": 1,
        },
        {"earliest_entry": "2025-06-30"},
    ),
    (
        "Schengen: the same date allows all 90 days (days come back as fast as they are used)",
        {
            "action": "next_entry",
            **SCHENGEN,
            "stays": ["2025-01-01..2025-03-31"],
            "from": "2025-04-01",
            "days": 90,
        },
        {"earliest_entry": "2025-06-30", "latest_exit": "2025-09-27"},
    ),
    (
        "India: 14 days fit from 30 June, 180 days after 1 January",
        {
            "action": "next_entry",
            **INDIA,
            "stays": THREE_INDIA_STAYS,
            "from": "2025-04-01",
            "days": 14,
        },
        {"earliest_entry": "2025-06-30", "latest_exit": "2025-07-13"},
    ),
    (
        "NL: room now, search starts the day after the last exit",
        {
            "action": "next_entry",
            **NL,
            "stays": ["2025-04-01..2025-04-30"],
            "from": "2025-04-15",
            "days": 30,
        },
        {"earliest_entry": "2025-05-01"},
    ),
    # -- working days --------------------------------------------------------------------------------
    (
        "3 Jan 2025 off, Sunday 5 Jan worked",
        {"action": "workdays", "from": "2025-01-02", "add": 1},
        {"date": "2025-01-05"},
    ),
    (
        "Nauryz 2025 with two carried days",
        {"action": "workdays", "from": "2025-03-20", "add": 1},
        {"date": "2025-03-26"},
    ),
    (
        "Nauryz 2026: 24 and 25 March carried",
        {"action": "workdays", "from": "2026-03-20", "add": 1},
        {"date": "2026-03-26"},
    ),
    (
        "Constitution Day 2025 carried to 1 Sep",
        {"action": "workdays", "from": "2025-08-29", "add": 1},
        {"date": "2025-09-02"},
    ),
    (
        "31 Aug 2026 is a working day",
        {"action": "workdays", "from": "2026-08-28", "add": 1},
        {"date": "2026-08-31"},
    ),
    (
        "Kurban Ait 27 May 2026",
        {"action": "workdays", "from": "2026-05-26", "add": 1},
        {"date": "2026-05-28"},
    ),
    (
        "Victory Day 2026 carried to 11 May",
        {"action": "workdays", "from": "2026-05-08", "add": 1},
        {"date": "2026-05-12"},
    ),
    (
        "Republic Day 2026 carried to 26 Oct",
        {"action": "workdays", "from": "2026-10-23", "add": 1},
        {"date": "2026-10-27"},
    ),
    (
        "Independence Day 2025, 3 working days",
        {"action": "workdays", "from": "2025-12-12", "add": 3},
        {"date": "2025-12-18"},
    ),
    (
        "New Year 2027 projection: 4 Jan carried",
        {"action": "workdays", "from": "2026-12-31", "add": 1},
        {"date": "2027-01-05"},
    ),
    (
        "zero working days is the start day",
        {"action": "workdays", "from": "2025-01-04", "add": 0},
        {"date": "2025-01-04"},
    ),
    # -- validity -------------------------------------------------------------------------------------
    (
        "case study: police certificate of 18 June 2025",
        {
            "action": "validity",
            "document": "police_certificate",
            "issued": "2025-06-18",
            "on": "2025-11-10",
        },
        {"valid_until": "2025-12-15", "period_days": 180, "days_left": 36},
    ),
    # -- after the permit ----------------------------------------------------------------------------
    (
        "days abroad split at New Year, departure and return both count",
        {
            "action": "abroad",
            "permit_issued": "2026-01-12",
            "trips": ["2026-12-20..2027-01-10"],
            "on": "2026-12-01",
        },
        {
            "licence_exchange_by": "2026-03-13",
            "years": [
                {"year": 2026, "days_abroad": 12, "limit": 183, "days_left": 171, "over": False},
                {"year": 2027, "days_abroad": 10, "limit": 183, "days_left": 173, "over": False},
            ],
        },
    ),
]

CASES.append(
    (
        "back on 10 Feb and off again the same day: that day abroad counts once",
        {
            "action": "abroad",
            "permit_issued": "2026-01-01",
            "on": "2026-06-01",
            "trips": ["2026-02-01..2026-02-10", "2026-02-10..2026-02-12"],
        },
        {
            "years": [
                {"year": 2026, "days_abroad": 12, "limit": 183, "days_left": 171, "over": False}
            ]
        },
    )
)

# -- the border day: leaving and coming back the same day, a one-day stay included ------------------
CASES += [
    (
        "one-day visit, then re-entry the same day: the day counts once, day 1 of the new entry",
        {
            "action": "status",
            **NL,
            "stays": ["2025-01-16..2025-01-16", "2025-01-16..2025-01-25"],
            "on": "2025-01-20",
        },
        {"days_used": 5, "in_country": True, "entry_day_number": 5, "latest_exit": "2025-02-14"},
    ),
    (
        "the same two stays in the other order give the same answer",
        {
            "action": "status",
            **NL,
            "stays": ["2025-01-16..2025-01-25", "2025-01-16..2025-01-16"],
            "on": "2025-01-20",
        },
        {"days_used": 5, "in_country": True, "entry_day_number": 5, "latest_exit": "2025-02-14"},
    ),
    (
        "out on the 16th, a one-day visit on the 16th, back in on the 16th: 7 days, day 1",
        {
            "action": "status",
            **NL,
            "stays": ["2025-01-10..2025-01-16", "2025-01-16..2025-01-16", "2025-01-16..2025-01-20"],
            "on": "2025-01-16",
        },
        {"days_used": 7, "entry_day_number": 1, "latest_exit": "2025-02-14"},
    ),
    (
        "timeline: a police certificate issued 18 Jun 2025 is valid 180 days, to 15 Dec 2025",
        {
            "action": "timeline",
            **NL,
            "egov_submitted": "2025-11-12",
            "certificate_issued": "2025-06-18",
        },
        {"certificate_valid_until": "2025-12-15"},
    ),
]

# -- the DNR timeline and its exit-and-return plan (worked by hand, see tests/unit/test_reentry.py) --
# Working days follow data/calendar.yaml: 16 Dec, 1-2 and 7 Jan, 1 May are days off.
DUTCH_STAYS = ["2025-07-01..2025-07-30", "2025-08-10..2025-09-08", "2025-09-20..2025-10-08"]
TIMELINE_CASES: list[tuple[str, dict, dict]] = [
    (
        "issue 8: Dutch, 79 days used, entered 15 Dec: leave 25 Dec, back 5 Jan for the card",
        {
            "action": "timeline",
            **NL,
            "stays": DUTCH_STAYS,
            "approved": "2025-12-10",
            "entered": "2025-12-15",
        },
        {
            "entry_deadline": None,
            "visa_free_last_day": "2025-12-25",
            "milestones.0.id": "approved",
            "milestones.3.id": "psc_submitted",
            "milestones.3.expected": "2025-12-18",
            "reentry.leave_by": "2025-12-25",
            "reentry.search_from": "2026-01-05",
            "reentry.days_needed": 11,
            "reentry.enter_on": "2026-01-05",
            "reentry.card_ready": "2026-01-15",
            "reentry.stay_last_day": "2026-02-03",
        },
    ),
    (
        "clean first entry: the card (4 May) comes inside the 30 days (to 5 May)",
        {"action": "timeline", **NL, "stays": [], "entered": "2026-04-06"},
        {"visa_free_last_day": "2026-05-05", "reentry": None},
    ),
    (
        "India, 14 days per entry: leave 19 Apr, back 22 Apr when the review ends, 13 days",
        {"action": "timeline", **INDIA, "stays": [], "entered": "2026-04-06"},
        {
            "visa_free_last_day": "2026-04-19",
            "reentry.leave_by": "2026-04-19",
            "reentry.search_from": "2026-04-22",
            "reentry.days_needed": 13,
            "reentry.enter_on": "2026-04-22",
            "reentry.card_ready": "2026-05-04",
        },
    ),
    (
        "card expected on the last visa-free day: no exit needed",
        {
            "action": "timeline",
            **NL,
            "stays": ["2025-12-01..2025-12-30", "2026-01-10..2026-02-08", "2026-03-01..2026-03-01"],
            "entered": "2026-04-06",
        },
        {
            "visa_free_last_day": "2026-05-04",
            "milestones.4.id": "permit_issued",
            "milestones.4.expected": "2026-05-04",
            "reentry": None,
        },
    ),
    (
        "missed entry window: entered 4 days late, no 'enter by' any more",
        {"action": "timeline", **NL, "approved": "2025-12-12", "entered": "2026-01-15"},
        {"entry_deadline": None, "visa_free_last_day": "2026-02-13", "reentry": None},
    ),
    (
        "across New Year: review ends 12 Jan inside the entry, card 21 Jan one day late: collect it",
        {"action": "timeline", **NL, "stays": [], "entered": "2025-12-22"},
        {
            "visa_free_last_day": "2026-01-20",
            "reentry.leave_by": "2026-01-20",
            "reentry.search_from": "2026-01-21",
            "reentry.days_needed": 1,
            "reentry.enter_on": "2026-01-21",
            "reentry.card_ready": "2026-01-21",
        },
    ),
    (
        "2027 (no official calendar yet): card 30 Apr, inside the days to 4 May",
        {"action": "timeline", **NL, "stays": [], "entered": "2027-04-05"},
        {
            "visa_free_last_day": "2027-05-04",
            "milestones.5.id": "permit_issued",
            "milestones.5.expected": "2027-04-30",
            "reentry": None,
        },
    ),
]
CASES += TIMELINE_CASES

# -- the personal plan (route): six people, worked by hand (tests/unit/test_route_plan.py says how) --
# Validity 180 days (data/deadlines.yaml); the hand-in follows the entry by the preparation period.
ROUTE_CASES: list[tuple[str, dict, dict]] = [
    (
        "route: the Dutch case, IT, Astana, certificate of 18 Jun 2025 flagged, obtain from 21 Jun",
        {
            "action": "route",
            **NL,
            "it": "yes",
            "city": "astana",
            "stays": DUTCH_STAYS,
            "approved": "2025-12-10",
            "entered": "2025-12-15",
            "certificate_issued": "2025-06-18",
            "on": "2025-11-10",
        },
        {
            "routes.ids": ["route_dnr", "route_neo_nomad", "route_b9_1", "route_pr_pilot_2026"],
            "routes.id=route_dnr.eligible": "yes",
            "routes.id=route_dnr.open": "yes",
            "routes.id=route_neo_nomad.eligible": "unknown",
            "routes.id=route_pr_pilot_2026.open": "no",
            "steps.id=hand_in_at_psc.date": "2025-12-18",
            "steps.id=hand_in_at_psc.latest": "2025-12-18",
            "steps.id=enter_kazakhstan.date": "2025-12-15",
            "steps.id=collect_residence_card.date": "2026-01-15",
            "steps.id=enter_on_b9_1_visa": None,
            "steps.id=sign_rental_agreement.pitfalls": ["astana_floor_space_per_person"],
            "documents.id=police_certificate.obtain_from": "2025-06-21",
            # obtained only in Kazakhstan: from the entry on 15 Dec, not from 21 Jun
            "documents.id=medical_certificate.obtain_from": "2025-12-15",
            "documents.id=medical_certificate.obtain_because": "in_kazakhstan",
            "documents.id=police_certificate.obtain_because": "validity",
            "documents.id=police_certificate.valid_until": "2025-12-15",
            "documents.id=police_certificate.period_days": 180,
            "timeline.reentry.enter_on": "2026-01-05",
            "assumed_start": None,
            "late_from": [
                {"id": "final_review", "date": "2026-01-06"},
                {"id": "permit_issued", "date": "2026-01-16"},
            ],
        },
    ),
    (
        "route: a non-IT remote worker from the US, USD 5,000 a month: Neo Nomad, no DNR steps",
        {
            "action": "route",
            "nationality": "US",
            "it": "no",
            "income_usd": "5000",
            "on": "2026-12-01",
        },
        {
            "routes.id=route_dnr.eligible": "no",
            "routes.id=route_dnr.open": "unknown",
            "routes.id=route_neo_nomad.eligible": "yes",
            "routes.id=route_neo_nomad.open": "yes",
            "routes.id=route_b9_1.eligible": "no",
            "steps": [],
            "documents": [],
            "timeline": None,
        },
    ),
    (
        "route: an IT specialist from Russia (EAEU): no Neo Nomad, 90-day entries, no exit needed",
        {"action": "route", "nationality": "RU", "it": "yes", "city": "almaty", "on": "2026-12-01"},
        {
            "routes.id=route_dnr.eligible": "yes",
            "routes.id=route_dnr.open": "unknown",
            "routes.id=route_neo_nomad.eligible": "no",
            "assumed_start": "2026-12-01",
            "steps.id=apply_to_astana_hub.date": "2026-12-01",
            "steps.id=enter_kazakhstan.applies": "yes",
            "timeline.reentry": None,
            "documents.id=police_certificate.obtain_from": "2026-09-13",
            "documents.id=medical_certificate.obtain_from": "2027-01-22",  # the expected entry
        },
    ),
    (
        "route: an IT specialist from India: 14 days per entry, exit and return; e-visa unknown",
        {
            "action": "route",
            "nationality": "IN",
            "it": "yes",
            "city": "astana",
            "family": "yes",
            "on": "2026-12-01",
        },
        {
            "routes.id=route_dnr.eligible": "yes",
            "routes.id=route_b9_1.eligible": "unknown",
            "steps.id=enter_kazakhstan.date": "2027-01-22",
            "steps.id=bring_family.applies": "yes",
            "timeline.visa_free_last_day": "2027-02-04",
            "timeline.reentry.leave_by": "2027-02-04",
        },
    ),
    (
        "route: a passport that expires 1 Mar 2027, needed past 23 Jun 2027",
        {
            "action": "route",
            "nationality": "DE",
            "it": "yes",
            "city": "almaty",
            "passport_expires": "2027-03-01",
            "on": "2026-12-01",
        },
        {
            "documents.id=passport.valid_until": "2027-03-01",
            "documents.id=passport.needed_until": "2027-06-23",
            "steps.id=egov_application.latest": "2026-12-25",
        },
    ),
    (
        "route: in Kazakhstan since 6 Nov 2026, day 25 of 30 on 30 Nov: leave by 5 Dec",
        {"action": "route", **NL, "it": "yes", "stays": ["2026-11-06.."], "on": "2026-11-30"},
        {
            "stay.in_country": True,
            "stay.entry_day_number": 25,
            "stay.days_used": 25,
            "stay.latest_exit": "2026-12-05",
            "routes.id=route_dnr.eligible": "unknown",
            "steps.id=hand_in_at_psc.date": "2027-01-25",
            # in the country on the plan's day: the medical certificate can be had now
            "documents.id=medical_certificate.obtain_from": "2026-11-30",
            "steps.id=get_medical_certificate.obtain_from": "2026-11-30",
        },
    ),
]
CASES += ROUTE_CASES

ERRORS: list[tuple[str, dict, str, str]] = [
    (
        "a move before the permit: no address duty to count",
        {
            "action": "abroad",
            "permit_issued": "2025-10-01",
            "on": "2026-01-10",
            "moved": "2025-09-01",
        },
        "moved",
        "is before the permit was issued (2025-10-01)",
    ),
    (
        "impossible date",
        {"action": "workdays", "from": "2025-02-30", "add": 1},
        "from",
        "30 February 2025 does not exist",
    ),
    (
        "exit before entry",
        {"action": "status", **NL, "stays": ["2025-05-10..2025-05-01"], "on": "2025-06-01"},
        "stays[0].exit",
        "before entry",
    ),
    (
        "overlapping stays",
        {
            "action": "status",
            **NL,
            "stays": ["2025-05-01..2025-05-10", "2025-05-09..2025-05-12"],
            "on": "2025-06-01",
        },
        "stays[1].entry",
        "overlaps",
    ),
    (
        "open stay not last",
        {
            "action": "status",
            **NL,
            "stays": ["2025-05-01..", "2025-06-10..2025-06-12"],
            "on": "2025-06-01",
        },
        "stays[0].exit",
        "no end date",
    ),
    (
        "unknown nationality",
        {"action": "status", "nationality": "XX", "stays": [], "on": "2025-06-01"},
        "nationality",
        "not a listed nationality",
    ),
    (
        "unknown rule",
        {"action": "status", "rule": "nope", "stays": [], "on": "2025-06-01"},
        "rule",
        "unknown rule set",
    ),
    (
        "negative working days",
        {"action": "workdays", "from": "2025-01-02", "add": -1},
        "add",
        "0 or more",
    ),
    (
        "stay longer than one entry allows",
        {"action": "next_entry", **NL, "stays": [], "from": "2025-01-01", "days": 31},
        "days",
        "at most 30",
    ),
    (
        "entry inside a recorded stay",
        {"action": "plan", **NL, "stays": ["2025-01-01..2025-01-10"], "enter": "2025-01-05"},
        "enter",
        "inside a recorded stay",
    ),
    (
        "not a date at all",
        {"action": "status", **NL, "stays": [], "on": "<img src=x onerror=alert(1)>"},
        "on",
        "not a date",
    ),
    (
        "timeline dates out of order",
        {"action": "timeline", "egov_submitted": "2025-11-12", "approved": "2025-11-01"},
        "approved",
        "before the egov submitted date",
    ),
    (
        "unknown document",
        {"action": "validity", "document": "diploma", "issued": "2025-01-01"},
        "document",
        "is not a document the calculator knows; it knows: Police clearance certificate",
    ),
    (
        "two stays that share more than the border day",
        {
            "action": "status",
            **NL,
            "stays": ["2025-01-16..2025-01-17", "2025-01-16..2025-01-25"],
            "on": "2025-01-20",
        },
        "stays[1].entry",
        "overlaps",
    ),
    (
        "route: an income that is not whole dollars",
        {"action": "route", **NL, "income_usd": "5k", "on": "2026-12-01"},
        "income_usd",
        "not an amount in whole US dollars",
    ),
    (
        "route: no nationality",
        {"action": "route", "it": "yes", "on": "2026-12-01"},
        "nationality",
        "is required",
    ),
    (
        "route: a city the plan does not know",
        {"action": "route", **NL, "city": "paris", "on": "2026-12-01"},
        "city",
        "must be one of astana, almaty, other",
    ),
    (
        "route: an impossible passport date names the plan's field",
        {"action": "route", **NL, "passport_expires": "2027-02-30", "on": "2026-12-01"},
        "passport_expires",
        "30 February 2027 does not exist",
    ),
    (
        "route: entered before the approval",
        {"action": "route", **NL, "approved": "2026-01-10", "entered": "2026-01-05"},
        "entered",
        "is before",
    ),
]
