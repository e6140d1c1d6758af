"""The 2025-2026 developments around the residency (``developments`` in data/site.yaml), newest
first, on the routes page; each with its anchor (its id), label, sources and where on each page."""

from __future__ import annotations

from kb.content import Content
from kb.render_common import badge, facts, source_link


def developments_list(content: Content) -> str:
    _ = content.lang._
    lang = content.lang
    items = sorted(content.data["site"].get("developments", []), key=lambda d: d["date"])
    out = []
    for item in reversed(items):
        out.append(f"### {item['title']} {{ #{item['id']} }}\n")
        out.append(f"{item['what']} {badge(item.get('confidence'), lang=lang)}".strip() + "\n")
        where = item["where"]
        rows = [(_("When"), lang.date(item["date"]))]
        rows += [(_("Sources"), f"{source_link(content, s)}: {where[s]}") for s in item["sources"]]
        if item.get("note"):
            rows.append((_("Note"), item["note"]))
        marks = f"{lang.date(item['verified'])} {content.stale(item)}".strip()
        rows.append((_("Last checked"), marks))
        out.append(facts(rows))
    return "\n".join(out)
