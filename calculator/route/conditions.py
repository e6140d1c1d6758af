"""Who the person is, as the conditions of the data see it (``applies`` of steps and pitfalls,
``requires`` of routes; the keys are listed in ``kzdata/schema_conditions.py``).

Every condition answers ``yes``, ``no`` or ``unknown``; a record applies when all its conditions
hold: one ``no`` makes it ``no``, otherwise one ``unknown`` makes it ``unknown``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from calculator.route.questions import Answers
from calculator.rules.rulebook import RuleBook

YES, NO, UNKNOWN = "yes", "no", "unknown"


def person(book: RuleBook, answers: Answers) -> dict[str, str | None]:
    """The value of each condition key for this person (``None``: not known)."""
    return {
        "it": answers.it,
        "visa_free": YES if answers.nationality in book.nationalities else None,
        # No source this guide can cite lists Kazakhstan's e-visa countries (data/routes.yaml).
        "e_visa": None,
        "city": answers.city,
        "family": answers.family,
        "in_kazakhstan": YES if answers.in_kazakhstan else NO,
    }


def holds(key: str, wanted: Any, facts: Mapping[str, str | None]) -> str:
    """``yes`` / ``no`` / ``unknown`` for one condition."""
    value = facts.get(key)
    if value is None:
        return UNKNOWN
    values = wanted if isinstance(wanted, list) else [wanted]
    return YES if value in values else NO


def combine(answers: Iterable[str]) -> str:
    found = set(answers)
    return NO if NO in found else UNKNOWN if UNKNOWN in found else YES


def applies(conditions: Mapping[str, Any] | None, facts: Mapping[str, str | None]) -> str:
    """Does a record with these ``applies`` conditions concern this person?"""
    return combine(holds(k, v, facts) for k, v in (conditions or {}).items())
