"""Provenance in the schema: the fields every fact carries (sources, verified, confidence, change
notes) and the rules for sources (a page a reader can open, one source per page, a date or
``undated``) and for change notes (dated, sourced, on a record that has a place on the site)."""

from __future__ import annotations

import difflib
from typing import Any

from kzdata.load import InvalidDate
from kzdata.schema_types import (
    ANCHOR_KINDS,
    CONFIDENCE,
    Check,
    Field,
    Spec,
    checked_date,
    date,
    fail,
    ident,
    ids,
    list_of,
    mapping_of,
    one_of,
    text,
    url,
)
from kzdata.schema_urls import listing_page


def deep_url(value: Any) -> str | None:
    """A web address of the page itself: a site's home page proves nothing a reader can check."""
    problem = url(value)
    if problem:
        return problem
    rest = value.split("://", 1)[1]
    path = rest.split("/", 1)[1] if "/" in rest else ""
    if not path.strip("/?#"):
        return (
            "is a site's home page; link the page that states the fact "
            "(the article, the law, the service page)"
        )
    listing = listing_page(path)
    if listing:
        return f"is {listing}, not the page that states the fact; link the article itself"
    return None


def date_or_undated(value: Any) -> str | None:
    """A publication date, or the word ``undated`` when the page shows none."""
    if value == "undated":
        return None
    problem = date(value)
    if problem is None or isinstance(value, InvalidDate):  # 2023-02-30: say so
        return problem
    return "is not a date (write it as YYYY-MM-DD, or undated when the page shows none)"


def change_notes(value: Any) -> str | None:
    """Dated change notes: ``[{date, what, sources}]``, each saying what changed and on what basis."""
    if not isinstance(value, list) or not value:
        return "must list at least one change note (date, what, sources)"
    for position, note in enumerate(value, start=1):
        if not isinstance(note, dict):
            return f"has a note #{position} that is not a mapping of date, what and sources"
        for name in note:
            if name not in CHANGE_FIELDS and name not in OPTIONAL_CHANGE_FIELDS:
                return (
                    f"has a note #{position} with an unknown field '{name}'; "
                    "known: date, what, sources, effective"
                )
        for name, check in {**CHANGE_FIELDS, **OPTIONAL_CHANGE_FIELDS}.items():
            if name not in note:
                if name in OPTIONAL_CHANGE_FIELDS:
                    continue
                return f"has a note #{position} without '{name}'"
            problem = check(note[name])
            if problem:
                return f"has a note #{position} whose '{name}' {problem}"
    return None


CHANGE_FIELDS: dict[str, Check] = {
    "date": date,
    "what": text,
    "sources": list_of(ident, non_empty=True),
}
# ``effective``: the day the rule itself changed, when it differs from ``date`` (the day the site did)
OPTIONAL_CHANGE_FIELDS: dict[str, Check] = {"effective": date}

PROVENANCE: Spec = {
    "confidence": Field(one_of(*CONFIDENCE), required=False),
    "sources": ids("sources", required=True, non_empty=True),
    "verified": Field(checked_date),
    "note": Field(text, required=False),
    "changes": Field(change_notes, required=False),
    # where on each cited page the fact stands: {source id: a heading or passage, in our words}
    "where": Field(mapping_of(ident, text), required=False),
}


def citation_places(records: dict[str, list[Any]]) -> None:
    """Every citation says where on the page the fact stands: ``where`` has one entry for each
    id in ``sources`` and none for a source the record does not cite."""
    for file, recs in records.items():
        for _kind, label, record, spec in recs:
            if "where" not in spec or not isinstance(record, dict) or not record.get("sources"):
                continue
            where = record.get("where")
            if where is None:
                raise fail(
                    file,
                    label,
                    "'where' is missing: say where on each cited page the fact stands "
                    "(where: {source id: the heading or passage, in your words})",
                )
            for source in record["sources"]:
                if source not in where:
                    raise fail(
                        file,
                        label,
                        f"'where' does not say where the fact stands on source '{source}'",
                    )
            for source in where:
                if source not in record["sources"]:
                    raise fail(
                        file,
                        label,
                        f"'where' names source '{source}', which this record does not cite in 'sources'",
                    )


# Record kinds whose change notes can be shown: each has its own place (anchor) on the site.
# (besides the page-anchor kinds of kzdata.schema_types.ANCHOR_KINDS)
OTHER_CHANGE_KINDS = ("aspect", "group", "pilot", "source", "deadline", "development")


def change_links(records: dict[str, list[Any]], found: dict[str, set[str]]) -> None:
    """Change notes sit on records with a place on the site and cite sources that exist."""
    change_kinds = (*ANCHOR_KINDS, *OTHER_CHANGE_KINDS)
    known = found.get("source", set())
    for file, recs in records.items():
        for kind, label, record, _spec in recs:
            notes = record.get("changes") if isinstance(record, dict) else None
            if not notes:
                continue
            if kind not in change_kinds:
                raise fail(
                    file,
                    label,
                    "'changes' can only be on records shown in their own place on the site "
                    f"({', '.join(change_kinds)})",
                )
            for position, note in enumerate(notes, start=1):
                for source in note["sources"]:
                    if source not in known:
                        close = difflib.get_close_matches(source, sorted(known), n=1)
                        hint = f" (did you mean '{close[0]}'?)" if close else ""
                        raise fail(
                            file,
                            label,
                            f"change note #{position} names source '{source}', which is not in "
                            f"data/sources.yaml{hint}",
                        )
    pilot = next((r for k, _l, r, _s in records.get("site", []) if k == "pilot"), None)
    for line in (pilot or {}).get("since", []):
        for source in line["sources"]:
            if source not in known:
                raise fail(
                    "site",
                    "pilot",
                    f"'since' names source '{source}', which is not in data/sources.yaml",
                )


def _same_page(address: str) -> str:
    """``https://www.x.kz/a/`` and ``http://x.kz/a`` are the same page for a reader."""
    rest = address.split("://", 1)[-1].removeprefix("www.")
    return rest.rstrip("/").lower()


def source_links(sources: list[dict[str, Any]]) -> None:
    """Two sources never share a page: one page is one source, cited by every record it supports."""
    seen: dict[str, str] = {}
    for source in sources:
        page = _same_page(source["url"])
        if page in seen:
            raise fail(
                "sources",
                f"source '{source['id']}'",
                f"'url' is the same page as source '{seen[page]}'; cite that source instead",
            )
        seen[page] = source["id"]
