"""The personal plan's part of ``rules.json`` (``plan``): which steps, documents and routes exist,
who each is for (conditions, see :mod:`kzdata.schema_conditions`) and how routes are judged.

Only what the engine computes with, plus the English titles the command line prints (the other
languages' titles come from ``texts``, like every word of the rule data).
"""

from __future__ import annotations

from typing import Any

STEP_KEYS = ("id", "title", "optional", "joins", "applies", "milestone", "documents", "produces")
ROUTE_KEYS: tuple[str, ...] = ("id", "title", "guide_stage", "requires", "eligible", "open")
ROUTE_KEYS += ("open_since", "open_note", "note", "sources", "verified", "confidence")


def _pick(record: dict[str, Any], keys: tuple[str, ...]) -> dict[str, Any]:
    return {k: record[k] for k in keys if k in record}


def plan_dict(data: dict[str, Any]) -> dict[str, Any]:
    """``{stages: [{id, title, steps: [...]}], documents: [...], pitfalls: [...], routes: [...]}``."""
    return {
        "stages": [
            {
                "id": stage["id"],
                "title": stage["title"],
                "steps": [
                    {**_pick(step, STEP_KEYS), "pitfalls": list(step.get("pitfalls", ()))}
                    for step in stage["steps"]
                ],
            }
            for stage in data["steps"]
        ],
        "documents": [
            {
                "id": d["id"],
                "title": d["title"],
                "validity": d.get("validity"),
                **_pick(d, ("obtained_in",)),
            }
            for d in data["documents"]
        ],
        "pitfalls": [
            {"id": p["id"], "title": p["title"], "applies": p["applies"]}
            for p in data["pitfalls"]
            if "applies" in p
        ],
        "routes": [_pick(r, ROUTE_KEYS) for r in data["routes"]["routes"]],
    }
