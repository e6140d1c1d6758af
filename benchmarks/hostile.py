"""The slowest requests a person or a link can make, at the bounds of calculator/core/bounds.py.

``python benchmarks/hostile.py`` from the repository root. Prints the slowest of three runs of
each request through ``calculator.bridge.handle`` (the browser's path), and its JSON size.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from calculator import bridge  # noqa: E402
from kzdata.export import rules_dict  # noqa: E402

FIRST = date(1990, 1, 1)


def one_day_stays(count: int) -> tuple[list[str], date]:
    """``count`` one-day stays, every other day: the most stays a window can hold."""
    days = [FIRST + timedelta(days=2 * i) for i in range(count)]
    return [f"{d}..{d}" for d in days], days[-1]


def slowest(request: dict, runs: int = 3) -> tuple[float, int, bool]:
    text = json.dumps(request)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        answer = json.loads(bridge.handle(text))
        times.append(time.perf_counter() - start)
    return max(times), len(text), answer["ok"]


def cli_seconds(args: list[str], runs: int = 3) -> tuple[float, int]:
    """Slowest wall time of ``python -m calculator ARGS`` (start-up and reading data/ included)."""
    times, code = [], 0
    for _ in range(runs):
        start = time.perf_counter()
        code = subprocess.run(
            [sys.executable, "-m", "calculator", *args], cwd=ROOT, capture_output=True, check=False
        ).returncode
        times.append(time.perf_counter() - start)
    return max(times), code


def cli_cases() -> None:
    """The command line at its bounds: thousands of --stay, a megabyte of blank CSV rows."""
    flags = [arg for text in one_day_stays(10_000)[0] for arg in ("--stay", text)]
    status = ["status", "--nationality", "NL", "--on", "2025-06-01"]
    with tempfile.TemporaryDirectory() as folder:
        blank = Path(folder) / "blank.csv"
        blank.write_text("entry,exit\n" + "\n" * 999_000)
        cases = {
            "1 --stay": [*status, *flags[:2]],
            "5000 --stay": [*status, *flags[:10_000]],
            "10,000 --stay (refused)": [*status, *flags],
            "1 MB CSV of blank rows (refused)": [*status, "--stays-file", str(blank)],
        }
        print(f"\n{'command line':<60} {'exit':>8} {'slowest of 3':>14}")
        for name, args in cases.items():
            seconds, code = cli_seconds(args)
            print(f"{name:<60} {code:>8} {seconds * 1000:>11.0f} ms")


def main() -> int:
    bridge.load(json.dumps(rules_dict()))
    most, last = one_day_stays(5000)
    third, last_third = one_day_stays(2500)
    rule = {"limit": 1830, "window": 3660}
    after = str(last + timedelta(days=1))
    search = {"action": "next_entry", **rule, "stays": third, "days": 1830}
    cases = {
        "status, 5000 stays, 3660-day window": {
            "action": "status", **rule, "stays": most, "on": str(last)
        },
        "next entry, 5000 stays, 1830 days wanted": {
            "action": "next_entry", **rule, "stays": most, "from": after, "days": 1830
        },
        "timeline, 5000 stays": {
            "action": "timeline", **rule, "stays": most, "egov_submitted": str(last)
        },
        "days abroad, 5000 trips over 300 years": {
            "action": "abroad", "permit_issued": "1900-01-01", "on": "2199-12-31", "trips": most
        },
        "working days, 2500 from 2150-01-01": {
            "action": "workdays", "from": "2150-01-01", "add": 2500
        },
        "calendar export of 3 next-entry searches, 2500 stays each": {
            "action": "ics",
            "requests": [{**search, "from": str(last_third + timedelta(days=1))}] * 3,
        },
    }  # fmt: skip
    print(f"{'request':<60} {'chars':>8} {'slowest of 3':>14}")
    for name, request in cases.items():
        seconds, size, ok = slowest(request)
        print(f"{name:<60} {size:>8,} {seconds * 1000:>11.0f} ms{'' if ok else '  (refused)'}")
    cli_cases()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
