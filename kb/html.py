"""HTML snippets for the pages, rendered from the Jinja macros in ``kb/templates/html.jinja``.

Jinja2 comes with MkDocs. Text arguments are escaped; ``facts`` takes Markdown definitions as
they are. Words are never typed here or in the template: callers pass catalog text.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2

TEMPLATES = Path(__file__).resolve().parent / "templates"
_ENV = jinja2.Environment(
    loader=jinja2.FileSystemLoader(TEMPLATES),
    autoescape=True,
    keep_trailing_newline=True,
    undefined=jinja2.StrictUndefined,
)
_MACROS: Any = _ENV.get_template("html.jinja").module


def badge(confidence: str, text: str) -> str:
    return str(_MACROS.badge(confidence, text))


def alias(old_id: str) -> str:
    return str(_MACROS.alias(old_id))


def anchor(anchor_id: str) -> str:
    """An empty element carrying an id, for a record shown inside a table row."""
    return str(_MACROS.anchor(anchor_id))


def join(word: str) -> str:
    return str(_MACROS.join(word))


def tag(text: str) -> str:
    return str(_MACROS.tag(text))


def step_number(number: str) -> str:
    return str(_MACROS.step_number(number))


def outcome(kind: str, text: str) -> str:
    return str(_MACROS.outcome(kind, text))


def calculator_link(href: str, text: str) -> str:
    return str(_MACROS.calculator_link(href, text))


def page_meta(reviewed: str, report_text: str, report_href: str, report_template: str) -> str:
    """The line under a page's title: the review date and, when configured, the report link."""
    return str(_MACROS.page_meta(reviewed, report_text, report_href, report_template))


def facts(rows: list[tuple[str, str]]) -> str:
    """Rows as a Markdown definition list inside a styled block."""
    return str(_MACROS.facts(rows))


def start_here(what: str, status: str, start: str, items: str) -> str:
    """The home page's first-screen block; ``status`` and ``items`` are Markdown."""
    return str(_MACROS.start_here(what, status, start, items))


def foreign(lang: str, text: str) -> str:
    """``text`` marked as written in ``lang`` (a source's own title in another language)."""
    return str(_MACROS.foreign(lang, text))


def behind(record_id: str, text: str, link_text: str) -> str:
    """The notice on a record whose translation fell behind its English text."""
    return str(_MACROS.behind(record_id, text, link_text))
