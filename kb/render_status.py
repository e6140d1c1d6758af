"""What is current: the pilot's status on the home page (and the line steps link to it with), the
"What changed" list, and the visa-free list by nationality. User-facing words are in ``TEXT``
(msgids of the kb catalog, shown through ``content.lang``); country names come from CLDR."""

from __future__ import annotations

from typing import Any

from kb.changes import collect
from kb.content import Content
from kb.render_common import N_, badge, facts, provenance, source_link

TEXT = {
    "title_ended": N_("Status of the pilot: its legal term has ended"),
    "title_running": N_("Status of the pilot: check before you start"),
    "term_ended": N_(
        "The {name} was set up by the {order}. Its legal term ran from **{start}** to "
        "**{end}**, and that date has passed."
    ),
    "term_running": N_(
        "The {name} was set up by the {order}. Its legal term runs from **{start}** to **{end}**."
    ),
    "cities": N_("It covers {cities}."),
    "extension": N_("**Extension:** {badge} {note}"),
    "since": N_("**Known since:**"),
    "checked": N_("**Last checked:** {date}."),
    "ask": N_("**Before you start**, ask {links} whether applications are still accepted."),
    "open": N_(
        "**Before you advise anyone:** [what we don't know](open-questions.md) lists every fact "
        "that rests on one source or that sources dispute, and what would settle it."
    ),
    "row": N_("Pilot status"),
    "row_ended": N_(
        "The pilot's legal term ended on {end}: [see what is known since](index.md#pilot_status)"
    ),
    "row_running": N_(
        "The pilot's legal term runs until {end}: [see its status](index.md#pilot_status)"
    ),
    "no_changes": N_("No changes have been recorded yet."),
    "sources": N_("Sources"),
    "effective": N_("(the rule itself changed on {date})"),
    "countries": N_("Countries"),
    "rule": N_("Rule"),
    "and": N_(" and "),
    "or": N_(" or "),
    "extension_unverified": N_("extension unverified"),
}


def _ended(content: Content) -> bool:
    return bool(content.today > content.data["site"]["pilot"]["legal_end"])


def status_banner(content: Content) -> str:
    """The home page's statement of the pilot's status, with the anchor ``#pilot_status``."""
    lang = content.lang
    t = lambda key: lang.pick(TEXT, key)  # noqa: E731
    pilot = content.data["site"]["pilot"]
    ended = _ended(content)
    values = {
        "name": pilot["name"],
        "order": pilot["order"],
        "start": lang.date(pilot["legal_start"]),
        "end": lang.date(pilot["legal_end"]),
        "cities": t("and").join(pilot["cities"]),
    }
    mark = badge(pilot["extension"], t("extension_unverified"), lang)
    lines = [
        t("term_ended" if ended else "term_running").format(**values),
        t("cities").format(**values),
        t("extension").format(badge=mark, note=pilot["extension_note"]),
    ]
    body = [" ".join(lines[:2]), lines[2]]
    if pilot.get("since"):
        items = [
            f"- {line['text']} ({'; '.join(source_link(content, s) for s in line['sources'])})"
            for line in pilot["since"]
        ]
        body.append(t("since") + "\n\n" + "\n".join(items))
    checked = t("checked").format(date=lang.date(pilot["verified"]))
    body.append(f"{checked} {content.stale(pilot)}".strip())
    links = t("or").join(f"[{link['title']}]({link['url']})" for link in pilot["status_links"])
    body.append(t("ask").format(links=links))
    body.append(t("open"))
    indented = "\n\n".join(
        "\n".join(f"    {ln}" if ln else "" for ln in p.split("\n")) for p in body
    )
    title = t("title_ended" if ended else "title_running")
    return (
        '<span id="pilot_status" class="kb-anchor"></span>\n\n'
        f'!!! warning "{title}"\n\n{indented}\n'
    )


def depends_on_pilot(content: Content, step: dict[str, Any]) -> bool:
    return bool(step.get("pilot") or content.stage_of[step["id"]].get("pilot"))


def pilot_row(content: Content) -> tuple[str, str]:
    """The facts row a step that depends on the pilot shows, linking to the status."""
    lang = content.lang
    end = lang.date(content.data["site"]["pilot"]["legal_end"])
    row = lang.pick(TEXT, "row_ended" if _ended(content) else "row_running")
    return lang.pick(TEXT, "row"), row.format(end=end)


def changes_list(content: Content) -> str:
    """Every change note, newest first, grouped by day, each linking to its record."""
    changes = collect(content)
    lang = content.lang
    if not changes:
        return lang.pick(TEXT, "no_changes") + "\n"
    out, day = [], None
    for change in changes:
        if change.date != day:
            day = change.date
            out.append(f"\n## {lang.date(day)} {{ #changes_{day.isoformat()} }}\n")
        cited = "; ".join(source_link(content, s) for s in change.sources)
        effective = ""
        if change.effective and change.effective != change.date:
            date = lang.date(change.effective)
            effective = lang.pick(TEXT, "effective").format(date=date) + " "
        out.append(
            f"- **[{change.title}]({change.page}#{change.anchor})**: {change.what} "
            f"{effective}{lang.pick(TEXT, 'sources')}: {cited}."
        )
    return "\n".join(out) + "\n"


def nationalities_list(content: Content) -> str:
    """Each group of nationalities with its rule, countries and provenance (anchor: group id)."""
    lang = content.lang
    rules = {r["id"]: r for r in content.data["stay_rules"]}
    out = []
    for group in content.data["nationalities"]:
        rule = rules[group["rule_set"]]
        out.append(f"### {rule['title']} {{ #{group['id']} }}\n")
        names = {code: lang.country(code, name) for code, name in group["countries"].items()}
        by_name = sorted(names.items(), key=lambda item: lang.sort_key(item[1]))
        countries = ", ".join(f"{name} ({code})" for code, name in by_name)
        rows = [(lang.pick(TEXT, "rule"), rule["title"]), (lang.pick(TEXT, "countries"), countries)]
        rows += provenance(content, group)
        out.append(facts(rows))
    return "\n".join(out)
