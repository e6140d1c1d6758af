"""Page weight per language: each English guide page against its Russian twin, as sent.

``python benchmarks/languages.py [--site DIR] [--no-write]`` builds the site (``mkdocs build
--strict``, both languages, timed) unless given a built one, serves it gzipped with
:mod:`kb.serve` (as static hosts do), loads every page in Debian Chromium with a fresh profile and
sums the gzip size of everything the page fetched (HTML, CSS, JS; the search index only loads on
the first query) and of the HTML alone, and counts, at the server, every byte of the first visit
until the service worker has stored the language's pages (and the search index) for offline
reading. Then, in a browser without the service worker, it searches once and counts what the first
query downloaded (the language's index and the search worker's files).
Writes the table into the "Languages" section of benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import gzip
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kb.serve import serving  # noqa: E402
from tests.e2e.conftest import ARGS, CHROMIUM  # noqa: E402

PAGES = [
    "",
    "guide/",
    "documents/",
    "checklists/",
    "pitfalls/",
    "after-the-permit/",
    "case/",
    "routes/",
    "glossary/",
    "sources/",
]
README = ROOT / "benchmarks" / "README.md"


def build(out: Path) -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(out)],
        cwd=ROOT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        check=True,
    )
    return time.perf_counter() - start


Weights = tuple[int, int, int, int]


def weigh(browser: Any, server: Any, base: str, path: str) -> Weights:
    """Gzip bytes: (HTML, everything the page fetched, the whole first visit with the offline
    pages as the server sent it, the first search without a service worker)."""
    context = browser.new_context()
    page = context.new_page()
    responses: list[Any] = []
    page.on("response", lambda r: responses.append(r))
    start = server.bytes_sent
    page.goto(f"{base}/{path}", wait_until="networkidle")
    bodies = [(r.url, r.body()) for r in responses if r.status == 200]
    page.wait_for_selector("html[data-offline=ready]", timeout=60_000)
    visit = server.bytes_sent - start
    context.close()
    html = next(len(gzip.compress(b)) for url, b in bodies if url == f"{base}/{path}")
    return (
        html,
        sum(len(gzip.compress(b)) for _url, b in bodies),
        visit,
        first_search(browser, server, base, path),
    )


def first_search(browser: Any, server: Any, base: str, path: str) -> int:
    """Bytes the first query downloads. The offline pages include the search index (issue 18), so
    with the service worker the first query costs nothing more; this is measured without one
    (``service_workers="block"``), as for a visitor who searches before the offline pages are in."""
    context = browser.new_context(service_workers="block")
    page = context.new_page()
    page.goto(f"{base}/{path}", wait_until="networkidle")
    start = server.bytes_sent
    box = page.locator("input[data-md-component=search-query]")
    box.click()
    box.press_sequentially("ЦОН")
    box.press("End")
    page.locator(".md-search-result__item").first.wait_for(timeout=30_000)
    page.wait_for_load_state("networkidle")
    searched = server.bytes_sent - start
    context.close()
    return searched


def measure(site: Path) -> list[tuple[str, Weights, Weights]]:
    from playwright.sync_api import sync_playwright

    with serving(site) as server, sync_playwright() as p:
        base = f"http://127.0.0.1:{server.server_address[1]}"
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        rows = [
            (
                path,
                weigh(browser, server, base, path),
                weigh(browser, server, base, "ru/" + path),
            )
            for path in PAGES
        ]
        browser.close()
    return rows


def report(rows: list[Any], seconds: float | None) -> str:
    kb = lambda n: f"{n / 1024:.1f} KB"  # noqa: E731
    lines = [
        "| page | HTML en | HTML ru | ru/en | page en | page ru | ru/en "
        "| visit + offline en | visit + offline ru | ru/en | first search en | first search ru |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for path, en, ru in rows:
        cells = []
        for i in range(3):
            cells += [kb(en[i]), kb(ru[i]), f"{ru[i] / en[i]:.2f}"]
        cells += [kb(en[3]), kb(ru[3])]
        lines.append(f"| `/{path}` | " + " | ".join(cells) + " |")
    if seconds is not None:
        lines.append(f"\n`mkdocs build --strict` (English + Russian): {seconds:.1f} s.")
    return "\n".join(lines) + "\n"


MARKER = "<!-- benchmarks/languages.py writes below -->\n"


def write(text: str) -> None:
    """Replace what follows the marker in the "Languages" section (the prose above it stays)."""
    readme = README.read_text(encoding="utf-8")
    if MARKER not in readme:
        readme = readme.rstrip("\n") + "\n\n## Languages\n\n" + MARKER
    head, _, rest = readme.partition(MARKER)
    after = re.search(r"\n## ", rest)
    tail = rest[after.start() :] if after else ""
    README.write_text(head + MARKER + text + tail, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build one)")
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        site, seconds = (args.site, None) if args.site else (Path(tmp), build(Path(tmp)))
        text = report(measure(site), seconds)
    print(text)
    if not args.no_write:
        write(text)


if __name__ == "__main__":
    main()
