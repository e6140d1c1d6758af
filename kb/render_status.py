"""What is current: the pilot's status on the home page (and the line steps link to it with), the
"What changed" list, and the visa-free list by nationality. User-facing words are in ``TEXT``."""

from __future__ import annotations

from typing import Any

from kb.changes import collect
from kb.content import Content
from kb.render_common import badge, facts, long_date, provenance, source_link

TEXT = {
    "title_ended": "Status of the pilot: its legal term has ended",
    "title_running": "Status of the pilot: check before you start",
    "term_ended": "The {name} was set up by the {order}. Its legal term ran from **{start}** to "
    "**{end}**, and that date has passed.",
    "term_running": "The {name} was set up by the {order}. Its legal term runs from **{start}** "
    "to **{end}**.",
    "cities": "It covers {cities}.",
    "extension": "**Extension:** {badge} {note}",
    "since": "**Known since:**",
    "checked": "**Last checked:** {date}.",
    "ask": "**Before you start**, ask {links} whether applications are still accepted.",
    "row": "Pilot status",
    "row_ended": "The pilot's legal term ended on {end}: [see what is known since](index.md#pilot_status)",
    "row_running": "The pilot's legal term runs until {end}: [see its status](index.md#pilot_status)",
    "no_changes": "No changes have been recorded yet.",
    "sources": "Sources",
    "countries": "Countries",
    "rule": "Rule",
}


def _ended(content: Content) -> bool:
    return bool(content.today > content.data["site"]["pilot"]["legal_end"])


def status_banner(content: Content) -> str:
    """The home page's statement of the pilot's status, with the anchor ``#pilot_status``."""
    pilot = content.data["site"]["pilot"]
    ended = _ended(content)
    values = {
        "name": pilot["name"],
        "order": pilot["order"],
        "start": long_date(pilot["legal_start"]),
        "end": long_date(pilot["legal_end"]),
        "cities": " and ".join(pilot["cities"]),
    }
    mark = badge(pilot["extension"], "extension unverified")
    lines = [
        TEXT["term_ended" if ended else "term_running"].format(**values),
        TEXT["cities"].format(**values),
        TEXT["extension"].format(badge=mark, note=pilot["extension_note"]),
    ]
    body = [" ".join(lines[:2]), lines[2]]
    if pilot.get("since"):
        items = [
            f"- {line['text']} ({'; '.join(source_link(content, s) for s in line['sources'])})"
            for line in pilot["since"]
        ]
        body.append(TEXT["since"] + "\n\n" + "\n".join(items))
    checked = TEXT["checked"].format(date=long_date(pilot["verified"]))
    body.append(f"{checked} {content.stale(pilot)}".strip())
    links = " or ".join(f"[{link['title']}]({link['url']})" for link in pilot["status_links"])
    body.append(TEXT["ask"].format(links=links))
    indented = "\n\n".join(
        "\n".join(f"    {ln}" if ln else "" for ln in p.split("\n")) for p in body
    )
    title = TEXT["title_ended" if ended else "title_running"]
    return (
        '<span id="pilot_status" class="kb-anchor"></span>\n\n'
        f'!!! warning "{title}"\n\n{indented}\n'
    )


def depends_on_pilot(content: Content, step: dict[str, Any]) -> bool:
    return bool(step.get("pilot") or content.stage_of[step["id"]].get("pilot"))


def pilot_row(content: Content) -> tuple[str, str]:
    """The facts row a step that depends on the pilot shows, linking to the status."""
    end = long_date(content.data["site"]["pilot"]["legal_end"])
    return TEXT["row"], TEXT["row_ended" if _ended(content) else "row_running"].format(end=end)


def changes_list(content: Content) -> str:
    """Every change note, newest first, grouped by day, each linking to its record."""
    changes = collect(content)
    if not changes:
        return TEXT["no_changes"] + "\n"
    out, day = [], None
    for change in changes:
        if change.date != day:
            day = change.date
            out.append(f"\n## {long_date(day)} {{ #changes_{day.isoformat()} }}\n")
        cited = "; ".join(source_link(content, s) for s in change.sources)
        out.append(
            f"- **[{change.title}]({change.page}#{change.anchor})**: {change.what} "
            f"{TEXT['sources']}: {cited}."
        )
    return "\n".join(out) + "\n"


def nationalities_list(content: Content) -> str:
    """Each group of nationalities with its rule, countries and provenance (anchor: group id)."""
    rules = {r["id"]: r for r in content.data["stay_rules"]}
    out = []
    for group in content.data["nationalities"]:
        rule = rules[group["rule_set"]]
        out.append(f"### {rule['title']} {{ #{group['id']} }}\n")
        by_name = sorted(group["countries"].items(), key=lambda item: item[1])
        countries = ", ".join(f"{name} ({code})" for code, name in by_name)
        rows = [(TEXT["rule"], rule["title"]), (TEXT["countries"], countries)]
        rows += provenance(content, group)
        out.append(facts(rows))
    return "\n".join(out)
