"""The guide's reference pages: documents, pitfalls, the real case and the routes compared."""

from __future__ import annotations

from kb import html
from kb.content import Content
from kb.render_common import (
    N_,
    anchor_aliases,
    badge,
    facts,
    link,
    links,
    period,
    provenance,
    source_link,
)

LEGALISATION = {
    "none": N_("None"),
    "apostille": N_(
        "Apostille, or consular legalisation if the issuing country is not in the Hague convention"
    ),
    "notarised": N_("Certified by a notary in Kazakhstan"),
}
TRANSLATION = {
    "none": N_("None"),
    "notarised": N_("Into Kazakh or Russian, with the translation notarised"),
    "if_foreign": N_("Only if it is not in Kazakh or Russian: a notarised translation"),
}
OUTCOMES = {
    "refused": N_("Refused"),
    "withdrawn": N_("Self-refusal"),
    "approved": N_("Approved"),
    "turning point": N_("Turning point"),
    "step taken": N_("Done"),
    "at risk": N_("At risk"),
}


def documents_list(content: Content) -> str:
    _ = content.lang._
    out = []
    for did, document in content.documents.items():
        out.append(anchor_aliases(content, did) + f"## {document['title']} {{ #{did} }}\n")
        out.append(f"{document['what']}\n")
        rows = [(_("Issued by"), document["issued_by"])]
        if document.get("format"):
            rows.append((_("Format"), document["format"]))
        validity = (
            period(content, document["validity"])
            if document["validity"]
            else _("No fixed validity period")
        )
        rows.append((_("Validity"), validity))
        rows += [
            (_("Legalisation"), content.lang.pick(LEGALISATION, document["legalisation"])),
            (_("Translation"), content.lang.pick(TRANSLATION, document["translation"])),
        ]
        rows.append((_("Language"), document["language"]))
        for key, label in (("documents", _("Needed in")), ("produces", _("You get it in"))):
            if content.steps_with(key, did):
                rows.append((label, links(content, "step", content.steps_with(key, did))))
        rows += provenance(content, document)
        out.append(facts(rows))
    return "\n".join(out)


def pitfalls_list(content: Content, from_case: bool) -> str:
    _ = content.lang._
    out = []
    for pid, pitfall in content.pitfalls.items():
        if pitfall["case"] != from_case:
            continue
        out.append(anchor_aliases(content, pid) + f"### {pitfall['title']} {{ #{pid} }}\n")
        rows = [
            (_("What happened"), pitfall["happened"]),
            (_("Why"), pitfall["why"]),
            (_("How to avoid it"), pitfall["avoid"]),
        ]
        steps = content.steps_with("pitfalls", pid)
        rows.append((_("Steps it affects"), links(content, "step", steps)))
        rows += provenance(content, pitfall)
        out.append(facts(rows))
    return "\n".join(out)


def case_timeline(content: Content) -> str:
    _ = content.lang._
    out = ['<div class="kb-timeline" markdown>', ""]
    for event in content.data["case"]:
        outcome = html.outcome(event["outcome"], content.lang.pick(OUTCOMES, event["outcome"]))
        out.append(
            anchor_aliases(content, event["id"])
            + f"## {event['when']}: {event['title']} {{ #{event['id']} }}\n"
        )
        marks = (badge(event.get("confidence"), lang=content.lang), content.stale(event))
        mark = " ".join(m for m in marks if m)
        out.append(f"{outcome} {event['what']} {mark}".rstrip() + "\n")
        rows = [(_("In the guide"), links(content, "step", event["steps"]))]
        if event["pitfalls"]:
            rows.append((_("Lessons"), links(content, "pitfall", event["pitfalls"])))
        out.append(facts(rows))
    return "\n".join([*out, "</div>", ""])


def routes_table(content: Content) -> str:
    _ = content.lang._
    routes = content.routes
    aspect = _("Aspect")
    head = f"| {aspect} | " + " | ".join(f"[{r['title']}](#{r['id']})" for r in routes) + " |"
    lines = [head, "|---" * (len(routes) + 1) + "|"]
    for aspect in content.data["routes"]["aspects"]:
        cells = [aspect["values"].get(r["id"], _("Not stated")) for r in routes]
        marks = (badge(aspect.get("confidence"), lang=content.lang), content.stale(aspect))
        mark = " ".join(m for m in marks if m)
        anchor = html.anchor(f"aspect_{aspect['id']}")
        lines.append(f"| {anchor}**{aspect['title']}** {mark} | " + " | ".join(cells) + " |")
    notes = [
        f"- **{a['title']}:** {a['note']}"
        for a in content.data["routes"]["aspects"]
        if a.get("note")
    ]
    disagree = "\n\n" + _("Where sources disagree:") + "\n\n" + "\n".join(notes) if notes else ""
    # the first column (each aspect's name) stays in view while a phone scrolls the routes
    table = '<div class="kb-routes-table" markdown>\n\n' + "\n".join(lines) + "\n\n</div>"
    return table + disagree + "\n"


def routes_list(content: Content) -> str:
    _ = content.lang._
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
            stage = link(content, "stage", route["guide_stage"])
            out.append(_("Start with {stage} in the guide.").format(stage=stage) + "\n")
    aspects = content.data["routes"]["aspects"]
    sources = sorted({s for a in aspects for s in a["sources"]})
    sources_title = _("Sources for this comparison")
    # an explicit id: a generated one would differ between languages
    out.append(f"### {sources_title} {{ #sources-for-this-comparison }}\n")
    out.append("\n".join(f"- {source_link(content, s)}" for s in sources) + "\n")
    last = content.lang.date(max(a["verified"] for a in aspects))
    out.append(_("Last checked {date}.").format(date=last) + "\n")
    return "\n".join(out)
