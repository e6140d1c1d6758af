"""Every bound on input, in one place, with the reason for it.

The engine refuses input outside these bounds by name (an :class:`~calculator.core.errors.InputError`
naming the field) rather than running long, running out of ``datetime.date``'s range or growing
memory. Each bound is far beyond any real question; CONTRIBUTING.md lists them.
"""

from __future__ import annotations

from calculator.core.dates import FIRST_YEAR, LAST_YEAR

NUMBER_DIGITS = 6
"""A number is at most this many ASCII digits: the supported years span 109,572 days (6 digits)."""

MAX_WINDOW = 3660
"""Longest custom window, in days (ten years). The real rules in ``data/stay_rules.yaml`` use
180 days; ten years leaves room for any hand-typed regime while every search over a window
(next entry, days coming back) stays a few thousand steps."""

MAX_WORKING_DAYS = 2500
"""Most working days to add (about ten years, like :data:`MAX_WINDOW`; the periods in
``data/deadlines.yaml`` are a few dozen); the result must also fall within the supported years."""

MAX_PERIOD_DAYS = 3660
"""Longest period in calendar days a rule-data deadline may have (``days``, ``days_max``,
``warn_within_days``; ten years, like :data:`MAX_WINDOW`; the periods in ``data/deadlines.yaml``
are at most a few hundred days). Deadlines in working days are held to :data:`MAX_WORKING_DAYS`."""

MAX_DAYS_PER_YEAR = 366
"""Most days a ``days_per_calendar_year`` deadline may count: a calendar year has no more."""

MAX_RULES_DEPTH = 16
"""Deepest nesting of the rule data (``rules.json``, ``--rules``): the build's is 6 levels; a
deeper file is refused before anything walks it recursively."""

MAX_INTERVALS = 5000
"""Most stays (or trips) in one request or one ``--stays-file``: a border run every other day
for almost thirty years, and the size of the engine benchmark's history (benchmarks/engine.py)."""

MAX_FILE_LINES = 2 * MAX_INTERVALS + 1
"""Most lines of a ``--stays-file`` (a header, and a blank line beside every stay): counted
before the CSV is parsed, so a megabyte of empty rows is refused at once."""

MAX_SUBREQUESTS = 3
"""Most requests inside one calendar export (``ics``); the page sends one, and each may search a
whole window (about 0.1 s at worst on CPython)."""

MAX_REMINDERS = 5
"""Most reminders (``VALARM``) per calendar event: the page offers three; five lead times are
already more than a calendar shows usefully."""

MAX_REMINDER_DAYS = 365
"""Longest lead time of a reminder, in days: a year before a deadline, longer than any period in
``data/deadlines.yaml`` (a residence permit runs for a year)."""

MAX_REQUEST_CHARS = 200_000
"""Longest JSON request the bridge reads (5000 stays take about 120,000 characters)."""

MAX_FILE_BYTES = 1_000_000
"""Most bytes the CLI reads from a ``--stays-file`` (5000 rows take about 110 KB) or a
``--rules`` file, and the most characters ``bridge.load`` takes (the build's ``rules.json``
is about 80 KB)."""

LAST_DAY = f"{LAST_YEAR}-12-31"
FIRST_DAY = f"{FIRST_YEAR}-01-01"
