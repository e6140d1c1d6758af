"""The rule book: stay rules, nationalities, deadlines and the calendar as plain values.

It is built from the JSON-shaped dict that the build exports from ``data/*.yaml``
(``kzdata.export.rules_dict``); the engine itself never reads YAML.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from calculator.bounds import MAX_WINDOW
from calculator.dates import parse_optional_date
from calculator.errors import InputError, quote
from calculator.i18n import _, ngettext
from calculator.provenance import Provenance, Source
from calculator.workdays import WorkCalendar


@dataclass(frozen=True)
class StayRule:
    """A visa-free stay regime: ``limit`` days in any ``window`` consecutive days, at most
    ``per_entry`` days per entry; days before ``counting_from`` do not count."""

    id: str
    title: str
    limit: int
    window: int
    per_entry: int | None
    counting_from: date | None
    provenance: Provenance
    note: str = ""
    day_counting: str = "confirmed"

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


@dataclass(frozen=True)
class RuleBook:
    """Everything the engine knows, passed explicitly to every computation."""

    version: str
    sources: Mapping[str, Source]
    stay_rules: Mapping[str, StayRule]
    nationalities: Mapping[str, Nationality]
    deadlines: Mapping[str, Deadline]
    calendar: WorkCalendar
    pilot: Pilot | None = None
    reminder_days_before: int | None = None
    source: Mapping[str, Any] = field(default_factory=dict, repr=False, compare=False)
    _languages: dict[str, RuleBook] = field(default_factory=dict, repr=False, compare=False)

    def localized(self, lang: str) -> RuleBook:
        """The same facts with the data's words in ``lang`` (titles, notes, holiday names) where the
        export carries them (``texts.<lang>``, from ``data/i18n/<lang>/``); built once per language."""
        texts = (self.source.get("texts") or {}).get(lang)
        if not texts:
            return self
        if lang not in self._languages:
            self._languages[lang] = RuleBook.from_dict(with_texts(self.source, texts))
        return self._languages[lang]

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> RuleBook:
        sources = {
            item["id"]: Source(
                item["id"], item["title"], item["url"], item["publisher"], item["date"]
            )
            for item in data["sources"]
        }

        def provenance(record: Mapping[str, Any]) -> Provenance:
            return Provenance(
                confidence=record.get("confidence", "confirmed"),
                sources=tuple(sources[s] for s in record.get("sources", ())),
                verified=record.get("verified"),
            )

        stay_rules = {
            r["id"]: StayRule(
                id=r["id"],
                title=r["title"],
                limit=r["limit_days"],
                window=r["window_days"],
                per_entry=r["per_entry_days"],
                counting_from=parse_optional_date(
                    r.get("counting_from"), f"{r['id']}.counting_from"
                ),
                provenance=provenance(r),
                note=r.get("note", ""),
                day_counting=r.get("day_counting", "confirmed"),
            )
            for r in data["stay_rules"]
        }
        nationalities = {
            code: Nationality(code, name, group["rule_set"], group["id"], provenance(group))
            for group in data["nationalities"]
            for code, name in group["countries"].items()
        }
        known = {"id", "title", "days", "days_max", "unit", "counted_from", "note"}
        known |= {"confidence", "sources", "verified"}
        deadlines = {
            d["id"]: Deadline(
                id=d["id"],
                title=d["title"],
                days=d["days"],
                days_max=d.get("days_max"),
                unit=d["unit"],
                counted_from=d["counted_from"],
                provenance=provenance(d),
                note=d.get("note", ""),
                extra={k: v for k, v in d.items() if k not in known},
            )
            for d in data["deadlines"]
        }
        calendar = WorkCalendar.from_dict(data["calendar"])
        pilot = None
        if data.get("pilot"):
            raw = data["pilot"]
            end = parse_optional_date(raw["legal_end"], "pilot.legal_end")
            assert end is not None
            pilot = Pilot(raw["name"], end, raw.get("extension", "unverified"), provenance(raw))
        reminder = (data.get("calendar_export") or {}).get("reminder_days_before")
        return cls(
            data["version"],
            sources,
            stay_rules,
            nationalities,
            deadlines,
            calendar,
            pilot,
            reminder,
            source=data,
        )

    def deadline(self, deadline_id: str) -> Deadline:
        return self.deadlines[deadline_id]

    def documents(self) -> list[str]:
        """The ids of the documents that have a validity period, sorted."""
        return sorted(
            str(d.extra["document"]) for d in self.deadlines.values() if "document" in d.extra
        )

    def document_validity(self, document_id: str) -> Deadline:
        """The validity period of a document, by the document's id (``police_certificate``)."""
        for deadline in self.deadlines.values():
            if deadline.extra.get("document") == document_id:
                return deadline
        known = ", ".join(self.documents())
        raise InputError(
            "document",
            _("unknown document {document}; known: {known}").format(
                document=quote(document_id), known=known
            ),
        )

    def resolve_rule(
        self,
        *,
        nationality: str | None = None,
        rule: str | None = None,
        limit: int | None = None,
        window: int | None = None,
        per_entry: int | None = None,
    ) -> StayRule:
        """Pick the stay rule by nationality, by rule id, or from explicit numbers (exactly one way)."""
        numbers = [
            (n, v) for n, v in (("per_entry", per_entry), ("limit", limit), ("window", window))
        ]
        custom = [name for name, value in numbers if value is not None]
        ways = [nationality is not None, rule is not None, bool(custom)]
        if sum(ways) == 0:
            raise InputError(
                "nationality",
                _("give exactly one of: a nationality, a rule id, or a limit and window"),
            )
        if sum(ways) > 1:
            field = custom[0] if custom else "nationality"
            raise InputError(
                field,
                _(
                    "give only one of: a nationality, a rule id, or a custom limit and window "
                    "(a per-entry cap belongs to a custom rule)"
                ),
            )
        if sum(ways) > 1:
            field = custom[0] if custom else "nationality"
            raise InputError(
                field,
                "give only one of: a nationality, a rule id, or a custom limit and window "
                "(a per-entry cap belongs to a custom rule)",
            )
        if nationality is not None:
            code = nationality.strip().upper()
            if code not in self.nationalities:
                raise InputError(
                    "nationality",
                    _(
                        "{nationality} is not a listed nationality (ISO codes such as NL, US, KG); "
                        "choose a rule set instead"
                    ).format(nationality=quote(nationality)),
                )
            return self.stay_rules[self.nationalities[code].rule_set]
        if rule is not None:
            if rule not in self.stay_rules:
                raise InputError(
                    "rule",
                    _("unknown rule set {rule}; known: {known}").format(
                        rule=quote(rule), known=", ".join(sorted(self.stay_rules))
                    ),
                )
            return self.stay_rules[rule]
        return custom_rule(limit, window, per_entry)


