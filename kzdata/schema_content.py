"""Record specs for the guide's content files: steps, documents, pitfalls, glossary, fees, case,
routes, site and aliases. Each walker checks a file's outer shape and returns its records."""

from __future__ import annotations

from typing import Any

from calculator.core.bounds import MAX_REMINDER_DAYS, MAX_REMINDERS
from calculator.timeline.milestones import CHAIN
from kzdata.bounds import (
    FIRST_DATA_YEAR,
    LAST_YEAR,
    MAX_FEE_MCI,
    MAX_MCI_KZT,
    MAX_RECHECK_MONTHS,
    MAX_STAGE_NUMBER,
)
from kzdata.schema_conditions import applies, requires
from kzdata.schema_provenance import PROVENANCE
from kzdata.schema_rules import Record, listed, section
from kzdata.schema_types import (
    CONFIDENCE,
    Field,
    Spec,
    boolean,
    date,
    fail,
    ident,
    ids,
    integer,
    list_of,
    mapping_of,
    nullable,
    number,
    one_of,
    text,
    url,
)

WHO = (
    "you",
    "landlord",
    "consultant",
    "astana_hub",
    "ministry",
    "migration_service",
    "psc",
    "host",
)
CALCULATOR_MODES = ("status", "plan", "next_entry", "timeline", "abroad")
MILESTONES = tuple(step[0] for step in CHAIN)  # the timeline's milestones a step may be dated by

STAGE: Spec = {
    "id": Field(ident),
    "number": Field(integer(0, MAX_STAGE_NUMBER)),
    "title": Field(text),
    "summary": Field(text),
    "pilot": Field(boolean, required=False),
    "steps": Field(lambda v: None if isinstance(v, list) and v else "must list at least one step"),
}

STEP: Spec = {
    "id": Field(ident),
    "title": Field(text),
    "what": Field(text),
    "who": Field(list_of(one_of(*WHO), non_empty=True)),
    "deadlines": ids("deadlines"),
    "fees": ids("fees"),
    "documents": ids("documents"),
    "produces": ids("documents"),
    "pitfalls": ids("pitfalls"),
    "optional": Field(boolean, required=False),
    "pilot": Field(boolean, required=False),
    "joins": Field(one_of("or", "and"), required=False),
    "calculator": Field(one_of(*CALCULATOR_MODES), required=False),
    "applies": Field(applies, required=False),
    "milestone": Field(one_of(*MILESTONES), required=False),
    **PROVENANCE,
}

DOCUMENT: Spec = {
    "id": Field(ident),
    "title": Field(text),
    "what": Field(text),
    "issued_by": Field(text),
    "format": Field(text, required=False),
    "validity": Field(nullable(ident), ref="deadlines"),
    "obtained_in": Field(one_of("kazakhstan"), required=False),  # only there (a Kazakh clinic)
    "legalisation": Field(one_of("none", "apostille", "notarised")),
    "translation": Field(one_of("none", "notarised", "if_foreign")),
    "language": Field(text),
    **PROVENANCE,
}

PITFALL: Spec = {
    "id": Field(ident),
    "title": Field(text),
    "case": Field(boolean),
    "applies": Field(applies, required=False),
    "happened": Field(text),
    "why": Field(text),
    "avoid": Field(text),
    **PROVENANCE,
}

TERM: Spec = {
    "id": Field(ident),
    "term": Field(text),
    "transliteration": Field(text),
    "language": Field(one_of("Russian", "Kazakh")),
    "english": Field(text),
    "meaning": Field(text),
    "also": Field(list_of(text), required=False),
    # the form a reader meets on Kazakh signs and forms (ХҚКО, ЖСН): shown on other editions
    # than English in place of the Latin transliteration
    "kazakh": Field(text, required=False),
    **PROVENANCE,
}

YEAR = integer(FIRST_DATA_YEAR, LAST_YEAR)
MCI_YEAR: Spec = {"year": Field(YEAR), "kzt": Field(integer(1, MAX_MCI_KZT)), **PROVENANCE}
RATE_YEAR: Spec = {"year": Field(YEAR), "label": Field(text, required=False), **PROVENANCE}
FEE: Spec = {
    "id": Field(ident),
    "title": Field(text),
    "mci": Field(nullable(number(MAX_FEE_MCI))),
    "paid_when": Field(text),
    **PROVENANCE,
}

EVENT: Spec = {
    "id": Field(ident),
    "when": Field(text),
    "title": Field(text),
    "what": Field(text),
    "outcome": Field(
        one_of("refused", "withdrawn", "approved", "turning point", "step taken", "at risk")
    ),
    "pitfalls": ids("pitfalls", required=True),
    "steps": ids("steps", required=True, non_empty=True),
    **PROVENANCE,
}

