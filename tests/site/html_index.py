"""Read the built site: the ids on every page and every URL a page references."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

# Tags and attributes that make the browser fetch something.
FETCHING = {
    ("script", "src"),
    ("img", "src"),
    ("img", "srcset"),
    ("source", "src"),
    ("source", "srcset"),
    ("iframe", "src"),
    ("audio", "src"),
    ("video", "src"),
    ("video", "poster"),
    ("embed", "src"),
    ("object", "data"),
    ("input", "src"),
}
FETCHING_LINK_RELS = {
    "stylesheet",
    "preload",
    "modulepreload",
    "prefetch",
    "icon",
    "manifest",
    "apple-touch-icon",
    "preconnect",
    "dns-prefetch",
}


@dataclass
class Page:
    path: Path
    ids: set[str] = field(default_factory=set)
    links: list[str] = field(default_factory=list)  # <a href>
    fetches: list[str] = field(default_factory=list)  # URLs the browser would request
    headings: list[int] = field(default_factory=list)  # heading levels inside the article


class _Parser(HTMLParser):
    def __init__(self, page: Page) -> None:
        super().__init__(convert_charrefs=True)
        self.page = page
        self.in_article = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if "id" in values:
            self.page.ids.add(values["id"])
        if tag == "a" and "name" in values:
            self.page.ids.add(values["name"])
        if tag == "a" and "href" in values:
            self.page.links.append(values["href"])
        for name, value in values.items():
            if (tag, name) in FETCHING:
                self.page.fetches.append(value)
        if tag == "link" and set(values.get("rel", "").split()) & FETCHING_LINK_RELS:
            self.page.fetches.append(values.get("href", ""))
        if tag == "article":
            self.in_article += 1
        if self.in_article and len(tag) == 2 and tag[0] == "h" and tag[1].isdigit():
            self.page.headings.append(int(tag[1]))

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self.in_article -= 1


def read_site(root: Path) -> dict[str, Page]:
    """Pages by their URL path relative to the site root (``guide/``, ``""`` for the home page)."""
    pages = {}
    for path in sorted(root.rglob("*.html")):
        relative = path.relative_to(root).as_posix()
        url = relative[: -len("index.html")] if relative.endswith("index.html") else relative
        page = Page(path)
        _Parser(page).feed(path.read_text(encoding="utf-8"))
        pages[url] = page
    return pages


def section(html: str, anchor: str) -> str:
    """The HTML from the element with ``id=anchor`` to the next heading of any level."""
    start = html.index(f'id="{anchor}"')
    ends = [html.find(f"<h{level}", start + 1) for level in range(1, 5)]
    ends = [end for end in ends if end != -1]
    return html[start : min(ends) if ends else len(html)]


def text_of(html: str) -> str:
    """Visible text of an HTML fragment (tags removed, so abbreviations do not split words)."""
    import html as htmllib
    import re

    return htmllib.unescape(re.sub(r"<[^>]+>", "", html))
