"""Field checkers for the content schema, worded for content editors.

A checker takes a value and returns ``None`` when it is fine, or the problem as the end of a
sentence (``"is not a date"``). :func:`check_record` turns it into the full message:
``data/steps.yaml: step 'egov_application': 'verified' is not a date``.
"""

from __future__ import annotations

import datetime
import difflib
import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from kzdata.bounds import FIRST_YEAR, FUTURE_SLACK_DAYS, LAST_YEAR
from kzdata.errors import DataError
from kzdata.load import InvalidDate

# Record kinds whose ids become page anchors; they share one namespace so an alias is unambiguous.
ANCHOR_KINDS = ("stage", "step", "document", "pitfall", "term", "route", "event")

Check = Callable[[Any], str | None]

ID_PATTERN = re.compile(r"^[a-z][a-z0-9_]*$")
CONFIDENCE = ("confirmed", "single", "conflict", "unverified")


def text(value: Any) -> str | None:
    return None if isinstance(value, str) and value.strip() else "must be a non-empty text"


def ident(value: Any) -> str | None:
    if isinstance(value, str) and ID_PATTERN.match(value):
        return None
    return "must be a snake_case id (lower-case letters, digits and _; starting with a letter)"


def shown(value: Any) -> str:
    """A value quoted in a message: its ``repr``, cut to 40 characters."""
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def date(value: Any) -> str | None:
    """A calendar date in the years the engine supports (1900 to 2199)."""
    if isinstance(value, InvalidDate):
        return f"is not a real calendar date ({value[:20]})"
    ok = isinstance(value, datetime.date) and not isinstance(value, datetime.datetime)
    if not ok:
        return "is not a date (write it as YYYY-MM-DD)"
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        return (
            f"is {value}, outside the years the calculator supports ({FIRST_YEAR} to {LAST_YEAR})"
        )
    return None


def checked_date(value: Any) -> str | None:
    """A ``verified`` date: a real date, and not in the future (a fact is checked before it is
    written down; a future date would never become stale)."""
    problem = date(value)
    if problem:
        return problem
    today = datetime.date.today()
    if value > today + datetime.timedelta(days=FUTURE_SLACK_DAYS):
        return f"is {value}, after today ({today}): write the day you checked the sources"
    return None


def url(value: Any) -> str | None:
    ok = isinstance(value, str) and re.match(r"^https?://[^\s/]+\.[^\s]+$", value)
    return None if ok else "is not a web address starting with https:// or http://"


def boolean(value: Any) -> str | None:
    return None if isinstance(value, bool) else "must be true or false"


def integer(minimum: int, maximum: int) -> Check:
    """A whole number from ``minimum`` to ``maximum`` (every number in the data has a bound)."""

    def check(value: Any) -> str | None:
        ok = isinstance(value, int) and not isinstance(value, bool)
        if ok and minimum <= value <= maximum:
            return None
        return f"must be a whole number from {minimum} to {maximum:,}" + (
            f" (got {shown(value)})" if ok else ""
        )

    return check


def number(maximum: float) -> Check:
    """A number greater than 0 and at most ``maximum`` (``.inf`` and ``.nan`` are not numbers)."""

    def check(value: Any) -> str | None:
        ok = isinstance(value, int | float) and not isinstance(value, bool)
        if ok and math.isfinite(value) and 0 < value <= maximum:
            return None
        return f"must be a number greater than 0 and at most {maximum:g}"

    return check


def one_of(*choices: str) -> Check:
    def check(value: Any) -> str | None:
        return None if value in choices else f"must be one of: {', '.join(choices)}"

    return check


def nullable(inner: Check) -> Check:
    """``null`` is allowed (meaning: not known / not applicable)."""
    return lambda value: None if value is None else inner(value)


def list_of(inner: Check, *, non_empty: bool = False) -> Check:
    def check(value: Any) -> str | None:
        if not isinstance(value, list):
            return "must be a list, e.g. [a, b]"
        if non_empty and not value:
            return "must list at least one item"
        for item in value:
            problem = inner(item)
            if problem:
                return f"has an item {shown(item)} that {problem}"
        if len(set(map(repr, value))) != len(value):
            return "lists the same item twice"
        return None

    return check


def mapping_of(key: Check, value_check: Check) -> Check:
    def check(value: Any) -> str | None:
        if not isinstance(value, dict):
            return "must be a mapping (key: value lines)"
        for k, v in value.items():
            problem = key(k)
            if problem:
                return f"has a key {shown(k)} that {problem}"
            problem = value_check(v)
            if problem:
                return f"has a value for {shown(k)} that {problem}"
        return None

    return check


@dataclass(frozen=True)
class Field:
    """One field of a record: its checker, whether it must be present, and what its ids refer to.

    ``ref`` names the kind of record the ids point at (``"sources"``, ``"documents"`` …); the
    reference pass in :mod:`kzdata.schema_refs` resolves them once every file has been read.
    """

    check: Check
    required: bool = True
    ref: str | None = None


Spec = Mapping[str, Field]


def ids(ref: str, *, required: bool = False, non_empty: bool = False) -> Field:
    return Field(list_of(ident, non_empty=non_empty), required=required, ref=ref)


def fail(file: str, label: str, message: str) -> DataError:
    return DataError(f"data/{file}.yaml: {label}: {message}")


def label_of(kind: str, record: Any, position: int, key: str = "id") -> str:
    """``step 'egov_application'``, or ``step #3`` when the record has no usable id."""
    if isinstance(record, dict) and isinstance(record.get(key), str | int):
        return f"{kind} '{str(record[key])[:40]}'"
    return f"{kind} #{position + 1}"


def check_record(file: str, label: str, record: Any, spec: Spec) -> None:
    """Raise a :class:`DataError` for the first problem in one record."""
    if not isinstance(record, dict):
        raise fail(file, label, "must be a mapping of fields (name: value)")
    for name in record:
        if name not in spec:
            close = difflib.get_close_matches(str(name)[:40], list(spec), n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else f"; known: {', '.join(spec)}"
            raise fail(file, label, f"'{str(name)[:40]}' is not a known field{hint}")
    for name, field in spec.items():
        if name not in record:
            if field.required:
                raise fail(file, label, f"'{name}' is missing")
            continue
        problem = field.check(record[name])
        if problem:
            raise fail(file, label, f"'{name}' {problem}")
    if "verified" in spec and "confidence" not in record and len(record.get("sources", ())) < 2:
        raise fail(
            file,
            label,
            "'confidence' is missing: a fact with fewer than two sources must say how sure it is "
            "(single, conflict or unverified)",
        )