ROUTE: Spec = {
    "id": Field(ident),
    "title": Field(text),
    "short": Field(text),
    "summary": Field(text),
    "guide_stage": Field(ident, required=False, ref="stages"),
    "compare": Field(boolean, required=False),  # false: only in the personal plan, not compared
    "requires": Field(requires, required=False),
    "eligible": Field(one_of("unknown"), required=False),
    "open": Field(one_of("yes", "no", "unknown", "pilot")),
    "open_note": Field(text, required=False),
    "open_since": Field(date, required=False),
    **PROVENANCE,
}
ASPECT: Spec = {
    "id": Field(ident),
    "title": Field(text),
    "values": Field(mapping_of(ident, text), ref="routes"),
    **PROVENANCE,
}

_LINK = mapping_of(one_of("title", "url"), text)


def _SINCE(value: Any) -> str | None:
    """One line of what is known since the pilot's term: ``{text, sources}``."""
    if not isinstance(value, dict) or set(value) != {"text", "sources"}:
        return "must be a mapping with exactly 'text' and 'sources'"
    return list_of(ident, non_empty=True)(value["sources"])


PILOT: Spec = {
    "id": Field(ident),
    "name": Field(text),
    "order": Field(text),
    "legal_start": Field(date),
    "legal_end": Field(date),
    "extension": Field(one_of(*CONFIDENCE)),
    "extension_note": Field(text),
    "status_links": Field(list_of(lambda v: _LINK(v) or url(v.get("url")), non_empty=True)),
    "since": Field(list_of(lambda v: _SINCE(v) or text(v.get("text"))), required=False),
    "cities": Field(list_of(text, non_empty=True)),
    **PROVENANCE,
}
# A development of 2025-2026 around the residency (a new policy, visa or pilot), shown on the
# routes page; ``date`` is when it happened or was reported.
DEVELOPMENT: Spec = {
    "id": Field(ident),
    "date": Field(date),
    "title": Field(text),
    "what": Field(text),
    **PROVENANCE,
}
RECHECK: Spec = {
    "id": Field(ident),
    "months": Field(integer(1, MAX_RECHECK_MONTHS)),
    "label": Field(text),
}


# Settings of the calculator's .ics export: the project's choices, not facts (no sources).
def _lead_times(value: Any) -> str | None:
    problem = list_of(integer(0, MAX_REMINDER_DAYS))(value)
    if problem is None and len(value) > MAX_REMINDERS:
        return f"lists more than {MAX_REMINDERS} lead times"
    return problem


CALENDAR_EXPORT: Spec = {
    "reminder_days_before": Field(_lead_times),
    "reminder_hour": Field(integer(0, 23)),
}


def steps_records(data: Any) -> list[Record]:
    stages = listed("steps", data, "stage", STAGE)
    records = list(stages)
    for _kind, _label, stage, _spec in stages:
        inner = stage.get("steps") if isinstance(stage, dict) else None
        if isinstance(inner, list):
            records += listed("steps", inner, "step", STEP)
    return records


def aliases_records(data: Any) -> list[Record]:
    problem = mapping_of(ident, ident)(data if data is not None else {})
    if problem:
        raise fail("aliases", "aliases", f"the file {problem} (write old_id: new_id)")
    return []


def _developments(site: Any) -> Any:
    """The optional ``developments`` list of site.yaml (empty when absent)."""
    return site.get("developments", []) if isinstance(site, dict) else []


def content_records(data: dict[str, Any]) -> dict[str, list[Record]]:
    """Every record of the content files, by file stem."""
    fees, routes = data["fees"], data["routes"]
    return {
        "steps": steps_records(data["steps"]),
        "documents": listed("documents", data["documents"], "document", DOCUMENT),
        "pitfalls": listed("pitfalls", data["pitfalls"], "pitfall", PITFALL),
        "glossary": listed("glossary", data["glossary"], "term", TERM),
        "fees": listed("fees", section("fees", fees, "mci"), "MCI year", MCI_YEAR, "year")
        + listed("fees", section("fees", fees, "rate_years"), "rate year", RATE_YEAR, "year")
        + listed("fees", section("fees", fees, "fees"), "fee", FEE),
        "case": listed("case", data["case"], "event", EVENT),
        "routes": listed("routes", section("routes", routes, "routes"), "route", ROUTE)
        + listed("routes", section("routes", routes, "aspects"), "aspect", ASPECT),
        "site": [
            ("pilot", "pilot", section("site", data["site"], "pilot"), PILOT),
            ("recheck", "recheck", section("site", data["site"], "recheck"), RECHECK),
            (
                "calendar export",
                "calendar_export",
                section("site", data["site"], "calendar_export"),
                CALENDAR_EXPORT,
            ),
            *listed("site", _developments(data["site"]), "development", DEVELOPMENT),
        ],
        "aliases": aliases_records(data["aliases"]),
    }
