"""Browser benchmark: the calculator page against a bare page that only boots the same Pyodide.

One run (``make bench``, or ``python benchmarks/browser.py [--runs N] [--no-write]``):

1. builds the site (``mkdocs build --strict``) into a temporary folder and adds a bare page
   (``bench-bare/``: load ``pyodide.mjs`` from the same vendored folder, ``runPython("1+1")``, show
   the answer; main thread, nothing else);
2. serves it on 127.0.0.1 and drives Debian Chromium with Playwright (fresh profile per run);
3. measures navigation -> first result in the DOM, as the page itself records it
   (``performance.now()`` when the result is rendered: no polling error), cold (new profile) and
   warm (second visit in the same profile, after the service worker and the memory snapshot are
   stored), bare and calculator alternating, plus the bytes each visit took, counted at the
   server (``server.bytes_sent`` of kb.serve: the service worker's downloads count, cache hits
   do not; the cold calculator visit is counted until its service worker and snapshot are done);
4. measures the engine wheel + rules.json and every guide page's weight (raw and gzip) and
   checks that guide pages load no Pyodide;
5. writes the table into the "Browser" section of benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import gzip
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kb.serve import make_server, warm  # noqa: E402
from kb.site_build import CALCULATOR  # noqa: E402  (the calculator's pages in every language)
from tests.e2e.conftest import ARGS, CHROMIUM  # noqa: E402  (one set of launch flags)

FRAGMENT = "#nationality=NL&stay=2025-04-01..2025-05-10&stay=2025-05-17..&on=2025-06-01"
TIMEOUT_MS = 90_000
BARE_HTML = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bare Pyodide</title>
<script type="module" src="bare.js"></script></head><body><p id="out">booting</p></body></html>
"""
BARE_JS = """import { loadPyodide } from "../assets/calculator/vendor/pyodide-VERSION/pyodide.mjs";
const py = await loadPyodide({ indexURL: new URL("../assets/calculator/vendor/pyodide-VERSION/", import.meta.url).href });
const out = document.getElementById("out");
out.textContent = String(py.runPython("1 + 1"));
document.body.dataset.firstResultMs = String(Math.round(performance.now()));
"""


def build_site(out: Path) -> str:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(out)],
        cwd=ROOT,
        env=env,
        check=True,
    )
    vendor = next((out / "assets" / "calculator" / "vendor").glob("pyodide-*"))
    version = vendor.name.removeprefix("pyodide-")
    bare = out / "bench-bare"
    bare.mkdir()
    (bare / "index.html").write_text(BARE_HTML, encoding="utf-8")
    (bare / "bare.js").write_text(BARE_JS.replace("VERSION", version), encoding="utf-8")
    return version


class Meter:
    """Body bytes the server sent since the last ``take()`` (what a static host would bill)."""

    def __init__(self, server: Any) -> None:
        self.server = server
        self.mark = server.bytes_sent

    def take(self) -> int:
        now = self.server.bytes_sent
        taken, self.mark = now - self.mark, now
        return taken


def first_result(page: Any, url: str, selector: str, attribute_on: str) -> int:
    page.goto(url)
    page.wait_for_selector(selector, timeout=TIMEOUT_MS)
    deadline = time.monotonic() + TIMEOUT_MS / 1000
    while time.monotonic() < deadline:
        value = page.get_attribute(attribute_on, "data-first-result-ms")
        if value:
            return int(value)
        time.sleep(0.01)
    raise TimeoutError(url)


PHASES = (  # (label, from mark, to mark) of the worker's boot marks (data-boot-phases)
    ("page to worker running", "nav", "start"),
    ("import pyodide.mjs", "start", "pyodide_mjs"),
    ("loadPyodide", "pyodide_mjs", "python"),
    ("unpack the engine wheel", "python", "wheel"),
    ("import the engine, load rules.json", "wheel", "ready"),
    ("first answer and render", "ready", "result"),
)


def boot_phases(page: Any, result_ms: int) -> dict[str, int]:
    """The cold calculator's boot, split at the worker's marks (ms since navigation)."""
    raw = page.get_attribute("#kzcalc", "data-boot-phases") or ""
    marks = {
        "nav": 0,
        "result": result_ms,
        **{k: int(v) for k, v in (p.split("=") for p in raw.split())},
    }
    return {label: marks[end] - marks[start] for label, start, end in PHASES}


