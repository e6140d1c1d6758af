"""The calculator's message catalogs: extract, update, check and compile them with Babel.

Two domains, both with English text as message ids:

- ``calculator``: the engine's words (``calculator/**.py``), in
  ``calculator/locale/<lang>/LC_MESSAGES/calculator.po``; compiled to ``calculator.mo`` next to it,
  which the wheel ships and the stdlib ``gettext`` reads (also in Pyodide).
- ``calculator_page``: the calculator page's words (``t()`` / ``tn()`` calls in its JS), in
  ``kb/locale/<lang>/LC_MESSAGES/calculator_page.po``; the site build turns it into JSON.

Compiling adds what CLDR knows, through Babel, so the engine never carries CLDR itself: the
catalog's Plural-Forms, the month names as they follow a day (genitive in Russian), the weekday
abbreviations and the names of the countries listed in ``data/nationalities.yaml``.
Compiled files are never committed: ``make install``, the site build and the tests compile them.

``python -m kb.i18n_catalogs update`` (``make catalog``) re-extracts and merges into the ``.po``
files; ``compile`` writes the ``.mo`` files; ``check`` lists untranslated, fuzzy and stale entries.
"""

from __future__ import annotations

import gettext
import os
import sys
from pathlib import Path
from typing import Any

import yaml
from babel import Locale
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from calculator.core.i18n import (
    COUNTRY,
    LANGUAGES,
    MONTH,
    MONTH_FULL,
    MONTHS,
    MONTHS_FULL,
    WEEKDAY,
    WEEKDAYS,
)
from kb.i18n.formats import format_problems
from kb.i18n.language import territories

ROOT = Path(__file__).resolve().parent.parent
TRANSLATED = [lang for lang in LANGUAGES if lang != "en"]
DOMAINS: dict[str, dict[str, Any]] = {
    "calculator": {
        "source": ROOT / "calculator",
        "method_map": [("**.py", "python")],
        "keywords": {
            "_": None,
            "N_": None,
            "N_plural": (1, 2),
            "ngettext": (1, 2),
            "pgettext": ((1, "c"), 2),
        },
        "locale_dir": ROOT / "calculator" / "locale",
    },
    "calculator_page": {
        "source": ROOT / "docs",
        "method_map": [
            ("assets/calculator/*.js", "javascript"),
            ("assets/plan/*.js", "javascript"),  # the personal plan's page
            ("calculator/*.js", "javascript"),
        ],
        "keywords": {"t": None, "tn": (1, 2)},
        "locale_dir": ROOT / "kb" / "locale",
    },
}


def po_path(domain: str, lang: str) -> Path:
    return Path(DOMAINS[domain]["locale_dir"]) / lang / "LC_MESSAGES" / f"{domain}.po"


def extract(domain: str) -> Catalog:
    """The template: every literal message of the domain's sources, with translator comments."""
    spec = DOMAINS[domain]
    template = Catalog(project="kz-dnr-calculator", domain=domain)
    for filename, lineno, message, comments, context in extract_from_dir(
        spec["source"],
        method_map=spec["method_map"],
        keywords=spec["keywords"],
        comment_tags=("TRANSLATORS:",),
        strip_comment_tags=True,
    ):
        template.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    return template


def read(domain: str, lang: str) -> Catalog:
    path = po_path(domain, lang)
    if not path.exists():
        return Catalog(locale=lang, domain=domain)
    with path.open("rb") as handle:
        return read_po(handle, locale=lang, domain=domain)


def update(domain: str, lang: str) -> Path:
    """Merge the freshly extracted template into the ``.po`` (new ids empty, changed ids fuzzy)."""
    catalog = read(domain, lang)
    catalog.update(extract(domain), update_creation_date=False)
    catalog.obsolete.clear()  # a message gone from the code is gone from the catalog
    path = po_path(domain, lang)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        write_po(handle, catalog, width=100, sort_by_file=True, include_previous=True)
    return path


def problems(domain: str, lang: str) -> list[str]:
    """What keeps the catalog from being complete: untranslated, fuzzy (stale: the English changed
    since the translation was made) and missing messages, and a Plural-Forms other than CLDR's."""
    catalog = read(domain, lang)
    template = extract(domain)
    found = []
    for message in catalog:
        if not message.id:
            continue
        key = message.id if isinstance(message.id, str) else message.id[0]
        strings = message.string if isinstance(message.string, tuple | list) else [message.string]
        if message.fuzzy:
            found.append(f"{domain}/{lang}: stale (fuzzy) translation of {key!r}")
        elif not all(strings):
            found.append(f"{domain}/{lang}: untranslated {key!r}")
    have = {(m.id, m.context) for m in catalog if m.id}
    for message in template:
        if message.id and (message.id, message.context) not in have:
            key = message.id if isinstance(message.id, str) else message.id[0]
            found.append(f"{domain}/{lang}: not in the catalog yet {key!r} (run `make catalog`)")
    expected = Catalog(locale=lang).plural_forms
    if catalog.plural_forms != expected:
        found.append(f"{domain}/{lang}: Plural-Forms {catalog.plural_forms!r}, CLDR {expected!r}")
    return found + format_problems(po_path(domain, lang), shown(po_path(domain, lang)))


