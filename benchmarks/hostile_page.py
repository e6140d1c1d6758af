"""The calculator page opened from a link at and over the stay bound: how long the main thread
is blocked. ``python benchmarks/hostile_page.py [SITE]`` (needs Debian Chromium); SITE defaults
to a fresh ``mkdocs build`` in a temporary folder.

Each link is opened in a fresh browser profile; a ``PerformanceObserver`` for ``longtask``
entries (tasks of 50 ms or more on the main thread) is installed before the page's scripts run,
and the numbers are taken once the page shows a result or a refusal: the longest task and the
sum of all long tasks, from navigation start. Medians of three runs.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kb.serve import serving  # noqa: E402

OBSERVE = """
window.__long = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) window.__long.push(e.duration);
}).observe({ type: "longtask", buffered: true });
"""
DONE = ".kzcalc-result, [data-testid=calc-error], [data-testid=link-note], [data-state=failed]"


def link(count: int) -> str:
    days = [date(1990, 1, 1) + timedelta(days=2 * i) for i in range(count)]
    stays = "&".join(f"stay={d}..{d}" for d in days)
    return f"#mode=status&nationality=NL&on=2025-06-01&{stays}"


def measure(browser, url: str, runs: int = 3) -> tuple[float, float, float, str]:
    longest, total, shown = [], [], []
    outcome = ""
    for _ in range(runs):
        context = browser.new_context()
        page = context.new_page()
        page.add_init_script(OBSERVE)
        page.goto(url, wait_until="domcontentloaded", timeout=120_000)
        page.wait_for_selector(DONE, timeout=120_000)
        page.wait_for_timeout(300)  # let a task in progress end and be reported
        durations = page.evaluate("window.__long")
        shown.append(page.evaluate("performance.now()"))
        outcome = page.locator(DONE).first.inner_text()[:90].replace("\n", " ")
        longest.append(max(durations, default=0))
        total.append(sum(durations))
        context.close()
    return statistics.median(longest), statistics.median(total), statistics.median(shown), outcome


def main() -> int:
    site = Path(sys.argv[1]) if len(sys.argv) > 1 else None
    if site is None:
        site = Path(tempfile.mkdtemp()) / "site"
        subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--quiet", "-d", str(site)],
            cwd=ROOT,
            check=True,
        )
    with serving(site) as server, sync_playwright() as p:
        base = f"http://127.0.0.1:{server.server_port}/calculator/"
        print(f"{'link':<28} {'longest task':>13} {'long tasks':>11} {'answer at':>10}  outcome")
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        for count in (1, 5000, 10_000):
            longest, total, shown, outcome = measure(browser, base + link(count))
            print(
                f"{count:>6,} stays{'':<16} {longest:>10.0f} ms {total:>8.0f} ms {shown:>7.0f} ms  {outcome}"
            )
        browser.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
