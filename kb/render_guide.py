"""The step-by-step guide: stage overview, stages with their steps, printable checklists and the
after-the-permit summary (GOV.UK step-by-step pattern: numbered steps, "or" branches, optional steps)."""

from __future__ import annotations

from typing import Any

from kb import html
from kb.content import Content
from kb.render_common import (
    N_,
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
    "you": N_("You"),
    "landlord": N_("The owner of your home"),
    "consultant": N_("A consultant, if you use one"),
    "astana_hub": N_("Astana Hub"),
    "ministry": N_("The digital ministry"),
    "migration_service": N_("The Migration Service"),
    "psc": N_("The Public Service Center (ЦОН)"),
    "host": N_("Your host (the owner of your home or your hotel)"),
}
MODES = {
    "status": N_("Use the calculator to check your visa-free days on a date"),
    "plan": N_("Use the calculator to plan a stay from an entry date"),
    "next_entry": N_("Use the calculator to find the earliest date you can enter again"),
    "timeline": N_("Use the calculator to work out the dates of the whole application"),
    "abroad": N_("Use the calculator to count your days abroad and the after-permit deadlines"),
}
JOINS = {"or": N_("or"), "and": N_("and")}


def calculator_link(mode: str, depth: int, content: Content | None = None) -> str:
    """A plain HTML link (the fragment is calculator state, not a page anchor)."""
    text = content.lang.pick(MODES, mode) if content else MODES[mode]
    return html.calculator_link("../" * depth + f"calculator/#mode={mode}", text)


# Who-labels that are names and keep their capital inside a list ("You, Astana Hub").
PROPER = {"astana_hub"}


def who_list(content: Content, who: list[str]) -> str:
    """ "You, the owner of your home": the first label starts with a capital, the others (unless
    names, or an abbreviation such as ЦОН) continue the sentence in lower case."""
    out = []
    for i, key in enumerate(who):
        label = content.lang.pick(WHO, key)
        if i == 0:
            label = label[:1].upper() + label[1:]
        elif key not in PROPER and (label[1:2].islower() or label[1:2] == " "):
            label = label[:1].lower() + label[1:]
        out.append(label)
    return ", ".join(out)


def step_block(content: Content, step: dict[str, Any], depth: int) -> str:
    _ = content.lang._
    sid = step["id"]
    parts = []
    if step.get("joins"):
        parts.append(html.join(content.lang.pick(JOINS, step["joins"])) + "\n")
    optional = " " + html.tag(_("optional")) if step.get("optional") else ""
    parts.append(anchor_aliases(content, sid))
    parts.append(
        f"### {html.step_number(content.numbers[sid])} {step['title']}{optional}"
        f" {{ #{sid} .kb-step-title }}\n"
    )
    parts.append(f"{step['what']}\n")
    rows = [(_("Who does it"), who_list(content, step["who"]))]
    rows += [(_("How long"), period(content, d)) for d in step.get("deadlines", [])]
    rows += [(_("Cost"), fee(content, f)) for f in step.get("fees", [])]
    if step.get("documents"):
        rows.append((_("You need"), links(content, "document", step["documents"])))
    if step.get("produces"):
        rows.append((_("You get"), links(content, "document", step["produces"])))
    if step.get("pitfalls"):
        rows.append((_("Watch out for"), links(content, "pitfall", step["pitfalls"])))
    if step.get("calculator"):
        offline = _("It works offline after one visit online.")
        rows.append(
            (_("Work it out"), calculator_link(step["calculator"], depth, content) + f". {offline}")
        )
    if depends_on_pilot(content, step):
        rows.append(pilot_row(content))
    rows += provenance(content, step)
    parts.append(facts(rows))
    return "\n".join(parts)


def stage_block(content: Content, stage: dict[str, Any], depth: int) -> str:
    _ = content.lang._
    head = anchor_aliases(content, stage["id"])
    head += f"## {content.title('stage', stage['id'])} {{ #{stage['id']} .kb-stage-title }}\n\n"
    head += f"{stage['summary']}\n\n"
    if any(r.get("guide_stage") == stage["id"] for r in content.all_routes):
        # the stage a route starts at leads to the personal plan: which steps are yours, by when
        mine = _("Not sure which steps are yours? Your personal plan answers from a few questions")
        head += f"[{mine}](plan/index.md)\n\n"
    printable = _("Printable checklist for this stage")
    head += f"[{printable}](checklists.md#checklist_{stage['id']})\n"
    steps = [step_block(content, step, depth) for step in stage["steps"]]
    return head + "\n" + "\n".join(steps)


def guide(content: Content, depth: int = 1) -> str:
    """Every stage with every step; each heading's anchor is the record's id."""
    return "\n".join(stage_block(content, stage, depth) for stage in content.stages)


def stage_overview(content: Content, page: str = "guide.md") -> str:
    """An overview: stages (numbered from 0 in their titles) with their steps, linking to the guide."""
    _ = content.lang._
    lines = ['<div class="kb-overview" markdown>', ""]
    for stage in content.stages:
        title = content.title("stage", stage["id"])
        lines.append(f"{stage['number']}. **[{title}]({page}#{stage['id']})**")
        lines.append(f"    {stage['summary']}")
        lines.append("")
        for step in stage["steps"]:
            marker = " " + _("(optional)") if step.get("optional") else ""
            joined = _("or:") + " " if step.get("joins") == "or" else ""
            lines.append(f"    - {joined}{link(content, 'step', step['id'])}{marker}")
        lines.append("")
    return "\n".join([*lines, "</div>", ""])


def checklists(content: Content) -> str:
    """One printable checklist per stage: the documents its steps need, with their rules."""
    _ = content.lang._
    out = []
    for stage in content.stages:
        items = content.stage_documents(stage)
        title = content.title("stage", stage["id"])
        out.append(f"## {title} {{ #checklist_{stage['id']} .kb-checklist-title }}\n")
        if not items:
            out.append(_("No documents to bring at this stage; see the steps in the guide.") + "\n")
            continue
        out.append('<div class="kb-checklist" markdown>\n')
        for document_id, step_ids in items:
            document = content.documents[document_id]
            rule = ""
            if document["validity"]:
                deadline = content.deadlines[document["validity"]]
                mark = badge(deadline.get("confidence"), lang=content.lang)
                what = deadline["title"][0].lower() + deadline["title"][1:]
                rule = f" ({what}: {span(deadline, content.lang)})" + (f" {mark}" if mark else "")
            needed = _("Needed in: {steps}").format(steps=links(content, "step", step_ids))
            out.append(f"- {link(content, 'document', document_id)}{rule}. {needed}")
        out.append("\n</div>\n")
    return "\n".join(out)


def after_permit(content: Content, depth: int = 1) -> str:
    """The duties after the permit as a table, from the last stage of the guide."""
    _ = content.lang._
    stage = content.stages[-1]
    head = [_("Duty"), _("Time limit"), _("Guide step")]
    lines = ["| " + " | ".join(head) + " |", "|---|---|---|"]
    for step in stage["steps"]:
        times = "; ".join(period(content, d, with_title=False) for d in step.get("deadlines", []))
        if step.get("fees"):
            times += " " + "; ".join(fee(content, f) for f in step["fees"])
        optional = " " + _("(optional)") if step.get("optional") else ""
        mark = badge(step.get("confidence"), lang=content.lang)
        times = times or _("No fixed time")
        lines.append(
            f"| {step['title']}{optional} {mark} | {times} | {link(content, 'step', step['id'])} |"
        )
    return "\n".join(lines) + "\n\n" + calculator_link("abroad", depth, content) + "\n"
