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
import contextlib
import gzip
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kb.serve import serving, throttle, warm  # noqa: E402
from kb.site_build import CALCULATOR  # noqa: E402  (the calculator's pages in every language)
from tests.e2e.conftest import ARGS, CHROMIUM  # noqa: E402  (one set of launch flags)

FRAGMENT = "#nationality=NL&stay=2025-04-01..2025-05-10&stay=2025-05-17..&on=2025-06-01"
TIMEOUT_MS = 180_000
FULL_STDLIB = ROOT / "node_modules" / "pyodide" / "python_stdlib.zip"
BARE_HTML = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bare Pyodide</title>
<script type="module" src="bare.js"></script></head><body><p id="out">booting</p></body></html>
"""
BARE_JS = """import { loadPyodide } from "../assets/calculator/vendor/pyodide-VERSION/pyodide.mjs";
const py = await loadPyodide({ indexURL: new URL("../assets/calculator/vendor/pyodide-VERSION/", import.meta.url).href });
const out = document.getElementById("out");
out.textContent = String(py.runPython("1 + 1"));
document.body.dataset.firstResultMs = String(Math.round(performance.now()));
"""

# The floor of any Pyodide page's returning visit: a bare page that stores a memory snapshot of the
# bare boot in OPFS on its first visit and restores it on the next (no service worker: Pyodide's
# files come from the HTTP cache, the wasm with its compiled code).
BARE_RESTORE_JS = """import { loadPyodide } from "../assets/calculator/vendor/pyodide-VERSION/pyodide.mjs";
const indexURL = new URL("../assets/calculator/vendor/pyodide-VERSION/", import.meta.url).href;
const root = await navigator.storage.getDirectory();
const stored = await root.getFileHandle("bare-snapshot.bin").catch(() => null);
const bytes = stored && new Uint8Array(await (await stored.getFile()).arrayBuffer());
const py = await loadPyodide(bytes ? { indexURL, _loadSnapshot: bytes } : { indexURL, _makeSnapshot: true });
document.getElementById("out").textContent = String(py.runPython("1 + 1"));
document.body.dataset.boot = bytes ? "snapshot" : "cold";
document.body.dataset.firstResultMs = String(Math.round(performance.now()));
if (!bytes) {
  const file = await root.getFileHandle("bare-snapshot.bin", { create: true });
  const writable = await file.createWritable();
  await writable.write(py.makeMemorySnapshot());
  await writable.close();
  document.body.dataset.snapshot = "saved";
}
"""

# The same floor with Python off the page's thread, as the calculator runs it: the bare page starts
# a module Web Worker that restores its own snapshot (read from OPFS with a synchronous handle, as
# the calculator's worker reads it) and posts the answer back. Still no service worker or theme.
BARE_WORKER_PAGE_JS = """const worker = new Worker(new URL("worker.js", import.meta.url), { type: "module" });
worker.onmessage = ({ data }) => {
  if (data.saved) document.body.dataset.snapshot = "saved";
  if (!data.result) return;
  document.getElementById("out").textContent = data.result;
  document.body.dataset.boot = data.boot;
  document.body.dataset.firstResultMs = String(Math.round(performance.now()));
};
"""
BARE_WORKER_JS = """import { loadPyodide } from "../assets/calculator/vendor/pyodide-VERSION/pyodide.mjs";
const indexURL = new URL("../assets/calculator/vendor/pyodide-VERSION/", import.meta.url).href;
const root = await navigator.storage.getDirectory();
const stored = await root.getFileHandle("bare-worker-snapshot.bin").catch(() => null);
let bytes = null;
if (stored) {
  const access = await stored.createSyncAccessHandle();
  bytes = new Uint8Array(access.getSize());
  access.read(bytes, { at: 0 });
  access.close();
}
const py = await loadPyodide(bytes ? { indexURL, _loadSnapshot: bytes } : { indexURL, _makeSnapshot: true });
postMessage({ result: String(py.runPython("1 + 1")), boot: bytes ? "snapshot" : "cold" });
if (!bytes) {
  const file = await root.getFileHandle("bare-worker-snapshot.bin", { create: true });
  const writable = await file.createWritable();
  await writable.write(py.makeMemorySnapshot());
  await writable.close();
  postMessage({ saved: true });
}
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
    restore = out / "bench-bare-restore"
    restore.mkdir()
    (restore / "index.html").write_text(BARE_HTML, encoding="utf-8")
    (restore / "bare.js").write_text(BARE_RESTORE_JS.replace("VERSION", version), encoding="utf-8")
    in_worker = out / "bench-bare-worker"
    in_worker.mkdir()
    (in_worker / "index.html").write_text(BARE_HTML, encoding="utf-8")
    (in_worker / "bare.js").write_text(BARE_WORKER_PAGE_JS, encoding="utf-8")
    (in_worker / "worker.js").write_text(
        BARE_WORKER_JS.replace("VERSION", version), encoding="utf-8"
    )
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


