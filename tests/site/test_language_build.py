"""What the build fits to a site in two languages: a not-found page per language
(kb/site_build.py), no sitemap-fetching hreflang links in <head> (kb/page_language.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.site


def test_each_language_keeps_its_not_found_page(built_site: Path) -> None:
    """The last language built used to overwrite 404.html: English readers got a Russian page."""
    english = (built_site / "404.html").read_text(encoding="utf-8")
    russian = (built_site / "ru" / "404.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in english and '<html lang="ru"' in russian


def test_pages_carry_the_switcher_but_no_hreflang_head_links(built_site: Path) -> None:
    for rel in ("guide/index.html", "ru/guide/index.html", "index.html"):
        html = (built_site / rel).read_text(encoding="utf-8")
        head = html.split("</head>", 1)[0]
        assert "hreflang" not in head, rel
        assert 'class="md-select__link"' in html and 'hreflang="ru"' in html, rel
