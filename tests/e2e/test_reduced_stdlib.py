"""The reduced standard library in Debian Chromium (kb/stdlib_zip.py, docs/calculator/worker.js):
the worker boots from the build's python_stdlib.zip and package-less lock file, never downloads
Pyodide's full ones, and answers every mode in English and Russian; with a module taken out of
the reduced zip, the fallback fetches the full zip and the answer still comes."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from kb.serve import serving
from tests.e2e.conftest import BOOT_MS, RESULT, Recorder
from tests.e2e.test_calculator_links import every_mode
from tests.pyodide.test_reduced_stdlib import without

pytestmark = pytest.mark.e2e

NL = "#nationality=NL&stay=2025-04-01..2025-05-10&stay=2025-05-17..&on=2025-06-01"


def stdlib_requests(requests: list[str]) -> tuple[list[str], list[str]]:
    """(the build's stdlib and lock file, Pyodide's full ones) among the requests made."""
    build = [u for u in requests if "/build/" in u and u.endswith((".zip", "lock.json"))]
    vendor = [u for u in requests if "/vendor/" in u and u.endswith(("stdlib.zip", "lock.json"))]
    return build, vendor


@pytest.mark.parametrize("path", ["calculator/", "ru/calculator/"])
def test_every_mode_from_the_reduced_stdlib(
    make_context: Any, site_url: str, recorder: Recorder, path: str
) -> None:
    page = make_context().new_page()
    page.goto(f"{site_url}/{path}")
    expect(page.locator("#calc-loading")).to_have_attribute("data-state", "ready", timeout=BOOT_MS)
    for _ in every_mode(page, site_url, path):
        assert page.locator("[data-testid=calc-error], [data-state=failed]").count() == 0
    assert page.get_attribute("#kzcalc", "data-boot") == "cold"
    build, vendor = stdlib_requests(recorder.requests)
    assert any(u.endswith("/python_stdlib.zip") for u in build), build
    assert any(u.endswith("/pyodide-lock.json") for u in build), build
    assert vendor == [], "nothing from Pyodide's full stdlib or lock file"


@pytest.fixture
def site_without_gettext(built_site: Path, tmp_path: Path) -> Iterator[str]:
    """A copy of the built site whose reduced stdlib lacks ``gettext``, served on 127.0.0.1."""
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    reduced = next(site.glob("assets/calculator/build/*/python_stdlib.zip"))
    shutil.move(without(reduced, tmp_path / "python_stdlib.zip", "gettext"), reduced)
    with serving(site) as server:
        yield f"http://127.0.0.1:{server.server_address[1]}"


def test_a_missing_module_comes_from_the_full_zip(browser: Any, site_without_gettext: str) -> None:
    """The Russian page needs gettext: without it in the reduced zip, the worker's fallback
    fetches Pyodide's full zip and the answer comes, in Russian."""
    context = browser.new_context(locale="ru-RU")
    requests: list[str] = []
    context.on("request", lambda r: requests.append(r.url))
    try:
        page = context.new_page()
        page.goto(f"{site_without_gettext}/ru/calculator/{NL}")
        page.wait_for_selector(RESULT, timeout=BOOT_MS)
        assert page.get_attribute("[data-testid=days-used]", "data-value") == "56"
        expect(page.locator(".kzcalc-window figcaption")).to_contain_text("использовано дней")
        _, vendor = stdlib_requests(requests)
        assert [u for u in vendor if u.endswith("/python_stdlib.zip")], requests
    finally:
        context.close()


@pytest.mark.parametrize(
    ("path", "caption"), [("calculator/", "56 of 90"), ("ru/calculator/", "56 из 90")]
)
def test_returning_visit_restores_the_snapshot(
    make_context: Any, site_url: str, recorder: Recorder, path: str, caption: str
) -> None:
    """The snapshot made from the reduced stdlib restores (the same zip is mounted again) and
    answers, in the page's language."""
    page = make_context().new_page()
    page.goto(f"{site_url}/{path}{NL}")
    page.wait_for_selector("#kzcalc[data-snapshot]", timeout=BOOT_MS)
    assert page.get_attribute("#kzcalc", "data-snapshot") == "saved"
    page.goto("about:blank")
    page.goto(f"{site_url}/{path}{NL}")
    page.wait_for_selector(RESULT, timeout=BOOT_MS)
    assert page.get_attribute("#kzcalc", "data-boot") == "snapshot"
    assert page.get_attribute("[data-testid=days-used]", "data-value") == "56"
    expect(page.locator(".kzcalc-window figcaption")).to_contain_text(caption)
    assert stdlib_requests(recorder.requests)[1] == []


SNAPSHOT_FILES = """async () => {
  const names = [];
  for await (const name of (await navigator.storage.getDirectory()).keys()) names.push(name);
  return names.filter((name) => name.startsWith("kzcalc-snapshot-"));
}"""


@pytest.mark.parametrize("path", ["calculator/", "ru/calculator/"])
def test_every_mode_after_a_restore_needs_no_engine_file(
    make_context: Any, site_url: str, recorder: Recorder, path: str
) -> None:
    """The snapshot is kept in the origin-private file system, one file for this build, and holds
    every engine module imported, every catalog read and the rules loaded: the returning visit
    answers every mode in the page's language without fetching the wheel or rules.json."""
    page = make_context().new_page()
    page.goto(f"{site_url}/{path}{NL}")
    page.wait_for_selector("#kzcalc[data-snapshot=saved]", timeout=BOOT_MS)
    key = page.get_attribute("#kzcalc-boot", "data-key")
    files = page.evaluate(SNAPSHOT_FILES)
    assert len(files) == 1 and key and key in files[0], files
    page.goto("about:blank")
    before = len(recorder.requests)
    page.goto(f"{site_url}/{path}")
    expect(page.locator("#calc-loading")).to_have_attribute("data-state", "ready", timeout=BOOT_MS)
    assert page.get_attribute("#kzcalc", "data-boot") == "snapshot"
    for _ in every_mode(page, site_url, path):
        assert page.locator("[data-testid=calc-error], [data-state=failed]").count() == 0
    engine = [u for u in recorder.requests[before:] if u.endswith((".whl", "/rules.json"))]
    assert engine == [], "a restore fetches neither the wheel nor rules.json"