PROFILES = {  # name: (bits per second of the one shared link, seconds before each response)
    "unthrottled": (0, 0.0),
    "phone": (10_000_000, 0.040),
}


def fresh_profile(playwright: Any, tmp: Path) -> Any:
    """A new browser with its own on-disk profile (HTTP cache, service workers, Cache Storage)."""
    folder = Path(tempfile.mkdtemp(prefix="profile-", dir=tmp))
    return playwright.chromium.launch_persistent_context(
        str(folder), executable_path=CHROMIUM, args=ARGS
    )


def calculator_visits(context: Any, url: str, meter: Meter, out: dict, label: str) -> None:
    """Cold visit (counted until the service worker and the snapshot are stored), then the
    returning visit that restores the snapshot."""
    page = context.pages[0] if context.pages else context.new_page()
    out[f"{label}_cold"].append(first_result(page, url, "#kzcalc[data-first-result-ms]", "#kzcalc"))
    if label == "after":
        for phase, ms in boot_phases(page, out[f"{label}_cold"][-1]).items():
            out.setdefault(phase, []).append(ms)
    page.wait_for_selector("#kzcalc[data-offline=ready]", timeout=TIMEOUT_MS)
    page.wait_for_selector("#kzcalc[data-snapshot]", timeout=TIMEOUT_MS)
    time.sleep(1.0)  # let the service worker finish its pre-cache downloads
    out[f"{label}_bytes_cold"].append(meter.take())
    page.goto("about:blank")
    out[f"{label}_warm"].append(first_result(page, url, "#kzcalc[data-first-result-ms]", "#kzcalc"))
    assert page.get_attribute("#kzcalc", "data-boot") == "snapshot", "warm visit did not restore"
    if label == "after":
        for phase, ms in boot_phases(page, out[f"{label}_warm"][-1]).items():
            out.setdefault(f"returning: {phase}", []).append(ms)
    out[f"{label}_bytes_warm"].append(meter.take())


def bare_restore(playwright: Any, tmp: Path, url: str) -> int:
    """The bare page's returning visit, in a fresh profile whose first visit stored the snapshot."""
    context = fresh_profile(playwright, tmp)
    page = context.pages[0] if context.pages else context.new_page()
    first_result(page, url, "body[data-first-result-ms]", "body")
    page.wait_for_selector("body[data-snapshot=saved]", timeout=TIMEOUT_MS)
    time.sleep(1.0)  # as for the calculator: the first visit's background work is over
    page.goto("about:blank")
    warm = first_result(page, url, "body[data-first-result-ms]", "body")
    assert page.get_attribute("body", "data-boot") == "snapshot", "bare warm visit did not restore"
    context.close()
    return warm


def measure(playwright: Any, servers: dict[str, Any], runs: int, tmp: Path) -> dict[str, int]:
    """Medians of ``runs`` alternating runs: bare boot, then each site's calculator (cold and
    returning), each in a fresh on-disk profile. ``servers``: label -> the server of a site."""
    out: dict[str, list[int]] = {
        "bare": [],
        "bytes_bare": [],
        "bare_warm": [],
        "bare_worker_warm": [],
    }
    sites = {label: f"http://127.0.0.1:{srv.server_address[1]}" for label, srv in servers.items()}
    for label in sites:
        for key in ("cold", "warm", "bytes_cold", "bytes_warm"):
            out[f"{label}_{key}"] = []
    first = sites["after"]
    for _ in range(runs):
        context = fresh_profile(playwright, tmp)
        meter = Meter(servers["after"])
        page = context.pages[0] if context.pages else context.new_page()
        url = f"{first}/bench-bare/"
        out["bare"].append(first_result(page, url, "body[data-first-result-ms]", "body"))
        out["bytes_bare"].append(meter.take())
        context.close()
        out["bare_warm"].append(bare_restore(playwright, tmp, f"{first}/bench-bare-restore/"))
        out["bare_worker_warm"].append(bare_restore(playwright, tmp, f"{first}/bench-bare-worker/"))
        for label, base in sites.items():
            context = fresh_profile(playwright, tmp)
            url = f"{base}/calculator/{FRAGMENT}"
            calculator_visits(context, url, Meter(servers[label]), out, label)
            context.close()
    return {k: int(statistics.median(v)) for k, v in out.items() if v}


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


