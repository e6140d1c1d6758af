"""MkDocs hook: one Atom feed (RFC 4287) of the change notes of ``data/`` per language.

English is ``/feed.xml``, every other language ``/<lang>/feed.xml`` (``/ru/feed.xml``), written
while mkdocs-static-i18n builds that language. A language's feed has the same entries as its
``/<lang>/changes/`` page, from the same path: ``load_content(lang=…)`` (the data with the text
of ``data/i18n/<lang>/``) and :func:`kb.changes.collect`; the feed's own words (title, author,
"Sources") are msgids of the kb catalog. Entries are newest first and link to the record's
anchor in the feed's language (``guide/#register_address``, ``ru/guide/#register_address``);
dates stay ISO 8601. Links are absolute when a public site address is known (``KB_SITE_URL``,
else ``site_url`` in mkdocs.yml) and relative to the feed otherwise.

Ids are ``urn:uuid`` values derived from the English note (:attr:`Change.key`), so they stay the
same from build to build and do not change when only a translation is edited. Another language's
feed and entries get ids of their own (the language is part of the name hashed): in Atom an id
names one entry, and a translated entry is a different entry, not a copy of the English one. A
reader who follows both feeds (or an aggregator that merges them) would otherwise keep only one of
the two as "the same entry" and drop the other, or show it as an update of the first.

``on_config`` also puts the language's feed address and title into ``config.extra.feed``, for
``overrides/main.html`` to link the feed from the ``<head>`` of every page of that language.
"""

from __future__ import annotations

import datetime
import os
import uuid
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

from kb.changes import Change, collect
from kb.content import Content, load_content
from kb.freshness import build_date
from kb.i18n import DEFAULT, build_language, site_prefix
from kb.i18n.language import Language
from kb.render_common import N_
from kzdata.load import DATA_DIR

ATOM = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
NAMESPACE = uuid.UUID("6f1d3c1e-5b1a-4f7e-9a55-2d9e0c3b7a10")  # this site's feed; never change
FEED = "feed.xml"
TEXT = {  # the feed's own words (msgids of the kb catalog)
    "title": N_("Kazakhstan Digital Nomad Residency: what changed"),
    "author": N_("Kazakhstan Digital Nomad Residency guide"),
    "summary": N_("{what} Sources: {sources}."),
}


def site_base(config: Any) -> str:
    """The public address of the site ending in ``/``, or ``""`` when none is configured."""
    base = os.environ.get("KB_SITE_URL") or (config.get("site_url") if config else "") or ""
    return base if not base or base.endswith("/") else base + "/"


def _id(lang: str, name: str) -> str:
    """The Atom id of the feed (``name="feed"``) or of an entry (``name=Change.key``)."""
    hashed = name if lang == DEFAULT else f"{lang}/{name}"  # English ids predate the languages
    return f"urn:uuid:{uuid.uuid5(NAMESPACE, hashed)}"


def _stamp(day: datetime.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def _entry(feed: ET.Element, change: Change, key: str, base: str, content: Content) -> None:
    entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
    ET.SubElement(entry, f"{{{ATOM}}}id").text = _id(content.lang.code, key)
    ET.SubElement(entry, f"{{{ATOM}}}title").text = change.title
    ET.SubElement(entry, f"{{{ATOM}}}updated").text = _stamp(change.date)
    href = base + change.url if base or not change.url.startswith("#") else "./" + change.url
    ET.SubElement(entry, f"{{{ATOM}}}link", rel="alternate", type="text/html", href=href)
    sources = "; ".join(
        f"{content.sources[s]['title']} ({content.sources[s]['url']})" for s in change.sources
    )
    summary = content.lang.pick(TEXT, "summary").format(what=change.what, sources=sources)
    ET.SubElement(entry, f"{{{ATOM}}}summary").text = summary


def keys(content: Content, english: Content | None) -> list[str]:
    """The English identity of each of ``content``'s notes, in :func:`collect` order (translations
    change only text, so both languages list the same notes in the same order)."""
    ours = collect(content)
    theirs = collect(english) if english is not None else ours
    if [(c.kind, c.record_id, c.date) for c in ours] != [
        (c.kind, c.record_id, c.date) for c in theirs
    ]:
        raise ValueError(f"the change notes in {content.lang.code!r} differ from the English ones")
    return [change.key for change in theirs]


def feed_xml(content: Content, base: str, english: Content | None = None) -> bytes:
    """The Atom document for every change note in ``content``, in its language. ``base`` is the
    site's public address or ``""``; ``english`` (needed for another language) gives the ids."""
    ET.register_namespace("", ATOM)
    lang = content.lang
    site = base + site_prefix(lang.code) if base else ""
    changes = collect(content)
    feed = ET.Element(f"{{{ATOM}}}feed", {XML_LANG: lang.code})
    ET.SubElement(feed, f"{{{ATOM}}}id").text = _id(lang.code, "feed")
    ET.SubElement(feed, f"{{{ATOM}}}title").text = lang.pick(TEXT, "title")
    newest = changes[0].date if changes else content.today
    ET.SubElement(feed, f"{{{ATOM}}}updated").text = _stamp(newest)
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    ET.SubElement(author, f"{{{ATOM}}}name").text = lang.pick(TEXT, "author")
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="self", href=site + FEED)
    ET.SubElement(
        feed, f"{{{ATOM}}}link", rel="alternate", type="text/html", href=site + "changes/"
    )
    for change, key in zip(changes, keys(content, english), strict=True):
        _entry(feed, change, key, site, content)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)


def on_config(config: Any, **_kwargs: Any) -> Any:
    lang = build_language(config)
    title = Language(lang).pick(TEXT, "title")
    config.extra["feed"] = {"path": site_prefix(lang) + FEED, "title": title}
    return config


def on_post_build(config: Any, **_kwargs: Any) -> None:
    lang = build_language(config)
    data_dir = Path(os.environ.get("KB_DATA_DIR", DATA_DIR))
    content = load_content(data_dir, build_date(), lang=lang)
    english = load_content(data_dir, build_date()) if lang != DEFAULT else None
    path = Path(config["site_dir"], site_prefix(lang), FEED)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(feed_xml(content, site_base(config), english))
