"""The calculator page's choices, rendered into its HTML at build time.

The form is usable before Python has started in the browser: the nationality list, the rule sets
and the documents with a validity period come from ``data/`` here, in a ``<template>`` the page's
JavaScript copies into its ``<select>`` elements. They match what the engine's ``meta`` action
returns (same order: nationalities by name, rule sets as in the data, documents by id).
"""

from __future__ import annotations

from html import escape

from calculator.core.bounds import FIRST_DAY, LAST_DAY
from calculator.core.i18n import country, language
from calculator.rules.rulebook import RuleBook
from kb.content import Content


def _options(name: str, items: list[tuple[str, str]], **data: str) -> str:
    extra = "".join(f' data-{k.replace("_", "-")}="{escape(v)}"' for k, v in data.items())
    options = "".join(
        f'<option value="{escape(value)}">{escape(text)}</option>' for value, text in items
    )
    return f'<select data-choices="{name}"{extra}>{options}</select>'


def choices(book: RuleBook, content: Content, lang: str = "en") -> str:
    """``<template id="calc-choices">`` with one ``<select data-choices=NAME>`` per list, in the
    page's language (country names from CLDR, rule titles from data/i18n, as the engine's meta).
    Its ``data-date-min`` / ``data-date-max`` are the engine's date bounds, set on every date input
    (a year field then takes four digits, not six)."""
    with language(lang):
        book = book.localized(lang)
        names = {n.code: country(n.code, n.name) for n in book.nationalities.values()}
    nationalities = sorted(book.nationalities.values(), key=lambda n: names[n.code])
    documents = content.documents
    parts = [
        _options("nationality", [(n.code, f"{names[n.code]} ({n.code})") for n in nationalities]),
        _options("rule", [(r.id, r.title) for r in book.stay_rules.values()]),
        _options(
            "document",
            [(d, str(documents[d]["title"]) if d in documents else d) for d in book.documents()],
        ),
    ]
    reminders = " ".join(str(n) for n in book.reminder_days_before)
    return (
        f'<template id="calc-choices" data-data-version="{escape(book.version)}"'
        f' data-reminders="{escape(reminders)}"'
        f' data-date-min="{FIRST_DAY}" data-date-max="{LAST_DAY}">' + "".join(parts) + "</template>"
    )
