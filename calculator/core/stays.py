"""Stays in a country as closed intervals of dates, and fast counting of days inside a window.

Conventions:
- A stay is the closed interval ``[entry, exit]``: the entry day and the exit day both count.
- ``exit is None`` means the stay is open: the person is still in the country.
- Stays are sorted by entry (then exit) and do not overlap, except that a stay may start on the
  day the one before it ends (leaving and coming back the same day): that day counts once, and it
  is day 1 of the new entry. This holds for a one-day stay too: ``D..D`` then ``D..X`` is a visit
  that ended the day it began, followed by a new entry the same day; day D counts once, with the
  later stay. Only the last stay may be open.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import pairwise

from calculator.core.dates import parse_date, parse_optional_date
from calculator.core.errors import InputError, quote
from calculator.core.i18n import _


@dataclass(frozen=True, order=True)
class Stay:
    """One stay, entry and exit days included; ``exit=None`` while still in the country."""

    entry: date
    exit: date | None = None

    def last_day(self, open_until: date) -> date:
        """The exit day, or ``open_until`` for an open stay."""
        return self.exit if self.exit is not None else open_until

    def label(self) -> str:
        return f"{self.entry.isoformat()}..{'' if self.exit is None else self.exit.isoformat()}"


def parse_stay(text: object, index: int, name: str = "stays") -> Stay:
    """Parse ``YYYY-MM-DD..YYYY-MM-DD`` (or ``YYYY-MM-DD..`` for an open stay)."""
    field = f"{name}[{index}]"
    if not isinstance(text, str) or ".." not in text:
        raise InputError(
            field,
            _("{text} is not a stay; write ENTRY..EXIT or ENTRY.. (still there)").format(
                text=quote(text)
            ),
        )
    entry_text, exit_text = text.split("..", 1)
    return Stay(
        parse_date(entry_text, f"{field}.entry"),
        parse_optional_date(exit_text, f"{field}.exit"),
    )


def validate_stays(stays: Iterable[Stay], name: str = "stays") -> list[Stay]:
    """Check the stays in the order given and return them sorted by entry.

    Errors name the stay by its position in the input (``stays[2].exit``; ``name`` replaces
    ``stays`` for trips abroad).
    """
    given = list(stays)
    for index, stay in enumerate(given):
        if stay.exit is not None and stay.exit < stay.entry:
            raise InputError(
                f"{name}[{index}].exit",
                _("exit {exit} is before entry {entry}").format(
                    exit=stay.exit.isoformat(), entry=stay.entry.isoformat()
                ),
            )
    order = sorted(range(len(given)), key=lambda i: _sort_key(given[i]))
    for before, after in pairwise(order):
        first, second = given[before], given[after]
        if first.exit is None:
            raise InputError(
                f"{name}[{before}].exit",
                _(
                    "this one has no end date but the one from {entry} starts later; "
                    "give its exit date"
                ).format(entry=second.entry.isoformat()),
            )
        if second.entry < first.exit:
            raise InputError(
                f"{name}[{after}].entry",
                _(
                    "overlaps the one from {other}; two may share only the day "
                    "you left and came back, so correct a date"
                ).format(other=first.label()),
            )
    return [given[i] for i in order]


def _sort_key(stay: Stay) -> tuple[date, date]:
    """Entry, then exit (an open stay last): a one-day stay comes before a re-entry that day."""
    return stay.entry, stay.exit if stay.exit is not None else date.max


class DayCounter:
    """The counted days of a set of stays, as disjoint intervals, counted in O(log n).

    Open stays run to ``open_until``; days before ``counting_from`` are not counted. A border day
    shared by two stays counts once, with the later stay (it is day 1 of that entry).
    """

    def __init__(
        self, stays: Sequence[Stay], open_until: date, counting_from: date | None = None
    ) -> None:
        floor = counting_from.toordinal() if counting_from else None
        spans = []
        for stay in stays:
            start, end = stay.entry.toordinal(), stay.last_day(open_until).toordinal()
            start = start if floor is None else max(start, floor)
            if start <= end:  # a stay with nothing to count cannot take a shared day
                spans.append((start, end))
        for i in range(len(spans) - 1):
            if spans[i + 1][0] <= spans[i][1]:  # the shared border day goes to the later stay
                spans[i] = (spans[i][0], spans[i + 1][0] - 1)
        self._starts: list[int] = []
        self._ends: list[int] = []
        self._prefix: list[int] = [0]
        for start, end in spans:
            if start <= end:
                self._starts.append(start)
                self._ends.append(end)
                self._prefix.append(self._prefix[-1] + end - start + 1)

    def _up_to(self, ordinal: int) -> int:
        """Days counted on or before ``ordinal``."""
        index = bisect_right(self._starts, ordinal)
        if index == 0:
            return 0
        overhang = max(0, self._ends[index - 1] - ordinal)
        return self._prefix[index] - overhang

    def count(self, first: date, last: date) -> int:
        """Days counted in the closed interval ``[first, last]``."""
        if last < first:
            return 0
        return self._up_to(last.toordinal()) - self._up_to(first.toordinal() - 1)

    def parts(self, first: date, last: date) -> list[tuple[date, date]]:
        """The counted intervals cut to ``[first, last]``, in order."""
        low = bisect_left(self._ends, first.toordinal())
        high = bisect_right(self._starts, last.toordinal())
        return [
            (
                date.fromordinal(max(self._starts[i], first.toordinal())),
                date.fromordinal(min(self._ends[i], last.toordinal())),
            )
            for i in range(low, high)
        ]


FAR_FUTURE = date(9999, 12, 31)
"""Where an open stay's days run to inside an index; every query stops well before it."""


class StayIndex:
    """Validated, sorted stays indexed once for O(log n) queries on any day.

    An open stay counts on every day from its entry, so a question about day D counts it up to
    D and no further. Days before ``counting_from`` are never counted.
    """

    def __init__(self, stays: Sequence[Stay], counting_from: date | None = None) -> None:
        self.stays = list(stays)
        self.counting_from = counting_from
        self._entries = [stay.entry for stay in self.stays]
        self._counter = DayCounter(self.stays, FAR_FUTURE, counting_from)

    @classmethod
    def of(cls, stays: Sequence[Stay] | StayIndex, counting_from: date | None) -> StayIndex:
        """Reuse an index built for the same counting start; build one otherwise."""
        if isinstance(stays, StayIndex) and stays.counting_from == counting_from:
            return stays
        return cls(stays.stays if isinstance(stays, StayIndex) else stays, counting_from)

    def count(self, first: date, last: date) -> int:
        """Counted days in the closed interval ``[first, last]``."""
        return self._counter.count(first, last)

    def stay_on(self, day: date) -> Stay | None:
        """The stay that contains ``day`` (an open stay contains every day from its entry)."""
        index = bisect_right(self._entries, day) - 1
        if index >= 0 and (self.stays[index].exit is None or self.stays[index].exit >= day):  # type: ignore[operator]
            return self.stays[index]
        return None

    def parts(self, first: date, last: date) -> list[tuple[date, date]]:
        """The counted days inside ``[first, last]`` as intervals (see :meth:`DayCounter.parts`)."""
        return self._counter.parts(first, last)


Stays = Sequence[Stay] | StayIndex  # what the questions accept: a list of stays or its index
