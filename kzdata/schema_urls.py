"""Addresses that list other pages (date archives, news indexes, a section's front page): a
source's ``url`` must be the page that states the fact, and a reader who opens a listing does not
find it there. Used by :func:`kzdata.schema_provenance.deep_url`."""

from __future__ import annotations

import re

# Pages that list other pages: a reader who opens them does not find the fact.
LISTING_PAGES = (
    (re.compile(r"(^|/)\d{4}-\d{2}-\d{2}/?$"), "a date archive (the list of one day's articles)"),
    (
        re.compile(r"(^|/)\d{4}/\d{2}(/\d{2})?/?$"),
        "a date archive (the list of one month's articles)",
    ),
    (
        re.compile(r"(^|/)(news|novosti|articles|blog|press|category|tag|tags|page)/?$", re.I),
        "a news or article index",
    ),
)
LANGUAGE_SEGMENTS = {"en", "ru", "kk", "kz", "kaz", "rus", "eng"}


def listing_page(path: str) -> str | None:
    """What kind of listing ``path`` (after the host) is: a date archive, a news index, or a
    section's front page (one section name with a trailing slash, such as ``/migration-law/``)."""
    path = re.split(r"[?#]", path, maxsplit=1)[0]
    for pattern, kind in LISTING_PAGES:
        if pattern.search(path):
            return kind
    segments = [s for s in path.split("/") if s and s.lower() not in LANGUAGE_SEGMENTS]
    if len(segments) == 1 and path.endswith("/"):
        return "a section's front page (the list of its articles)"
    return None
