"""Record specs for the rule files the calculator reads: sources, stay_rules, nationalities,
deadlines, calendar. Each walker checks a file's outer shape and returns its records."""

from __future__ import annotations

import calendar
import re
from typing import Any

from kzdata.bounds import FIRST_DATA_YEAR, LAST_YEAR, MAX_PERIOD_DAYS, MAX_WINDOW
from kzdata.schema_provenance import PROVENANCE, change_notes, date_or_undated, deep_url
from kzdata.schema_types import (
    CONFIDENCE,
    Field,
    Spec,
    boolean,
    date,
    fail,
    ident,
    integer,
    list_of,
    mapping_of,
    nullable,
    one_of,
    text,
)

Record = tuple[str, str, Any, Spec]  # (kind, label, record, spec)

SOURCE: Spec = {
    "id": Field(ident),
    "title": Field(text),
    "url": Field(deep_url),
    "publisher": Field(text),
    "date": Field(date_or_undated),
    "supports": Field(text),
    # the language the cited page is written in (`en` when absent): a page in another language
    # than the reader's is cited by its own title, marked with its language
    "language": Field(one_of("en", "ru", "kk"), required=False),
    "changes": Field(change_notes, required=False),
}

STAY_RULE: Spec = {
    "id": Field(ident),
    "title": Field(text),
    "country": Field(text),
    "limit_days": Field(integer(1, MAX_WINDOW - 1)),
    "window_days": Field(integer(2, MAX_WINDOW)),
    "per_entry_days": Field(nullable(integer(1, MAX_WINDOW - 1))),
    "counting_from": Field(nullable(date)),
    "in_force_from": Field(
        date, required=False
    ),  # the regime's first day, when it replaced another
    "before": Field(text, required=False),  # what applied before in_force_from
    "day_counting": Field(one_of(*CONFIDENCE)),
    **PROVENANCE,
}


def _country_code(value: Any) -> str | None:
    if isinstance(value, bool):
        return 'was read as true/false by YAML: put the code in quotes, such as "NO"'
    ok = isinstance(value, str) and re.match(r"^[A-Z]{2}$", value)
    return None if ok else "is not an ISO 3166 alpha-2 code such as NL"


NATIONALITY_GROUP: Spec = {
    "id": Field(ident),
    "rule_set": Field(ident, ref="stay_rules"),
    "countries": Field(mapping_of(_country_code, text)),
    **PROVENANCE,
}


def _side(value: Any) -> str | None:
    """One side of a disputed fact: what it says and which of the record's sources say it."""
    if not isinstance(value, dict) or set(value) != {"says", "sources"}:
        return "must be a mapping with exactly 'says' and 'sources'"
    return text(value["says"]) or list_of(ident, non_empty=True)(value["sources"])


PERIOD = integer(1, max(MAX_PERIOD_DAYS.values()))  # by unit: kzdata.schema_engine
YEAR = integer(FIRST_DATA_YEAR, LAST_YEAR)

DEADLINE: Spec = {
    "id": Field(ident),
    "title": Field(text),
    "days": Field(PERIOD),
    "days_max": Field(PERIOD, required=False),
    "unit": Field(one_of("calendar_days", "working_days", "days_per_calendar_year")),
    "counted_from": Field(text),
    "applies_from": Field(date, required=False),
    "first_day_counts": Field(boolean, required=False),
    "document": Field(ident, required=False, ref="documents"),
    "warn_within_days": Field(PERIOD, required=False),
    "sides": Field(list_of(_side, non_empty=True), required=False),
    **PROVENANCE,
}


def _month_day(value: Any) -> str | None:
    ok = isinstance(value, str) and re.match(r"^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$", value)
    if not ok:
        return 'is not a month and day in quotes, such as "03-21"'
    month, day = int(value[:2]), int(value[3:])
    if (month, day) == (2, 29):
        return (
            "is 29 February, which most years do not have (a fixed holiday needs a day every year)"
        )
    if day > calendar.monthrange(2001, month)[1]:
        return f"is not a day of the year: month {month} has {calendar.monthrange(2001, month)[1]} days"
    return None


