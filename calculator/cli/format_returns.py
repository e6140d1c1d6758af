"""The status answer's ``days_return`` as text: runs of dates on which used days come back.

"from 28 Sep 2025, 1 day back each day until 6 Nov 2025 (40 days)" reads better than forty lines;
the JSON keeps one entry per date (``days_return``) beside the runs (``days_return_runs``).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from calculator.core.i18n import _, human, ngettext


def run_text(run: dict[str, Any]) -> str:
    """One run in words: a single date, or consecutive dates each giving one day back."""
    first, last = date.fromisoformat(run["first"]), date.fromisoformat(run["last"])
    n = run["days"]
    if first == last:
        return ngettext("on {date}, {n} day back", "on {date}, {n} days back", n).format(
            date=human(first, weekday=False), n=n
        )
    return ngettext(
        "from {first}, 1 day back each day until {last} ({n} day)",
        "from {first}, 1 day back each day until {last} ({n} days)",
        n,
    ).format(first=human(first, weekday=False), last=human(last, weekday=False), n=n)


def days_return_lines(result: dict[str, Any]) -> list[str]:
    """The heading and one indented line per run; nothing when no day is used."""
    runs = result.get("days_return_runs") or []
    if not runs:
        return []
    heading = _("Used days come back (if you make no stay after {on}):").format(
        on=human(date.fromisoformat(result["on"]), weekday=False)
    )
    return [heading] + [f"  {run_text(run)}" for run in runs]
