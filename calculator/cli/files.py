"""Reading ``--stays-file`` / ``--trips-file``: a small CSV, read with caps on size and rows."""

from __future__ import annotations

import csv
import io

from calculator.core.bounds import MAX_FILE_BYTES, MAX_INTERVALS
from calculator.core.errors import InputError, clip
from calculator.core.i18n import _


def read_intervals(path: str, option: str) -> list[tuple[str, str]]:
    """Rows of a CSV with columns ``entry,exit`` as ``(ENTRY..EXIT, "F.csv line N")``.

    Blank lines are skipped; an empty exit means the stay has not ended. A UTF-8 byte-order mark
    (as spreadsheet programs write it) is accepted. At most :data:`MAX_FILE_BYTES` bytes and
    :data:`MAX_INTERVALS` rows are read; a longer file is refused, not cut.
    """
    shown = clip(path, 80)
    text = read_capped(path, option)
    try:
        return _rows(csv.DictReader(io.StringIO(text, newline="")), shown, option)
    except csv.Error as error:
        raise InputError(
            option,
            _("{file} is not a readable CSV file: {reason}").format(file=shown, reason=error),
        ) from None


def read_capped(path: str, option: str) -> str:
    """The text of ``path``: at most :data:`MAX_FILE_BYTES` bytes are read (``/dev/zero`` is
    refused after that many), UTF-8 with or without a byte-order mark; refused naming ``option``."""
    shown = clip(path, 80)
    try:
        with open(path, "rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise InputError(
            option, _("cannot read {file}: {reason}").format(file=shown, reason=error.strerror)
        ) from None
    if len(raw) > MAX_FILE_BYTES:
        raise InputError(
            option,
            _("{file} is larger than {most:,} bytes, the most read from a file").format(
                file=shown, most=MAX_FILE_BYTES
            ),
        )
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        if not option.endswith("s-file"):
            message = _("{file} is not UTF-8 text (byte {byte})")
        else:
            message = _("{file} is not UTF-8 text (byte {byte}); save it as UTF-8 CSV")
        raise InputError(option, message.format(file=shown, byte=error.start + 1)) from None


def _rows(reader: csv.DictReader[str], shown: str, option: str) -> list[tuple[str, str]]:
    if not {"entry", "exit"} <= set(reader.fieldnames or ()):
        raise InputError(
            option, _("{file} needs a header line with the columns entry,exit").format(file=shown)
        )
    rows: list[tuple[str, str]] = []
    for row in reader:
        where = _("{file} line {n}").format(file=shown, n=reader.line_num)
        if not any((value or "").strip() for value in row.values() if isinstance(value, str)):
            continue
        if row.get("exit") is None:
            raise InputError(
                option,
                _("{where} has no exit column (leave it empty, 'entry,', when still there)").format(
                    where=where
                ),
            )
        if len(rows) == MAX_INTERVALS:
            raise InputError(
                option,
                _("{file} has more than {most} stays, the most read").format(
                    file=shown, most=MAX_INTERVALS
                ),
            )
        rows.append((f"{(row['entry'] or '').strip()}..{row['exit'].strip()}", where))
    return rows
