"""The engine checks the rule data it loads (``rules.json``: the build's, ``--rules FILE``, what
``bridge.load`` gets) before it uses it: size, nesting, structure, types, the bounds of
:mod:`calculator.core.bounds` and the ids the engine looks up. These are the checks the data
schema (``kzdata``) applies to ``data/``, so data the build accepts passes here too; a file
written by hand gets the same answer. A problem raises :class:`InputError` naming ``rules``,
then the path to the value (``stay_rules.schengen.window_days``) and what is wrong.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from calculator.core.bounds import (
    MAX_DAYS_PER_YEAR,
    MAX_PERIOD_DAYS,
    MAX_REMINDER_DAYS,
    MAX_REMINDERS,
    MAX_WINDOW,
    MAX_WORKING_DAYS,
)
from calculator.core.errors import quote
from calculator.core.i18n import _
from calculator.rules.check import (
    FIELD,
    bad,
    choice,
    day,
    field,
    flag,
    ident,
    items,
    number,
    obj,
    records,
    text,
)
from calculator.rules.needs import DEADLINES, DOCUMENTS
from calculator.rules.validate_calendar import CALENDAR_LISTS, validate_calendar
from calculator.rules.validate_plan import validate_plan

ENGINE_DEADLINES = tuple(DEADLINES)
"""Deadline ids the engine's code looks up by name (one list: :mod:`calculator.rules.needs`)."""
ENGINE_DOCUMENTS = DOCUMENTS
"""Documents whose validity the timeline looks up."""
UNIT_DAYS = {
    "calendar_days": MAX_PERIOD_DAYS,
    "working_days": MAX_WORKING_DAYS,
    "days_per_calendar_year": MAX_DAYS_PER_YEAR,
}
CONFIDENCE = ("confirmed", "single", "conflict", "unverified")


def validate_rules(data: Any) -> None:
    """Check the rule data's dict (see the module's docstring); ``None`` when it is usable."""
    top = obj(data, FIELD)
    text(field(top, "version", FIELD), "version")
    sources = {key for _, key in _ids(records(top, "sources"))}
    for path, source in records(top, "sources"):
        for name in ("title", "url", "publisher"):
            text(field(source, name, path), f"{path}.{name}")
        if field(source, "date", path) is not None:
            text(source["date"], f"{path}.date")
    rule_ids = _stay_rules(top, sources)
    codes: set[str] = set()
    for path, group in records(top, "nationalities"):
        _provenance(group, path, sources)
        rule_set = ident(field(group, "rule_set", path), f"{path}.rule_set")
        if rule_set not in rule_ids:
            raise bad(
                f"{path}.rule_set", _("no stay rule has the id {id}").format(id=quote(rule_set))
            )
        for code, name in obj(field(group, "countries", path), f"{path}.countries").items():
            where = f"{path}.countries.{code}"
            if len(code) != 2 or not code.isascii() or not code.isupper() or code in codes:
                raise bad(where, _("is not a new two-letter country code such as NL"))
            codes.add(code)
            text(name, where)
    _deadlines(top, sources)
    validate_calendar(obj(field(top, "calendar", FIELD), "calendar"))
    _pilot_and_export(top, sources)
    validate_plan(top)
    _texts(top)


def _ids(found: list[tuple[str, Mapping[str, Any]]]) -> list[tuple[str, str]]:
    return [(path, str(record["id"])) for path, record in found]


def _provenance(record: Mapping[str, Any], path: str, sources: set[str]) -> None:
    if "confidence" in record:
        choice(record["confidence"], f"{path}.confidence", CONFIDENCE)
    for index, source in enumerate(items(record.get("sources", []), f"{path}.sources")):
        if not isinstance(source, str) or source not in sources:
            raise bad(
                f"{path}.sources[{index}]", _("no source has the id {id}").format(id=quote(source))
            )
    if record.get("verified") is not None:
        day(record["verified"], f"{path}.verified")


def _stay_rules(top: Mapping[str, Any], sources: set[str]) -> set[str]:
    for path, rule in records(top, "stay_rules"):
        _provenance(rule, path, sources)
        text(field(rule, "title", path), f"{path}.title")
        window = number(field(rule, "window_days", path), f"{path}.window_days", 2, MAX_WINDOW)
        limit = number(field(rule, "limit_days", path), f"{path}.limit_days", 1, window - 1)
        if field(rule, "per_entry_days", path) is not None:
            number(rule["per_entry_days"], f"{path}.per_entry_days", 1, limit)
        if rule.get("counting_from") is not None:
            day(rule["counting_from"], f"{path}.counting_from")
        for name in ("note", "day_counting"):
            if rule.get(name) is not None:
                text(rule[name], f"{path}.{name}")
    return {key for _, key in _ids(records(top, "stay_rules"))}


