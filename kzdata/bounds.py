"""The domain bounds of the numbers and dates in ``data/``, with the reason for each.

The schema (:mod:`kzdata.schema`) refuses a value outside them by file, record and field, so no
fact the build accepts can make the engine loop, overflow a date or answer nonsense. The engine's
own bounds (:mod:`calculator.core.bounds`) are reused where the data feeds them. CONTRIBUTING.md
lists them all.
"""

from __future__ import annotations

from calculator.core.bounds import MAX_WINDOW, MAX_WORKING_DAYS, NUMBER_DIGITS
from calculator.core.dates import FIRST_YEAR, LAST_YEAR

__all__ = ["FIRST_YEAR", "LAST_YEAR", "MAX_WINDOW"]

FIRST_DATA_YEAR = 1990
"""Earliest year of a holiday rule, an official calendar or an MCI (independent Kazakhstan)."""

MAX_PERIOD_DAYS = {
    "calendar_days": MAX_WINDOW,
    "working_days": MAX_WORKING_DAYS,
    "days_per_calendar_year": 366,
}
"""Longest period of ``data/deadlines.yaml`` by unit: ten years (the engine's longest window and
most working days it adds at once), and a calendar year for a yearly allowance."""

MAX_WEEKEND_DAYS = 3
"""A week keeps at least four working days (Kazakhstan's weekend is two)."""

MAX_TRANSFER_GAP_DAYS = 366
"""A transfer order swaps two days at most a year apart (real ones: a few days)."""

MAX_STAGE_NUMBER = 99
MAX_FEE_MCI = 1000
"""Largest state fee, in MCI (the fees in data/fees.yaml are 0.2 to 10)."""
MAX_MCI_KZT = 100_000
"""Largest MCI in tenge (4,325 in 2026)."""
MAX_RECHECK_MONTHS = 120
"""A yearly re-check is the rule; ten years is the most a setting can say."""
FUTURE_SLACK_DAYS = 1
"""How far after today a ``verified`` date may be (an editor east of the build machine)."""
MAX_INCOME_USD = 10**NUMBER_DIGITS - 1
"""Largest monthly income threshold a route may require: what the plan's income answer can hold."""
