"""The exported data with its words in another language (``texts.<lang>``, from data/i18n/)."""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any


def with_texts(data: Mapping[str, Any], texts: Mapping[str, Any]) -> dict[str, Any]:
    """A copy of the exported data with translated words put in by file, record id and field
    (``{"stay_rules": {"schengen": {"title": …}}, "calendar": {"new_year": {"name": …}}}``).
    Only words are replaced; a record or field without a translation keeps its English."""
    out = copy.deepcopy(dict(data))
    out.pop("texts", None)
    calendar = out["calendar"]
    lists = {
        "sources": out["sources"],
        "stay_rules": out["stay_rules"],
        "deadlines": out["deadlines"],
        "calendar": [
            *calendar["holidays"],
            *calendar["lunar_holidays"],
            *calendar["transfers"],
        ],
    }
    plan = out.get("plan")
    if isinstance(plan, dict):  # the personal plan's titles and notes (calculator/route/)
        stages = plan.get("stages") or []
        lists["steps"] = [*stages, *(step for stage in stages for step in stage["steps"])]
        lists["documents"] = plan.get("documents") or []
        lists["pitfalls"] = plan.get("pitfalls") or []
        lists["routes"] = plan.get("routes") or []
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
