"""The exit-and-return plan when the residence-permit card is not expected within the visa-free days.

The model (the real case's sequence; it rests on the case study, so its confidence is ``single``):

1. The preparation and the hand-in at the Public Service Center happen in this entry, by
   ``leave_by``: the last visa-free day of the entry.
2. The Migration Service's final review needs no presence: it runs while you are abroad.
3. You come back for the card stage. If the review is expected to end by ``leave_by``, the card is
   ordered before you leave and you return to collect it: ``search_from`` is the expected card day
   and one day is needed. Otherwise ``search_from`` is the day the review is expected to end; the
   card is ordered on the first working day from the return (the return day itself if it is one)
   and you stay until it is ready.

``enter_on`` is :func:`calculator.visa_free.next_entry.earliest_entry` (the ``next_entry`` action) over the
earlier stays plus this entry up to ``leave_by``, searched from ``search_from`` for ``days_needed``
days. ``days_needed`` starts at the days the card stage takes after a return on ``search_from``
and grows while the card would not fit (a holiday after a later return lengthens the stage), so
the published numbers always give the published ``enter_on`` when put into ``next_entry``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from calculator.core.dates import human
from calculator.core.errors import InputError
from calculator.core.i18n import N_, _
from calculator.core.i18n import days as n_days
from calculator.core.periods import deadline_after
from calculator.core.provenance import Provenance
from calculator.core.records import StayRule
from calculator.core.results import Explanation, ResultMixin
from calculator.core.stays import Stay
from calculator.rules.rulebook import RuleBook
from calculator.timeline.milestones import Milestone, milestone
from calculator.timeline.reentry_options import Alternative, alternatives, combined
from calculator.visa_free.next_entry import earliest_entry

# User-facing text of this module (kept together for the translation catalogs).
T_ENDS = N_("Your visa-free days in this entry end on {leave}; the card is expected on {card}.")
T_MODEL_RETURN = N_(
    "The plan: hand in the documents at the Public Service Center before you leave (expected "
    "{psc}), let the final review run while you are abroad (expected to end {review}), and come "
    "back to order the card and wait for it."
)
T_REVIEW_LATEST = N_("If every step takes its full time, the review ends on {review_latest}.")
T_MODEL_COLLECT = N_(
    "The plan: the final review is expected to end on {review}, before you must leave, so the card "
    "can be ordered first; you leave by {leave} and come back to collect it."
)
T_SEARCH = N_("A return is useful from {search_from}.")
T_NEEDED = N_("The card stage needs {days} in Kazakhstan, from the return to the card.")
T_ENTER = N_(
    "The earliest return (the same calculation as 'Earliest re-entry', over your stays plus this "
    "entry to {leave}) is {enter_on}; that stay may last to {last}."
)
T_CARD = N_("{card_title}: ordered on {order}, expected ready on {ready}.")
T_LATER = N_(
    "If the review takes longer, come back later: every day later moves the card by a day or more."
)
T_TOO_LONG = N_(
    "The card stage needs {days} in the country, more than one visa-free entry allows: "
    "no single return fits. See the alternatives."
)
T_HANDIN_LATE = N_(
    "The hand-in is expected on {psc}, after your visa-free days end on {leave}: this plan assumes "
    "it is done before you leave. Prepare the documents before you enter, or enter later."
)
T_MODEL_CAUTION = N_(
    "Leaving while the final review runs is how the real case was planned, not a published rule: "
    "ask the migration service before you go."
)
CARD_DEADLINES = {"expedited": "id_card_expedited", "standard": "id_card_standard"}


@dataclass(frozen=True)
class Reentry(ResultMixin):
    """Leave by ``leave_by``; come back on ``enter_on`` (``None`` if no single entry fits)."""

    leave_by: date
    search_from: date
    days_needed: int
    enter_on: date | None
    card_ready: date | None
    stay_last_day: date | None
    next_entry: dict[str, Any]
    alternatives: list[Alternative]
    explanation: Explanation


def order_day(book: RuleBook, day: date) -> date:
    """The card is ordered on the first working day on or after ``day``."""
    cal = book.calendar
    return day if cal.is_working_day(day) else cal.add_working_days(day, 1)


def plan_reentry(
    book: RuleBook,
    rule: StayRule,
    stays: list[Stay],
    entry: date,
    leave_by: date,
    milestones: list[Milestone],
    card_choice: str,
) -> Reentry | None:
    """The plan, or ``None`` when the card is expected by ``leave_by`` (or is already known).
    ``stays`` are the earlier stays, all ending before ``entry``."""
    psc, review = milestone(milestones, "psc_submitted"), milestone(milestones, "final_review")
    card = milestone(milestones, "permit_issued")
    if card is None or card.known or card.expected <= leave_by or psc is None or review is None:
        return None
    card_deadline = book.deadline(CARD_DEADLINES[card_choice])
    counted = [*stays, Stay(entry, leave_by)]
    collect = review.expected <= leave_by
    steps = [_(T_ENDS).format(leave=human(leave_by), card=human(card.expected))]
    if collect:
        search_from = card.expected
        steps.append(
            _(T_MODEL_COLLECT).format(review=human(review.expected), leave=human(leave_by))
        )
    else:
        search_from = review.expected
        steps.append(
            _(T_MODEL_RETURN).format(psc=human(psc.expected), review=human(review.expected))
        )
        if review.latest != review.expected:
            steps.append(_(T_REVIEW_LATEST).format(review_latest=human(review.latest)))
    steps.append(_(T_SEARCH).format(search_from=human(search_from)))

    def ready_after(back: date) -> date:
        return (
            back if collect else deadline_after(book.calendar, order_day(book, back), card_deadline)
        )

    days = (ready_after(search_from) - search_from).days + 1
    warnings: list[str | None] = [_(T_MODEL_CAUTION)]
    if psc.expected > leave_by:
        warnings.append(_(T_HANDIN_LATE).format(psc=human(psc.expected), leave=human(leave_by)))
    enter_on = ready = last = None
    while True:
        try:
            found = earliest_entry(counted, rule, search_from, days)
        except InputError:
            steps.append(_(T_NEEDED).format(days=n_days(days)))
            warnings.append(_(T_TOO_LONG).format(days=n_days(days)))
            break
        needed = (ready_after(found.earliest_entry) - found.earliest_entry).days + 1
        if needed <= days:
            enter_on, ready, last = (
                found.earliest_entry,
                ready_after(found.earliest_entry),
                found.latest_exit,
            )
            steps.append(_(T_NEEDED).format(days=n_days(days)))
            steps.append(
                _(T_ENTER).format(leave=human(leave_by), enter_on=human(enter_on), last=human(last))
            )
            if not collect:
                order = order_day(book, enter_on)
                steps.append(
                    _(T_CARD).format(
                        card_title=card_deadline.title, order=human(order), ready=human(ready)
                    )
                )
                warnings += book.calendar.year_warnings(order, ready)
            break
        days = needed
    if not collect:
        steps.append(_(T_LATER))
    request = {
        "stays": [s.label() for s in counted],
        "from": search_from.isoformat(),
        "days": days,
    }
    used = [book.deadline(d) for d in ("psc_preparation", "migration_final_review")]
    provenance: Provenance = combined(
        [d.provenance for d in [*used, card_deadline]] + [rule.provenance]
    )
    # the card is ordered when the review ends (collected on the return), else on the return
    ordered = review.expected if collect else (enter_on or search_from)
    options = alternatives(book, card_choice, review, leave_by, order_day(book, ordered))
    return Reentry(
        leave_by,
        search_from,
        days,
        enter_on,
        ready,
        last,
        request,
        options,
        Explanation.build("dnr_reentry", steps, provenance, warnings),
    )
