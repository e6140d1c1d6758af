"""What the build fits to a site in two languages: a not-found page per language
(kb/site_build.py), no sitemap-fetching hreflang links in <head> (kb/page_language.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from tests.site_build import build_site

pytestmark = pytest.mark.site
ROOT = Path(__file__).resolve().parents[2]
PUBLIC = "https://example.org/kz-dnr/"
SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML = "http://www.w3.org/1999/xhtml"


def test_each_language_keeps_its_not_found_page(built_site: Path) -> None:
    """The last language built used to overwrite 404.html: English readers got a Russian page."""
    english = (built_site / "404.html").read_text(encoding="utf-8")
    russian = (built_site / "ru" / "404.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in english and '<html lang="ru"' in russian
    assert "<h1>Page not found</h1>" in english and "<h1>Страница не найдена</h1>" in russian
    assert "404 - Not found" not in english + russian


def test_pages_carry_the_switcher_but_no_hreflang_head_links(built_site: Path) -> None:
    for rel in ("guide/index.html", "ru/guide/index.html", "index.html"):
        html = (built_site / rel).read_text(encoding="utf-8")
        head = html.split("</head>", 1)[0]
        assert "hreflang" not in head, rel
        assert 'class="md-select__link"' in html and 'hreflang="ru"' in html, rel


@pytest.fixture(scope="module")
def published_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built for a public address (``KB_SITE_URL``), as a host would publish it."""
    return build_site(tmp_path_factory.mktemp("published"), KB_SITE_URL=PUBLIC)


def test_the_sitemap_pairs_every_page_with_its_twin(published_site: Path) -> None:
    """Search engines learn the language pairs from the sitemap (absolute hreflang links)."""
    sitemap = ET.parse(published_site / "sitemap.xml").getroot()
    urls = sitemap.findall(f"{{{SITEMAP}}}url")
    assert len(urls) >= 20
    for url in urls:
        loc = url.findtext(f"{{{SITEMAP}}}loc") or ""
        pairs = {
            link.get("hreflang"): link.get("href") for link in url.findall(f"{{{XHTML}}}link")
        }
        english = pairs.get("en") or ""
        assert pairs.get("ru") == english.replace(PUBLIC, PUBLIC + "ru/", 1), loc
        assert loc in pairs.values()
    guide = (published_site / "ru" / "guide" / "index.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{PUBLIC}ru/guide/">' in guide
