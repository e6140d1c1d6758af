"""The "What changed" page and /feed.xml: valid Atom (read by feedparser and checked against the
Atom namespace), newest first, every entry linking to an anchor that exists in the built site."""

from __future__ import annotations

import datetime
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import feedparser
import pytest

from kb.changes import collect
from kb.content import Content, load_content
from kb.feed_build import feed_xml
from tests.site.html_index import read_site

pytestmark = pytest.mark.site
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def content() -> Content:
    return load_content()


@pytest.fixture(scope="module")
def feed(built_site: Path) -> feedparser.FeedParserDict:
    parsed = feedparser.parse((built_site / "feed.xml").read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    return parsed


def test_the_feed_is_atom_with_id_title_updated_and_author(feed: feedparser.FeedParserDict) -> None:
    assert feed.version == "atom10"
    assert feed.feed.id.startswith("urn:uuid:")
    assert feed.feed.title and feed.feed.updated and feed.feed.author
    assert any(link.rel == "self" and link.href.endswith("feed.xml") for link in feed.feed.links)


def test_the_feed_uses_the_atom_namespace_strictly(built_site: Path) -> None:
    root = ET.parse(built_site / "feed.xml").getroot()
    assert root.tag == f"{ATOM}feed"
    for child in root:
        assert child.tag.startswith(ATOM), child.tag
    for entry in root.iter(f"{ATOM}entry"):
        for name in ("id", "title", "updated", "link", "summary"):
            assert entry.find(f"{ATOM}{name}") is not None, name


def test_every_change_note_is_an_entry_newest_first(
    feed: feedparser.FeedParserDict, content: Content
) -> None:
    changes = collect(content)
    assert len(changes) >= 10  # seeded with the corrections of the 2026-11-26 re-check
    assert len(feed.entries) == len(changes)
    days = [datetime.date.fromisoformat(entry.updated[:10]) for entry in feed.entries]
    assert days == sorted(days, reverse=True)
    assert feed.feed.updated[:10] == days[0].isoformat()
    assert len({entry.id for entry in feed.entries}) == len(feed.entries)


def test_every_entry_links_to_an_anchor_that_exists(
    feed: feedparser.FeedParserDict, built_site: Path
) -> None:
    pages = read_site(built_site)
    for entry in feed.entries:
        # links are relative to the feed when the build has no public address (KB_SITE_URL)
        parts = urlsplit(urljoin("https://site.invalid/feed.xml", entry.link))
        assert parts.fragment, entry.link
        assert parts.fragment in pages[parts.path.lstrip("/")].ids, entry.link


def test_links_are_relative_without_a_site_address(content: Content) -> None:
    root = ET.fromstring(feed_xml(content, ""))
    hrefs = [link.get("href") for link in root.iter(f"{ATOM}link")]
    assert "feed.xml" in hrefs and "changes/" in hrefs
    assert "guide/#check_pilot_status" in hrefs
    assert "./#pilot_status" in hrefs  # the home page, relative to /feed.xml
    assert not any("://" in (href or "") for href in hrefs)


def test_links_are_absolute_with_a_site_address(content: Content) -> None:
    root = ET.fromstring(feed_xml(content, "https://example.org/kz/"))
    entries = [e.find(f"{ATOM}link").get("href") for e in root.iter(f"{ATOM}entry")]
    assert "https://example.org/kz/pitfalls/#b8_visa_needs_mutual_agreement" in entries


def test_the_changes_page_lists_every_change_newest_first(
    built_site: Path, content: Content
) -> None:
    html = (built_site / "changes" / "index.html").read_text(encoding="utf-8")
    for change in collect(content):
        page = "../" if change.page == "index.md" else "../" + change.page[:-3] + "/"
        assert f'href="{page}#{change.anchor}"' in html, change.url
    assert 'href="../feed.xml"' in html