def machine(browser_version: str, load: tuple[float, float, float]) -> str:
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
        f"{load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f} (1 / 5 / 15 min) at the start and "
        f"{os.getloadavg()[0]:.1f} at the end (the machine is shared: compare the ratios)"
    )


def kb(n: int) -> str:
    return f"{n / 1024:,.1f} KB" if n < 1024 * 1024 else f"{n / 1024 / 1024:,.2f} MB"


def ratios(r: dict[str, int], label: str) -> tuple[float, float, float]:
    """(first-visit bytes / bare bytes, cold / bare, returning / cold) of one site."""
    return (
        r[f"{label}_bytes_cold"] / r["bytes_bare"],
        r[f"{label}_cold"] / r["bare"],
        r[f"{label}_warm"] / r[f"{label}_cold"],
    )


TARGETS = {"unthrottled": (0.80, 1.00, 0.20), "phone": (0.80, 0.90, 0.20)}


def profile_table(name: str, r: dict[str, int], labels: list[str]) -> list[str]:
    def met(value: float, target: float) -> str:
        return f"≤ {target:.2f} " + ("met" if value <= target else "**not met**")

    bits, latency = PROFILES[name]
    network = (
        f"one shared link of {bits / 1e6:.0f} Mbit/s, {latency * 1000:.0f} ms before each response"
        if bits
        else "no throttling (127.0.0.1)"
    )
    head = "| | bare Pyodide boot | " + " | ".join(f"calculator, {x}" for x in labels) + " |"
    rows = [
        f"### {name} ({network})",
        "",
        head,
        "|---|---|" + "---|" * len(labels),
        f"| first answer, cold | {r['bare']} ms | "
        + " | ".join(f"{r[f'{x}_cold']} ms" for x in labels)
        + " |",
        f"| first answer, returning | {r['bare_warm']} ms (restores its snapshot) | "
        + " | ".join(f"{r[f'{x}_warm']} ms" for x in labels)
        + " |",
        f"| bytes sent, first visit | {kb(r['bytes_bare'])} | "
        + " | ".join(kb(r[f"{x}_bytes_cold"]) for x in labels)
        + " |",
        "| bytes sent, returning | | "
        + " | ".join(kb(r[f"{x}_bytes_warm"]) for x in labels)
        + " |",
    ]
    names = ("first-visit bytes / bare", "cold / bare", "returning / cold")
    for i, title in enumerate(names):
        cells = [f"{ratios(r, x)[i]:.2f}" for x in labels]
        cells[-1] = f"**{cells[-1]}** ({met(ratios(r, labels[-1])[i], TARGETS[name][i])})"
        rows.append(f"| {title} | | " + " | ".join(cells) + " |")
    floor = " | ".join(f"{r[f'{x}_warm'] / r['bare_warm']:.2f}" for x in labels)
    rows.append(f"| returning / bare returning (no target) | | {floor} |")
    bare_floor = r["bare_warm"] / r[f"{labels[-1]}_cold"]
    rows.append(
        f"| bare returning / calculator cold (the floor of returning / cold) | | {bare_floor:.2f} |"
    )
    worker_floor = r["bare_worker_warm"] / r[f"{labels[-1]}_cold"]
    rows.append(
        f"| the same, restored in a Web Worker ({r['bare_worker_warm']} ms) / calculator cold "
        f"(the floor with Python off the page's thread) | | {worker_floor:.2f} |"
    )
    return [*rows, ""]


