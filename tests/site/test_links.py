"""Every internal link and anchor in the built site resolves; nothing is fetched from elsewhere."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from tests.site.html_index import read_site

pytestmark = pytest.mark.site
BASE = "http://site.invalid/"


@pytest.fixture(scope="module")
def pages(built_site: Path) -> dict:
    return read_site(built_site)


def _target(page_url: str, href: str) -> tuple[str, str] | None:
    """(page url, fragment) of an internal link, or None for other origins and schemes."""
    absolute = urljoin(BASE + page_url, href)
    parts = urlsplit(absolute)
    if f"{parts.scheme}://{parts.netloc}/" != BASE:
        return None
    path = parts.path[1:]
    return path, parts.fragment


def test_every_internal_link_and_anchor_resolves(built_site: Path, pages: dict) -> None:
    broken = []
    checked = 0
    for url, page in pages.items():
        if url == "404.html":
            continue  # served for missing pages at any depth: its links are site-absolute
        for href in page.links:
            target = _target(url, href)
            if target is None:
                continue
            path, fragment = target
            checked += 1
            file = built_site / path
            if path == "" or path.endswith("/"):
                file = file / "index.html"
            if not file.is_file():
                broken.append(f"{url}: {href} (no file {path})")
                continue
            if (
                not fragment or "=" in fragment
            ):  # calculator state such as #mode=status, not an anchor
                continue
            target_page = pages.get(path) or pages.get(path.removesuffix("index.html"))
            if target_page is not None and fragment not in target_page.ids:
                broken.append(f"{url}: {href} (no element with id '{fragment}')")
    assert checked > 500
    assert not broken, "broken links:\n" + "\n".join(broken)


def test_no_page_fetches_from_another_origin(pages: dict) -> None:
    foreign = []
    for url, page in pages.items():
        for value in page.fetches:
            for candidate in value.split(","):
                candidate = candidate.strip().split(" ")[0]
                if re.match(r"^(https?:)?//", candidate):
                    foreign.append(f"{url}: {candidate}")
    assert not foreign, "requests to other origins:\n" + "\n".join(foreign)


def test_site_stylesheets_fetch_nothing_from_elsewhere(built_site: Path) -> None:
    for css in built_site.rglob("*.css"):
        text = css.read_text(encoding="utf-8", errors="replace")
        assert not re.search(r"url\(\s*['\"]?(https?:)?//", text), css
        assert not re.search(r"@import\s+(url\()?\s*['\"]?(https?:)?//", text), css


def test_links_to_sources_are_plain_links(pages: dict) -> None:
    """Sources are reached through <a href> only (links are fine: they are not requests)."""
    external = [href for href in pages["sources/"].links if href.startswith("http")]
    assert len(external) > 60
