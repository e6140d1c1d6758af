"""One language's interface words and grammar for the pages kb builds.

Words come from the gettext catalog ``kb/locale/<lang>/LC_MESSAGES/kb.po`` (English is the msgid
itself). The ``.po`` is compiled to ``.mo`` in memory when the build starts, so no generated file is
committed or left behind. Grammar comes from CLDR through Babel: dates in words with the month in
the right case (``1 июня 2025``), grouped numbers (``3 932``) and plural forms (``1 день, 2 дня,
5 дней``, via the catalog's ``Plural-Forms`` header, which Babel writes from CLDR).
"""

from __future__ import annotations

import datetime
import gettext
import io
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from babel import Locale
from babel.dates import format_date
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal

from kb.i18n import DEFAULT

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
DOMAIN = "kb"


def catalog_path(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


@cache
def translations(lang: str) -> gettext.NullTranslations:
    """The compiled catalog of a language (the identity for English)."""
    if lang == DEFAULT:
        return gettext.NullTranslations()
    path = catalog_path(lang)
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=lang, domain=DOMAIN)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


@dataclass(frozen=True)
class Language:
    """Words and grammar of one language; pass it to the renderers with the content."""

    code: str = DEFAULT
    catalog: gettext.NullTranslations = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "catalog", translations(self.code))

    def _(self, message: str) -> str:
        return self.catalog.gettext(message)

    def pick(self, table: dict[str, str], key: str) -> str:
        """A label from a table of msgids (such as ``{"psc": N_("The Public Service Center")}``)."""
        return self.catalog.gettext(table[key])

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self.catalog.ngettext(singular, plural, n)

    def date(self, value: Any) -> str:
        """``2025-06-01`` -> ``1 June 2025`` / ``1 июня 2025`` (``None`` -> ``no date``)."""
        if value is None:
            return self._("no date")
        if isinstance(value, str):
            value = datetime.date.fromisoformat(value)
        # The pattern is a catalog entry: CLDR's "long" format adds "г." in Russian.
        return str(format_date(value, self._("d MMMM y"), locale=self.code))

    def country(self, code: str, english: str) -> str:
        """A country's name from CLDR (``NL`` -> ``Нидерланды``), or the official one where the
        term base has it (``KG`` -> ``Кыргызстан``); English keeps the data's name."""
        if self.code == DEFAULT:
            return english
        return territories(self.code).get(code, english)

    def sort_key(self, text: str) -> str:
        """Alphabetical order that puts ``Ё`` with ``Е`` and ignores case."""
        return text.casefold().replace("ё", "е")

    def number(self, value: int | float) -> str:
        return str(format_decimal(value, locale=self.code))


def territories(lang: str) -> dict[str, str]:
    """Country names in ``lang``: CLDR's, with the official names of the language's term base
    (``kb/i18n/<lang>_terms.yaml``, ``countries``) where Kazakh usage differs."""
    names = {str(k): str(v) for k, v in Locale.parse(lang).territories.items()}
    terms = Path(__file__).with_name(f"{lang}_terms.yaml")
    if terms.is_file():
        names.update(yaml.safe_load(terms.read_text(encoding="utf-8")).get("countries") or {})
    return names
