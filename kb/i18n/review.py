"""What a Russian editor checks in every Russian text: Latin script, terms, typography.

Three checks over plain text, each returning the problems it finds (an empty list is clean):

- :func:`latin_words`: Latin-script words outside the reviewed proper names, codes and URLs of
  the term base (``kb/i18n/ru_terms.yaml``: ``names`` and ``codes``);
- :func:`term_problems`: a forbidden variant of a term (``terms[].forbidden``), with the
  preferred term and its source;
- :func:`typography_problems`: a plain space where a non-breaking one belongs (before units,
  currency, ``№``, ``г.``, between digit groups), a spaced hyphen for a dash, ASCII double
  quotes, a date in words without ``г.``.

:func:`page_text` gives the visible text of a built page (no ``<script>``, ``<style>``, code,
or anything marked ``lang`` of another language, such as an English source title); the texts to
check are gathered by ``tests/i18n/ru_texts.py`` (translations, catalogs, pages, engine answers).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, ClassVar

import yaml

TERMS_FILE = Path(__file__).with_name("ru_terms.yaml")
# a word starts at a letter that no letter or digit precedes: the tail of a hash (91084d1fb8) is not one
LATIN = re.compile(r"(?<![A-Za-z0-9])[A-Za-z][A-Za-z0-9]*(?:['’\-][A-Za-z0-9]+)*")
URL = re.compile(
    r"(?:https?://|www\.)\S+|\S+@\S+|\b[\w\-]+(?:\.[\w\-]+)*\.(?:kz|com|org|net|io|app|uz|az|kg|"
    r"media|news|law|gov|eu|ru|json|ics|csv|md|yaml|py|js|html|xml)\b\S*"
)
CODE_SPAN = re.compile(r"`[^`]*`|(?<![\w-])--[a-z][\w-]*")  # code, command-line options
# typography
_S = " "  # a plain space where a non-breaking one belongs
MONTHS = "января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря"
TYPOGRAPHY = (
    (re.compile(r"\d (?:тенге|₸|МРП|м²|%|гг?\.)(?![а-яё])"), "plain space before a unit"),
    (re.compile(r"№ ?\d"), "№ without a non-breaking space"),
    (re.compile(r"(?<![\d.,\-])\d{1,3} \d{3}(?!\d)"), "digit groups joined by a plain space"),
    (re.compile(r"[а-яё,] - [а-яёА-ЯЁ]"), "spaced hyphen instead of a dash"),
    (re.compile(r'"[^"\n]{1,200}"'), "ASCII double quotes"),
    (re.compile(rf"\d[  ](?:{MONTHS})[  ]\d{{4}}(?![  ]*(?:г\.|год))"), "date without «г.»"),
)


@dataclass(frozen=True)
class Term:
    preferred: str
    forbidden: tuple[str, ...]
    source: str
    patterns: tuple[re.Pattern[str], ...]


@cache
def term_base() -> dict[str, Any]:
    """The parsed term base: ``names``, ``codes`` (regexes) and ``terms``."""
    data: dict[str, Any] = yaml.safe_load(TERMS_FILE.read_text(encoding="utf-8"))
    return data


@cache
def terms() -> tuple[Term, ...]:
    found = []
    for entry in term_base()["terms"]:
        forbidden = tuple(entry.get("forbidden") or ())
        # a variant matches at a word start, with any ending and any line break between its words
        patterns = tuple(
            re.compile(r"(?<![а-яёА-ЯЁ])" + r"\s+".join(map(re.escape, v.split())), re.I)
            for v in forbidden
        )
        found.append(Term(entry["preferred"], forbidden, entry["source"], patterns))
    return tuple(found)


@cache
def _allowed() -> tuple[re.Pattern[str], re.Pattern[str]]:
    base = term_base()
    names = sorted(base["names"], key=len, reverse=True)
    name_re = re.compile("|".join(rf"(?<![\w]){re.escape(n)}(?![\w])" for n in names))
    code_re = re.compile("|".join(f"(?:{c})" for c in base["codes"]))
    return name_re, code_re


def latin_words(text: str) -> list[str]:
    """The Latin-script words of ``text`` that are not reviewed names, codes or URLs."""
    names, codes = _allowed()
    text = URL.sub(" ", CODE_SPAN.sub(" ", text))
    text = names.sub(" ", text)
    return [w for w in LATIN.findall(text) if not codes.fullmatch(w)]


def term_problems(text: str) -> list[str]:
    """``'«миграционная полиция» → «миграционная служба» (source)'`` for each forbidden variant."""
    problems = []
    for term in terms():
        for variant, pattern in zip(term.forbidden, term.patterns, strict=True):
            if pattern.search(text):
                problems.append(f"«{variant}» → «{term.preferred}» ({term.source})")
    return problems


def typography_problems(text: str) -> list[str]:
    """What Russian typesetting would correct in ``text``, with the spot quoted."""
    found = []
    for pattern, what in TYPOGRAPHY:
        for match in pattern.finditer(text):
            start = max(0, match.start() - 20)
            found.append(f"{what}: …{text[start : match.end() + 20]}…")
    return found


class _Visible(HTMLParser):
    """Collects the text a reader sees (and the titles and labels a reader hears)."""

    SKIP: ClassVar[set[str]] = {
        "script",
        "style",
        "code",
        "pre",
        "kbd",
        "samp",
        "svg",
        "template",
        "head",
    }
    VOID: ClassVar[set[str]] = {
        "br",
        "hr",
        "img",
        "input",
        "meta",
        "link",
        "source",
        "wbr",
        "area",
        "col",
        "embed",
    }
    SPOKEN = ("title", "aria-label", "alt", "placeholder")

    def __init__(self, lang: str) -> None:
        super().__init__(convert_charrefs=True)
        self.lang = lang
        self.stack: list[bool] = []  # per open element: is its text hidden from this check?
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        other_lang = bool(values.get("lang")) and values.get("lang") != self.lang
        hidden = (self.stack and self.stack[-1]) or tag in self.SKIP or other_lang
        hidden = hidden or "hidden" in values or values.get("translate") == "no"
        if not hidden:
            self.parts += [str(values[a]) for a in self.SPOKEN if values.get(a)]
        if tag not in self.VOID:
            self.stack.append(bool(hidden))

    def handle_endtag(self, tag: str) -> None:
        if tag not in self.VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        if not (self.stack and self.stack[-1]):
            self.parts.append(data)


def page_text(html: str, lang: str = "ru") -> str:
    """The visible text of a page in ``lang`` (other languages' passages left out), one line per
    text node."""
    parser = _Visible(lang)
    parser.feed(html)
    return "\n".join(p.strip() for p in parser.parts if p.strip())
