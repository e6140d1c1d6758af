"""The "What changed" pages and their feeds, /feed.xml and /ru/feed.xml: valid Atom (read by
feedparser and checked against the Atom namespace), newest first, every entry linking to an anchor
that exists in the built site in the feed's language; every page links its own language's feed."""

from __future__ import annotations

import copy
import datetime
import re
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
def ru_content() -> Content:
    return load_content(lang="ru")


def parse(path: Path) -> feedparser.FeedParserDict:
    parsed = feedparser.parse(path.read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    return parsed


@pytest.fixture(scope="module")
def feed(built_site: Path) -> feedparser.FeedParserDict:
    return parse(built_site / "feed.xml")


@pytest.fixture(scope="module")
def ru_feed(built_site: Path) -> feedparser.FeedParserDict:
    return parse(built_site / "ru" / "feed.xml")


def ids(xml: bytes) -> list[str]:
    root = ET.fromstring(xml)
    return [e.findtext(f"{ATOM}id") or "" for e in [root, *root.iter(f"{ATOM}entry")]]


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


@pytest.mark.parametrize("where", ["", "ru/"])
def test_every_entry_links_to_an_anchor_that_exists(built_site: Path, where: str) -> None:
    pages = read_site(built_site)
    entries = parse(built_site / where / "feed.xml").entries
    for entry in entries:
        # links are relative to the feed when the build has no public address (KB_SITE_URL)
        parts = urlsplit(urljoin(f"https://site.invalid/{where}feed.xml", entry.link))
        assert parts.fragment, entry.link
        assert parts.path.startswith(f"/{where}"), entry.link  # the feed's own language
        assert parts.fragment in pages[parts.path.lstrip("/")].ids, entry.link
    if where:  # the Russian pages are the ones the Russian feed leads to
        assert all(urljoin(f"/{where}feed.xml", e.link).startswith("/ru/") for e in entries)


def test_the_russian_feed_has_the_same_entries_in_russian(
    feed: feedparser.FeedParserDict, ru_feed: feedparser.FeedParserDict, ru_content: Content
) -> None:
    assert ru_feed.version == "atom10"
    assert ru_feed.feed.language == "ru"
    assert len(ru_feed.entries) == len(feed.entries) == len(collect(ru_content))
    cyrillic = re.compile("[а-яё]", re.IGNORECASE)
    assert cyrillic.search(ru_feed.feed.title) and cyrillic.search(ru_feed.feed.author)
    assert any(link.rel == "self" and link.href == "feed.xml" for link in ru_feed.feed.links)
    for en, ru, change in zip(feed.entries, ru_feed.entries, collect(ru_content), strict=True):
        assert ru.updated == en.updated  # ISO dates in every language
        assert ru.link == en.link  # relative: the same path, under /ru/
        assert ru.title == change.title and cyrillic.search(ru.title), ru.title
        assert ru.summary.startswith(change.what) and "Источники: " in ru.summary, ru.summary
        assert cyrillic.search(ru.summary) and ru.summary != en.summary


def test_the_russian_feed_has_ids_of_its_own(built_site: Path) -> None:
    english = ids((built_site / "feed.xml").read_bytes())
    russian = ids((built_site / "ru" / "feed.xml").read_bytes())
    assert len(set(russian)) == len(russian) == len(english)
    assert not set(russian) & set(english)
    assert all(i.startswith("urn:uuid:") for i in russian)


def test_ids_are_stable_across_builds_and_translation_edits(
    built_site: Path, content: Content, ru_content: Content
) -> None:
    """The build's feeds against feeds made again in this process; a reworded translation of a
    note keeps its entry's id (the id comes from the English note)."""
    assert ids((built_site / "feed.xml").read_bytes()) == ids(feed_xml(content, ""))
    russian = ids((built_site / "ru" / "feed.xml").read_bytes())
    assert russian == ids(feed_xml(ru_content, "", content))
    reworded = copy.deepcopy(ru_content)
    pilot = reworded.data["site"]["pilot"]
    pilot["changes"][0]["what"] = "Другая формулировка."
    assert "Другая формулировка." in feed_xml(reworded, "", content).decode()
    assert ids(feed_xml(reworded, "", content)) == russian


@pytest.mark.parametrize(("where", "feed_title"), [("", "what changed"), ("ru/", "что изменилось")])
def test_every_page_links_its_own_languages_feed(
    built_site: Path, where: str, feed_title: str
) -> None:
    english = [p.relative_to(built_site) for p in built_site.rglob("*.html")]
    pages = [built_site / where / p for p in english if p.parts[0] not in ("ru", "assets")]
    assert len(pages) >= 13 and built_site / where / "404.html" in pages
    for page in pages:
        html = page.read_text(encoding="utf-8")
        head = html[: html.index("</head>")]
        links = re.findall(r'<link rel="alternate feed" type="application/atom\+xml"([^>]*)>', head)
        assert len(links) == 1, page
        href = re.search(r'href="([^"]+)"', links[0])
        assert href and feed_title in links[0], links[0]
        page_url = "/" + page.parent.relative_to(built_site).as_posix() + "/"
        assert urljoin(page_url.replace("//", "/"), href.group(1)) == f"/{where}feed.xml", page


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


def test_the_russian_changes_page_links_the_russian_feed(built_site: Path) -> None:
    html = (built_site / "ru" / "changes" / "index.html").read_text(encoding="utf-8")
    article = html[html.index("<article") :]
    feeds = re.findall(r'<a href="([^"]+)" type="application/atom\+xml"', article)
    assert feeds == ["../feed.xml"]  # /ru/changes/ -> /ru/feed.xml
    assert (built_site / "ru" / "feed.xml").is_file()


def test_russian_links_are_absolute_under_ru_with_a_site_address(
    content: Content, ru_content: Content
) -> None:
    root = ET.fromstring(feed_xml(ru_content, "https://example.org/kz/", content))
    hrefs = {link.get("rel"): link.get("href") for link in root.findall(f"{ATOM}link")}
    assert hrefs == {
        "self": "https://example.org/kz/ru/feed.xml",
        "alternate": "https://example.org/kz/ru/changes/",
    }
    entries = [e.find(f"{ATOM}link").get("href") for e in root.iter(f"{ATOM}entry")]
    assert "https://example.org/kz/ru/pitfalls/#b8_visa_needs_mutual_agreement" in entries
    assert "https://example.org/kz/ru/#pilot_status" in entries
