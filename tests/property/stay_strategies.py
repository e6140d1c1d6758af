"""Hypothesis strategies shared by the property tests: rule sets, stay histories, query dates.

Numbers whose range depends on an earlier draw (a stay length scaled to the rule's limit) are
drawn with :func:`between` from one fixed strategy: building a new strategy for every example
would cost more than the test itself.
"""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta

from hypothesis import strategies as st

from calculator.core.records import StayRule
from calculator.core.stays import Stay
from calculator.rules.custom import custom_rule
from calculator.rules.rulebook import RuleBook

FIRST = date(2022, 1, 1)
LAST = date(2028, 12, 31)
SPAN = (LAST - FIRST).days

StayTuple = tuple[date, date | None]

_RAW = st.integers(0, 2**20)
_KIND = st.integers(0, 3)


def between(draw: st.DrawFn, low: int, high: int) -> int:
    """A number in ``[low, high]`` (shrinks towards ``low``)."""
    return low + draw(_RAW) % (high - low + 1)


def dates(first: date = FIRST, last: date = LAST) -> st.SearchStrategy[date]:
    return st.integers(0, (last - first).days).map(lambda n: first + timedelta(days=n))


_DATES = dates()
_LATEST_COUNTING_START = date(2026, 12, 31)


@st.composite
def custom_rules(draw: st.DrawFn) -> StayRule:
    """A hand-typed rule: limit < window, optional per-entry cap <= limit, sometimes a counting
    start (the bounds the bridge enforces)."""
    window = [between(draw, 2, 12), between(draw, 13, 60), between(draw, 61, 240), 0][
        draw(_KIND)
    ] or draw(st.sampled_from([90, 180, 365]))
    limit = [between(draw, 1, window - 1), window - 1, 1, between(draw, 1, window - 1)][draw(_KIND)]
    per_entry = [None, between(draw, 1, limit), limit, None][draw(_KIND)]
    rule = custom_rule(limit, window, per_entry)
    counting_from = None
    if draw(_KIND) == 0:
        counting_from = FIRST + timedelta(
            days=between(draw, 0, (_LATEST_COUNTING_START - FIRST).days)
        )
    return dataclasses.replace(rule, counting_from=counting_from)


_RULES: dict[int, st.SearchStrategy[StayRule]] = {}


def rules(book: RuleBook) -> st.SearchStrategy[StayRule]:
    """The real rule sets from ``data/`` or a custom one (custom ones twice as often)."""
    if id(book) not in _RULES:
        real = st.sampled_from(sorted(book.stay_rules)).map(book.stay_rules.__getitem__)
        _RULES[id(book)] = st.one_of(real, custom_rules(), custom_rules())
    return _RULES[id(book)]


@st.composite
def histories(
    draw: st.DrawFn, rule: StayRule | None = None, allow_open: bool = True, max_stays: int = 12
) -> list[StayTuple]:
    """Sorted, non-overlapping closed stays in 2022–2028, sometimes ending with an open stay.

    Two stays may share a border day (left and came back the same day), a one-day stay included:
    ``D..D`` followed by ``D..X``.

    Stay lengths and gaps are drawn on the scale of the rule's window and limit, so that the
    rolling cap is often just reached, just exceeded or just freed.
    """
    window = rule.window if rule is not None else 180
    limit = rule.limit if rule is not None else 90
    longest = min(limit + 2, 200)
    near_limit = min(max(1, limit - 2), longest)
    refill = max(0, window - limit)

    def length() -> int:
        kind = draw(_KIND)
        if kind == 0:
            return between(draw, 1, 5)
        if kind == 1:
            return between(draw, near_limit, longest)
        return between(draw, 1, longest)

    def gap() -> int:
        kind = draw(_KIND)
        if kind == 0:
            return between(draw, -1, 3)  # -1: left and came back the same day (a shared day)
        if kind == 1:
            return between(draw, max(0, refill - 3), refill + 3)
        return between(draw, 0, max(3, min(window, 400)))

    count = between(draw, 0, max_stays)
    if count and draw(st.booleans()):  # leave room for several stays
        entry = FIRST + timedelta(days=between(draw, 0, 400))
    else:
        entry = FIRST + timedelta(days=between(draw, 0, SPAN))
    stays: list[StayTuple] = []
    for _ in range(count):
        if entry > LAST:
            break
        exit_ = min(LAST, entry + timedelta(days=length() - 1))
        stays.append((entry, exit_))
        entry = exit_ + timedelta(days=1 + gap())  # may equal a one-day stay's only day
    if allow_open and stays and draw(st.booleans()):
        stays[-1] = (stays[-1][0], None)
    return stays


def to_stays(history: list[StayTuple]) -> list[Stay]:
    return [Stay(entry, exit_) for entry, exit_ in history]


@st.composite
def query_dates(draw: st.DrawFn, history: list[StayTuple], rule: StayRule) -> date:
    """A date anywhere in 2022–2028, or close to an entry, an exit or a window edge."""
    if not history or draw(_KIND) == 0:
        return draw(_DATES)
    entry, exit_ = history[between(draw, 0, len(history) - 1)]
    anchors = [
        entry,
        exit_ if exit_ is not None else entry,
        entry + timedelta(days=rule.window),
        entry + timedelta(days=rule.limit),
        entry + timedelta(days=rule.per_entry or rule.limit),
    ]
    return anchors[between(draw, 0, len(anchors) - 1)] + timedelta(days=between(draw, -3, 3))
