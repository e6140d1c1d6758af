"""benchmarks/browser.py weighs the guide pages of every language and checks they load no Pyodide:
its list must leave out the calculator in every language (``ru/calculator/`` is 26 MB of Pyodide)."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.browser import guide_pages

pytestmark = pytest.mark.site


def test_the_calculator_of_every_language_is_not_a_guide_page(tmp_path: Path) -> None:
    for page in (
        "",
        "guide/",
        "calculator/",
        "ru/",
        "ru/guide/",
        "ru/calculator/",
        "kk/calculator/",
        "bench-bare/",
        "bench-bare-restore/",
        "bench-bare-worker/",
        "calculator-notes/",
    ):
        (tmp_path / page).mkdir(parents=True, exist_ok=True)
        (tmp_path / page / "index.html").write_text("<html></html>", encoding="utf-8")
    assert guide_pages(tmp_path) == ["", "calculator-notes/", "guide/", "ru/", "ru/guide/"]


def test_the_built_sites_guide_pages_are_both_languages_without_the_calculator(
    built_site: Path,
) -> None:
    pages = guide_pages(built_site)
    assert not [p for p in pages if "calculator" in p], pages
    english = [p for p in pages if not p.startswith("ru/")]
    assert [p for p in pages if p.startswith("ru/")] == ["ru/" + p for p in english]
    assert {"", "guide/", "changes/"} <= set(english)
