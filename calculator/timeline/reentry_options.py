"""What else could close the gap instead of an exit and a return, each with its own confidence.

- ``expedited_card``: how many days the expedited card saves over the standard one, counted from
  the same order day (working days, Kazakhstan calendar);
- ``b8_visa``: a visa issued inside Kazakhstan while the application is pending. The sources
  disagree on who can get it; each side comes from ``sides`` of the data record, with its sources.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from calculator.core.dates import human
from calculator.core.i18n import N_, _
from calculator.core.i18n import days as n_days
from calculator.core.periods import deadline_after
from calculator.core.provenance import Provenance
from calculator.core.results import Explanation, ResultMixin
from calculator.rules.rulebook import RuleBook
from calculator.timeline.milestones import Milestone

# User-facing text of this module (kept together for the translation catalogs).
T_EXPEDITED_TITLE = N_("Expedited card")
T_EXPEDITED_CHOSEN = N_(
    "The plan already uses the expedited card: ready on {fast}, {saved} sooner than the "
    "standard card ({slow}) ordered the same day."
)
T_EXPEDITED_OFFER = N_(
    "Ordered on {order}, the expedited card would be ready on {fast} instead of {slow}: "
    "{saved} sooner."
)
T_EXPEDITED_NO_EXIT = N_(
    "Ordered when the final review ends ({review}), it would be ready on {ready}, within your "
    "visa-free days (to {leave}): no exit needed."
)
T_B8_TITLE = N_("B8 visa inside Kazakhstan")
T_B8_WHAT = N_(
    "A B8 visa for the time the permanent-residence application needs (at most {period}) would let "
    "you stay until the card instead of leaving."
)
T_B8_DISPUTE = N_("The sources disagree on who can get it inside the country:")
T_B8_SIDE = N_("{titles}: {says}")
CONFIDENCE_RANK = {"confirmed": 0, "single": 1, "conflict": 2, "unverified": 3, "custom": 4}


@dataclass(frozen=True)
class Alternative(ResultMixin):
    """``days_saved`` for the card option, ``sides`` (what each group of sources says) for a
    disputed one."""

    id: str
    title: str
    days_saved: int | None
    sides: list[dict[str, Any]]
    explanation: Explanation


def combined(provenances: list[Provenance]) -> Provenance:
    """One provenance for a result resting on several facts: the weakest confidence, every
    source once, the oldest check date."""
    confidence = max((p.confidence for p in provenances), key=lambda c: CONFIDENCE_RANK.get(c, 9))
    sources = tuple({s.id: s for p in provenances for s in p.sources}.values())
    dates = sorted(p.verified for p in provenances if p.verified)
    return Provenance(confidence, sources, dates[0] if dates else None)


def alternatives(
    book: RuleBook, card_choice: str, review: Milestone, leave_by: date, order: date
) -> list[Alternative]:
    return [expedited_card(book, card_choice, review, leave_by, order), b8_visa(book)]


def expedited_card(
    book: RuleBook, card_choice: str, review: Milestone, leave_by: date, order: date
) -> Alternative:
    cal = book.calendar
    fast_deadline, slow_deadline = (
        book.deadline("id_card_expedited"),
        book.deadline("id_card_standard"),
    )
    fast, slow = (
        deadline_after(cal, order, fast_deadline),
        deadline_after(cal, order, slow_deadline),
    )
    saved = (slow - fast).days
    template = _(T_EXPEDITED_CHOSEN) if card_choice == "expedited" else _(T_EXPEDITED_OFFER)
    steps = [
        template.format(order=human(order), fast=human(fast), slow=human(slow), saved=n_days(saved))
    ]
    if card_choice != "expedited":
        in_time = deadline_after(cal, review.expected, fast_deadline)
        if in_time <= leave_by:
            steps.append(
                _(T_EXPEDITED_NO_EXIT).format(
                    review=human(review.expected), ready=human(in_time), leave=human(leave_by)
                )
            )
    provenance = combined([fast_deadline.provenance, slow_deadline.provenance])
    warnings = [fast_deadline.provenance.caution(fast_deadline.title)]
    return Alternative(
        "expedited_card",
        _(T_EXPEDITED_TITLE),
        saved,
        [],
        Explanation.build(fast_deadline.id, steps, provenance, warnings),
    )


def b8_visa(book: RuleBook) -> Alternative:
    record = book.deadline("b8_visa_pending_residence")
    sides = []
    steps = [_(T_B8_WHAT).format(period=record.describe()), _(T_B8_DISPUTE)]
    for side in record.extra.get("sides", ()):
        sources = [book.sources[s] for s in side["sources"]]
        sides.append({"says": side["says"], "sources": [s.to_dict() for s in sources]})
        titles = "; ".join(f"{s.title} ({s.publisher})" for s in sources)
        steps.append(_(T_B8_SIDE).format(titles=titles, says=side["says"]))
    warnings = [record.provenance.caution(record.title)]
    return Alternative(
        "b8_visa",
        _(T_B8_TITLE),
        None,
        sides,
        Explanation.build(record.id, steps, record.provenance, warnings),
    )