def with_texts(data: Mapping[str, Any], texts: Mapping[str, Any]) -> dict[str, Any]:
    """A copy of the exported data with translated words put in by file, record id and field
    (``{"stay_rules": {"schengen": {"title": …}}, "calendar": {"new_year": {"name": …}}}``).
    Only words are replaced; a record or field without a translation keeps its English."""
    out = copy.deepcopy(dict(data))
    out.pop("texts", None)
    calendar = out["calendar"]
    lists = {
        "stay_rules": out["stay_rules"],
        "deadlines": out["deadlines"],
        "calendar": [
            *calendar["holidays"],
            *calendar["lunar_holidays"],
            *calendar["transfers"],
        ],
    }
    if isinstance(out.get("pilot"), dict) and "id" in out["pilot"]:
        lists["site"] = [out["pilot"]]  # the pilot's name, from data/site.yaml
    for file, records in lists.items():
        words = texts.get(file) or {}
        for record in records:
            for name, text in (words.get(record["id"]) or {}).items():
                if name in record and isinstance(text, str) and text:
                    record[name] = text
                elif name.endswith("[].says") and isinstance(text, list):  # one text per side
                    items = record.get(name.split("[]")[0]) or []
                    for item, said in zip(items, text, strict=False):
                        if isinstance(item, dict) and isinstance(said, str) and said:
                            item["says"] = said
    return out


def custom_rule(limit: int | None, window: int | None, per_entry: int | None) -> StayRule:
    """A rule typed in by hand: ``limit`` days in any ``window``, optional ``per_entry`` cap."""
    if limit is None:
        raise InputError("limit", _("a custom rule needs a limit (days allowed in the window)"))
    if window is None:
        raise InputError("window", _("a custom rule needs a window length in days"))
    for name, value in (("limit", limit), ("window", window), ("per_entry", per_entry)):
        if value is not None and (
            isinstance(value, bool) or not isinstance(value, int) or value < 1
        ):
            raise InputError(
                name,
                _("must be a whole number of days, at least 1 (got {value})").format(
                    value=repr(value)
                ),
            )
    if window > MAX_WINDOW:
        raise InputError(
            "window",
            _("must be at most {most} days (ten years; got {window})").format(
                most=MAX_WINDOW, window=window
            ),
        )
    if limit >= window:
        raise InputError(
            "limit",
            _("must be shorter than the window ({limit} >= {window} days)").format(
                limit=limit, window=window
            ),
        )
    if per_entry is not None and per_entry > limit:
        raise InputError(
            "per_entry",
            _(
                "must be at most the limit ({per_entry} > {limit} days): "
                "no entry can last longer than the limit"
            ).format(per_entry=per_entry, limit=limit),
        )
    if per_entry is None:
        title = _("Custom rule: {limit} days in any {window}").format(limit=limit, window=window)
    else:
        title = _(
            "Custom rule: {limit} days in any {window}, at most {per_entry} per entry"
        ).format(limit=limit, window=window, per_entry=per_entry)
    return StayRule(
        id="custom",
        title=title,
        limit=limit,
        window=window,
        per_entry=per_entry,
        counting_from=None,
        provenance=Provenance("custom", (), None),
    )
