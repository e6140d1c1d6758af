"""Export the rule data the engine needs as one JSON-ready dict (written to ``rules.json``)."""

from __future__ import annotations

import datetime
import hashlib
import json
from pathlib import Path
from typing import Any

from kzdata.errors import DataError
from kzdata.export_plan import plan_dict
from kzdata.load import DATA_DIR, load_all, read_yaml
from kzdata.schema import validate

RULE_FILES = ("sources", "stay_rules", "nationalities", "deadlines", "calendar")
# The words of the rule data the engine puts into its answers, by file: translated in
# data/i18n/<lang>/<file>.yaml (record id -> field -> {hash, text}), shipped as rules.json's "texts".
ENGINE_TEXTS = {
    "sources": ("title", "publisher"),  # cited in every explanation
    "stay_rules": ("title", "note", "before"),
    "deadlines": ("title", "counted_from", "note", "sides[].says"),
    "calendar": ("name", "order"),
    "site": ("name",),  # the pilot's name
    # the personal plan's titles (the command line prints them) and the routes' notes
    "steps": ("title",),
    "documents": ("title",),
    "pitfalls": ("title",),
    "routes": ("title", "open_note", "note"),
}


def _plain(value: Any) -> Any:
    """YAML dates become ISO strings so the result is JSON."""
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def rules_dict(data_dir: Path = DATA_DIR) -> dict[str, Any]:
    """The engine's input: the rule files as plain JSON values plus a ``version``.

    The version is the newest ``verified`` date and a short hash of the content, so a report or a
    cached page can say exactly which data it used.
    """
    data = load_all(data_dir)
    validate(data)
    exported = {name: _plain(data[name]) for name in RULE_FILES}
    # From data/site.yaml: the pilot's legal dates (timeline warnings) and the export settings.
    exported["pilot"] = _plain(data["site"]["pilot"])
    exported["calendar_export"] = _plain(data["site"]["calendar_export"])
    exported["plan"] = _plain(plan_dict(data))  # the personal plan (calculator/route/)
    exported["texts"] = {lang: engine_texts(lang, data_dir) for lang in translated_languages()}
    cited = _cited_sources(exported)
    for words in exported["texts"].values():  # the engine quotes only the sources its rules cite
        if "sources" in words:
            words["sources"] = {k: v for k, v in words["sources"].items() if k in cited}
    digest = hashlib.sha256(json.dumps(exported, sort_keys=True).encode()).hexdigest()[:10]
    verified = sorted(_verified_dates(exported))
    exported["version"] = f"{verified[-1] if verified else 'unverified'}+{digest}"
    return exported


def translated_languages() -> list[str]:
    from calculator.core.i18n import DEFAULT, LANGUAGES

    return [lang for lang in LANGUAGES if lang != DEFAULT]


def engine_texts(
    lang: str, data_dir: Path = DATA_DIR
) -> dict[str, dict[str, dict[str, str | list[str]]]]:
    """The translated words of the rule data: ``{file: {record id: {field: text}}}``.

    Only the fields in :data:`ENGINE_TEXTS`; what a file lacks stays English in the answers (the
    site build checks that every text has its translation and lists stale ones).
    """
    found: dict[str, dict[str, dict[str, str | list[str]]]] = {}
    for file, fields in ENGINE_TEXTS.items():
        path = data_dir / "i18n" / lang / f"{file}.yaml"
        shown = f"data/i18n/{lang}/{file}.yaml"
        records = (read_yaml(path, shown) if path.exists() else None) or {}
        if not isinstance(records, dict):
            raise DataError(f"{shown}: must be a mapping of record ids to their fields (id: lines)")
        for key, entries in records.items():
            if not isinstance(entries, dict):
                continue  # the site build's check (kb.i18n.store) names it
            for name, entry in entries.items():
                text = entry.get("text") if isinstance(entry, dict) else entry
                if isinstance(text, str):
                    text = text.strip()
                elif isinstance(text, list) and all(isinstance(t, str) for t in text):
                    text = [t.strip() for t in text]  # one text per item (sides[].says)
                else:
                    continue
                if name in fields and text:
                    found.setdefault(file, {}).setdefault(str(key), {})[name] = text
    return found


def _cited_sources(exported: dict[str, Any]) -> set[str]:
    """Ids of the sources that the rule files (other than sources.yaml) cite."""
    found: set[str] = set()

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            found.update(s for s in value.get("sources") or () if isinstance(s, str))
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk({k: v for k, v in exported.items() if k not in ("sources", "texts")})
    return found


def _verified_dates(value: Any) -> list[str]:
    if isinstance(value, dict):
        found = [str(value["verified"])] if "verified" in value else []
        return found + [d for v in value.values() for d in _verified_dates(v)]
    if isinstance(value, list):
        return [d for v in value for d in _verified_dates(v)]
    return []
