"""MkDocs hook: search loaded only when someone searches, one index per language.

mkdocs-material's page fetches ``search/search_index.json`` and hands it to its search worker
at every page load, and mkdocs-static-i18n merges every language into that one file: about half
of what a first visit downloaded was an index in two languages that most readers never search.
After the build (once the languages are merged):

- ``search/<lang>.json`` holds one language's documents (pages under ``<lang>/``; the default
  language is the rest) with the settings, as compact UTF-8 (JSON's ``\\uXXXX`` escapes cost six
  bytes for each Cyrillic letter);
- ``search/search_index.json`` keeps the settings only, so what the page fetches is tiny;
- the site's worker (docs/assets/javascripts/workers/kb-search.js, named in each page's config
  by overrides/main.html with the page's language) gets the name of Material's worker, which it
  imports with the language's documents on the first query.

``on_config`` tells the template which worker file to replace (its name carries a hash that
changes with Material's version).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from mkdocs.plugins import event_priority

WORKERS = "assets/javascripts/workers"
OURS = "kb-search.js"
MATERIAL_LINE = re.compile(r'^const MATERIAL = "[^"]*";', re.M)  # kb-search.js, written in below


def material_worker(theme_dirs: list[str]) -> str:
    """Site-relative path of Material's search worker (``assets/javascripts/workers/search.<hash>.min.js``)."""
    for folder in theme_dirs:
        found = sorted((Path(folder) / WORKERS).glob("search.*.min.js"))
        if found:
            return f"{WORKERS}/{found[0].name}"
    raise LookupError(f"no {WORKERS}/search.*.min.js in the theme folders {theme_dirs}")


def on_config(config: Any) -> Any:
    config.extra["search_worker"] = {
        "material": material_worker(list(config.theme.dirs)),
        "ours": f"{WORKERS}/{OURS}",
    }
    return config


def split_by_language(index: dict[str, Any], languages: list[str]) -> dict[str, dict[str, Any]]:
    """One index per language: documents under ``<lang>/`` for each non-default language, the
    rest for the default (the first of ``languages``)."""
    default, *others = languages
    parts: dict[str, list[Any]] = {lang: [] for lang in languages}
    for doc in index["docs"]:
        prefix = str(doc["location"]).split("/", 1)[0]
        parts[prefix if prefix in others else default].append(doc)
    return {lang: {"config": index["config"], "docs": docs} for lang, docs in parts.items()}


def _write_json(path: Path, data: Any) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def _languages(config: Any) -> list[str]:
    """The site's languages, default first (from mkdocs-static-i18n, else the theme's one)."""
    plugin = config.plugins.get("i18n")
    if plugin is None:
        return [str(config.theme.get("language") or "en")]
    entries = plugin.config.languages
    default = [str(e.locale) for e in entries if e.default]
    return default + [str(e.locale) for e in entries if not e.default and e.build]


@event_priority(-200)  # after mkdocs-static-i18n (-100) has merged the languages' indexes
def on_post_build(config: Any) -> None:
    site = Path(config.site_dir)
    index_file = site / "search" / "search_index.json"
    if not index_file.is_file():
        return
    index = json.loads(index_file.read_text(encoding="utf-8"))
    for lang, part in split_by_language(index, _languages(config)).items():
        _write_json(site / "search" / f"{lang}.json", part)
    _write_json(index_file, {"config": index["config"], "docs": []})
    worker = site / WORKERS / OURS
    material = config.extra["search_worker"]["material"].rsplit("/", 1)[1]
    text, found = MATERIAL_LINE.subn(f'const MATERIAL = "{material}";', worker.read_text("utf-8"))
    if not found:
        raise ValueError(
            f"{worker}: no line 'const MATERIAL = \"…\";' to write the worker's name in"
        )
    worker.write_text(text, encoding="utf-8")
