"""Translation files ``data/i18n/<lang>/<file>.yaml``: read, check against the English, apply.

A translation file is keyed by record and field; each entry keeps the text and a hash of the
English it was made from::

    check_pilot_status:          # record id (see kb.i18n.fields.record_key)
      title:
        hash: 3f1c9a0b2d         # digest() of the English title when it was translated
        text: Убедитесь, что программа ещё принимает заявки

A text with no entry is *missing* (the build fails and names file, record and field); an entry
whose hash differs from the current English is *stale* (listed, the build goes on).
"""

from __future__ import annotations

import copy
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from babel import Locale

from kb.i18n.fields import targets, texts, write
from kzdata.errors import DataError
from kzdata.load import read_yaml

HEADER = (
    "# {language} text for data/{file}.yaml, keyed by record id and field. Only text lives here:\n"
    "# numbers, dates, ids and sources stay in data/{file}.yaml. `hash` is the English the text was\n"
    "# made from; after reviewing a translation run `python -m kb.i18n stamp` (see CONTRIBUTING.md).\n"
)


def digest(english: Any) -> str:
    """A short, stable hash of an English text (or list / mapping of texts)."""
    blob = json.dumps(english, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:10]


def language_name(lang: str) -> str:
    """``ru`` -> ``Russian`` (CLDR, in English: messages are for the project's editors)."""
    return str(Locale.parse(lang).get_display_name("en"))


def folder(data_dir: Path, lang: str) -> Path:
    return data_dir / "i18n" / lang


def load(data_dir: Path, lang: str) -> dict[str, dict[str, Any]]:
    """Every translation file of a language by data file stem (empty dict when there is none),
    read with the data's strict loader (:func:`kzdata.load.read_yaml`) and checked for shape:
    ``{record: {field: {hash, text} or text}}``, else one :class:`DataError` line naming file,
    record and field."""
    found = {}
    for path in sorted(folder(data_dir, lang).glob("*.yaml")):
        shown = f"data/i18n/{lang}/{path.name}"
        found[path.stem] = _shaped(shown, read_yaml(path, shown) or {})
    return found


def _shaped(shown: str, records: Any) -> dict[str, Any]:
    if not isinstance(records, dict):
        raise DataError(f"{shown}: must be a mapping of record ids to their fields (id: lines)")
    for key, fields in records.items():
        if fields is None:
            continue
        if not isinstance(fields, dict):
            raise DataError(f"{shown}: '{str(key)[:40]}': must be a mapping of fields to texts")
        for name, entry in fields.items():
            if isinstance(entry, dict) and not ("text" in entry and set(entry) <= {"hash", "text"}):
                raise DataError(
                    f"{shown}: '{str(key)[:40]}': '{str(name)[:40]}': must be a text, or "
                    "'hash' and 'text'"
                )
    return records


@dataclass
class Report:
    """What a language's translations lack: ``missing`` fails the build, the rest is listed."""

    lang: str
    missing: list[str] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)
    unused: list[str] = field(default_factory=list)
    behind: set[str] = field(default_factory=set)  # keys of records with an outdated text

    def raise_if_missing(self) -> None:
        if self.missing:
            count = len(self.missing)
            head = (
                f"{count} {language_name(self.lang)} translation{'s' if count > 1 else ''} missing"
            )
            raise DataError(head + ":\n" + "\n".join(self.missing))


def _entry(translations: dict[str, dict[str, Any]], file: str, key: str, name: str) -> Any:
    """A translation entry as ``{"hash", "text"}``; a bare text (not yet stamped) has no hash."""
    entry = ((translations.get(file) or {}).get(key) or {}).get(name)
    if entry is None or (isinstance(entry, dict) and "text" in entry):
        return entry
    return {"text": entry}


def _is_text(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _shape_problem(english: Any, text: Any) -> str | None:
    """The translation has the English's shape: a text, a list of as many texts, or a mapping
    with the same keys whose values are texts."""
    if isinstance(english, str):
        return None if _is_text(text) else "must be a non-empty text"
    if isinstance(english, list):
        ok = isinstance(text, list) and len(text) == len(english) and all(map(_is_text, text))
        return None if ok else f"must be a list of {len(english)} texts, like the English"
    ok = isinstance(text, dict) and set(text) == set(english) and all(map(_is_text, text.values()))
    return (
        None if ok else f"must have the same keys as the English, each a text: {', '.join(english)}"
    )


def check(data: dict[str, Any], translations: dict[str, dict[str, Any]], lang: str) -> Report:
    """Compare a language's translations with the English data."""
    report = Report(lang)
    name = language_name(lang)
    seen: set[tuple[str, str, str]] = set()
    for item in texts(data):
        where = f"data/i18n/{lang}/{item.file}.yaml: {item.where}"
        entry = _entry(translations, item.file, item.key, item.field)
        seen.add((item.file, item.key, item.field))
        if entry is None:
            report.missing.append(f"{where} has no {name} translation (English: {item.english!r})")
            continue
        problem = _shape_problem(item.english, entry["text"])
        if problem:
            report.missing.append(f"{where}: the translation {problem}")
        elif "hash" not in entry:
            report.stale.append(f"{where}: not stamped yet (no hash of the English)")
        elif entry["hash"] != digest(item.english):
            report.stale.append(f"{where}: the English changed after it was translated")
            report.behind.add(item.key)
    for file, records in translations.items():
        for key, fields in (records or {}).items():
            for name_ in fields or {}:
                if (file, key, name_) not in seen:
                    report.unused.append(
                        f"data/i18n/{lang}/{file}.yaml: '{key}': '{name_}' matches no English text"
                    )
    return report


def localize(data: dict[str, Any], translations: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """A copy of the data with every text replaced by its translation (call :func:`check` first)."""
    out = copy.deepcopy(data)
    records = targets(out)
    for item in texts(data):
        entry = _entry(translations, item.file, item.key, item.field)
        write(records[(item.file, item.key)], item.field, entry["text"])
    return out


def stamped(data: dict[str, Any], translations: dict[str, dict[str, Any]]) -> dict[str, str]:
    """Translation files rewritten in data order with the current English hashes: file -> YAML.
    Entries that match no English text are dropped; missing ones stay missing."""
    files: dict[str, dict[str, Any]] = {}
    for item in texts(data):
        entry = _entry(translations, item.file, item.key, item.field)
        if entry is not None:
            record = files.setdefault(item.file, {}).setdefault(item.key, {})
            record[item.field] = {"hash": digest(item.english), "text": entry["text"]}
    return {file: _dump(records) for file, records in files.items()}


def header(lang: str, file: str) -> str:
    return HEADER.format(language=language_name(lang), file=file)


def _dump(records: dict[str, Any]) -> str:
    return yaml.safe_dump(records, allow_unicode=True, sort_keys=False, width=100)
