"""Which fields of the data are text to translate, and every such text in the English data.

Numbers, dates, ids, codes and URLs stay in ``data/*.yaml`` only; the translation
files hold text. A record is keyed by its ``id`` (``year`` records by ``<kind>_<year>``, e.g.
``rate_year_2026``). A field's value is a string, a list of strings (``cities``), a mapping of
id to string (a route aspect's ``values``) or, written ``list[].key``, the ``key`` text of each item
of a list of records (``changes[].what``: one translation per change note, in order).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from kzdata.schema import records_of

# record kind (as kb.schema names it) -> its text fields
TEXT_FIELDS: dict[str, tuple[str, ...]] = {
    # a source's title: for a page in the reader's language its own title, otherwise a
    # description in the reader's language (the original title is shown beside it)
    "source": ("title", "publisher", "supports"),
    # the rule files' words appear in the calculator's answers (kzdata.export.ENGINE_TEXTS)
    "stay rule": ("title", "note", "before"),
    "holiday": ("name",),
    "lunar holiday": ("name",),
    "transfer": ("order",),
    "deadline": ("title", "counted_from", "note", "sides[].says"),
    "stage": ("title", "summary"),
    "step": ("title", "what", "note"),
    "document": ("title", "what", "issued_by", "format", "language", "note"),
    "pitfall": ("title", "happened", "why", "avoid", "note"),
    "term": ("english", "meaning", "note"),
    "MCI year": ("note",),
    "rate year": ("label", "note"),
    "fee": ("title", "paid_when", "note"),
    "event": ("when", "title", "what", "note"),
    "route": ("title", "summary", "open_note", "note"),
    "aspect": ("title", "values", "note"),
    "group": ("note",),
    "pilot": ("name", "order", "extension_note", "cities", "since[].text"),
    "recheck": ("label",),
    "development": ("title", "what", "note"),
}
# Every record may carry dated change notes (``changes: [{date, what, sources}]``).
CHANGE_NOTES = "changes[].what"
# Every record that cites sources says where on each page the fact stands (``where: {source: text}``).
CITATION_PLACES = "where"


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
    if "year" in record:
        return f"{kind.replace(' ', '_')}_{record['year']}"
    return kind.replace(" ", "_")  # a single record of its kind (calendar.yaml's carry_over)


def read(record: dict[str, Any], name: str) -> Any:
    """A field's text: ``record[name]``, or for ``items[].key`` the list of each item's ``key``."""
    if "[]." in name:
        items, key = name.split("[].")
        return [item.get(key) for item in record.get(items) or []]
    return record.get(name)


def write(record: dict[str, Any], name: str, value: Any) -> None:
    if "[]." in name:
        items, key = name.split("[].")
        for item, text in zip(record[items], value, strict=True):
            item[key] = text
    else:
        record[name] = value


def texts(data: dict[str, Any]) -> Iterator[Text]:
    """Every translatable text of the (validated) English data, in file order."""
    for file, records in records_of(data).items():
        for kind, _label, record, _spec in records:
            if not isinstance(record, dict):
                continue
            for name in (*TEXT_FIELDS.get(kind, ()), CHANGE_NOTES, CITATION_PLACES):
                value = read(record, name)
                if value not in (None, "", [], {}):
                    yield Text(file, kind, record_key(kind, record), name, value)


def targets(data: dict[str, Any]) -> dict[tuple[str, str], dict[str, Any]]:
    """(file, record key) -> the record itself, to write translated text into a copy of the data."""
    found = {}
    for file, records in records_of(data).items():
        for kind, _label, record, _spec in records:
            if isinstance(record, dict) and (
                kind in TEXT_FIELDS or record.get("changes") or record.get("where")
            ):
                found[(file, record_key(kind, record))] = record
    return found
