"""MkDocs hook: write ``feed.xml``, the change notes of ``data/`` as an Atom feed (RFC 4287).

Entries are newest first and link to the changed record's anchor (``guide/#register_address``).
Links are absolute when a public site address is known (``KB_SITE_URL``, else ``site_url`` in
mkdocs.yml) and relative to the feed otherwise. Entry ids are ``urn:uuid`` values derived from the
note itself, so they stay the same from build to build.
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
from kzdata.load import DATA_DIR

ATOM = "http://www.w3.org/2005/Atom"
NAMESPACE = uuid.UUID("6f1d3c1e-5b1a-4f7e-9a55-2d9e0c3b7a10")  # this site's feed; never change
TITLE = "Kazakhstan Digital Nomad Residency: what changed"
AUTHOR = "Kazakhstan Digital Nomad Residency guide"


def site_base(config: Any) -> str:
    """The public address of the site ending in ``/``, or ``""`` when none is configured."""
    base = os.environ.get("KB_SITE_URL") or (config.get("site_url") if config else "") or ""
    return base if not base or base.endswith("/") else base + "/"


def _stamp(day: datetime.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def _entry(feed: ET.Element, change: Change, base: str, content: Content) -> None:
    entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
    ET.SubElement(entry, f"{{{ATOM}}}id").text = f"urn:uuid:{uuid.uuid5(NAMESPACE, change.key)}"
    ET.SubElement(entry, f"{{{ATOM}}}title").text = change.title
    ET.SubElement(entry, f"{{{ATOM}}}updated").text = _stamp(change.date)
    href = base + change.url if base or not change.url.startswith("#") else "./" + change.url
    ET.SubElement(entry, f"{{{ATOM}}}link", rel="alternate", type="text/html", href=href)
    sources = "; ".join(
        f"{content.sources[s]['title']} ({content.sources[s]['url']})" for s in change.sources
    )
    ET.SubElement(entry, f"{{{ATOM}}}summary").text = f"{change.what} Sources: {sources}."


def feed_xml(content: Content, base: str) -> bytes:
    """The Atom document for every change note in ``content``."""
    ET.register_namespace("", ATOM)
    changes = collect(content)
    feed = ET.Element(f"{{{ATOM}}}feed")
    ET.SubElement(feed, f"{{{ATOM}}}id").text = f"urn:uuid:{uuid.uuid5(NAMESPACE, 'feed')}"
    ET.SubElement(feed, f"{{{ATOM}}}title").text = TITLE
    newest = changes[0].date if changes else content.today
    ET.SubElement(feed, f"{{{ATOM}}}updated").text = _stamp(newest)
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    ET.SubElement(author, f"{{{ATOM}}}name").text = AUTHOR
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="self", href=base + "feed.xml")
    ET.SubElement(
        feed, f"{{{ATOM}}}link", rel="alternate", type="text/html", href=base + "changes/"
    )
    for change in changes:
        _entry(feed, change, base, content)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)


def on_post_build(config: Any, **_kwargs: Any) -> None:
    content = load_content(Path(os.environ.get("KB_DATA_DIR", DATA_DIR)), build_date())
    Path(config["site_dir"], "feed.xml").write_bytes(feed_xml(content, site_base(config)))