def shown(path: Path) -> str:
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def catalog_files() -> list[Path]:
    """Every translated catalog: the engine's, the page's and the site's (``kb.po``)."""
    files = [po_path(domain, lang) for domain in DOMAINS for lang in TRANSLATED]
    return files + sorted((ROOT / "kb" / "locale").glob("*/LC_MESSAGES/kb.po"))


def format_errors() -> list[str]:
    """The format problems of every catalog (:mod:`kb.i18n.formats`): the build stops on them."""
    return [
        line
        for path in catalog_files()
        if path.exists()
        for line in format_problems(path, shown(path))
    ]


def country_codes() -> list[str]:
    groups = yaml.safe_load((ROOT / "data" / "nationalities.yaml").read_text(encoding="utf-8"))
    return sorted({code for group in groups for code in group["countries"]})


def with_cldr(catalog: Catalog, lang: str) -> Catalog:
    """The catalog plus month, weekday and country names from CLDR (nothing else)."""
    cldr = Locale.parse(lang)
    for index, key in enumerate(MONTHS):
        catalog.add(key, cldr.months["format"]["wide"][index + 1], context=MONTH)
    for index, key in enumerate(MONTHS_FULL):
        catalog.add(key, cldr.months["format"]["wide"][index + 1], context=MONTH_FULL)
    for index, key in enumerate(WEEKDAYS):
        catalog.add(key, cldr.days["format"]["abbreviated"][index], context=WEEKDAY)
    names = territories(lang)  # CLDR's, with the term base's official names
    for code in country_codes():
        if code in names:
            catalog.add(code, names[code], context=COUNTRY)
    return catalog


def compile_engine(lang: str) -> Path:
    """Write ``calculator.mo`` for ``lang`` (translated, non-fuzzy entries plus CLDR's), whole or
    not at all: a CLI or test reading it meanwhile sees the old file, never half of the new."""
    catalog = with_cldr(read("calculator", lang), lang)
    target = po_path("calculator", lang).with_suffix(".mo")
    part = target.with_name(f"{target.name}.{os.getpid()}.part")
    with part.open("wb") as handle:
        write_mo(handle, catalog, use_fuzzy=False)
    os.replace(part, target)
    return target


def plural_index(lang: str) -> dict[str, int]:
    """CLDR plural category (what ``Intl.PluralRules`` answers in the browser) → gettext form."""
    catalog = Catalog(locale=lang)
    choose = gettext.c2py(catalog.plural_expr)
    rule = Locale.parse(lang).plural_form
    found: dict[str, int] = {}
    for n in range(200):
        found.setdefault(rule(n), choose(n))
    return found


def page_catalog(lang: str) -> dict[str, Any]:
    """The page's JSON catalog: ``{"lang", "plural_index", "messages": {id: text | [forms]},
    "date": {"pattern", "short", "months", "weekdays"}}``; the date words are the engine's (the
    same patterns from its catalog, the same CLDR month and weekday names), so the page and the
    explanations write a date the same way."""
    engine = with_cldr(read("calculator", lang), lang)

    def word(context: str, key: str) -> str:
        message = engine.get(key, context=context)
        return str(message.string) if message is not None and message.string else key

    messages: dict[str, Any] = {}
    for message in read("calculator_page", lang):
        if not message.id or message.fuzzy:
            continue
        if isinstance(message.id, tuple | list):
            forms = list(message.string)
            if all(forms):
                messages[message.id[0]] = forms
        elif message.string:
            messages[message.id] = message.string
    date = {
        "pattern": word("date", "{weekday} {day} {month} {year}"),
        "short": word("date", "{day} {month} {year}"),
        "months": [word(MONTH, key) for key in MONTHS],
        "weekdays": [word(WEEKDAY, key) for key in WEEKDAYS],
    }
    return {
        "lang": lang,
        "plural_index": plural_index(lang),
        "messages": messages,
        "date": date,
    }


def compile_all() -> list[Path]:
    return [compile_engine(lang) for lang in TRANSLATED]


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "compile"
    if command == "update":
        for domain in DOMAINS:
            for lang in TRANSLATED:
                print(f"updated {update(domain, lang).relative_to(ROOT)}")
    elif command == "compile":
        for path in compile_all():
            print(f"compiled {path.relative_to(ROOT)}")
    elif command == "check":
        found = [p for domain in DOMAINS for lang in TRANSLATED for p in problems(domain, lang)]
        kb_po = [shown(p) for p in catalog_files() if p.name == "kb.po"]
        found += [line for line in format_errors() if line.startswith(tuple(kb_po))]
        print("\n".join(found) or "every message is translated")
        return 1 if found else 0
    else:
        print(f"usage: python -m kb.i18n_catalogs [update|compile|check], not {command!r}")
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
