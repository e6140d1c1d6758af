"""The home page's first screen: what this is, the programme's status in one line (the details
one tap away, at ``#pilot_status``) and where to start: the personal plan, the guide and the
calculator. User-facing words are in ``TEXT`` (msgids of the kb catalog, via ``content.lang``)."""

from __future__ import annotations

from pathlib import Path

from kb import html
from kb.content import Content
from kb.render_common import N_, badge
from kb.render_status import TEXT as STATUS
from kb.render_status import _ended

DOCS = Path(__file__).resolve().parent.parent / "docs"

TEXT = {
    "what": N_(
        "A step-by-step guide to Kazakhstan's {name} for IT specialists who work remotely, "
        "with a deadline calculator, from one real application."
    ),
    "status_ended": N_("**Status:** the pilot's legal term ended on {end}; no extension found."),
    "status_running": N_("**Status:** the pilot's legal term runs until {end}."),
    "status_more": N_("What is known since"),
    "start": N_("Where to start"),
    "plan": N_("Your personal plan"),
    "plan_what": N_(
        "from a few answers: which route is open to you, your steps, documents and dates"
    ),
    "guide": N_("The guide, step by step"),
    "guide_what": N_("every step from the first check to the residence card"),
    "calculator": N_("The deadline calculator"),
    "calculator_what": N_(
        "visa-free days, the application timeline, document validity; works offline after one "
        "visit online"
    ),
}


def plan_page() -> str | None:
    """The personal plan's source page, when the site has one (``plan.md`` or ``plan/index.md``)."""
    for name in ("plan.md", "plan/index.md"):
        if (DOCS / name).is_file():
            return name
    return None


def start_here(content: Content) -> str:
    """The first screen's block (Markdown inside a template's ``<div markdown>``)."""
    lang = content.lang
    t = lambda key: lang.pick(TEXT, key)  # noqa: E731
    pilot = content.data["site"]["pilot"]
    end = lang.date(pilot["legal_end"])
    status = t("status_ended" if _ended(content) else "status_running").format(end=end)
    mark = badge(pilot["extension"], lang.pick(STATUS, "extension_unverified"), lang)
    status = f"{status} {mark} [{t('status_more')}](#pilot_status)".replace("  ", " ")
    routes = []
    plan = plan_page()
    if plan:
        routes.append((plan, t("plan"), t("plan_what")))
    routes += [
        ("guide.md", t("guide"), t("guide_what")),
        ("calculator/index.md", t("calculator"), t("calculator_what")),
    ]
    items = "\n".join(f"- **[{title}]({href})**: {what}" for href, title, what in routes)
    return html.start_here(t("what").format(name=pilot["name"]), status, t("start"), items)
