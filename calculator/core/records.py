"""The rule book's records as plain values: a stay rule, a deadline, the pilot, a nationality."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from calculator.core.i18n import ngettext
from calculator.core.provenance import Provenance


@dataclass(frozen=True)
class StayRule:
    """A visa-free stay regime: ``limit`` days in any ``window`` consecutive days, at most
    ``per_entry`` days per entry; days before ``counting_from`` do not count. ``in_force_from``:
    the first day the regime applies, when days before it fell under another (``before`` says
    which); the calculator still counts them under this one, and says so."""

    id: str
    title: str
    limit: int
    window: int
    per_entry: int | None
    counting_from: date | None
    provenance: Provenance
    note: str = ""
    day_counting: str = "confirmed"
    in_force_from: date | None = None
    before: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "limit_days": self.limit,
            "window_days": self.window,
            "per_entry_days": self.per_entry,
            "counting_from": None if self.counting_from is None else self.counting_from.isoformat(),
            "confidence": self.provenance.confidence,
            "verified": self.provenance.verified,
            "note": self.note,
            "day_counting": self.day_counting,
            "in_force_from": None if self.in_force_from is None else self.in_force_from.isoformat(),
            "before": self.before,
        }


@dataclass(frozen=True)
class Deadline:
    """A period from ``data/deadlines.yaml``: ``days`` (to ``days_max``) in ``unit``."""

    id: str
    title: str
    days: int
    days_max: int | None
    unit: str
    counted_from: str
    provenance: Provenance
    note: str = ""
    extra: Mapping[str, Any] = field(default_factory=dict)

    def describe(self) -> str:
        """``5–10 working days`` / ``45 calendar days`` (the plural follows the last number)."""
        span = f"{self.days}" if self.days_max is None else f"{self.days}–{self.days_max}"
        last = self.days if self.days_max is None else self.days_max
        if self.unit == "working_days":
            text = ngettext("{span} working day", "{span} working days", last)
        elif self.unit == "calendar_days":
            text = ngettext("{span} calendar day", "{span} calendar days", last)
        else:
            text = ngettext("{span} day per calendar year", "{span} days per calendar year", last)
        return text.format(span=span)


@dataclass(frozen=True)
class Pilot:
    """The DNR pilot's legal dates (``data/site.yaml``); ``extension`` is the confidence that it
    was extended past ``legal_end`` (anything but ``confirmed`` means: not known)."""

    name: str
    legal_end: date
    extension: str
    provenance: Provenance


@dataclass(frozen=True)
class Nationality:
    code: str
    name: str
    rule_set: str
    group: str
    provenance: Provenance
