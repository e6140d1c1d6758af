"""Dated change notes: every record may say what changed, when, and on which sources.

:func:`collect` gathers them newest first with the place of their record (page and anchor), for
the "What changed" page and the Atom feed (:mod:`kb.feed_build`).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from kb.content import PAGES, Content
from kb.render_common import N_

# Where a record of a kind without its own page section is shown: (page, anchor pattern).
OTHER_PLACES = {
    "aspect": ("routes.md", "aspect_{id}"),
    "group": ("sources.md", "{id}"),
    "pilot": ("index.md", "pilot_status"),
    "source": ("sources.md", "source_{id}"),
    "deadline": ("sources.md", "deadline_{id}"),
    "development": ("routes.md", "{id}"),
}


@dataclass(frozen=True)
class Change:
    """One dated change note, with the place of the record it belongs to."""

    date: datetime.date
    what: str
    sources: tuple[str, ...]
    kind: str
    record_id: str
    title: str
    page: str
    anchor: str
    effective: datetime.date | None = None  # when the rule itself changed, if the note says

    @property
    def url(self) -> str:
        """Site-relative address of the record: ``guide/#register_address`` (home: ``#...``)."""
        page = "" if self.page == "index.md" else self.page.removesuffix(".md") + "/"
        return f"{page}#{self.anchor}"

    @property
    def key(self) -> str:
        """Stable identity of the note (for feed entry ids)."""
        return f"{self.kind}/{self.record_id}/{self.date.isoformat()}/{self.what}"


def place(kind: str, rid: str) -> tuple[str, str]:
    """(page, anchor) where a record is shown."""
    if kind in PAGES:
        return PAGES[kind], rid
    page, anchor = OTHER_PLACES[kind]
    return page, anchor.format(id=rid)


TITLES = {  # headings of records without a page section of their own (kb catalog msgids)
    "aspect": N_("Routes compared: {title}"),
    "group": N_("Visa-free stays: {title}"),
    "pilot": N_("Status of the pilot"),
    "source": N_("Source: {title}"),
    "deadline": N_("Period: {title}"),
    "development": N_("Development: {title}"),
}


def title_of(content: Content, kind: str, rid: str, record: dict[str, Any]) -> str:
    if kind in PAGES:
        return content.title(kind, rid)
    title = record.get("title")
    if kind == "group":  # the rule set's title, in the page's language
        rules = {r["id"]: r for r in content.data["stay_rules"]}
        title = rules[record["rule_set"]]["title"]
    return content.lang.pick(TITLES, kind).format(title=title)


# On the same day, what a reader acts on comes first; corrected source addresses come last.
KIND_ORDER = (
    "pilot",
    "step",
    "pitfall",
    "event",
    "document",
    "deadline",
    "group",
    "term",
    "stage",
    "route",
    "aspect",
    "source",
    "development",
)


def collect(content: Content) -> list[Change]:
    """Every change note of every record, newest first (same day: by ``KIND_ORDER``, then in
    data order)."""
    from kzdata.schema import records_of

    found: list[Change] = []
    for recs in records_of(content.data).values():
        for kind, _label, record, _spec in recs:
            notes = record.get("changes", []) if isinstance(record, dict) else []
            for note in notes:
                rid = str(record.get("id", kind))
                page, anchor = place(kind, rid)
                found.append(
                    Change(
                        date=note["date"],
                        what=note["what"],
                        sources=tuple(note["sources"]),
                        kind=kind,
                        record_id=rid,
                        title=title_of(content, kind, rid, record),
                        page=page,
                        anchor=anchor,
                        effective=note.get("effective"),
                    )
                )
    order = {id(change): i for i, change in enumerate(found)}
    return sorted(
        found, key=lambda c: (-c.date.toordinal(), KIND_ORDER.index(c.kind), order[id(c)])
    )
