"""The line under each page's title: when the page was last reviewed (the oldest ``verified``
date among the records it shows) and, when the build sets ``KB_REPORT_URL``, a link to report a
problem with the page.

The report address is a template: ``{page}`` is replaced by the page's address (URL-encoded);
without ``{page}`` the address is added as a ``page=`` query parameter. The link is built with the
page's public address (``KB_SITE_URL``) or its path; ``docs/assets/site/report.js`` puts the
reader's actual address and the nearest anchor above the window into it when it is clicked (the
line stays in view under the header while the page scrolls, so clicking never moves the page).
Nothing is requested from the report address before the reader clicks.
"""

from __future__ import annotations

import datetime
import os
import re
from typing import Any
from urllib.parse import quote

from kb import html
from kb.content import Content

# Which kinds of record each page shows (src path without the language suffix). ``None``: every
# record of the data (the sources page cites them all).
PAGE_KINDS: dict[str, tuple[str, ...] | None] = {
    "index.md": ("pilot", "stage", "step"),
    "guide.md": ("step", "deadline", "fee", "MCI year", "rate year", "pilot"),
    "documents.md": ("document", "deadline"),
    "checklists.md": ("document",),
    "pitfalls.md": ("pitfall",),
    "after-the-permit.md": ("step", "deadline"),
    "calculator/index.md": (
        "stay rule",
        "group",
        "deadline",
        "holiday",
        "lunar holiday",
        "transfer",
        "official year",
        "carry_over",
    ),
    "case.md": ("event",),
    "routes.md": ("route", "aspect", "development"),
    "glossary.md": ("term",),
    "sources.md": None,
    "changes.md": None,
    "open-questions.md": None,
}


def page_key(src_uri: str) -> str:
    """``guide.ru.md`` -> ``guide.md`` (the language suffix of mkdocs-static-i18n)."""
    return re.sub(r"\.[a-z]{2}\.md$", ".md", src_uri)


def reviewed(content: Content, src_uri: str) -> datetime.date | None:
    """The oldest ``verified`` date among the records the page shows (``None``: no records)."""
    from kzdata.schema import records_of

    key = page_key(src_uri)
    if key not in PAGE_KINDS:
        return None
    kinds = PAGE_KINDS[key]
    dates = []
    for records in records_of(content.data).values():
        for kind, _label, record, _spec in records:
            if not isinstance(record, dict) or "verified" not in record:
                continue
            if key == "changes.md" and not record.get("changes"):
                continue
            if key == "open-questions.md" and record.get("confidence") not in (
                "single",
                "conflict",
                "unverified",
            ):
                continue
            if kinds is None or kind in kinds:
                dates.append(record["verified"])
    return min(dates) if dates else None


def report_href(template: str, address: str) -> str:
    """The report link for ``address`` (the same rule as report.js)."""
    value = quote(address, safe="")
    if "{page}" in template:
        return template.replace("{page}", value)
    return template + ("&" if "?" in template else "?") + "page=" + value


def report_template() -> str:
    return os.environ.get("KB_REPORT_URL", "").strip()


def header(content: Content, page: Any, site_url: str) -> str:
    """The HTML line for ``page`` (an MkDocs page), or ``""`` when it shows no dated record and no
    report address is set."""
    _ = content.lang._
    date = reviewed(content, page.file.src_uri)
    label = _("Last reviewed: {date}").format(date=content.lang.date(date)) if date else ""
    template = report_template()
    href = ""
    if template:
        address = (site_url.rstrip("/") + "/" if site_url else "/") + (page.url or "")
        href = report_href(template, address)
    if not label and not href:
        return ""
    return html.page_meta(label, _("Report a problem with this page"), href, template)


def insert_after_title(markdown: str, line: str) -> str:
    """Put ``line`` right after the page's first ``# `` heading (at the top when there is none)."""
    if not line:
        return markdown
    match = re.search(r"^# .*$", markdown, flags=re.MULTILINE)
    if not match:
        return f"{line}\n\n{markdown}"
    end = match.end()
    return f"{markdown[:end]}\n\n{line}\n{markdown[end:]}"
