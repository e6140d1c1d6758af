"""Engine benchmark: the visa-free engine against the brute-force oracle, and the CLI on a big CSV.

Run from the repository root::

    python benchmarks/engine.py            # full run (about a minute, mostly the oracle)
    python benchmarks/engine.py --quick    # 100 days instead of ten years, for a smoke test

1. 1,000 random stays (seeded) over ten years; ``status`` (days used, days left, overstay and the
   latest legal exit) for every day of those ten years, by the engine and by the oracle in
   ``tests/oracle.py``. Both must agree on every day; the ratio oracle time / engine time is
   printed (target: at least 20).
2. A 5,000-stay CSV (columns ``entry,exit``) through
   ``python -m calculator status --on D --nationality NL --stays-file F.csv`` as a subprocess
   (target: well under a second, Python start-up included).

The numbers go into ``benchmarks/README.md`` by hand.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from calculator.core.stays import Stay, StayIndex, validate_stays  # noqa: E402
from calculator.rules.rulebook import RuleBook  # noqa: E402
from calculator.visa_free.status import status  # noqa: E402
from kzdata.export import rules_dict  # noqa: E402
from tests import oracle  # noqa: E402

SEED = 20250601
NATIONALITY = "NL"


def random_stays(rng: random.Random, count: int, first: date, days: int) -> list[Stay]:
    """``count`` non-overlapping closed stays inside ``[first, first + days)``.

    2 × ``count`` distinct days are drawn and paired in order: (1st, 2nd), (3rd, 4th), … so every
    stay ends before the next one starts.
    """
    cuts = sorted(rng.sample(range(days), 2 * count))
    return [
        Stay(first + timedelta(days=cuts[i]), first + timedelta(days=cuts[i + 1]))
        for i in range(0, len(cuts), 2)
    ]


def engine_vs_oracle(book: RuleBook, quick: bool) -> dict[str, float]:
    rng = random.Random(SEED)
    first = date(2023, 1, 1)
    last = date(2032, 12, 31)
    span = (last - first).days + 1
    stays = validate_stays(random_stays(rng, 1000, first, span))
    as_tuples = [(s.entry, s.exit) for s in stays]
    rule = book.resolve_rule(nationality=NATIONALITY)
    days = [first + timedelta(days=i) for i in range(100 if quick else span)]
    present = sum(1 for day in days if oracle.current_stay(as_tuples, day) is not None)
    print(
        f"{len(stays)} stays from {stays[0].entry} to {stays[-1].exit}, rule {rule.id}; "
        f"status on {len(days)} days ({present} of them in the country)"
    )

    started = time.perf_counter()
    index = StayIndex(stays, rule.counting_from)  # built once, as a caller asking many days would
    ours = [status(index, rule, day) for day in days]
    engine_seconds = time.perf_counter() - started

    started = time.perf_counter()
    theirs = [oracle.status(as_tuples, rule, day) for day in days]
    oracle_seconds = time.perf_counter() - started

    # The same answers with everything a user sees: the explanation, the window and the dates
    # days come back, as the bridge and the CLI produce them (to_dict).
    started = time.perf_counter()
    for day in days:
        status(index, rule, day).to_dict()
    explained_seconds = time.perf_counter() - started

    # A caller that passes the plain list each time: the index is rebuilt per call (O(n)).
    started = time.perf_counter()
    from_list = [status(stays, rule, day) for day in days]
    list_seconds = time.perf_counter() - started

    fields = ("window_start", "days_used", "days_left", "overstay_days", "latest_exit")
    wrong = [
        (day, f"{name}{' (list)' if cut is got else ''}", getattr(got, name), getattr(want, name))
        for day, full, cut, want in zip(days, ours, from_list, theirs, strict=True)
        for got in (full, cut)
        for name in fields
        if getattr(got, name) != getattr(want, name)
    ]
    for day, name, got, want in wrong[:10]:
        print(f"  DISAGREE on {day}: {name} engine={got} oracle={want}")
    print(f"  agreement: {'all days' if not wrong else f'{len(wrong)} field(s) differ'}")
    ratio = oracle_seconds / engine_seconds
    print(
        f"  engine: {engine_seconds:.3f} s ({engine_seconds / len(days) * 1e6:.0f} µs per status)"
    )
    print(
        f"  oracle: {oracle_seconds:.3f} s ({oracle_seconds / len(days) * 1e6:.0f} µs per status)"
    )
    print(f"  ratio oracle/engine: {ratio:.1f}× (target ≥ 20×)")
    for label, seconds in (
        ("with explanation, window and days back (to_dict)", explained_seconds),
        ("from a plain list each call (index rebuilt, O(n))", list_seconds),
    ):
        print(
            f"  engine {label}: {seconds:.3f} s ({seconds / len(days) * 1e6:.0f} µs per status), "
            f"ratio {oracle_seconds / seconds:.1f}×"
        )
    return {
        "engine": engine_seconds,
        "oracle": oracle_seconds,
        "ratio": ratio,
        "explained": explained_seconds,
        "list": list_seconds,
        "wrong": len(wrong),
    }


def time_cli(stays: list[Stay], on: date, folder: Path, runs: int) -> tuple[list[float], str]:
    """Write ``stays`` to a CSV and time ``python -m calculator status`` on it ``runs`` times."""
    path = folder / f"stays-{len(stays)}.csv"
    with path.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["entry", "exit"])
        writer.writerows([s.entry.isoformat(), s.exit.isoformat() if s.exit else ""] for s in stays)
    command = [sys.executable, "-m", "calculator", "--json", "status", "--on", on.isoformat()]
    command += ["--nationality", NATIONALITY, "--stays-file", str(path)]
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        result = subprocess.run(
            command, cwd=ROOT, capture_output=True, text=True, check=False, timeout=120
        )
        times.append(time.perf_counter() - started)
        if result.returncode != 0:
            last = (result.stderr.strip().splitlines() or ["(no output)"])[-1]
            raise CliMissing(f"exit {result.returncode}: {last}")
    return times, result.stdout


class CliMissing(Exception):
    pass


def cli_big_csv(runs: int = 5) -> dict[str, float] | None:
    rng = random.Random(SEED + 1)
    stays = random_stays(rng, 5000, date(1990, 1, 1), 365 * 40)
    on = stays[-1].exit
    assert on is not None
    try:
        with tempfile.TemporaryDirectory() as folder:
            big, output = time_cli(stays, on, Path(folder), runs)
            small, _ = time_cli(stays[-1:], on, Path(folder), runs)
    except (CliMissing, OSError, subprocess.SubprocessError) as error:
        print(f"5,000-stay CSV through the CLI: CLI not available ({error})")
        return None
    answer = json.loads(output)
    keys = ("days_used", "days_left", "overstay_days", "latest_exit")
    print(f"5,000 stays ({stays[0].entry} to {on}) through the CLI, status --on {on}:")
    print(f"  answer: {', '.join(f'{k}={answer.get(k)}' for k in keys)}")
    print(
        f"  wall clock, median of {runs} runs: {statistics.median(big):.3f} s "
        f"(best {min(big):.3f} s); the same command with 1 stay: {statistics.median(small):.3f} s"
    )
    return {"median": statistics.median(big), "one_stay": statistics.median(small)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="100 days instead of ten years")
    args = parser.parse_args()
    print(
        f"Python {platform.python_version()} ({platform.python_implementation()}), "
        f"{os.cpu_count()} CPU(s), {platform.system()} {platform.machine()}"
    )
    book = RuleBook.from_dict(rules_dict())
    result = engine_vs_oracle(book, args.quick)
    cli_big_csv()
    return 1 if result["wrong"] else 0


if __name__ == "__main__":
    sys.exit(main())
