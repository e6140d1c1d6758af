"""Finding internal names (ids such as ``police_certificate``, ``kz_visa_free_30``) where a person
reads: the calculator's answers on the page and the ``.ics`` text. Reusable by any page's test.

A person never reads an id (style.md, section 9); ids may live only in the places named in
``ALLOWED``: the "Technical details" fold of an explanation, data attributes (never text) and the
report's technical section. Visible text and the accessible words of attributes (``aria-label``,
``title``, ``alt``) are scanned; text inside an allowed container is skipped.

    from tests.id_scan import ids_in_text, ids_in_ics, ids_on_page
    assert ids_on_page(page, "#calc-results, #calc-report, #calc-problems") == []
"""

from __future__ import annotations

import re
from typing import Any

ID = re.compile(r"(?<![\w/.#=-])[a-z]+_[a-z0-9_]+(?![\w/.-])")
# Containers whose text may show ids (for consultants).
ALLOWED = (".kzcalc-technical", "[data-technical]")
# The .ics properties a calendar shows a person (UIDs and X- properties are machine fields).
ICS_READ = ("SUMMARY", "DESCRIPTION", "LOCATION", "X-WR-CALNAME")

_PAGE_TEXT = """([roots, allowed]) => {
  const out = [];
  const skip = (node) => allowed.some((sel) => node.closest && node.closest(sel));
  for (const root of document.querySelectorAll(roots)) {
    const walk = document.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
    for (let node = walk.currentNode; node; node = walk.nextNode()) {
      if (node.nodeType === Node.TEXT_NODE) {
        const parent = node.parentElement;
        if (parent && !skip(parent) && !parent.closest("script, style, template")) out.push(node.data);
      } else if (!skip(node)) {
        for (const name of ["aria-label", "title", "alt", "aria-description"]) {
          if (node.getAttribute(name)) out.push(node.getAttribute(name));
        }
      }
    }
  }
  return out;
}"""


def ids_in_text(text: str) -> list[str]:
    """Every id-looking word in ``text`` (``police_certificate``; not part of a URL or a path)."""
    return ID.findall(text)


def ids_on_page(page: Any, roots: str, allowed: tuple[str, ...] = ALLOWED) -> list[str]:
    """Ids in the text under ``roots`` (a CSS selector list) outside ``allowed`` containers,
    folded ``<details>`` included: a closed fold is still read once opened or printed."""
    texts: list[str] = page.evaluate(_PAGE_TEXT, [roots, list(allowed)])
    return [found for text in texts for found in ids_in_text(text)]


def ics_lines(ics: str) -> list[tuple[str, str]]:
    """The unfolded ``(property, value)`` lines of an iCalendar text, values unescaped."""
    unfolded = re.sub(r"\r?\n[ \t]", "", ics)
    out = []
    for line in unfolded.splitlines():
        name, _sep, value = line.partition(":")
        value = re.sub(r"\\([\\;,])", r"\1", value).replace("\\n", "\n").replace("\\N", "\n")
        out.append((name.split(";")[0], value))
    return out


def ids_in_ics(ics: str) -> list[str]:
    """Ids in what a calendar shows: titles, descriptions and reminders of every event."""
    return [
        found for name, value in ics_lines(ics) if name in ICS_READ for found in ids_in_text(value)
    ]
