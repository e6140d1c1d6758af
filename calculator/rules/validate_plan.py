"""The check of the personal plan's part of the rule data (``plan``, built by
``kzdata/export_plan.py``): stages of steps, documents, pitfalls and routes, with the conditions
that say whom each is for. Types and references only; the data schema checks the words."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from calculator.core.bounds import NUMBER_DIGITS
from calculator.core.i18n import _
from calculator.rules.check import (
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

OPEN = ("yes", "no", "unknown", "pilot")


def _conditions(value: Any, path: str) -> None:
    """``{key: value}``: a word, a list of words, or a whole number (an income threshold)."""
    for key, wanted in obj(value, path).items():
        where = f"{path}.{key}"
        if isinstance(wanted, list):
            for index, word in enumerate(wanted):
                text(word, f"{where}[{index}]")
        elif isinstance(wanted, int) and not isinstance(wanted, bool):
            number(wanted, where, 0, 10**NUMBER_DIGITS - 1)
        else:
            text(wanted, where)


def _ids(value: Any, path: str) -> list[str]:
    return [ident(word, f"{path}[{index}]") for index, word in enumerate(items(value, path))]


def validate_plan(top: Mapping[str, Any]) -> None:
    """Refuse a ``plan`` the engine could not read, naming the path of the first problem."""
    if top.get("plan") is None:
        return
    plan = obj(top["plan"], "plan")
    documents = {record["id"] for _path, record in records(plan, "documents", "plan")}
    for path, document in records(plan, "documents", "plan"):
        text(field(document, "title", path), f"{path}.title")
        if document.get("validity") is not None:
            ident(document["validity"], f"{path}.validity")
    for path, stage in records(plan, "stages", "plan"):
        text(field(stage, "title", path), f"{path}.title")
        for spath, step in records(stage, "steps", path):
            text(field(step, "title", spath), f"{spath}.title")
            for name in ("documents", "produces"):
                for index, rid in enumerate(_ids(step.get(name, []), f"{spath}.{name}")):
                    if rid not in documents:
                        raise bad(f"{spath}.{name}[{index}]", _("names no document of the plan"))
            _ids(step.get("pitfalls", []), f"{spath}.pitfalls")
            if "optional" in step:
                flag(step["optional"], f"{spath}.optional")
            for name in ("milestone", "joins"):
                if step.get(name) is not None:
                    ident(step[name], f"{spath}.{name}")
            if "applies" in step:
                _conditions(step["applies"], f"{spath}.applies")
    for path, pitfall in records(plan, "pitfalls", "plan"):
        text(field(pitfall, "title", path), f"{path}.title")
        _conditions(field(pitfall, "applies", path), f"{path}.applies")
    for path, route in records(plan, "routes", "plan"):
        text(field(route, "title", path), f"{path}.title")
        choice(field(route, "open", path), f"{path}.open", OPEN)
        for name in ("guide_stage",):
            if route.get(name) is not None:
                ident(route[name], f"{path}.{name}")
        for name in ("eligible", "open_note", "note", "confidence"):
            if route.get(name) is not None:
                text(route[name], f"{path}.{name}")
        for name in ("open_since", "verified"):
            if route.get(name) is not None:
                day(route[name], f"{path}.{name}")
        if "requires" in route:
            _conditions(route["requires"], f"{path}.requires")
        _ids(route.get("sources", []), f"{path}.sources")