def report(
    results: dict[str, dict[str, int]],
    runs: int,
    labels: list[str],
    sizes: tuple[int, int, int],
    weights: dict[str, Any],
    where: str,
) -> str:
    wheel, rules, stdlib = sizes
    after = results["unthrottled"]
    heaviest_gz = max(weights.items(), key=lambda kv: kv[1][1])
    no_pyodide = all(w[2] == 0 for w in weights.values())
    lines = [
        "## Browser",
        "",
        "`python benchmarks/browser.py` (`make bench`; `--before DIR` adds a site built earlier as",
        '"before"): builds the site into a temporary folder, serves it on 127.0.0.1 with `kb.serve`',
        "(gzip as static hosts send it, `immutable` versioned files) and drives Debian Chromium, each",
        "visit in a fresh browser profile on disk (HTTP cache, service workers, Cache Storage as a",
        "real visitor has). Times are from navigation start to the first result in the DOM, as each",
        "page records it (`performance.now()`). Medians of",
        f"{runs} alternating runs (bare, calculator before, calculator after, bare, …) per profile.",
        "Bytes are body bytes counted at the server, so the Web Worker's and the service worker's",
        "downloads count; a first visit is counted until its service worker is installed and the",
        "snapshot for the next visit is stored; the returning visit restores that snapshot.",
        "The bare page's returning visit (the floor of any Pyodide page's) is a second bare page,",
        "`bench-bare-restore/`, that stores a snapshot of the bare boot in OPFS on its first visit",
        "and restores it on the next (no service worker: its files come from the HTTP cache).",
        "`bench-bare-worker/` does the same in a module Web Worker, where the calculator runs",
        "Python (so that the page answers while Python works); it is the floor of our design.",
        "The phone profile throttles at the server (`kb.serve.throttle`), so it applies to the",
        "worker's requests as to the page's; no CPU throttling (DevTools' applies to the page only,",
        "not to the worker that boots Python, which would flatter the calculator).",
        f"Run of {date.today().isoformat()} on {where}.",
        "",
    ]
    for name, r in results.items():
        lines += profile_table(name, r, labels)
    lines += [
        f"- reduced standard library {kb(stdlib)} (Pyodide's full `python_stdlib.zip`: "
        f"{kb(FULL_STDLIB.stat().st_size)}); engine wheel {kb(wheel)}; rules.json {kb(rules)}",
        f"- guide pages ({len(weights)}): heaviest as sent (gzip) {heaviest_gz[0]} "
        f"{kb(heaviest_gz[1][1])} (target ≤ 150 KB: "
        f"{'met' if heaviest_gz[1][1] <= 150 * 1024 else '**not met**'}); Pyodide bytes on guide "
        f"pages: {'0' if no_pyodide else '**NOT 0**'}",
        "",
        "Where the calculator's time goes (unthrottled, after; medians, split at the worker's",
        "marks; the bare page spends nearly all of its time in `loadPyodide` too; a returning",
        "visit's `loadPyodide` restores the snapshot, and the wheel and rules are in it):",
        "",
        "| phase | cold, ms | returning, ms |",
        "|---|---|---|",
        *[
            f"| {label} | {after[label]} | {after.get(f'returning: {label}', '')} |"
            for label, _, _ in PHASES
            if label in after
        ],
        "",
        "| guide page | raw | gzip |",
        "|---|---|---|",
        *[f"| `{p}` | {kb(w[0])} | {kb(w[1])} |" for p, w in weights.items()],
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
    parser.add_argument("--before", type=Path, help="a site built earlier, measured as 'before'")
    parser.add_argument("--profiles", default="unthrottled,phone")
    parser.add_argument("--no-write", action="store_true", help="print, do not edit the README")
    args = parser.parse_args()
    load = os.getloadavg()  # before the build and the browser add their own
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        build_site(site)
        build = next((site / "assets" / "calculator" / "build").iterdir())
        sizes = (
            next(build.glob("*.whl")).stat().st_size,
            (build / "rules.json").stat().st_size,
            (build / "python_stdlib.zip").stat().st_size,
        )
        sites = {"before": args.before, "after": site} if args.before else {"after": site}
        results = {}
        with contextlib.ExitStack() as stack:
            servers = {}
            for label, folder in sites.items():
                warm(folder)  # compress the .wasm once, as a host's edge cache would have it
                servers[label] = stack.enter_context(serving(folder))
            with sync_playwright() as p:
                for name in args.profiles.split(","):
                    for server in servers.values():
                        throttle(server, *PROFILES[name])
                    results[name] = measure(p, servers, args.runs, Path(tmp))
                for server in servers.values():
                    throttle(server)
                browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
                base = f"http://127.0.0.1:{servers['after'].server_address[1]}"
                weights = guide_weights(browser, base, site)
                where = machine(browser.version, load)
                browser.close()
    text = report(results, args.runs, list(servers), sizes, weights, where)
    print(text)
    if not args.no_write:
        write_section(text)


if __name__ == "__main__":
    main()
