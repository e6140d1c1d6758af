"""What we don't know (``/open-questions/``): every record whose confidence is ``unverified``,
``single`` or ``conflict`` (and the pilot's extension while it is not confirmed), built from the
data: the question, what each source or side says and where on its page, and what would settle
it. Grouped by the page that shows the record; anchors ``question_<record id>``."""

from __future__ import annotations

from typing import Any

from kb.changes import place
from kb.content import PAGES, Content
from kb.render_common import N_, badge, facts, source_link

OPEN = ("conflict", "unverified", "single")  # the order of the groups' entries: most doubtful first

QUESTION = {
    "conflict": N_("The sources disagree. Which of them is right?"),
    "unverified": N_("No source read states this. Is it so?"),
    "single": N_("Only one source states this. Does an independent source confirm it?"),
}
SETTLE = {
    "conflict": N_(
        "The official text (adilet.zan.kz, the service's page on egov.kz or gov.kz) or a written "
        "answer from the migration service that decides between the sides."
    ),
    "unverified": N_(
        "Any source that states it, best the official text; until then it is an assumption."
    ),
    "single": N_(
        "A second source independent of the first, best the official text or the service's page "
        "on egov.kz."
    ),
}
SECTIONS = {  # page of the record -> heading of its group
    "index.md": N_("The pilot"),
    "guide.md": N_("Steps"),
    "documents.md": N_("Documents"),
    "pitfalls.md": N_("Pitfalls"),
    "case.md": N_("The real case"),
    "routes.md": N_("Routes and developments"),
    "glossary.md": N_("Glossary"),
    "sources.md": N_("Periods, fees and stay rules"),
}
EXTRA_PLACES = {  # kinds without a place of their own in kb.changes: where they are described
    "stay rule": ("sources.md", "visa-free-stays-by-nationality"),
    "fee": ("sources.md", "periods-and-deadlines"),
    "rate year": ("sources.md", "periods-and-deadlines"),
    "term": ("glossary.md", "{id}"),
}


def _place(kind: str, rid: str) -> tuple[str, str]:
    if kind in EXTRA_PLACES:
        page, anchor = EXTRA_PLACES[kind]
        return page, anchor.format(id=rid)
    return place(kind, rid)


def _title(content: Content, kind: str, rid: str, record: dict[str, Any]) -> str:
    if kind in PAGES:
        return content.title(kind, rid)
    if kind == "group":
        rules = {r["id"]: r for r in content.data["stay_rules"]}
        return str(rules[record["rule_set"]]["title"])
    if kind == "rate year":
        return content.lang._("State fee rates in {year}").format(year=record["year"])
    return str(record.get("title") or record.get("name") or rid)


def _cited(content: Content, record: dict[str, Any], sources: list[str]) -> str:
    where = record.get("where", {})
    return "; ".join(
        f"{source_link(content, s)}: {where[s]}" if s in where else source_link(content, s)
        for s in sources
    )


def entries(content: Content) -> list[dict[str, Any]]:
    """Every open question as ``{kind, id, record, confidence, page, anchor, title}``."""
    from kzdata.schema import records_of

    found = []
    for recs in records_of(content.data).values():
        for kind, _label, record, _spec in recs:
            if not isinstance(record, dict) or record.get("confidence") not in OPEN:
                continue
            rid = str(record.get("id", record.get("year", kind)))
            page, anchor = _place(kind, rid)
            if kind == "route" and not record.get("compare", True):
                page, anchor = "routes.md", "developments"  # only in the plan: described there
            found.append(
                {
                    "kind": kind,
                    "id": rid,
                    "record": record,
                    "confidence": record["confidence"],
                    "page": page,
                    "anchor": anchor,
                    "title": _title(content, kind, rid, record),
                }
            )
    pilot = content.data["site"]["pilot"]
    if pilot["extension"] in OPEN:
        found.insert(0, _pilot_extension(content, pilot))
    return found


def _pilot_extension(content: Content, pilot: dict[str, Any]) -> dict[str, Any]:
    """The pilot's extension is an open question of its own (its term is confirmed)."""
    record = {
        "sources": list(
            dict.fromkeys(s for line in pilot.get("since", []) for s in line["sources"])
        ),
        "note": pilot["extension_note"],
        "since": pilot.get("since", []),
        "verified": pilot["verified"],
    }
    return {
        "kind": "pilot",
        "id": "pilot_extension",
        "record": record,
        "confidence": pilot["extension"],
        "page": "index.md",
        "anchor": "pilot_status",
        "title": content.lang._("Is the {name} still accepting applications?").format(
            name=pilot["name"]
        ),
    }


def _rows(content: Content, entry: dict[str, Any]) -> list[tuple[str, str]]:
    _ = content.lang._
    record, confidence = entry["record"], entry["confidence"]
    rows = [(_("The question"), content.lang.pick(QUESTION, confidence))]
    if record.get("note"):
        rows.append((_("What is known"), record["note"]))
    for line in record.get("since", []):  # the pilot: what each source says since its term
        cited = "; ".join(source_link(content, s) for s in line["sources"])
        rows.append((_("Known since the term ended"), f"{line['text']} ({cited})"))
    if record.get("sides"):
        for side in record["sides"]:
            says = f"{side['says']} ({_cited(content, record, side['sources'])})"
            rows.append((_("One side says"), says))
    elif record.get("sources") and not record.get("since"):
        rows.append(
            (_("Sources, and where on each page"), _cited(content, record, record["sources"]))
        )
    rows.append((_("What would settle it"), content.lang.pick(SETTLE, confidence)))
    title = _("Status of the pilot") if entry["kind"] == "pilot" else entry["title"]
    shown = f"[{title}]({entry['page']}#{entry['anchor']})"
    rows.append((_("Shown on the site"), shown))
    rows.append((_("Last checked"), content.lang.date(record["verified"])))
    return rows


def open_questions(content: Content) -> str:
    """The page body: one group per page of the site, each question with its anchor."""
    lang = content.lang
    by_page: dict[str, list[dict[str, Any]]] = {}
    for entry in entries(content):
        by_page.setdefault(entry["page"], []).append(entry)
    out = []
    for page in SECTIONS:
        group = sorted(by_page.get(page, []), key=lambda e: OPEN.index(e["confidence"]))
        if not group:
            continue
        out.append(f"## {lang.pick(SECTIONS, page)} {{ #questions-{page.removesuffix('.md')} }}\n")
        for entry in group:
            mark = badge(entry["confidence"], lang=lang)
            anchor = f"question_{entry['id']}"
            out.append(f"### {entry['title']} {{ #{anchor} }}\n")
            out.append(f"{mark}\n")
            out.append(facts(_rows(content, entry)))
    return "\n".join(out)


def count(content: Content) -> int:
    return len(entries(content))
