"""What the engine reads from the rule data by id: one list for the engine and the data schema.

The engine asks the rule book for these deadlines by id (``book.deadline("licence_exchange")``)
and computes with them in the units listed; ``data/deadlines.yaml`` must hold each of them in one
of those units. The data schema (``kzdata.schema_engine``) checks this at build, so deleting or
re-uniting a record the engine needs fails the build by name instead of breaking an answer, and
:meth:`calculator.rules.rulebook.RuleBook.from_dict` refuses rule data without them.
``tests/unit/test_needs.py`` checks that the engine asks for nothing else.
"""

from __future__ import annotations

from collections.abc import Mapping

PERIOD = ("calendar_days", "working_days")
"""A period that moves a date: the n-th day or the n-th working day after it."""

DEADLINES: Mapping[str, tuple[str, ...]] = {
    # the application timeline, in process order (calculator/timeline/milestones.py)
    "astana_hub_check": PERIOD,
    "astana_hub_interview": PERIOD,
    "astana_hub_letter": PERIOD,
    "egov_review_standard": PERIOD,
    "egov_review_in_demand": PERIOD,
    "entry_after_approval": PERIOD,
    "arrival_notification": PERIOD,
    "self_registration": PERIOD,
    "psc_preparation": PERIOD,
    "migration_final_review": PERIOD,
    "id_card_expedited": PERIOD,
    "id_card_standard": PERIOD,
    # clocks beside the timeline (calculator/timeline/checks.py, reentry_options.py)
    "passport_min_validity": ("calendar_days",),
    "b8_visa_pending_residence": PERIOD,
    # after the permit (calculator/after_permit/obligations.py)
    "licence_exchange": PERIOD,
    "address_reregistration": PERIOD,
    "permit_absence_limit": ("days_per_calendar_year",),
}
"""Deadline id -> the units the engine can compute it in."""

DOCUMENTS = ("police_certificate",)
"""Documents whose validity the engine looks up by document id (a deadline with ``document:``)."""


def missing(deadlines: Mapping[str, Mapping[str, object]]) -> list[str]:
    """What rule data (deadline id -> record with ``unit`` and ``document``) lacks, in words:
    ``deadline 'licence_exchange' is missing`` or ``... has unit ..., the engine needs ...``."""
    found = []
    for deadline_id, units in DEADLINES.items():
        record = deadlines.get(deadline_id)
        if record is None:
            found.append(f"deadline '{deadline_id}' is missing")
        elif record.get("unit") not in units:
            found.append(
                f"deadline '{deadline_id}' has unit {record.get('unit')}, "
                f"the engine needs {' or '.join(units)}"
            )
    documents = {r.get("document") for r in deadlines.values()}
    found += [f"no validity period for document '{d}'" for d in DOCUMENTS if d not in documents]
    return found
