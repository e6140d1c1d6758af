"""Facts that age visibly: the build date, and which records were checked too long before it.

The build date is today, or ``KB_TODAY=YYYY-MM-DD`` (for tests and previews). A record is *stale*
when its ``verified`` date lies more than ``recheck.months`` (``data/site.yaml``) calendar months
before the build date: verified 2025-11-26 with 12 months is still fresh on 2026-11-26 and stale
from 2026-11-27. Stale records are marked wherever they are shown and listed by the build.
"""

from __future__ import annotations

import calendar
import datetime
import os
from typing import Any

from kzdata.errors import DataError

ENV = "KB_TODAY"


def build_date(environ: dict[str, str] | None = None) -> datetime.date:
    """``KB_TODAY`` when set, else today; a bad value stops the build with a clear message."""
    value = (environ if environ is not None else os.environ).get(ENV, "").strip()
    if not value:
        return datetime.date.today()
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise DataError(f"{ENV}: '{value}' is not a date (write it as YYYY-MM-DD)") from None


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day ``months`` calendar months later (31 January + 1 month -> 28/29 February)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def is_stale(verified: Any, today: datetime.date, months: int) -> bool:
    """``True`` when ``verified`` is more than ``months`` months before ``today``."""
    return isinstance(verified, datetime.date) and add_months(verified, months) < today


def stale_mark(
    record: dict[str, Any],
    today: datetime.date,
    recheck: dict[str, Any],
    title: str = "Last checked {date}",
) -> str:
    """The visible label for a stale record (an element with ``data-stale``), or ``""``;
    ``title`` is the tooltip in the page's language."""
    verified = record.get("verified")
    if not is_stale(verified, today, recheck["months"]):
        return ""
    tooltip = title.format(date=verified.isoformat())
    return (
        f'<span class="kb-stale" data-stale="{verified.isoformat()}" '
        f'title="{tooltip}">{recheck["label"]}</span>'
    )


def stale_records(
    records: dict[str, list[tuple[str, str, Any, Any]]],
    today: datetime.date,
    months: int,
) -> list[str]:
    """``data/steps.yaml: step 'x' (verified 2026-11-25)`` for every stale record, in file order."""
    found = []
    for file, recs in records.items():
        for _kind, label, record, _spec in recs:
            verified = record.get("verified") if isinstance(record, dict) else None
            if is_stale(verified, today, months):
                found.append(f"data/{file}.yaml: {label} (verified {verified.isoformat()})")
    return found
