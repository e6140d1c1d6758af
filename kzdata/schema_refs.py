"""Checks across records and files: unique ids, references that resolve, and the links between
steps, documents, pitfalls and aliases that a single record cannot see."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import Any

from kzdata.schema_rules import Record
from kzdata.schema_types import ANCHOR_KINDS, fail

# kind of reference -> (file it lives in, record kind whose ids it names)
TARGETS = {
    "sources": ("sources", "source"),
    "stay_rules": ("stay_rules", "stay rule"),
    "deadlines": ("deadlines", "deadline"),
    "documents": ("documents", "document"),
    "pitfalls": ("pitfalls", "pitfall"),
    "steps": ("steps", "step"),
    "stages": ("steps", "stage"),
    "fees": ("fees", "fee"),
    "routes": ("routes", "route"),
}


def index(records: dict[str, list[Record]]) -> dict[str, set[str]]:
    """Ids by record kind; duplicates (within a kind, and across anchor kinds) fail."""
    found: dict[str, set[str]] = {}
    anchors: dict[str, str] = {}
    for file, recs in records.items():
        for kind, label, record, _spec in recs:
            rid = record.get("id")
            if rid is None:
                continue
            if rid in found.setdefault(kind, set()):
                raise fail(file, label, f"the id '{rid}' is used twice in this file")
            found[kind].add(rid)
            if kind in ANCHOR_KINDS:
                if rid in anchors:
                    raise fail(
                        file,
                        label,
                        f"the id '{rid}' is already used by {anchors[rid]}: page anchors must be unique",
                    )
                anchors[rid] = f"data/{file}.yaml"
    return found


def _names(value: Any) -> Iterable[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return list(value)
    return list(value or [])


def resolve(records: dict[str, list[Record]], found: dict[str, set[str]]) -> None:
    """Every id a record names exists in the file it points at."""
    for file, recs in records.items():
        for _kind, label, record, spec in recs:
            for name, field in spec.items():
                if field.ref is None or name not in record:
                    continue
                target_file, target_kind = TARGETS[field.ref]
                known = found.get(target_kind, set())
                for item in _names(record[name]):
                    if item not in known:
                        close = difflib.get_close_matches(item, sorted(known), n=1)
                        hint = f" (did you mean '{close[0]}'?)" if close else ""
                        raise fail(
                            file,
                            label,
                            f"'{name}' names {target_kind} '{item}', which is not in data/{target_file}.yaml{hint}",
                        )


def guide_links(data: dict[str, Any], found: dict[str, set[str]]) -> None:
    """Pitfalls and documents each belong to a step; stages are in order; 'or' follows a step."""
    stages = data["steps"]
    steps = [step for stage in stages for step in stage["steps"]]
    numbers = [stage["number"] for stage in stages]
    if numbers != sorted(set(numbers)):
        raise fail(
            "steps", "stages", f"'number' must increase from stage to stage, found {numbers}"
        )
    for stage in stages:
        first = stage["steps"][0]
        if "joins" in first:
            raise fail(
                "steps", f"step '{first['id']}'", "'joins' cannot be on the first step of a stage"
            )
    used_pitfalls = {p for step in steps for p in step.get("pitfalls", [])}
    for pitfall in sorted(found.get("pitfall", set()) - used_pitfalls):
        raise fail(
            "pitfalls",
            f"pitfall '{pitfall}'",
            "no step lists it under 'pitfalls' in data/steps.yaml",
        )
    used_docs = {d for step in steps for d in step.get("documents", []) + step.get("produces", [])}
    for document in sorted(found.get("document", set()) - used_docs):
        raise fail(
            "documents",
            f"document '{document}'",
            "no step lists it under 'documents' or 'produces' in data/steps.yaml",
        )


def rule_links(data: dict[str, Any]) -> None:
    """Consistency inside the rule files that single records cannot show."""
    for deadline in data["deadlines"]:
        if "days_max" in deadline and deadline["days_max"] <= deadline["days"]:
            raise fail(
                "deadlines", f"deadline '{deadline['id']}'", "'days_max' must be larger than 'days'"
            )
        for side in deadline.get("sides", ()):
            stray = [s for s in side["sources"] if s not in deadline["sources"]]
            if stray:
                raise fail(
                    "deadlines",
                    f"deadline '{deadline['id']}'",
                    f"'sides' cites {', '.join(stray)}, which the record's 'sources' do not list",
                )
        if "sides" in deadline and deadline.get("confidence") != "conflict":
            raise fail(
                "deadlines", f"deadline '{deadline['id']}'", "'sides' needs 'confidence: conflict'"
            )
    for rule in data["stay_rules"]:
        stay_rule_numbers(rule)
    for deadline in data["deadlines"]:
        if "document" in deadline and deadline["unit"] != "calendar_days":
            raise fail(
                "deadlines",
                f"deadline '{deadline['id']}'",
                f"'unit' is {deadline['unit']}, but a validity period ('document') is counted "
                "in calendar_days",
            )
    lunar_years(data["calendar"]["lunar_holidays"])
    seen: dict[str, str] = {}
    for group in data["nationalities"]:
        for code in group["countries"]:
            if code in seen:
                raise fail(
                    "nationalities",
                    f"group '{group['id']}'",
                    f"country {code} is also in group '{seen[code]}'",
                )
            seen[code] = group["id"]
    mci_years = {entry["year"] for entry in data["fees"]["mci"]}
    rate_years = {entry["year"] for entry in data["fees"]["rate_years"]}
    for year in sorted(mci_years - rate_years):
        raise fail(
            "fees",
            f"MCI year {year}",
            "has no entry under 'rate_years' saying whether the fee rates held",
        )


def alias_links(aliases: dict[str, str] | None, found: dict[str, set[str]]) -> None:
    """An alias keeps an old anchor alive: the old id is retired, the new one exists."""
    current = {rid for kind in ANCHOR_KINDS for rid in found.get(kind, set())}
    for old, new in (aliases or {}).items():
        if old in current:
            raise fail(
                "aliases", f"alias '{old}'", f"'{old}' is still a current id, so it needs no alias"
            )
        if new not in current:
            raise fail(
                "aliases",
                f"alias '{old}'",
                f"points to '{new}', which is not a step, document, pitfall or other page anchor",
            )


def stay_rule_numbers(rule: dict[str, Any]) -> None:
    """limit < window (the spec bounds the window by the engine's longest); a per-entry cap no
    longer than the limit."""
    label = f"stay rule '{rule['id']}'"
    if rule["limit_days"] >= rule["window_days"]:
        raise fail(
            "stay_rules",
            label,
            "'limit_days' must be smaller than 'window_days' (a limit as long as the window "
            "limits nothing)",
        )
    per_entry = rule.get("per_entry_days")
    if per_entry is not None and per_entry > rule["limit_days"]:
        raise fail("stay_rules", label, "'per_entry_days' is larger than 'limit_days'")


def lunar_years(holidays: list[dict[str, Any]]) -> None:
    """A lunar holiday falls once a year: one date per year."""
    for holiday in holidays:
        seen: dict[int, Any] = {}
        for i, entry in enumerate(holiday["dates"]):
            year = entry["date"].year
            if year in seen:
                raise fail(
                    "calendar",
                    f"lunar holiday '{holiday['id']}', date #{i + 1}",
                    f"'date' {entry['date']} is a second date in {year} (the other is "
                    f"{seen[year]}); keep one date per year",
                )
            seen[year] = entry["date"]
