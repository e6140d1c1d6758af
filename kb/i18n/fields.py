"""Which fields of the data are text to translate, and every such text in the English data.

Numbers, dates, ids, codes, URLs and source titles stay in ``data/*.yaml`` only; the translation
files hold text. A record is keyed by its ``id`` (``year`` records by ``<kind>_<year>``, e.g.
``rate_year_2026``). A field's value is a string, a list of strings (``cities``) or a mapping of
id to string (a route aspect's ``values``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from kzdata.schema import records_of

# record kind (as kb.schema names it) -> its text fields
TEXT_FIELDS: dict[str, tuple[str, ...]] = {
    "source": ("supports",),
    # the rule files' words appear in the calculator's answers (kzdata.export.ENGINE_TEXTS)
    "stay rule": ("title", "note"),
    "holiday": ("name",),
    "lunar holiday": ("name",),
    "transfer": ("order",),
    "deadline": ("title", "counted_from", "note"),
    "stage": ("title", "summary"),
    "step": ("title", "what", "note"),
    "document": ("title", "what", "issued_by", "format", "language", "note"),
    "pitfall": ("title", "happened", "why", "avoid", "note"),
    "term": ("english", "meaning", "note"),
    "MCI year": ("note",),
    "rate year": ("label", "note"),
    "fee": ("title", "paid_when", "note"),
    "event": ("when", "title", "what", "note"),
    "route": ("title", "summary"),
    "aspect": ("title", "values", "note"),
    "pilot": ("name", "order", "extension_note", "cities"),
}


@dataclass(frozen=True)
class Text:
    """One translatable text: where it is and its English value."""

    file: str  # data file stem: steps, documents …
    kind: str  # record kind: step, document …
    key: str  # record key in the translation file
    field: str
    english: Any  # str, list of str or dict of str

    @property
    def where(self) -> str:
        return f"{self.kind} '{self.key}': '{self.field}'"


def record_key(kind: str, record: dict[str, Any]) -> str:
    if "id" in record:
        return str(record["id"])
    return f"{kind.replace(' ', '_')}_{record['year']}"


def texts(data: dict[str, Any]) -> Iterator[Text]:
    """Every translatable text of the (validated) English data, in file order."""
    for file, records in records_of(data).items():
        for kind, _label, record, _spec in records:
            for name in TEXT_FIELDS.get(kind, ()):
                if record.get(name) not in (None, "", [], {}):
                    yield Text(file, kind, record_key(kind, record), name, record[name])


def targets(data: dict[str, Any]) -> dict[tuple[str, str], dict[str, Any]]:
    """(file, record key) -> the record itself, to write translated text into a copy of the data."""
    found = {}
    for file, records in records_of(data).items():
        for kind, _label, record, _spec in records:
            if kind in TEXT_FIELDS:
                found[(file, record_key(kind, record))] = record
    return found
