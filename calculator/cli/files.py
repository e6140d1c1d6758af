"""Reading ``--stays-file`` / ``--trips-file``: a small CSV, read with caps on size and rows."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator

from calculator.core.bounds import MAX_FILE_BYTES, MAX_FILE_LINES, MAX_INTERVALS
from calculator.core.errors import InputError, clip, quote
from calculator.core.i18n import _


def read_intervals(path: str, option: str) -> list[tuple[str, str]]:
    """Rows of a CSV with columns ``entry,exit`` as ``(ENTRY..EXIT, "F.csv line N")``.

    Blank lines are skipped; an empty exit means the stay has not ended. A UTF-8 byte-order mark
    (as spreadsheet programs write it) is accepted. At most :data:`MAX_FILE_BYTES` bytes and
    :data:`MAX_INTERVALS` rows are read; a longer file is refused, not cut.
    """
    shown = clip(path, 80)
    text = read_capped(path, option)
    if text.count("\n", 0, len(text) - 1) >= MAX_FILE_LINES:  # a last line may end in one
        raise InputError(
            option,
            _("{file} has more than {most} lines, the most read").format(
                file=shown, most=MAX_FILE_LINES
            ),
        )
    try:
        reader = csv.reader(io.StringIO(text, newline=""))
        return _rows(reader, lambda: reader.line_num, shown, option)
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


def _rows(
    reader: Iterator[list[str]], line: Callable[[], int], shown: str, option: str
) -> list[tuple[str, str]]:
    """The stays of the rows after the header; blank rows (only commas and spaces) cost a
    check each, nothing more (a megabyte of them is read in a fraction of a second)."""
    header = next(reader, [])
    seen: set[str] = set()
    for name in header:
        if name.strip() and name in seen:
            raise InputError(
                option,
                _("{file} names the column {name} twice in its header").format(
                    file=shown, name=quote(name)
                ),
            )
        seen.add(name)
    if not {"entry", "exit"} <= seen:
        raise InputError(
            option, _("{file} needs a header line with the columns entry,exit").format(file=shown)
        )
    entry_at, exit_at = header.index("entry"), header.index("exit")
    rows: list[tuple[str, str]] = []
    for row in reader:
        if not any(cell.strip() for cell in row):
            continue
        where = _("{file} line {n}").format(file=shown, n=line())
        if len(row) <= exit_at:
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
        entry = row[entry_at].strip() if len(row) > entry_at else ""
        rows.append((f"{entry}..{row[exit_at].strip()}", where))
    return rows
