"""The interface words in kb's code and their gettext catalogs (``kb/locale/<lang>/.../kb.po``).

:func:`extract` finds every message the renderers use (``lang._("…")``, ``N_("…")``,
``ngettext``); :func:`update` merges them into each catalog the way ``pybabel update`` does, so a
translator only fills in the new ``msgstr`` lines. Tests use :func:`problems` to fail on a message
with no translation or with placeholders the English does not have.
"""

from __future__ import annotations

import re
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

from kb.i18n.language import DOMAIN, LOCALE_DIR

KB_DIR = Path(__file__).resolve().parent.parent
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}
PLACEHOLDER = re.compile(r"\{(\w+)\}")


def extract() -> Catalog:
    """Every message used in ``kb/*.py`` (with the file it comes from)."""
    template = Catalog(domain=DOMAIN)
    found = extract_from_dir(KB_DIR, method_map=[("**.py", "python")], keywords=KEYWORDS)
    for filename, lineno, message, comments, context in found:
        template.add(
            message, None, [(f"kb/{filename}", lineno)], auto_comments=comments, context=context
        )
    return template


def languages() -> list[str]:
    return sorted(p.name for p in LOCALE_DIR.iterdir() if (p / "LC_MESSAGES").is_dir())


def read(lang: str) -> Catalog:
    with (LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po").open("rb") as handle:
        return read_po(handle, locale=lang, domain=DOMAIN)


def update(lang: str) -> None:
    """Add new messages to a language's catalog (created if there is none yet, with CLDR's plural
    rule for the language) and drop the ones the code no longer uses."""
    path = LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
    catalog = read(lang) if path.exists() else Catalog(locale=lang, domain=DOMAIN, project="kz-dnr")
    catalog.update(extract(), no_fuzzy_matching=True)
    catalog.obsolete.clear()
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        write_po(handle, catalog, width=100, no_location=True, sort_output=True)


def problems(lang: str) -> list[str]:
    """Messages of the code that the catalog lacks or translates with unknown placeholders."""
    catalog = read(lang)
    out = []
    for message in extract():
        if not message.id:
            continue
        msgid = message.id[0] if isinstance(message.id, tuple) else message.id
        entry = catalog.get(message.id)
        strings = entry.string if entry else None
        strings = list(strings) if isinstance(strings, tuple) else [strings]
        if entry is None or not all(strings):
            out.append(f"kb/locale/{lang}: no translation for {msgid!r}")
            continue
        allowed = set(
            PLACEHOLDER.findall(" ".join(message.id if isinstance(message.id, tuple) else [msgid]))
        )
        for string in strings:
            unknown = set(PLACEHOLDER.findall(string or "")) - allowed
            if unknown:
                out.append(f"kb/locale/{lang}: {msgid!r} uses unknown {sorted(unknown)}")
    return out
