"""The personal plan (``route``) on the command line: its options and its text answer.

The text follows the page's order (answer first): the routes' verdict, my steps with dates, my
documents with the dates that keep them valid, then the warnings and the dates from which a
review is late. Ids are shown after the title in brackets, for consultants who link the guide.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from calculator.core.i18n import N_, _

ANSWERS = {"yes": N_("yes"), "no": N_("no"), "unknown": N_("unknown")}
LATE = {
    "approved": N_("No eGov decision yet: late from"),
    "final_review": N_("No final review yet: late from"),
    "permit_issued": N_("Card not ready: late from"),
}


def add_route(command: Any, date_option: Any, add_stays: Any) -> None:
    """The ``route`` command's options (``command`` makes a sub-parser; the others add options)."""
    p = command("route", _("a personal plan: open routes, my steps, documents and dates"))
    p.add_argument("--nationality", metavar="CC", help=_("ISO 3166 alpha-2 code, e.g. NL"))
    # The answers' words are checked by the engine, as for the page: one message for both.
    p.add_argument("--it", metavar="yes|no", help=_("is your profession on the IT list"))
    p.add_argument(
        "--income-usd", dest="income_usd", metavar="N", help=_("monthly foreign income in USD")
    )
    p.add_argument("--city", metavar="astana|almaty|other", help=_("where you will live"))
    p.add_argument("--family", metavar="yes|no", help=_("family coming along"))
    add_stays(p)
    date_option(p, "--on", _("the day the plan is made for (default: today)"))
    date_option(
        p, "--passport-expires", _("the last day your passport is valid"), dest="passport_expires"
    )
    date_option(
        p,
        "--certificate-issued",
        _("the issue date of your police clearance certificate"),
        dest="certificate_issued",
    )
    date_option(p, "--approved", _("the day of the eGov decision"))
    date_option(p, "--entered", _("the day you entered Kazakhstan"))


def default_day(request: dict[str, Any]) -> None:
    """The plan is made for today unless ``--on`` says otherwise (the engine never reads a clock)."""
    request.setdefault("on", date.today().isoformat())


def _answer(value: str) -> str:
    return _(ANSWERS.get(value, value))


def render_route(result: dict[str, Any], version: str) -> str:
    lines = [_("Routes (eligible / open):")]
    for route in result["routes"]:
        lines.append(f"  {route['title']}: {_answer(route['eligible'])} / {_answer(route['open'])}")
        lines += [f"    - {reason}" for reason in route["reasons"]]
    if result["steps"]:
        lines.append(_("My steps:"))
    for step in result["steps"]:
        when = step.get("date") or step.get("obtain_from") or ""
        if step.get("obtain_from"):
            when = _("from {date}").format(date=when)
        maybe = " " + _("(maybe)") if step["applies"] != "yes" else ""
        optional = " " + _("(if needed)") if step["optional"] else ""
        lines.append(f"  {when:<15} {step['title']}{maybe}{optional}")
    if result["documents"]:
        lines.append(_("My documents:"))
    for doc in result["documents"]:
        dates = []
        if doc.get("obtain_because") == "in_kazakhstan":
            dates.append(
                _("in Kazakhstan, issued on or after {date}").format(date=doc["obtain_from"])
            )
        elif doc.get("obtain_from"):
            dates.append(_("issued on or after {date}").format(date=doc["obtain_from"]))
        if doc.get("valid_until"):
            dates.append(_("valid until {date}").format(date=doc["valid_until"]))
        if doc.get("needed_until"):
            dates.append(_("must be valid past {date}").format(date=doc["needed_until"]))
        tail = f" ({'; '.join(dates)})" if dates else ""
        lines.append(f"  {doc['title']}{tail}")
    if result["late_from"]:
        lines.append(_("When it goes wrong:"))
        lines += [f"  {_(LATE[item['id']])} {item['date']}" for item in result["late_from"]]
    if result["warnings"]:
        lines.append(_("Warnings:"))
        lines += [f"  ! {warning}" for warning in result["warnings"]]
    lines.append(_("Why:"))
    lines += [f"  {step}" for step in result["explanation"]["steps"]]
    lines.append(
        _("Data version: {version}. Not legal advice: check with the migration service.").format(
            version=version
        )
    )
    return "\n".join(lines)
