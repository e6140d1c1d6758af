"""Guide pages and the calculator under the site's CSP: theme features work, no inline script is
blocked, accessibility (axe-core) has no serious or critical findings in either palette, and guide
pages load none of the calculator's runtime."""

from __future__ import annotations

import gzip
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import BOOT_MS, RESULT, Recorder

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
GUIDE_LIMIT = 400 * 1024  # bytes, gzip
NL = "#nationality=NL&stay=2025-04-01..2025-05-10&stay=2025-05-17..&on=2025-06-01"


def guide_pages(site: Path) -> list[str]:
    """Every page but those that run the engine (the calculator's and the personal plan's), in
    every language (``guide/``, ``ru/guide/`` …)."""
    pages = sorted(p.relative_to(site).parent.as_posix() for p in site.rglob("index.html"))
    calculator = ("calculator", "ru/calculator", "plan", "ru/plan")
    return [("" if p == "." else p + "/") for p in pages if not p.startswith(calculator)]


def test_guide_pages_load_no_pyodide_and_stay_light(
    make_context: Any, site_url: str, built_site: Path, recorder: Recorder
) -> None:
    context = make_context()
    page = context.new_page()
    weights: dict[str, int] = {}
    responses: list[Any] = []
    page.on("response", lambda r: responses.append(r))
    for path in guide_pages(built_site):
        responses.clear()
        page.goto(f"{site_url}/{path}", wait_until="networkidle")
        urls = [r.url for r in responses]
        assert not [u for u in urls if "pyodide" in u or "/assets/calculator/" in u], path
        # what a host that compresses (as every static host does) sends; raw sizes are in the
        # benchmark (benchmarks/browser.py), where the search index dominates
        weights[path] = sum(len(gzip.compress(r.body())) for r in responses if r.status == 200)
    heavy = {p: w for p, w in weights.items() if w > GUIDE_LIMIT}
    assert not heavy, f"guide pages over {GUIDE_LIMIT} bytes: {heavy}"
    assert not recorder.csp_violations(), recorder.csp_violations()


@pytest.mark.parametrize("path", ["", "calculator/"])
def test_palette_toggle_and_search_work_under_the_csp(
    page: Any, site_url: str, path: str, recorder: Recorder
) -> None:
    page.goto(f"{site_url}/{path}{NL if path else ''}")
    if path:
        page.wait_for_selector(RESULT, timeout=BOOT_MS)
    body = page.locator("body")
    before = body.get_attribute("data-md-color-scheme")
    page.locator("form[data-md-component=palette] label:not([hidden])").first.click()
    expect(body).not_to_have_attribute("data-md-color-scheme", before or "")
    page.reload()  # the choice is kept (md-globals.js: __md_get/__md_set)
    expect(body).not_to_have_attribute("data-md-color-scheme", before or "")
    page.click("input[data-md-component=search-query]")
    page.locator("input[data-md-component=search-query]").press_sequentially("calculator")
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=15_000)
    assert not recorder.csp_violations(), recorder.csp_violations()
    assert not [m for m in recorder.console if m.startswith("pageerror")], recorder.console


def axe_findings(page: Any) -> list[str]:
    # Colours are judged once they have settled: a button's hover colour fading out is not a finding.
    page.evaluate(
        "() => Promise.all(document.getAnimations()"
        ".filter(a => a.effect && a.effect.getTiming().iterations !== Infinity)"
        ".map(a => a.finished.catch(() => null)))"
    )
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "async () => (await axe.run(document, {runOnly: "
        "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']})).violations"
        ".map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' '))}))"
    )
    return [
        f"{v['id']} ({v['impact']}): {v['nodes'][:3]}"
        for v in result
        if v["impact"] in ("serious", "critical")
    ]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_has_no_serious_findings(
    make_context: Any, site_url: str, built_site: Path, scheme: str
) -> None:
    # axe is injected as an inline script, which the site's CSP rightly blocks: bypass it here only.
    context = make_context(bypass_csp=True, color_scheme=scheme)
    page = context.new_page()
    page.goto(f"{site_url}/calculator/{NL}")
    page.wait_for_selector(RESULT, timeout=BOOT_MS)
    findings = {"calculator/": axe_findings(page)}
    for mode, fragment in [
        ("validity", "#mode=validity&document=police_certificate&issued=2025-06-18"),
        ("workdays", "#mode=workdays&from=2025-01-02&add=3"),
        ("error", "#mode=plan&limit=90&window=180&stay=2025-04-01..2025-02-30&enter=2025-06-01"),
    ]:
        page.goto(f"{site_url}/calculator/{fragment}")  # same page: the link is read again
        page.wait_for_selector(
            f"[data-testid=result-{mode}], [data-testid=calc-error]", timeout=BOOT_MS
        )
        findings[f"calculator/ ({mode})"] = axe_findings(page)
    for path in guide_pages(built_site):
        page.goto(f"{site_url}/{path}")
        findings[path] = axe_findings(page)
    bad = {p: f for p, f in findings.items() if f}
    assert not bad, bad


@pytest.mark.parametrize("path", ["guide/", "ru/guide/", "changes/"])
def test_a_page_view_makes_no_failed_request(page: Any, site_url: str, path: str) -> None:
    """Nothing fetched in vain: no sitemap next to a feed or language link, no missing file."""
    failed: list[str] = []
    page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
    page.on("requestfailed", lambda r: failed.append(r.url))
    page.goto(f"{site_url}/{path}", wait_until="networkidle")
    assert failed == []
