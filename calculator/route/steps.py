"""The guide's steps that are this person's, in the guide's order, dated by the timeline.

A step applies when its ``applies`` conditions hold (``data/steps.yaml``); a step whose answer is
``unknown`` is kept and marked so. A step with a ``milestone`` gets that milestone's expected date
(and ``latest``, and ``due`` for steps with a limit); a step that produces a document with a
validity gets the document's ``obtain_from`` (see :mod:`calculator.route.documents`).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from calculator.route.conditions import NO, applies
from calculator.timeline.milestones import Milestone


def my_steps(
    plan: Mapping[str, Any],
    facts: Mapping[str, str | None],
    milestones: Mapping[str, Milestone],
    obtain_from: Mapping[str, tuple[date, str]],
) -> list[dict[str, Any]]:
    """``[{id, title, stage, applies, optional, date?, latest?, due?, pitfalls}]``."""
    pitfalls = {p["id"]: p for p in plan["pitfalls"]}
    found: list[dict[str, Any]] = []
    for stage in plan["stages"]:
        for step in stage["steps"]:
            answer = applies(step.get("applies"), facts)
            if answer == NO:
                continue
            item: dict[str, Any] = {
                "id": step["id"],
                "title": step["title"],
                "stage": stage["id"],
                "applies": answer,
                "optional": bool(step.get("optional")),
                # the step's pitfalls that are conditional and hold (or may hold) for this person
                "pitfalls": [
                    p
                    for p in step.get("pitfalls", ())
                    if p in pitfalls and applies(pitfalls[p]["applies"], facts) != NO
                ],
            }
            stone = milestones.get(step.get("milestone") or "")
            if stone is not None:
                item["date"] = stone.expected.isoformat()
                item["latest"] = stone.latest.isoformat()
                if stone.due is not None:
                    item["due"] = stone.due.isoformat()
            else:
                made = [obtain_from[d][0] for d in step.get("produces", ()) if d in obtain_from]
                if made:
                    item["obtain_from"] = min(made).isoformat()
            found.append(item)
    return found