def _deadlines(top: Mapping[str, Any], sources: set[str]) -> None:
    documents: set[str] = set()
    found = records(top, "deadlines")
    for path, deadline in found:
        _provenance(deadline, path, sources)
        for name in ("title", "counted_from"):
            text(field(deadline, name, path), f"{path}.{name}")
        unit = choice(field(deadline, "unit", path), f"{path}.unit", tuple(UNIT_DAYS))
        days = number(field(deadline, "days", path), f"{path}.days", 1, UNIT_DAYS[unit])
        if deadline.get("days_max") is not None:
            number(deadline["days_max"], f"{path}.days_max", days, UNIT_DAYS[unit])
        if deadline.get("note") is not None:
            text(deadline["note"], f"{path}.note")
        if "document" in deadline:
            documents.add(ident(deadline["document"], f"{path}.document"))
        if "applies_from" in deadline:
            day(deadline["applies_from"], f"{path}.applies_from")
        if "first_day_counts" in deadline:
            flag(deadline["first_day_counts"], f"{path}.first_day_counts")
        if "warn_within_days" in deadline:
            number(deadline["warn_within_days"], f"{path}.warn_within_days", 1, MAX_PERIOD_DAYS)
        for index, side in enumerate(items(deadline.get("sides", []), f"{path}.sides")):
            where = f"{path}.sides[{index}]"
            text(field(obj(side, where), "says", where), f"{where}.says")
            _provenance({"sources": field(side, "sources", where)}, where, sources)
    have = {key for _, key in _ids(found)}
    for needed, kind in [
        *((d, have) for d in ENGINE_DEADLINES),
        *((d, documents) for d in ENGINE_DOCUMENTS),
    ]:
        if needed not in kind:
            raise bad("deadlines", _("lacks {id}, which the engine needs").format(id=quote(needed)))


def _pilot_and_export(top: Mapping[str, Any], sources: set[str]) -> None:
    if top.get("pilot"):
        pilot = obj(top["pilot"], "pilot")
        _provenance(pilot, "pilot", sources)
        text(field(pilot, "name", "pilot"), "pilot.name")
        if "id" in pilot:
            ident(pilot["id"], "pilot.id")
        end = day(field(pilot, "legal_end", "pilot"), "pilot.legal_end")
        if pilot.get("legal_start") is not None:
            start = day(pilot["legal_start"], "pilot.legal_start")
            if start > end:
                raise bad("pilot.legal_start", _("is after legal_end"))
        if "extension" in pilot:
            text(pilot["extension"], "pilot.extension")
    export = obj(top.get("calendar_export") or {}, "calendar_export")
    if export.get("reminder_days_before") is not None:
        path = "calendar_export.reminder_days_before"
        leads = items(export["reminder_days_before"], path)
        if len(leads) > MAX_REMINDERS:
            raise bad(path, _("lists more than {n} lead times").format(n=MAX_REMINDERS))
        for index, lead in enumerate(leads):
            number(lead, f"{path}[{index}]", 0, MAX_REMINDER_DAYS)
    if export.get("reminder_hour") is not None:
        number(export["reminder_hour"], "calendar_export.reminder_hour", 0, 23)


def _texts(top: Mapping[str, Any]) -> None:
    """``texts.<lang>.<file>.<record id>.<field>``: a text for a field whose English is a text,
    or a list of texts for ``<list>[].says`` (one per item); see :mod:`calculator.rules.texts`."""
    english: dict[str, dict[str, Mapping[str, Any]]] = {
        "stay_rules": {r["id"]: r for r in top["stay_rules"]},
        "deadlines": {r["id"]: r for r in top["deadlines"]},
        "calendar": {r["id"]: r for key in CALENDAR_LISTS for r in top["calendar"][key]},
        "site": {top["pilot"]["id"]: top["pilot"]} if "id" in (top.get("pilot") or {}) else {},
    }
    texts = top.get("texts")
    for lang, files in obj({} if texts is None else texts, "texts").items():
        for file, ids in obj(files, f"texts.{lang}").items():
            for key, fields in obj(ids, f"texts.{lang}.{file}").items():
                record = english.get(file, {}).get(key, {})
                for name, value in obj(fields, f"texts.{lang}.{file}.{key}").items():
                    path = f"texts.{lang}.{file}.{key}.{name}"
                    if name.endswith("[].says"):
                        for word in items(value, path):
                            text(word, path)
                    elif name in record and not isinstance(record[name], str):
                        raise bad(path, _("translates a field that is not a text"))
                    else:
                        text(value, path)
