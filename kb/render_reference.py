"""The background pages: glossary (and its abbreviations appended to every guide page), the table
of periods and deadlines, and every source with the records that cite it."""

from __future__ import annotations

from typing import Any

from kb.content import PAGES, Content
from kb.render_common import anchor_aliases, badge, facts, link, provenance, source_date, span


def glossary_list(content: Content) -> str:
    out = []
    for term in content.data["glossary"]:
        out.append(
            anchor_aliases(content, term["id"])
            + f"## {term['term']}: {term['english']} {{ #{term['id']} }}\n"
        )
        rows = [
            ("Reads as", f"{term['transliteration']} ({term['language']})"),
            ("Meaning", term["meaning"]),
        ]
        if term.get("also"):
            rows.append(("Also written", ", ".join(term["also"])))
        rows += provenance(content, term)
        out.append(facts(rows))
    return "\n".join(out)


def deadlines_table(content: Content) -> str:
    lines = ["| Period | Length | Counted from | Confidence | Sources |", "|---|---|---|---|---|"]
    for deadline in content.deadlines.values():
        sources = ", ".join(
            f"[{content.sources[s]['publisher']}]({content.sources[s]['url']})"
            for s in deadline["sources"]
        )
        confidence = badge(deadline.get("confidence")) or "confirmed"
        confidence = f"{confidence} {content.stale(deadline)}".strip()
        anchor = f'<span id="deadline_{deadline["id"]}" class="kb-anchor"></span>'
        lines.append(
            f"| {anchor}{deadline['title']} | {span(deadline)} | {deadline['counted_from']} "
            f"| {confidence} | {sources} |"
        )
    return "\n".join(lines) + "\n"


def _cited_by(content: Content, entries: list[tuple[str, str, str]]) -> str:
    shown = []
    for kind, rid, file in entries:
        if kind in PAGES and rid in {r for ids in content.anchors().values() for r in ids}:
            shown.append(link(content, kind, rid))
        else:
            shown.append(f"{kind} `{rid}` (data/{file}.yaml)")
    return "; ".join(shown) if shown else "Not cited yet"


def sources_list(content: Content) -> str:
    cited = content.citations()
    out = []
    for sid, source in sorted(
        content.sources.items(), key=lambda item: item[1]["publisher"].lower()
    ):
        out.append(f"### {source['title']} {{ #source_{sid} }}\n")
        rows: list[tuple[str, Any]] = [
            (
                "Publisher",
                f"{source['publisher']}, {source_date(source)}",
            ),
            ("Address", f"[{source['url']}]({source['url']})"),
            ("Supports", source["supports"]),
            ("Cited by", _cited_by(content, cited.get(sid, []))),
        ]
        out.append(facts(rows))
    return "\n".join(out)


def abbreviations(content: Content) -> str:
    """Markdown abbreviation definitions, so each glossary term gets a tooltip where it appears."""
    lines = []
    for term in content.data["glossary"]:
        lines.append(
            f"*[{term['term']}]: {term['english']}. {term['language']}: {term['transliteration']}"
        )
        lines += [f"*[{written}]: {term['english']}" for written in term.get("also", [])]
    return "\n\n" + "\n".join(lines) + "\n"
