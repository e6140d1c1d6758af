"""Each route of ``data/routes.yaml`` for this person: ``eligible`` and ``open`` (yes / no /
unknown), with the reasons in words and the route's sources.

``eligible`` follows the route's ``requires`` (the conditions of :mod:`calculator.route.conditions`,
``income_usd_over``: strictly more than that many US dollars a month, ``not_groups``: nationality
groups it excludes); ``eligible: unknown`` in the data fixes the answer (the route's ``note`` says
why). ``open: pilot`` is read from the pilot's legal end (``data/site.yaml``): open until that day,
then unknown while no extension is confirmed. Unknown is an honest answer: nothing is guessed.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from calculator.core.dates import parse_optional_date
from calculator.core.i18n import _, country, human
from calculator.route.conditions import NO, UNKNOWN, YES, combine, holds
from calculator.route.questions import Answers
from calculator.rules.rulebook import RuleBook


def _city(key: str) -> str:
    return {"astana": _("Astana"), "almaty": _("Almaty")}.get(key, _("another city"))


def _it_reason(answer: str) -> str:
    return {
        YES: _("Your profession is on the in-demand IT list."),
        NO: _("Only for IT specialists whose profession is on the in-demand list."),
        UNKNOWN: _(
            "Only for IT specialists whose profession is on the in-demand list: check yours "
            "(the guide's step 'Check that your profession is on the in-demand list')."
        ),
    }[answer]


def _city_reason(answer: str, cities: list[str], mine: str | None) -> str:
    where = ", ".join(_city(c) for c in cities)
    if answer == YES:
        return _("You will live in {city}, where applications are handled.").format(
            city=_city(mine or "")
        )
    if answer == NO:
        return _("Handled only in {cities}; you plan to live elsewhere.").format(cities=where)
    return _("Handled only in {cities}: say where you will live.").format(cities=where)


def _income_reason(over: int, income: int | None) -> tuple[str, str]:
    if income is None:
        text = _("Asks for a foreign income of more than USD {minimum} a month: give yours.")
        return UNKNOWN, text.format(minimum=str(over))
    if income > over:
        text = _("Your income of USD {income} a month is more than the USD {minimum} it asks.")
        return YES, text.format(income=str(income), minimum=str(over))
    text = _("Asks for more than USD {minimum} a month; you gave USD {income}.")
    return NO, text.format(income=str(income), minimum=str(over))


def _e_visa_reason(book: RuleBook, code: str) -> str:
    name = country(code, book.nationalities[code].name) if code in book.nationalities else code
    return _(
        "Only for citizens of Kazakhstan's e-visa countries; no source this guide can cite lists "
        "them, so whether citizens of {country} qualify is unknown: ask a Kazakh consulate."
    ).format(country=name)


def eligibility(
    book: RuleBook, route: Mapping[str, Any], answers: Answers, facts: Mapping[str, str | None]
) -> tuple[str, list[str]]:
    """``(eligible, reasons)`` for one route."""
    if route.get("eligible") == UNKNOWN:
        return UNKNOWN, [str(route.get("note") or _("Who it covers is not confirmed."))]
    found: list[str] = []
    reasons: list[str] = []
    said: list[tuple[str, str]] = []  # (answer, reason) in the data's order
    for key, wanted in (route.get("requires") or {}).items():
        if key == "income_usd_over":
            answer, text = _income_reason(int(wanted), answers.income_usd)
        elif key == "not_groups":
            group = book.nationalities.get(answers.nationality)
            answer = NO if group is not None and group.group in wanted else YES
            if answer == YES:
                continue  # nothing to say: the exclusion is not about this person
            rule = book.stay_rules[group.rule_set].title if group else ""
            text = _("Not for citizens of {country}, who stay visa-free instead ({rule}).").format(
                country=country(answers.nationality, group.name if group else ""), rule=rule
            )
        else:
            answer = holds(key, wanted, facts)
            if key == "it":
                text = _it_reason(answer)
            elif key == "city":
                text = _city_reason(answer, list(wanted), answers.city)
            elif key == "e_visa":
                text = _e_visa_reason(book, answers.nationality)
                if facts.get("visa_free") == YES:
                    said.append(
                        (
                            UNKNOWN,
                            _(
                                "You can enter visa-free instead, as the applicant in the real case did."
                            ),
                        )
                    )
            else:
                continue
        found.append(answer)
        said.append((answer, text))
    verdict = combine(found)
    # a "no" is explained by what rules it out; the open questions would only distract
    reasons = [text for answer, text in said if verdict != NO or answer == NO]
    return verdict, reasons


def openness(book: RuleBook, route: Mapping[str, Any], answers: Answers) -> tuple[str, list[str]]:
    """``(open, reasons)`` for one route, on ``answers.on``."""
    value = str(route["open"])
    since = parse_optional_date(route.get("open_since"), f"{route['id']}.open_since")
    if since is not None and answers.on < since:
        return NO, [
            _("Not open yet on {on}: it opens on {since}.").format(
                on=human(answers.on), since=human(since)
            )
        ]
    if value != "pilot":
        note = route.get("open_note")
        return value, [str(note)] if note else []
    pilot = book.pilot
    if pilot is None:
        return UNKNOWN, []
    if answers.on <= pilot.legal_end:
        return YES, [_("The pilot runs until {date}.").format(date=human(pilot.legal_end))]
    if pilot.extension == "confirmed":
        return YES, [_("The pilot was extended beyond {date}.").format(date=human(pilot.legal_end))]
    return UNKNOWN, [
        _(
            "The pilot's legal term ended on {date} and no order extending it was found. "
            "Ask Astana Hub whether applications are still accepted before you pay for anything."
        ).format(date=human(pilot.legal_end))
    ]


def judge_routes(
    book: RuleBook, answers: Answers, facts: Mapping[str, str | None]
) -> list[dict[str, Any]]:
    """Every route, in the data's order."""
    found = []
    for route in book.source["plan"]["routes"]:
        eligible, why = eligibility(book, route, answers, facts)
        is_open, open_why = openness(book, route, answers)
        found.append(
            {
                "id": route["id"],
                "title": route["title"],
                "eligible": eligible,
                "open": is_open,
                "reasons": why + open_why,
                "sources": [book.sources[s].to_dict() for s in route.get("sources", ())],
                "confidence": route.get("confidence", "confirmed"),
                "verified": route.get("verified"),
            }
        )
    return found
