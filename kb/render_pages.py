"""The guide's reference pages: documents, pitfalls, the real case and the routes compared."""

from __future__ import annotations

from kb.content import Content
from kb.render_common import (
    anchor_aliases,
    badge,
    facts,
    link,
    links,
    long_date,
    period,
    provenance,
    source_link,
)

LEGALISATION = {
    "none": "None",
    "apostille": "Apostille, or consular legalisation if the issuing country is not in the Hague convention",
    "notarised": "Certified by a notary in Kazakhstan",
}
TRANSLATION = {
    "none": "None",
    "notarised": "Into Kazakh or Russian, with the translation notarised",
    "if_foreign": "Only if it is not in Kazakh or Russian: a notarised translation",
}
OUTCOMES = {
    "refused": "Refused",
    "withdrawn": "Self-refusal",
    "approved": "Approved",
    "turning point": "Turning point",
    "step taken": "Done",
    "at risk": "At risk",
}


def documents_list(content: Content) -> str:
    out = []
    for did, document in content.documents.items():
        out.append(anchor_aliases(content, did) + f"## {document['title']} {{ #{did} }}\n")
        out.append(f"{document['what']}\n")
        rows = [("Issued by", document["issued_by"])]
        if document.get("format"):
            rows.append(("Format", document["format"]))
        rows.append(
            (
                "Validity",
                period(content, document["validity"])
                if document["validity"]
                else "No fixed validity period",
            )
        )
        rows += [
            ("Legalisation", LEGALISATION[document["legalisation"]]),
            ("Translation", TRANSLATION[document["translation"]]),
        ]
        rows.append(("Language", document["language"]))
        for key, label in (("documents", "Needed in"), ("produces", "You get it in")):
            if content.steps_with(key, did):
                rows.append((label, links(content, "step", content.steps_with(key, did))))
        rows += provenance(content, document)
        out.append(facts(rows))
    return "\n".join(out)


def pitfalls_list(content: Content, from_case: bool) -> str:
    out = []
    for pid, pitfall in content.pitfalls.items():
        if pitfall["case"] != from_case:
            continue
        out.append(anchor_aliases(content, pid) + f"### {pitfall['title']} {{ #{pid} }}\n")
        rows = [
            ("What happened", pitfall["happened"]),
            ("Why", pitfall["why"]),
            ("How to avoid it", pitfall["avoid"]),
        ]
        rows.append(
            ("Steps it affects", links(content, "step", content.steps_with("pitfalls", pid)))
        )
        rows += provenance(content, pitfall)
        out.append(facts(rows))
    return "\n".join(out)


def case_timeline(content: Content) -> str:
    out = ['<div class="kb-timeline" markdown>', ""]
    for event in content.data["case"]:
        outcome = f'<span class="kb-outcome kb-outcome--{event["outcome"].replace(" ", "-")}">{OUTCOMES[event["outcome"]]}</span>'
        out.append(
            anchor_aliases(content, event["id"])
            + f"## {event['when']}: {event['title']} {{ #{event['id']} }}\n"
        )
        marks = " ".join(m for m in (badge(event.get("confidence")), content.stale(event)) if m)
        out.append(f"{outcome} {event['what']} {marks}".rstrip() + "\n")
        rows = [("In the guide", links(content, "step", event["steps"]))]
        if event["pitfalls"]:
            rows.append(("Lessons", links(content, "pitfall", event["pitfalls"])))
        out.append(facts(rows))
    return "\n".join([*out, "</div>", ""])


def routes_table(content: Content) -> str:
    routes = content.routes
    head = "| Aspect | " + " | ".join(f"[{r['title']}](#{r['id']})" for r in routes) + " |"
    lines = [head, "|---" * (len(routes) + 1) + "|"]
    for aspect in content.data["routes"]["aspects"]:
        cells = [aspect["values"].get(r["id"], "Not stated") for r in routes]
        mark = " ".join(m for m in (badge(aspect.get("confidence")), content.stale(aspect)) if m)
        anchor = f'<span id="aspect_{aspect["id"]}" class="kb-anchor"></span>'
        lines.append(f"| {anchor}**{aspect['title']}** {mark} | " + " | ".join(cells) + " |")
    notes = [
        f"- **{a['title']}:** {a['note']}"
        for a in content.data["routes"]["aspects"]
        if a.get("note")
    ]
    return (
        "\n".join(lines)
        + ("\n\nWhere sources disagree:\n\n" + "\n".join(notes) if notes else "")
        + "\n"
    )


def routes_list(content: Content) -> str:
    out = []
    for route in content.routes:
        name = (
            route["title"]
            if route["short"] in route["title"]
            else f"{route['title']} ({route['short']})"
        )
        out.append(anchor_aliases(content, route["id"]) + f"### {name} {{ #{route['id']} }}\n")
        out.append(f"{route['summary']}\n")
        if route.get("guide_stage"):
            out.append(f"Start with {link(content, 'stage', route['guide_stage'])} in the guide.\n")
    aspects = content.data["routes"]["aspects"]
    sources = sorted({s for a in aspects for s in a["sources"]})
    out.append("### Sources for this comparison\n")
    out.append("\n".join(f"- {source_link(content, s)}" for s in sources) + "\n")
    out.append(f"Last checked {long_date(max(a['verified'] for a in aspects))}.\n")
    return "\n".join(out)
