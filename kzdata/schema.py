"""The content schema: one entry point that checks every file in ``data/``.

:func:`validate` takes ``{file stem: parsed YAML}`` (what :func:`kzdata.load.load_all` returns) and
raises :class:`kzdata.errors.DataError` for the first problem, worded for a content editor:

    data/steps.yaml: step 'egov_application': 'verified' is not a date

Order of the checks: every expected file is there (and no unknown one), each record has the right
fields within their bounds, ids are unique, every reference resolves, the links between files hold,
and the rule data gives the engine what it needs (:mod:`kzdata.schema_engine`).
The record specs live in :mod:`kzdata.schema_rules` (the calculator's files) and
:mod:`kzdata.schema_content` (the guide's files); the cross-file checks in :mod:`kzdata.schema_refs`.
"""

from __future__ import annotations

from typing import Any

from kzdata.errors import DataError
from kzdata.schema_conditions import route_groups
from kzdata.schema_content import content_records
from kzdata.schema_engine import engine_links
from kzdata.schema_provenance import change_links, citation_places, source_links
from kzdata.schema_refs import alias_links, guide_links, index, resolve, rule_links
from kzdata.schema_rules import Record, rule_records
from kzdata.schema_types import check_record

RULE_FILES = ("sources", "stay_rules", "nationalities", "deadlines", "calendar")
CONTENT_FILES = (
    "steps",
    "documents",
    "pitfalls",
    "glossary",
    "fees",
    "case",
    "routes",
    "site",
    "aliases",
)
FILES = RULE_FILES + CONTENT_FILES
SECTIONS = {
    "fees": ("mci", "rate_years", "fees"),
    "routes": ("routes", "aspects"),
    "site": ("pilot", "recheck", "calendar_export", "developments"),
}
"""The top-level keys of the files that are mappings (calendar.yaml checks its own)."""


def validate(data: dict[str, Any]) -> None:
    """Raise :class:`DataError` for the first problem found in ``data``."""
    for name in sorted(set(data) - set(FILES)):
        raise DataError(
            f"data/{name}.yaml: no schema knows this file; add it to kzdata/schema.py or move it out of data/"
        )
    for name in FILES:
        if name not in data:
            raise DataError(f"data/{name}.yaml: file is missing")
        if data[name] is None and name != "aliases":
            raise DataError(f"data/{name}.yaml: file is empty")
    for name, known in SECTIONS.items():
        for key in data[name] if isinstance(data[name], dict) else ():
            if key not in known:
                raise DataError(
                    f"data/{name}.yaml: file: '{key}' is not a known section; known: {', '.join(known)}"
                )
    records = records_of(data)
    for file, recs in records.items():
        for _kind, label, record, spec in recs:
            check_record(file, label, record, spec)
    found = index(records)
    resolve(records, found)
    change_links(records, found)
    citation_places(records)
    source_links(data["sources"])
    rule_links(data)
    engine_links(data)
    guide_links(data, found)
    alias_links(data["aliases"], found)
    route_groups(data)


def records_of(data: dict[str, Any]) -> dict[str, list[Record]]:
    """Every record in ``data`` as ``(kind, label, record, spec)`` by file stem."""
    return {**rule_records(data), **content_records(data)}