HOLIDAY: Spec = {
    "id": Field(ident),
    "name": Field(text),
    "dates": Field(list_of(_month_day, non_empty=True)),
    "carried_over": Field(boolean),
    "from_year": Field(YEAR, required=False),
    "until_year": Field(YEAR, required=False),
    **PROVENANCE,
}

LUNAR_DATE: Spec = {
    "date": Field(date),
    "status": Field(one_of("confirmed", "estimated")),
    "sources": Field(list_of(ident, non_empty=True), ref="sources"),
}

LUNAR_HOLIDAY: Spec = {
    "id": Field(ident),
    "name": Field(text),
    "carried_over": Field(boolean),
    "dates": Field(lambda v: None if isinstance(v, list) and v else "must list at least one date"),
    **PROVENANCE,
}

TRANSFER: Spec = {
    "id": Field(ident),
    "day_off": Field(date),
    "working_day": Field(date),
    "order": Field(text),
    **PROVENANCE,
}

OFFICIAL_YEAR: Spec = {"year": Field(YEAR), **PROVENANCE}
CARRY_OVER: Spec = dict(PROVENANCE)

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
CALENDAR_KEYS = (
    "weekend",
    "carry_over",
    "holidays",
    "lunar_holidays",
    "transfers",
    "official_years",
)


def listed(file: str, data: Any, kind: str, spec: Spec, key: str = "id") -> list[Record]:
    """A file (or section) that is a list of records of one kind."""
    from kzdata.schema_types import label_of

    if not isinstance(data, list):
        raise fail(file, kind + "s", "must be a list of records (lines starting with '- ')")
    return [(kind, label_of(kind, r, i, key), r, spec) for i, r in enumerate(data)]


def section(file: str, data: Any, name: str) -> Any:
    if not isinstance(data, dict):
        raise fail(file, "file", "must be a mapping with sections such as " + f"'{name}:'")
    if name not in data:
        raise fail(file, "file", f"section '{name}' is missing")
    return data[name]


def calendar_records(data: Any) -> list[Record]:
    file = "calendar"
    if isinstance(data, dict):
        for name in data:
            if name not in CALENDAR_KEYS:
                raise fail(
                    file,
                    "file",
                    f"'{name}' is not a known section; known: {', '.join(CALENDAR_KEYS)}",
                )
    weekend = section(file, data, "weekend")
    problem = list_of(one_of(*WEEKDAYS), non_empty=True)(weekend)
    if problem:
        raise fail(file, "weekend", problem)
    records: list[Record] = [
        ("carry_over", "carry_over", section(file, data, "carry_over"), CARRY_OVER)
    ]
    records += listed(file, section(file, data, "holidays"), "holiday", HOLIDAY)
    lunar = listed(file, section(file, data, "lunar_holidays"), "lunar holiday", LUNAR_HOLIDAY)
    records += lunar
    for _kind, label, holiday, _spec in lunar:
        for i, entry in enumerate(holiday.get("dates") or [] if isinstance(holiday, dict) else []):
            records.append(("lunar date", f"{label}, date #{i + 1}", entry, LUNAR_DATE))
    records += listed(file, section(file, data, "transfers"), "transfer", TRANSFER)
    records += listed(
        file, section(file, data, "official_years"), "official year", OFFICIAL_YEAR, "year"
    )
    return records


def rule_records(data: dict[str, Any]) -> dict[str, list[Record]]:
    """Every record of the rule files, by file stem."""
    return {
        "sources": listed("sources", data["sources"], "source", SOURCE),
        "stay_rules": listed("stay_rules", data["stay_rules"], "stay rule", STAY_RULE),
        "nationalities": listed("nationalities", data["nationalities"], "group", NATIONALITY_GROUP),
        "deadlines": listed("deadlines", data["deadlines"], "deadline", DEADLINE),
        "calendar": calendar_records(data["calendar"]),
    }
