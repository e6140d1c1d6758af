"""The personal plan's page (/plan/): the question form and the fixed part of "when it goes wrong",
rendered at build from ``data/`` in the page's language (template ``kb/templates/plan.html``).

The choices are the engine's answers (``calculator/route/questions.py``): nationalities from
``data/nationalities.yaml`` with CLDR names, yes / no, the three cities. The words are in the kb
catalog; the page's JS (``docs/assets/plan/``) reads and writes the same names as the fragment.
"""

from __future__ import annotations

from typing import Any

from calculator.core.i18n import country, language
from calculator.rules.rulebook import RuleBook
from kb.content import Content
from kb.html import _ENV

WRONG_PITFALLS = ("inconsistent_form_data", "english_questionnaire", "egov_system_error")
"""Pitfalls whose advice the plan repeats under "when it goes wrong" (the case's refusals)."""


def plan_form(book: RuleBook, content: Content) -> str:
    lang = content.lang
    _ = lang._
    with language(lang.code):
        names = {n.code: country(n.code, n.name) for n in book.nationalities.values()}
    nationalities = sorted(names.items(), key=lambda item: item[1])
    yes_no = [("yes", _("Yes")), ("no", _("No"))]
    choices: list[dict[str, Any]] = [
        {
            "name": "it",
            "label": _("Is your profession on the in-demand IT list?"),
            "hint": _("The residency is only for IT specialists on that list."),
            "link": "../guide/#check_profession",
            "link_text": _("How to check"),
            "options": [*yes_no, ("", _("Not sure"))],
        },
        {
            "name": "city",
            "label": _("Where will you live?"),
            "hint": None,
            "options": [
                ("astana", _("Astana")),
                ("almaty", _("Almaty")),
                ("other", _("Elsewhere")),
            ],
        },
        {
            "name": "family",
            "label": _("Is your family coming with you?"),
            "hint": None,
            "options": yes_no,
        },
    ]
    dates = [
        ("passport_expires", _("Your passport expires on")),
        ("certificate_issued", _("Your police certificate was issued on")),
        ("approved", _("eGov approval (if you have it)")),
        ("entered", _("You entered Kazakhstan for the application on")),
    ]
    wrong = [
        {
            "title": content.pitfalls[p]["title"],
            "text": content.pitfalls[p]["avoid"],
            "link": f"../pitfalls/#{p}",
        }
        for p in WRONG_PITFALLS
        if p in content.pitfalls
    ]
    wrong.append(
        {
            "title": _("After a refusal"),
            "text": _(
                "No source this guide can cite gives the waiting period before a new application "
                "after a refusal; in the real case, refusals for form errors were followed by new "
                "applications within weeks. Ask the migration service before you apply again."
            ),
            "link": "../guide/#ask_mia_for_help",
        }
    )
    words = {
        "starting": _(
            "Starting the plan's engine (Python in your browser). You can answer meanwhile."
        ),
        "noscript": _("The plan needs JavaScript and WebAssembly. The guide works without them."),
        "nationality": _("Your nationality"),
        "choose": _("Choose…"),
        "income": _("Your monthly income from abroad, in US dollars"),
        "income_hint": _("Only for the Neo Nomad visa, which asks for a minimum income."),
        "stays": _("Your recent stays in Kazakhstan"),
        "stays_hint": _("Leave the exit empty if you are in Kazakhstan now."),
        "add_stay": _("Add a stay"),
        "entry": _("Entry"),
        "exit": _("Exit"),
        "remove": _("Remove"),
        "dates": _("Dates you already know"),
        "dates_hint": _("All optional: each one you give makes the plan more exact."),
        "copy_link": _("Copy link"),
        "print_plan": _("Print the plan"),
        "answers": _("Your answers"),
        "wrong": _("When it goes wrong"),
        "in_the_guide": _("In the guide"),
    }
    return str(
        _ENV.get_template("plan.html").render(
            w=words, nationalities=nationalities, choices=choices, dates=dates, wrong=wrong
        )
    )
