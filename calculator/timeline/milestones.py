"""The Digital Nomad Residency timeline: every milestone from the Astana Hub application to the card.

Each milestone has three dates, carried through the chain separately:
``earliest`` (every step as fast as its period allows), ``expected`` (fixed periods in full, ranges
at their middle) and ``latest`` (every period in full). A date the user already knows replaces all
three for that milestone and everything after it is counted from it. Periods come from
``data/deadlines.yaml``; working days use the Kazakhstan calendar (n-th working day strictly after).
Collisions between clocks (visa-free days, certificate, passport, entry window) are checked in
:mod:`calculator.timeline.checks`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from calculator.core.dates import human
from calculator.core.i18n import N_, _
from calculator.core.periods import deadline_after
from calculator.core.records import Deadline
from calculator.core.results import Explanation, ResultMixin
from calculator.rules.rulebook import RuleBook


@dataclass(frozen=True)
class Span:
    earliest: date
    expected: date
    latest: date

    @classmethod
    def on(cls, day: date) -> Span:
        return cls(day, day, day)


@dataclass(frozen=True)
class Milestone(ResultMixin):
    """``due`` is the last day a rule allows for a step you take yourself (the latest date of a
    "window" step such as the arrival notification), else ``None``."""

    id: str
    title: str
    earliest: date
    expected: date
    latest: date
    known: bool
    due: date | None
    explanation: Explanation


# (milestone id, title, input field that may fix it, deadline id, how it follows, the milestone it follows)
# how: "period" moves all three dates by the deadline; "window" keeps earliest and expected (you may act
# the same day, as the case study did) and moves latest by the deadline; "same" copies the dates of the
# milestone it follows. The tuple is in process order; results list milestones by expected date.
# fmt: off
CHAIN: tuple[tuple[str, str, str | None, str | None, str, str | None], ...] = (
    ("hub_applied", N_("Astana Hub application submitted"), "hub_applied", None, "same", None),
    ("hub_check", N_("Astana Hub document check done"), None, "astana_hub_check", "period", "hub_applied"),
    ("hub_interview", N_("Astana Hub interview held"), None, "astana_hub_interview", "period", "hub_check"),
    ("hub_letter", N_("Ministry letter received"), None, "astana_hub_letter", "period", "hub_interview"),
    ("egov_submitted", N_("eGov application submitted"), "egov_submitted", None, "same", "hub_letter"),
    ("approved", N_("eGov decision"), "approved", "@review", "period", "egov_submitted"),
    ("entered", N_("Entered Kazakhstan"), "entered", "entry_after_approval", "window", "approved"),
    ("arrival_notification", N_("Arrival notification filed by the host"), None, "arrival_notification", "window", "entered"),
    ("self_registration", N_("Registered online with the migration police"), None, "self_registration", "window", "entered"),
    ("psc_submitted", N_("Documents handed in at the Public Service Center"), "psc_submitted", "psc_preparation", "period", "entered"),
    ("final_review", N_("Migration Service final review done"), None, "migration_final_review", "period", "psc_submitted"),
    ("permit_issued", N_("Residence permit card ready"), "permit_issued", "@card", "period", "final_review"),
)
# fmt: on
ORDER = tuple(step[2] for step in CHAIN if step[2])
ORDER_INDEX = {step[0]: i for i, step in enumerate(CHAIN)}


def _advance(
    book: RuleBook, span: Span, deadline: Deadline, slowest: Deadline | None = None
) -> Span:
    """Move a span by a deadline; ``slowest`` (if given) sets the latest date instead."""
    cal = book.calendar
    low = deadline_after(cal, span.earliest, deadline)
    high = deadline_after(cal, span.latest, slowest or deadline, upper=True)
    if deadline.days_max is None:
        mid = deadline_after(cal, span.expected, deadline)
    else:
        middle = replace(deadline, days=(deadline.days + deadline.days_max + 1) // 2, days_max=None)
        mid = deadline_after(cal, span.expected, middle)
    return Span(low, mid, high)


def by_date(milestones: list[Milestone]) -> list[Milestone]:
    """Milestones by expected date; on the same day in process order."""
    return sorted(milestones, key=lambda m: (m.expected, ORDER_INDEX[m.id]))


def build_milestones(
    book: RuleBook, known: Mapping[str, date], review: str, card: str
) -> list[Milestone]:
    """Walk the chain from the first known date; milestones before it are left out.
    Returned in process order (see :func:`by_date` for the order results use)."""
    aliases = {
        "@review": "egov_review_in_demand" if review == "in_demand" else "egov_review_standard",
        "@card": "id_card_expedited" if card == "expedited" else "id_card_standard",
    }
    # The shorter in-demand review rests on one source: its latest date uses the standard review.
    slowest = {"egov_review_in_demand": book.deadline("egov_review_standard")}
    start = next((i for i, step in enumerate(CHAIN) if step[2] in known), None)
    if start is None:
        return []
    milestones: list[Milestone] = []
    spans: dict[str, Span] = {}
    for mid, english_title, field, ref, how, after in CHAIN[start:]:
        title = _(english_title)
        deadline = book.deadline(aliases.get(ref, ref)) if ref else None
        warnings: list[str | None] = []
        if field and field in known:
            span = Span.on(known[field])
            steps = [_("You gave this date: {date}.").format(date=human(known[field]))]
            provenance = None
            if after in spans and known[field] < spans[after].earliest:
                warnings.append(
                    _(
                        "{title} on {date} comes before the earliest date of "
                        "'{before}' ({earliest}): check both dates."
                    ).format(
                        title=title,
                        date=human(known[field]),
                        before=_(CHAIN[ORDER_INDEX[after]][1]),
                        earliest=human(spans[after].earliest),
                    )
                )
        else:
            assert after is not None and after in spans  # the chain starts at a known date
            base, base_title = spans[after], _(CHAIN[ORDER_INDEX[after]][1])
            if deadline is None or how == "same":
                span = base
                steps = [
                    _(
                        "Counted from '{base}': at the earliest the same day. "
                        "Every day later moves everything after it."
                    ).format(base=base_title)
                ]
            else:
                moved = _advance(book, base, deadline, slowest.get(deadline.id))
                span = (
                    moved if how == "period" else Span(base.earliest, base.expected, moved.latest)
                )
                first = _("{title}: {period} after '{base}' (counted from {counted_from}).").format(
                    title=deadline.title,
                    period=deadline.describe(),
                    base=base_title,
                    counted_from=deadline.counted_from,
                )
                if deadline.id in slowest:
                    first += " " + _(
                        "The latest date allows the {period} of the standard review."
                    ).format(period=slowest[deadline.id].describe())
                steps = [
                    first,
                    _("Earliest {earliest}, expected {expected}, latest {latest}.").format(
                        earliest=human(span.earliest),
                        expected=human(span.expected),
                        latest=human(span.latest),
                    ),
                ]
                warnings.append(deadline.provenance.caution(deadline.title))
                if deadline.unit == "working_days":
                    warnings += book.calendar.year_warnings(base.earliest, span.latest)
            provenance = deadline.provenance if deadline else None
        applies_from = deadline.extra.get("applies_from") if deadline else None
        if applies_from and spans[after or ""].latest < date.fromisoformat(str(applies_from)):
            continue  # a rule that did not exist yet on the day this step counts from
        if applies_from:
            warnings.append(
                _(
                    "From {date} the registration rules changed; whether the host's arrival "
                    "notification still applies next to this is not known."
                ).format(date=human(date.fromisoformat(str(applies_from))))
            )
        spans[mid] = span
        explanation = Explanation.build(
            deadline.id if deadline else mid, steps, provenance, warnings
        )
        milestones.append(
            Milestone(
                mid,
                title,
                span.earliest,
                span.expected,
                span.latest,
                bool(field and field in known),
                span.latest if how == "window" and not field else None,
                explanation,
            )
        )
    return milestones


@dataclass(frozen=True)
class VisaFreeEntry(ResultMixin):
    """The visa-free days of one entry: ``role`` is ``current`` (in the country now),
    ``application`` (the entry after the approval) or ``reentry`` (the planned return)."""

    role: str
    entry: date
    last_day: date | None


@dataclass(frozen=True)
class Timeline(ResultMixin):
    """``entry_deadline`` is ``None`` once the entry date is known; ``reentry`` is ``None`` unless
    the card is expected after the visa-free days (see :mod:`calculator.timeline.reentry`)."""

    milestones: list[Milestone]
    entry_deadline: date | None
    current_stay_latest_exit: date | None
    visa_free_last_day: date | None
    certificate_valid_until: date | None
    licence_exchange_by: date | None
    reentry: Any
    visa_free_entries: list[VisaFreeEntry]
    warnings: list[str]
    explanation: Explanation
    pilot_end: date | None = None  # the pilot's legal end (data/site.yaml), for the picture


def milestone(milestones: list[Milestone], mid: str) -> Milestone | None:
    return next((m for m in milestones if m.id == mid), None)


def shift(day: date, days: int) -> date:
    return day + timedelta(days=days)
