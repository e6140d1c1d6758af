"""The pilot's legal end (``data/site.yaml``) against every date of a plan: one warning when any
date falls after it (or may, if steps take their full time), unless the data confirms an
extension."""

from __future__ import annotations

from calculator.core.dates import human
from calculator.core.i18n import N_, _, ngettext
from calculator.rules.rulebook import RuleBook
from calculator.timeline.milestones import ORDER_INDEX, Milestone
from calculator.timeline.reentry import Reentry

# User-facing text of the pilot check (kept together for the translation catalogs).
REENTRY_TITLE = N_("Return to Kazakhstan for the card")
# How sure the data is that the pilot was extended (its confidence label, in words).
EXTENSION = {
    "single": N_("one source says so"),
    "conflict": N_("the sources disagree"),
    "unverified": N_("unverified"),
}


def _pilot_after(count: int) -> str:
    return ngettext(
        "The {name}'s legal end date is {end}; {count} date of this plan is expected after it, the "
        "first: {title}, {day}. No source confirms an extension ({extension}): ask Astana Hub or "
        "eGov whether applications are still accepted before you rely on this plan.",
        "The {name}'s legal end date is {end}; {count} dates of this plan are expected after it, the "
        "first: {title}, {day}. No source confirms an extension ({extension}): ask Astana Hub or "
        "eGov whether applications are still accepted before you rely on this plan.",
        count,
    )


def _pilot_maybe_after(count: int) -> str:
    return ngettext(
        "The {name}'s legal end date is {end}; {count} date of this plan may fall after it if steps "
        "take their full time, the first: {title}, {day}. No source confirms an extension "
        "({extension}): ask Astana Hub or eGov.",
        "The {name}'s legal end date is {end}; {count} dates of this plan may fall after it if steps "
        "take their full time, the first: {title}, {day}. No source confirms an extension "
        "({extension}): ask Astana Hub or eGov.",
        count,
    )


def pilot_warnings(
    book: RuleBook, milestones: list[Milestone], reentry: Reentry | None
) -> list[str]:
    """One warning when any date of the plan falls after the pilot's legal end, unless the data
    confirms an extension."""
    pilot = book.pilot
    if pilot is None or pilot.extension == "confirmed":
        return []
    dated = [(m.expected, ORDER_INDEX[m.id], m.title, m.latest) for m in milestones]
    if reentry is not None and reentry.enter_on is not None:
        dated.append((reentry.enter_on, len(ORDER_INDEX), _(REENTRY_TITLE), reentry.enter_on))
    after = sorted(d for d in dated if d[0] > pilot.legal_end)
    maybe = sorted((d[3], d[1], d[2], d[3]) for d in dated if d[3] > pilot.legal_end)
    if not maybe:
        return []
    day, _order, title, _latest = (after or maybe)[0]
    count = len(after or maybe)
    return [
        (_pilot_after(count) if after else _pilot_maybe_after(count)).format(
            name=pilot.name,
            end=human(pilot.legal_end),
            count=count,
            title=title,
            day=human(day),
            extension=_(EXTENSION.get(pilot.extension, pilot.extension)),
        )
    ]
