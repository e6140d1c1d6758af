"""calculator.export.ics: all-day events from the engine's dated answers, RFC 5545 escaping and folding."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import icalendar
import pytest

from calculator.bridge import dispatch
from calculator.core.errors import InputError
from calculator.export.ics import Event, escape_text, fold, ics_from_request, to_ics
from calculator.export.ics_alarms import trigger
from calculator.rules.rulebook import RuleBook

STATUS = {
    "action": "status",
    "nationality": "NL",
    "stays": ["2025-04-01..2025-05-10", "2025-05-17.."],
    "on": "2025-06-01",
}


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("plain", "plain"),
        ("a,b;c", "a\\,b\\;c"),
        ("back\\slash", "back\\\\slash"),
        ("two\nlines", "two\\nlines"),
        ("crlf\r\nend", "crlf\\nend"),
    ],
)
def test_escape_text(text: str, escaped: str) -> None:
    assert escape_text(text) == escaped


def test_fold_keeps_lines_within_75_octets_and_utf8_whole() -> None:
    line = "DESCRIPTION:" + "ЦОН-ВНЖ-ЭЦП " * 20  # two-byte letters
    folded = fold(line)
    parts = folded.split("\r\n")
    assert len(parts) > 1
    assert all(len(p.encode("utf-8")) <= 75 for p in parts)
    assert all(p.startswith(" ") for p in parts[1:])
    assert "".join([parts[0], *(p[1:] for p in parts[1:])]) == line


def test_short_line_is_not_folded() -> None:
    assert fold("SUMMARY:short") == "SUMMARY:short"


def test_status_gives_latest_exit_as_all_day_event(book: RuleBook) -> None:
    result = ics_from_request(book, {"action": "ics", "requests": [STATUS]}, dispatch)
    calendar = icalendar.Calendar.from_ical(result["ics"])
    (event,) = calendar.walk("VEVENT")
    assert event["DTSTART"].dt == date(2025, 6, 15)
    assert event["DTEND"].dt == date(2025, 6, 16)
    assert "Last day to leave" in str(event["SUMMARY"])
    assert "How sure we are: two independent sources agree" in str(event["DESCRIPTION"])
    assert "kz_visa_free_30" not in str(event["DESCRIPTION"])
    assert "Days used: 56 of 90; 34 left." in str(event["DESCRIPTION"])  # unescaped round trip


def test_uids_are_stable_and_unique(book: RuleBook) -> None:
    request = {
        "action": "ics",
        "requests": [
            STATUS,
            {
                "action": "next_entry",
                "nationality": "NL",
                "stays": ["2025-04-01..2025-05-10"],
                "from": "2025-07-01",
                "days": 30,
            },
        ],
    }
    first = icalendar.Calendar.from_ical(ics_from_request(book, request, dispatch)["ics"])
    second = icalendar.Calendar.from_ical(ics_from_request(book, request, dispatch)["ics"])
    uids = [str(e["UID"]) for e in first.walk("VEVENT")]
    assert uids == [str(e["UID"]) for e in second.walk("VEVENT")]
    assert len(uids) == len(set(uids)) == 3  # latest exit, earliest entry, last day of that stay


def test_not_in_country_has_no_exit_event(book: RuleBook) -> None:
    request = {**STATUS, "stays": ["2025-04-01..2025-05-10"]}
    result = ics_from_request(book, {"action": "ics", "requests": [request]}, dispatch)
    assert result["events"] == 0
    assert icalendar.Calendar.from_ical(result["ics"]).walk("VEVENT") == []


def test_bad_sub_request_names_its_field(book: RuleBook) -> None:
    bad = {**STATUS, "stays": ["2025-04-01..2025-03-01"]}
    with pytest.raises(InputError) as caught:
        ics_from_request(book, {"action": "ics", "requests": [bad]}, dispatch)
    assert caught.value.field == "stays[0].exit"


@pytest.mark.parametrize("requests", [None, [], "status", [{"action": "ics", "requests": []}]])
def test_requests_must_be_a_list_of_dated_requests(book: RuleBook, requests: object) -> None:
    with pytest.raises(InputError):
        ics_from_request(book, {"action": "ics", "requests": requests}, dispatch)


def test_to_ics_literal() -> None:
    event = Event(date(2025, 12, 15), "Police certificate; last day", "a,b", "x@y")
    text = to_ics([event], "v1", datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC))
    assert "DTSTAMP:20250102T030405Z\r\n" in text
    assert "DTSTART;VALUE=DATE:20251215\r\nDTEND;VALUE=DATE:20251216\r\n" in text
    assert "SUMMARY:Police certificate\\; last day\r\n" in text
    assert "DESCRIPTION:a\\,b\\nRule data v1\r\n" in text
    assert text.endswith("END:VCALENDAR\r\n")


def test_timeline_exports_its_deadlines_not_only_milestones(book: RuleBook) -> None:
    """Still in Kazakhstan when applying (the real case): the leave-by and enter-by days are events."""
    timeline = {
        "action": "timeline",
        "nationality": "NL",
        "stays": ["2025-06-01..2025-06-30", "2025-08-01..2025-08-24", "2025-10-20.."],
        "egov_submitted": "2025-11-10",
        "certificate_issued": "2025-06-18",
    }
    calendar = icalendar.Calendar.from_ical(
        ics_from_request(book, {"action": "ics", "requests": [timeline]}, dispatch)["ics"]
    )
    days = {str(e.get("SUMMARY")): e.decoded("DTSTART") for e in calendar.walk("VEVENT")}
    assert days["Leave Kazakhstan by this day (current stay)"] == date(2025, 11, 18)
    assert days["Enter Kazakhstan by this day (after the eGov approval)"] == date(2026, 1, 9)
    # the visa-free days end on 8 Jan, before the card: the plan's "leave by" stands for that day
    assert "Visa-free days end (if you enter on the expected date)" not in days
    assert days["Leave Kazakhstan by this day (exit and return for the card)"] == date(2026, 1, 8)
    assert days["Police clearance certificate: last day it is accepted"] == date(2025, 12, 15)
    assert "eGov decision (expected)" in days  # the milestones are still there


DUTCH = {
    "action": "timeline",
    "nationality": "NL",
    "stays": ["2025-07-01..2025-07-30", "2025-08-10..2025-09-08", "2025-09-20..2025-10-08"],
    "approved": "2025-12-10",
    "entered": "2025-12-15",
}


def test_timeline_exit_and_return_and_reminders(book: RuleBook) -> None:
    """The issue's Dutch case: every milestone, the exit-and-return dates, and a reminder a few
    days (data/site.yaml) before every deadline but not before an expected milestone."""
    calendar = icalendar.Calendar.from_ical(
        ics_from_request(book, {"action": "ics", "requests": [DUTCH]}, dispatch)["ics"]
    )
    events = {str(e["SUMMARY"]): e for e in calendar.walk("VEVENT")}
    day = {summary: e.decoded("DTSTART") for summary, e in events.items()}
    alarms = {summary: [a["TRIGGER"].dt for a in e.walk("VALARM")] for summary, e in events.items()}
    # 14, 5 and 1 days before (data/site.yaml), each at 09:00: 13 d 15 h, 4 d 15 h, 15 h before
    assert (book.reminder_days_before, book.reminder_hour) == ((14, 5, 1), 9)
    before = [-timedelta(days=13, hours=15), -timedelta(days=4, hours=15), -timedelta(hours=15)]
    leave = "Leave Kazakhstan by this day (exit and return for the card)"
    back = "Come back to Kazakhstan for the card (earliest return)"
    assert (day[leave], alarms[leave]) == (date(2025, 12, 25), before)
    assert (day[back], alarms[back]) == (date(2026, 1, 5), before)
    notice = "Arrival notification filed by the host: last day"
    assert (day[notice], alarms[notice]) == (date(2025, 12, 19), before)
    for milestone in ("eGov decision", "Entered Kazakhstan"):
        assert alarms[milestone] == []
    for milestone, expected in (
        ("Documents handed in at the Public Service Center (expected)", date(2025, 12, 18)),
        ("Migration Service final review done (expected)", date(2026, 1, 5)),
        ("Residence permit card ready (expected)", date(2026, 1, 15)),
    ):
        assert (day[milestone], alarms[milestone]) == (expected, [])
    assert "Enter Kazakhstan by this day (after the eGov approval)" not in day  # entered already


def test_to_ics_alarm_literal() -> None:
    event = Event(date(2025, 12, 25), "Leave", "d", "x@y", alarmed=True)
    text = to_ics([event], "v1", datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC), (5,), 9)
    assert (
        "BEGIN:VALARM\r\nACTION:DISPLAY\r\nDESCRIPTION:Reminder: Leave on 2025-12-25\r\n"
        "TRIGGER:-P4DT15H\r\nEND:VALARM\r\nEND:VEVENT\r\n"
    ) in text


@pytest.mark.parametrize(
    ("days_before", "hour", "value", "rings"),
    [
        (14, 9, "-P13DT15H", datetime(2025, 12, 11, 9, 0)),
        (5, 9, "-P4DT15H", datetime(2025, 12, 20, 9, 0)),
        (1, 9, "-PT15H", datetime(2025, 12, 24, 9, 0)),
        (0, 9, "PT9H", datetime(2025, 12, 25, 9, 0)),
        (1, 0, "-P1D", datetime(2025, 12, 24, 0, 0)),
        (0, None, "PT0H", datetime(2025, 12, 25, 0, 0)),
        (2, 23, "-P1DT1H", datetime(2025, 12, 23, 23, 0)),
    ],
)
def test_trigger_rings_at_the_hour(
    days_before: int, hour: int | None, value: str, rings: datetime
) -> None:
    """Read back by icalendar: the trigger, added to the all-day start (local midnight of
    25 December), gives the day and hour asked for."""
    assert trigger(days_before, hour) == value
    event = Event(date(2025, 12, 25), "Leave", "d", "x@y", alarmed=True)
    parsed = icalendar.Calendar.from_ical(to_ics([event], "v1", None, (days_before,), hour))
    (alarm,) = parsed.walk("VALARM")
    assert datetime(2025, 12, 25) + alarm["TRIGGER"].dt == rings


def test_chosen_lead_times_give_one_alarm_each(book: RuleBook) -> None:
    request = {"action": "ics", "requests": [STATUS], "reminders": ["7", 30, 7, 0]}
    result = ics_from_request(book, request, dispatch)
    assert result["reminders"] == [30, 7, 0]  # largest first, the duplicate once
    (event,) = icalendar.Calendar.from_ical(result["ics"]).walk("VEVENT")
    triggers = [a["TRIGGER"].dt for a in event.walk("VALARM")]
    assert triggers == [
        -timedelta(days=29, hours=15),
        -timedelta(days=6, hours=15),
        timedelta(hours=9),
    ]
    none = ics_from_request(book, {**request, "reminders": []}, dispatch)
    assert "BEGIN:VALARM" not in none["ics"] and none["reminders"] == []


@pytest.mark.parametrize(
    ("reminders", "field", "fragment"),
    [
        ("5", "reminders", "must be a list of numbers of days, not a text"),
        ([1, 2, 3, 4, 5, 6], "reminders", "at most 5 reminders (got 6)"),
        ([5, 366], "reminders[1]", "from 0 to 365 (got 366)"),
        ([-1], "reminders[0]", "from 0 to 365"),
        (["1.5"], "reminders[0]", "from 0 to 365"),
        ([True], "reminders[0]", "from 0 to 365"),
        (["١"], "reminders[0]", "from 0 to 365"),
    ],
)
def test_bad_lead_times_are_refused_by_name(
    book: RuleBook, reminders: object, field: str, fragment: str
) -> None:
    request = {"action": "ics", "requests": [STATUS], "reminders": reminders}
    with pytest.raises(InputError) as error:
        ics_from_request(book, request, dispatch)
    assert error.value.field == field and fragment in error.value.message
