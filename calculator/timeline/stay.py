"""Visa-free days against the timeline: a stay you are in now, the entry after the approval, the
shortfall when the card comes later, and then the exit-and-return plan (:mod:`calculator.timeline.reentry`).

Conventions are those of :mod:`calculator.core.rolling`: the entry day is day 1 of an entry, a stay
is a closed interval. The "expected" scenario enters on the expected entry date; when the latest
entry date differs, a "slowest" scenario checks that one too.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from calculator.core.dates import human
from calculator.core.i18n import N_, _, ngettext
from calculator.core.records import StayRule
from calculator.core.rolling import reach
from calculator.core.stays import Stay, StayIndex
from calculator.rules.rulebook import RuleBook
from calculator.timeline.milestones import Milestone, VisaFreeEntry, milestone
from calculator.timeline.reentry import Reentry, plan_reentry
from calculator.visa_free.next_entry import earliest_entry


# User-facing text of this module (kept together for the translation catalogs, calculator.core.i18n).
def _scenario_step(name: str, days: int) -> str:
    if name == "expected":
        return ngettext(
            "Entering on {entry} (expected) under {rule}, visa-free days last {days} day",
            "Entering on {entry} (expected) under {rule}, visa-free days last {days} days",
            days,
        )
    return ngettext(
        "Entering on {entry} (slowest) under {rule}, visa-free days last {days} day",
        "Entering on {entry} (slowest) under {rule}, visa-free days last {days} days",
        days,
    )


def _short(name: str, days: int) -> str:
    if name == "expected":
        return ngettext(
            "Expected: you enter on {entry}, your visa-free days end {end}, and the card is "
            "ready on {card}: {short} day short.",
            "Expected: you enter on {entry}, your visa-free days end {end}, and the card is "
            "ready on {card}: {short} days short.",
            days,
        )
    return ngettext(
        "If every step takes its full time: you enter on {entry}, your visa-free days end "
        "{end}, and the card is ready on {card}: {short} day short.",
        "If every step takes its full time: you enter on {entry}, your visa-free days end "
        "{end}, and the card is ready on {card}: {short} days short.",
        days,
    )


def _no_entry(name: str) -> str:
    if name == "expected":
        return _(
            "Expected: on {entry} you would have no visa-free days left under {rule}, so you "
            "could not enter visa-free that day; days come back from {earliest}."
        )
    return _(
        "If every step takes its full time: on {entry} you would have no visa-free days left "
        "under {rule}, so you could not enter visa-free that day; days come back from {earliest}."
    )


SHORT_PLAN = N_("Exit and return: leave by {leave}, come back on {back}.")
SHORT_NO_PLAN = N_(
    "Plan an exit and re-entry, or ask the migration service for a visa while the application "
    "is pending."
)
WINDOW_OPEN = N_("That is inside the entry window, which closes on {deadline}: enter then.")
WINDOW_CLOSED = N_("That is after the entry window closes on {deadline}.")
LEAVE_SOONER = N_(
    "Leave Kazakhstan before {latest}: each day sooner is one more day you can stay at that entry."
)
ASK_VISA = N_("Otherwise ask the migration service for a visa while the application is pending.")
STAY_AFTER_ENTRY = N_(
    "A recorded stay ends on {end}, on or after the entry on {entry} that the timeline assumes; "
    "only its days before that entry count."
)
OPEN_AFTER_ENTRY = N_(
    "You are in Kazakhstan since {since}, after the entry on {entry} that the timeline assumes; "
    "only the days before that entry count."
)
GIVE_ENTRY = N_("If you came for the application on {since}, give it as the date you entered.")
NO_DAYS_LEFT = N_("You entered on {entry} with no visa-free days left: leave now.")
IN_COUNTRY = N_(
    "You are in Kazakhstan since {entry}: your latest legal exit is {latest}. The timeline "
    "assumes you leave by {leave} and enter again on {back}."
)
TO_DAY = N_(", to {date}.")


@dataclass(frozen=True)
class StayCheck:
    current_exit: date | None
    last_free: date | None
    entries: list[VisaFreeEntry]
    reentry: Reentry | None


def check_stays(
    book: RuleBook,
    rule: StayRule | None,
    recorded: list[Stay],
    card_choice: str,
    milestones: list[Milestone],
    steps: list[str],
    warnings: list[str],
    entry_deadline: date | None = None,
) -> StayCheck:
    """Count the visa-free days of the entry after the approval; plan a return if they run out.
    ``recorded`` are the stays as given (the last may be open); ``card_choice`` the card option;
    ``entry_deadline`` the last day of the entry window, when known."""
    entered, card = milestone(milestones, "entered"), milestone(milestones, "permit_issued")
    if rule is None or entered is None:
        return StayCheck(None, None, [], None)
    current_exit, stays = _leave_current_stay(rule, recorded, entered, steps, warnings)
    entries = []
    if current_exit is not None and recorded:
        entries.append(VisaFreeEntry("current", recorded[-1].entry, current_exit))
    index = StayIndex(stays, rule.counting_from)
    scenarios = [("expected", entered.expected, card.expected if card else None)]
    if entered.latest != entered.expected:
        scenarios.append(("slowest", entered.latest, card.latest if card else None))
    last_free = None
    plan = None
    for name, entry_day, card_day in scenarios:
        free_until = reach(index, rule, entry_day).last_day(entry_day)
        if free_until is None and (name == "expected" or last_free is not None):
            # refused on the expected entry: the slowest scenario would only repeat it
            warnings.append(_refused(name, rule, stays, entry_day, entry_deadline, current_exit))
        days = 0 if free_until is None else (free_until - entry_day).days + 1
        step = _scenario_step(name, days).format(entry=human(entry_day), rule=rule.title, days=days)
        steps.append(step + (_(TO_DAY).format(date=human(free_until)) if free_until else "."))
        if name == "expected":
            last_free = free_until
            entries.append(VisaFreeEntry("application", entry_day, free_until))
            if card is not None and free_until is not None and not card.known:
                plan = plan_reentry(
                    book, rule, stays, entry_day, free_until, milestones, card_choice
                )
            if plan is not None and plan.enter_on is not None:
                entries.append(VisaFreeEntry("reentry", plan.enter_on, plan.stay_last_day))
        if card_day is not None and free_until is not None and card_day > free_until:
            short = (card_day - free_until).days
            text = _short(name, short).format(
                entry=human(entry_day),
                end=human(free_until),
                card=human(card_day),
                short=short,
            )
            if name == "expected" and plan is not None and plan.enter_on is not None:
                text += " " + _(SHORT_PLAN).format(
                    leave=human(plan.leave_by), back=human(plan.enter_on)
                )
            else:
                text += " " + _(SHORT_NO_PLAN)
            warnings.append(text)
    return StayCheck(current_exit, last_free, entries, plan)


def _refused(
    name: str,
    rule: StayRule,
    stays: list[Stay],
    entry_day: date,
    entry_deadline: date | None,
    current_exit: date | None,
) -> str:
    """The entry on ``entry_day`` allows no day (the limit is used up in its window): entry would
    be refused, so the shortfall is not the question. Says from when days come back (the first
    day a stay of 1 day fits, :func:`calculator.visa_free.next_entry.earliest_entry`), whether
    that is still inside the entry window (to ``entry_deadline``), and, if you are in Kazakhstan
    now (``current_exit``: your latest legal exit), that leaving sooner gives days back."""
    earliest = earliest_entry(stays, rule, entry_day, 1).earliest_entry
    parts = [
        _no_entry(name).format(entry=human(entry_day), rule=rule.title, earliest=human(earliest))
    ]
    if entry_deadline is not None:
        window = WINDOW_OPEN if earliest <= entry_deadline else WINDOW_CLOSED
        parts.append(_(window).format(deadline=human(entry_deadline)))
    if current_exit is not None:
        parts.append(_(LEAVE_SOONER).format(latest=human(current_exit)))
    parts.append(_(ASK_VISA))
    return " ".join(parts)


def _leave_current_stay(
    rule: StayRule, recorded: list[Stay], entered: Milestone, steps: list[str], warnings: list[str]
) -> tuple[date | None, list[Stay]]:
    """If the last stay is open (in Kazakhstan now) and began before the expected entry, end it
    on its latest legal exit or the day before that entry, whichever is first, and say so.
    Returns that latest exit and the stays to count: every one ends before the entry, in order
    (what :func:`calculator.timeline.reentry.plan_reentry` and the day counts rely on)."""
    stays, entry = list(recorded), entered.expected
    if not stays or stays[-1].exit is not None or stays[-1].entry >= entry:
        return None, _before_entry(stays, entered, warnings)
    current = stays[-1]
    found = reach(StayIndex(stays[:-1], rule.counting_from), rule, current.entry)
    latest = found.last_day(current.entry)
    if latest is None:
        warnings.append(_(NO_DAYS_LEFT).format(entry=human(current.entry)))
        return None, stays[:-1]
    leave = min(latest, entry - timedelta(days=1))
    steps.append(
        _(IN_COUNTRY).format(
            entry=human(current.entry), latest=human(latest), leave=human(leave), back=human(entry)
        )
    )
    if leave >= current.entry:
        return latest, [*stays[:-1], Stay(current.entry, leave)]
    return latest, stays[:-1]


def _before_entry(stays: list[Stay], entered: Milestone, warnings: list[str]) -> list[Stay]:
    """The stays cut to the days before the expected entry, with a warning when a recorded stay
    reaches it. An open stay that began on that day is the entry itself; one that began later
    is not a stay to leave before the entry, so it is cut like a closed one."""
    entry = entered.expected
    if stays and stays[-1].exit is None:
        since = stays[-1].entry
        if since > entry:
            text = _(OPEN_AFTER_ENTRY).format(since=human(since), entry=human(entry))
            if not entered.known:
                text += " " + _(GIVE_ENTRY).format(since=human(since))
            warnings.append(text)
    else:
        running = [s for s in stays if s.exit is not None and s.exit >= entry]
        if running:
            end = running[-1].exit or entry
            warnings.append(_(STAY_AFTER_ENTRY).format(end=human(end), entry=human(entry)))
    before = entry - timedelta(days=1)
    return [Stay(s.entry, min(s.exit or before, before)) for s in stays if s.entry < entry]
