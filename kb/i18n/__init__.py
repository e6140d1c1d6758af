"""Translations of the site: data text by record and field, interface words by gettext catalog.

- :mod:`kb.i18n.fields` says which fields of which records are text to translate;
- :mod:`kb.i18n.store` reads ``data/i18n/<lang>/<file>.yaml``, checks it against the English data
  (missing = error, English changed since = listed as out of date) and puts the translated text into
  a copy of the data;
- :mod:`kb.i18n.language` is one language's words and grammar: the gettext catalog in
  ``kb/locale/<lang>/LC_MESSAGES/kb.po`` (compiled in memory at build time) and CLDR dates,
  numbers and plurals from Babel.

``python -m kb.i18n status`` lists what is missing or out of date; ``stamp`` records, after a
review, that the translations match the current English.
"""

from __future__ import annotations

from typing import Any

DEFAULT = "en"


def build_language(config: Any) -> str:
    """The language being built: mkdocs-static-i18n runs the whole MkDocs build once per language
    (English first), with the same ``config``; its plugin knows which one is running."""
    plugin = config.plugins.get("i18n") if config else None
    return str(getattr(plugin, "current_language", None) or DEFAULT)


def site_prefix(lang: str) -> str:
    """Where a language's pages live in the site: ``""`` for English, ``ru/`` for Russian."""
    return "" if lang == DEFAULT else f"{lang}/"