def measure(browser: Any, base: str, runs: int, server: Any) -> dict[str, Any]:
    calc_url = f"{base}/calculator/{FRAGMENT}"
    bare_url = f"{base}/bench-bare/"
    out: dict[str, list[int]] = {
        k: [] for k in ("bare_cold", "bare_warm", "cold", "warm", "bytes_cold", "bytes_warm")
    }
    out["bytes_bare"] = []
    for _ in range(runs):
        context = browser.new_context()
        meter = Meter(server)
        page = context.new_page()
        out["bare_cold"].append(first_result(page, bare_url, "body[data-first-result-ms]", "body"))
        out["bytes_bare"].append(meter.take())
        out["bare_warm"].append(first_result(page, bare_url, "body[data-first-result-ms]", "body"))
        context.close()

        context = browser.new_context()
        meter = Meter(server)
        page = context.new_page()
        out["cold"].append(first_result(page, calc_url, "#kzcalc[data-first-result-ms]", "#kzcalc"))
        for label, ms in boot_phases(page, out["cold"][-1]).items():
            out.setdefault(label, []).append(ms)
        page.wait_for_selector("#kzcalc[data-offline=ready]", timeout=TIMEOUT_MS)
        page.wait_for_selector("#kzcalc[data-snapshot]", timeout=TIMEOUT_MS)
        time.sleep(1.0)  # let the service worker finish its pre-cache downloads
        out["bytes_cold"].append(meter.take())
        page.goto("about:blank")
        out["warm"].append(first_result(page, calc_url, "#kzcalc[data-first-result-ms]", "#kzcalc"))
        assert page.get_attribute("#kzcalc", "data-boot") == "snapshot", (
            "warm visit did not restore"
        )
        out["bytes_warm"].append(meter.take())
        context.close()
    return {k: int(statistics.median(v)) for k, v in out.items()}


def guide_pages(site: Path) -> list[str]:
    """Site-relative URLs of the guide pages in every language (``""``, ``guide/``, ``ru/``,
    ``ru/guide/`` …): every page but the calculator's (``calculator/``, ``ru/calculator/``) and the
    bare page, by the same rule as the guide's service worker (``kb.site_build.CALCULATOR``)."""
    pages = (p.relative_to(site).as_posix() for p in site.rglob("index.html"))
    return sorted(p.removesuffix("index.html") for p in pages if not CALCULATOR.match(p))


def guide_weights(browser: Any, base: str, site: Path) -> dict[str, tuple[int, int, int]]:
    """Per guide page: (raw bytes, gzip bytes, Pyodide bytes)."""
    weights = {}
    for path in guide_pages(site):
        context = browser.new_context()
        page = context.new_page()
        responses: list[Any] = []
        page.on("response", lambda r, rs=responses: rs.append(r))
        page.goto(f"{base}/{path}", wait_until="networkidle")
        bodies = [r.body() for r in responses if r.status == 200]
        pyodide = sum(len(b) for r, b in zip(responses, bodies, strict=False) if "pyodide" in r.url)
        weights["/" + path] = (
            sum(len(b) for b in bodies),
            sum(len(gzip.compress(b)) for b in bodies),
            pyodide,
        )
        context.close()
    return weights


def machine(browser_version: str, load: float) -> str:
    """The machine, the browser and the load average when the benchmark started (its own runs
    load both cores, so the load read at the end says nothing about the other users)."""
    cpu = "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        found = re.search(r"model name\s*:\s*(.+)", cpuinfo.read_text())
        cpu = found.group(1).strip() if found else cpu
    return (
        f"{os.cpu_count()} CPU cores ({cpu}), {platform.system()} {platform.machine()}, "
        f"Debian Chromium {browser_version} (headless), Playwright (Python); load average "
        f"{load:.1f} at the start (the machine is shared: compare the ratios)"
    )


def kb(n: int) -> str:
    return f"{n / 1024:,.1f} KB" if n < 1024 * 1024 else f"{n / 1024 / 1024:,.2f} MB"


