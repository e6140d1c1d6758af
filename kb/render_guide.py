"""The step-by-step guide: stage overview, stages with their steps, printable checklists and the
after-the-permit summary (GOV.UK step-by-step pattern: numbered steps, "or" branches, optional steps)."""

from __future__ import annotations

from typing import Any

from kb.content import Content
from kb.render_common import (
    anchor_aliases,
    badge,
    facts,
    fee,
    link,
    links,
    period,
    provenance,
    span,
)
from kb.render_status import depends_on_pilot, pilot_row

WHO = {
    "you": "You",
    "landlord": "The owner of your home",
    "consultant": "A consultant, if you use one",
    "astana_hub": "Astana Hub",
    "ministry": "The digital ministry",
    "migration_service": "The Migration Service",
    "psc": "The Public Service Center (ЦОН)",
    "host": "Your host (the owner of your home or your hotel)",
}
MODES = {
    "status": "check your visa-free days on a date",
    "plan": "plan a stay from an entry date",
    "next_entry": "find the earliest date you can enter again",
    "timeline": "work out the dates of the whole application",
    "abroad": "count your days abroad and the after-permit deadlines",
}


def calculator_link(mode: str, depth: int) -> str:
    """A plain HTML link (the fragment is calculator state, not a page anchor)."""
    prefix = "../" * depth
    return f'<a href="{prefix}calculator/#mode={mode}">Use the calculator to {MODES[mode]}</a>'


def step_block(content: Content, step: dict[str, Any], depth: int) -> str:
    sid = step["id"]
    parts = []
    if step.get("joins"):
        parts.append(f'<p class="kb-join">{step["joins"]}</p>\n')
    optional = ' <span class="kb-tag">optional</span>' if step.get("optional") else ""
    parts.append(anchor_aliases(content, sid))
    parts.append(
        f'### <span class="kb-step-number">{content.numbers[sid]}</span> {step["title"]}{optional}'
        f" {{ #{sid} .kb-step-title }}\n"
    )
    parts.append(f"{step['what']}\n")
    rows = [("Who does it", ", ".join(WHO[w] for w in step["who"]))]
    rows += [("How long", period(content, d)) for d in step.get("deadlines", [])]
    rows += [("Cost", fee(content, f)) for f in step.get("fees", [])]
    if step.get("documents"):
        rows.append(("You need", links(content, "document", step["documents"])))
    if step.get("produces"):
        rows.append(("You get", links(content, "document", step["produces"])))
    if step.get("pitfalls"):
        rows.append(("Watch out for", links(content, "pitfall", step["pitfalls"])))
    if step.get("calculator"):
        rows.append(("Work it out", calculator_link(step["calculator"], depth)))
    if depends_on_pilot(content, step):
        rows.append(pilot_row(content))
    rows += provenance(content, step)
    parts.append(facts(rows))
    return "\n".join(parts)


def stage_block(content: Content, stage: dict[str, Any], depth: int) -> str:
    head = anchor_aliases(content, stage["id"])
    head += f"## Stage {stage['number']}: {stage['title']} {{ #{stage['id']} .kb-stage-title }}\n\n"
    head += f"{stage['summary']}\n\n"
    head += f"[Printable checklist for this stage](checklists.md#checklist_{stage['id']})\n"
    steps = [step_block(content, step, depth) for step in stage["steps"]]
    return head + "\n" + "\n".join(steps)


def guide(content: Content, depth: int = 1) -> str:
    """Every stage with every step; each heading's anchor is the record's id."""
    return "\n".join(stage_block(content, stage, depth) for stage in content.stages)


def stage_overview(content: Content, page: str = "guide.md") -> str:
    """An overview: stages (numbered from 0 in their titles) with their steps, linking to the guide."""
    lines = ['<div class="kb-overview" markdown>', ""]
    for stage in content.stages:
        lines.append(
            f"{stage['number']}. **[Stage {stage['number']}: {stage['title']}]({page}#{stage['id']})**"
        )
        lines.append(f"    {stage['summary']}")
        lines.append("")
        for step in stage["steps"]:
            marker = " (optional)" if step.get("optional") else ""
            joined = "or: " if step.get("joins") == "or" else ""
            lines.append(f"    - {joined}{link(content, 'step', step['id'])}{marker}")
        lines.append("")
    return "\n".join([*lines, "</div>", ""])


def checklists(content: Content) -> str:
    """One printable checklist per stage: the documents its steps need, with their rules."""
    out = []
    for stage in content.stages:
        items = content.stage_documents(stage)
        out.append(
            f"## Stage {stage['number']}: {stage['title']} {{ #checklist_{stage['id']} .kb-checklist-title }}\n"
        )
        if not items:
            out.append("No documents to bring at this stage; see the steps in the guide.\n")
            continue
        out.append('<div class="kb-checklist" markdown>\n')
        for document_id, step_ids in items:
            document = content.documents[document_id]
            rule = ""
            if document["validity"]:
                deadline = content.deadlines[document["validity"]]
                mark = badge(deadline.get("confidence"))
                rule = f" ({deadline['title'].lower()}: {span(deadline)})" + (
                    f" {mark}" if mark else ""
                )
            out.append(
                f"- {link(content, 'document', document_id)}{rule}. Needed in: {links(content, 'step', step_ids)}"
            )
        out.append("\n</div>\n")
    return "\n".join(out)


def after_permit(content: Content, depth: int = 1) -> str:
    """The duties after the permit as a table, from the last stage of the guide."""
    stage = content.stages[-1]
    lines = ["| Duty | Time limit | Guide step |", "|---|---|---|"]
    for step in stage["steps"]:
        times = "; ".join(period(content, d, with_title=False) for d in step.get("deadlines", []))
        if step.get("fees"):
            times += " " + "; ".join(fee(content, f) for f in step["fees"])
        optional = " (optional)" if step.get("optional") else ""
        lines.append(
            f"| {step['title']}{optional} {badge(step.get('confidence'))} | {times or 'No fixed time'} "
            f"| {link(content, 'step', step['id'])} |"
        )
    return "\n".join(lines) + "\n\n" + calculator_link("abroad", depth) + "\n"
