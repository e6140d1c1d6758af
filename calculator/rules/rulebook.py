"""The rule book: stay rules, nationalities, deadlines and the calendar as plain values
(the records in :mod:`calculator.core.records`).

It is built from the JSON-shaped dict that the build exports from ``data/*.yaml``
(``kzdata.export.rules_dict``); the engine itself never reads YAML.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from calculator.core.dates import parse_optional_date
from calculator.core.errors import InputError, quote
from calculator.core.i18n import _
from calculator.core.provenance import Provenance, Source
from calculator.core.records import Deadline, Nationality, Pilot, StayRule
from calculator.core.workdays import WorkCalendar
from calculator.rules.custom import custom_rule
from calculator.rules.needs import missing
from calculator.rules.texts import with_texts


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
    reminder_days_before: tuple[int, ...] = ()
    reminder_hour: int | None = None
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
                in_force_from=parse_optional_date(
                    r.get("in_force_from"), f"{r['id']}.in_force_from"
                ),
                before=r.get("before", ""),
            )
            for r in data["stay_rules"]
        }
        nationalities = {
            code: Nationality(code, name, group["rule_set"], group["id"], provenance(group))
            for group in data["nationalities"]
            for code, name in group["countries"].items()
        }
        gaps = missing({d["id"]: d for d in data["deadlines"]})
        if (
            gaps
        ):  # a data bug: the build's schema refuses such data first (calculator/rules/needs.py)
            raise ValueError(f"the rule data cannot serve the engine: {gaps[0]}")
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
        export = data.get("calendar_export") or {}
        reminders = tuple(export.get("reminder_days_before") or ())
        return cls(
            data["version"],
            sources,
            stay_rules,
            nationalities,
            deadlines,
            calendar,
            pilot,
            reminders,
            export.get("reminder_hour"),
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
        if not document_id:
            raise InputError("document", _("choose a document"))
        known = "; ".join(str(d.title) for d in self.deadlines.values() if "document" in d.extra)
        raise InputError(
            "document",
            _("{document} is not a document the calculator knows; it knows: {known}").format(
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