def report(r: dict[str, Any], sizes: tuple[int, int], weights: dict[str, Any], where: str) -> str:
    cold_ratio = r["cold"] / r["bare_cold"]
    warm_ratio = r["warm"] / r["cold"]
    bytes_ratio = r["bytes_cold"] / r["bytes_bare"]
    wheel, rules = sizes
    heaviest = max(weights.items(), key=lambda kv: kv[1][0])
    heaviest_gz = max(weights.items(), key=lambda kv: kv[1][1])
    no_pyodide = all(w[2] == 0 for w in weights.values())

    def met(ok: bool) -> str:
        return "met" if ok else "**not met**"

    lines = [
        "## Browser",
        "",
        "`python benchmarks/browser.py` (`make bench`): builds the site into a temporary folder, serves",
        "it on 127.0.0.1 and drives Debian Chromium. Times are from navigation start to the first",
        "result in the DOM, as each page records it (`performance.now()`), medians of",
        f"{r['runs']} alternating runs (bare, calculator, bare, …), each in a fresh browser profile.",
        "Bytes are body bytes counted at the server (`kb.serve`, gzip as static hosts send it), so",
        "the service worker's downloads count; the cold calculator visit is counted until its",
        "service worker is installed and the snapshot for the next visit is stored.",
        f"Run of {date.today().isoformat()} on {where}.",
        "",
        "| page | cold | warm (second visit) | bytes sent, cold | bytes sent, warm |",
        "|---|---|---|---|---|",
        f"| bare page: boot the same Pyodide, `1 + 1` | {r['bare_cold']} ms | {r['bare_warm']} ms "
        f"| {kb(r['bytes_bare'])} | |",
        f"| **calculator** (`/calculator/` + fragment, status result) | **{r['cold']} ms** "
        f"| **{r['warm']} ms** | {kb(r['bytes_cold'])} | {kb(r['bytes_warm'])} |",
        "",
        f"- first-visit bytes / bare boot bytes = **{bytes_ratio:.2f}** "
        f"(target ≤ 1.10: {met(bytes_ratio <= 1.10)})",
        f"- cold / bare boot = **{cold_ratio:.2f}** (target ≤ 1.10: {met(cold_ratio <= 1.10)})",
        f"- warm / cold = **{warm_ratio:.2f}** (target ≤ 0.25: {met(warm_ratio <= 0.25)})",
        f"- engine wheel {kb(wheel)} + rules.json {kb(rules)} = **{kb(wheel + rules)}** "
        f"(target ≤ 150 KB: {met(wheel + rules <= 150 * 1024)})",
        f"- guide pages ({len(weights)}): heaviest {heaviest[0]} {kb(heaviest[1][0])} raw, "
        f"heaviest gzip {heaviest_gz[0]} {kb(heaviest_gz[1][1])}; Pyodide bytes on guide pages: "
        f"{'0' if no_pyodide else 'NOT 0'} (target ≤ 400 KB and 0 bytes: raw "
        f"{met(heaviest[1][0] <= 400 * 1024)}, gzip {met(heaviest_gz[1][1] <= 400 * 1024)})",
        "",
        "Where the cold calculator's time goes (medians, split at the worker's marks; the bare",
        "page spends nearly all of its time in `loadPyodide` too):",
        "",
        "| phase | ms |",
        "|---|---|",
        *[f"| {label} | {r[label]} |" for label, _, _ in PHASES],
        "",
        "| guide page | raw | gzip |",
        "|---|---|---|",
        *[f"| `{p}` | {kb(w[0])} | {kb(w[1])} |" for p, w in weights.items()],
        "",
        "How the first visit stays close to a bare boot: `boot.js` (async, first in `<head>`) starts",
        "the worker before the page is parsed; the worker starts the `pyodide.mjs` import, the",
        "snapshot lookup and the wheel and rules.json downloads together, and the browser unzips the",
        "wheel (`DecompressionStream`) while Python boots, so after `loadPyodide` only writing its",
        "files, importing the engine and loading the rules remain. Before the first answer the engine",
        "imports only what the visa-free modes need (the other modes' modules on first use; English",
        "without `gettext`), and the page's first request waits in the worker, answered as soon as",
        'Python is ready (no round trip after "ready"). Python boots plainly (no `_makeSnapshot`,',
        "which is slower); after the first answer the service worker (`/calculator/sw.js`)",
        "pre-caches the build's files (answered by the HTTP cache: versioned files are `immutable`)",
        "and a second worker boots Python with `_makeSnapshot`, imports every engine module and keeps",
        "`makeMemorySnapshot()` in Cache Storage (keyed by the Pyodide version and the build key).",
        "The next visit restores it (`_loadSnapshot`) instead of booting Python and falls back to a",
        "plain boot on any error. The raw guide-page weight is dominated by mkdocs-material's CSS",
        "and JS (raw is the decoded size; `kb.serve` sends gzip).",
        "",
    ]
    return "\n".join(lines)


def write_section(text: str) -> None:
    readme = ROOT / "benchmarks" / "README.md"
    current = readme.read_text(encoding="utf-8") if readme.exists() else "# Benchmarks\n"
    pattern = re.compile(r"^## Browser\n.*?(?=^## |\Z)", re.S | re.M)
    if pattern.search(current):
        updated = pattern.sub(lambda _: text, current)
    else:
        updated = current.rstrip("\n") + "\n\n" + text
    readme.write_text(updated, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-write", action="store_true", help="print, do not edit the README")
    args = parser.parse_args()
    load = os.getloadavg()[0]  # before the build and the browser add their own
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        build_site(site)
        build = next((site / "assets" / "calculator" / "build").iterdir())
        sizes = (
            next(build.glob("*.whl")).stat().st_size,
            (build / "rules.json").stat().st_size,
        )
        server = make_server(site, 0)
        server.verbose = False  # type: ignore[attr-defined]
        warm(site)  # compress the .wasm once, as a host's edge cache would have it
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}"
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
                results = {**measure(browser, base, args.runs, server), "runs": args.runs}
                weights = guide_weights(browser, base, site)
                where = machine(browser.version, load)
                browser.close()
        finally:
            server.shutdown()
            server.server_close()
    text = report(results, sizes, weights, where)
    print(text)
    if not args.no_write:
        write_section(text)


if __name__ == "__main__":
    main()
