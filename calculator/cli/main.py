"""``python -m calculator``: the engine from the command line.

Every command builds a bridge request and runs it through :func:`calculator.bridge.dispatch`, the
same path the browser takes. ``--lang ru`` puts the help, argparse's messages and the answer in
Russian (:mod:`calculator.cli.language`, :mod:`calculator.cli.parser`). Rule data comes from ``data/*.yaml`` (through ``kzdata``, which
needs PyYAML) or from a ``rules.json`` given with ``--rules``. Bad input prints one line on stderr that
names the argument, and exits with status 2.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from calculator.bridge import dispatch
from calculator.cli.files import read_capped, read_intervals
from calculator.cli.format import render
from calculator.cli.language import argparse_speaks, asked_language
from calculator.cli.output import takes_unicode
from calculator.cli.parser import build_parser
from calculator.cli.repeated import count_repeated, take_repeated
from calculator.cli.route_text import default_day, render_route
from calculator.core.errors import InputError, clip
from calculator.core.i18n import N_, _, current, language
from calculator.core.typography import typeset
from calculator.rules.load import read_rules
from calculator.rules.rulebook import RuleBook
from calculator.rules.validate import validate_rules

LINE_CHARS = 299  # one stderr line, whatever it quotes
PROG = "python -m calculator"
# the part of a stay or trip an error is about, as the message names it
PARTS = {"entry": N_("entry"), "exit": N_("exit")}


def to_request(args: argparse.Namespace) -> tuple[dict[str, Any], dict[str, list[str]]]:
    """The bridge request for the parsed arguments (CLI names → bridge names), and where each
    stay or trip came from (for error messages)."""
    action = {"next-entry": "next_entry", "rules": "meta"}.get(args.command, args.command)
    skip = {"json", "rules", "command", "stay", "stays_file", "trip", "trips_file"}
    request: dict[str, Any] = {"action": action}
    origins: dict[str, list[str]] = {}
    for key, value in vars(args).items():
        if key not in skip and value is not None:
            request["from" if key == "from_" else key] = value
    for name in ("stay", "trip"):
        if hasattr(args, name):
            items = [(text, f"--{name} {clip(text)}") for text in getattr(args, name)]
            if getattr(args, f"{name}s_file", None):
                items += read_intervals(getattr(args, f"{name}s_file"), f"--{name}s-file")
            request[f"{name}s"] = [text for text, _ in items]
            origins[f"{name}s"] = [where for _, where in items]
    return request, origins


def load_book(path: Path | None) -> RuleBook:
    """The rule book from ``--rules FILE`` (read with the size cap of ``--stays-file``) or from
    ``data/``; either way the engine checks the data first (:mod:`calculator.rules.validate`)."""
    if path is not None:
        shown = f"'{clip(str(path), 80)}'"
        try:
            return RuleBook.from_dict(read_rules(read_capped(str(path), "--rules")))
        except InputError as error:
            if error.field == "--rules":
                raise
            raise InputError("--rules", f"{shown}: {error.message}") from None
    from kzdata.export import rules_dict  # needs PyYAML; the browser never gets here

    data = rules_dict()
    try:
        validate_rules(data)
    except InputError as error:  # data/ passed the schema but not the engine: not the user's input
        raise ValueError(f"data/: {error.message}") from None
    return RuleBook.from_dict(data)


def argument_name(field: str, origins: dict[str, list[str]]) -> str:
    """``stays[1].exit`` → ``--stay 2025-05-10..2025-05-01 (exit)``; ``from`` → ``--from``."""
    if field.startswith("--"):
        return field
    if field in origins:  # the whole list: stays given with --stay (and --stays-file)
        return "--" + field[:-1]
    for name, where in origins.items():
        if field.startswith(f"{name}["):
            index = int(field[len(name) + 1 : field.index("]")])
            part = field.split(".", 1)[1] if "." in field else ""
            label = where[index] if index < len(where) else field
            if not part:
                return label
            return _("{argument} ({part})").format(argument=label, part=_(PARTS.get(part, part)))
    return "--" + field.replace("_", "-")


def error_line(message: str) -> str:
    """``python -m calculator: error: …`` in the current language (as argparse says it)."""
    # TRANSLATORS: the start of an error line, as argparse's own "%(prog)s: error: %(message)s"
    line = _("{prog}: error: {message}").format(prog=PROG, message=message)
    return typeset(line) if current() == "ru" else line


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    lang = asked_language(argv)  # before the parser: its help and errors are in that language
    with language(lang):
        try:
            count_repeated(argv)
        except InputError as error:
            print(error_line(f"{error.field}: {error.message}"), file=sys.stderr)
            return 2
    rest, taken = take_repeated(argv)  # argparse's option scan is quadratic in their number
    with language(lang), argparse_speaks(lang):
        args = build_parser().parse_args(rest)
    for name, values in taken.items():
        if values:
            setattr(args, name, [*values, *getattr(args, name)])
    with language(args.lang or "en"):  # every word below, error messages too
        return _run(args)


def _run(args: argparse.Namespace) -> int:
    origins: dict[str, list[str]] = {}
    try:
        request, origins = to_request(args)
        if request["action"] == "route":
            default_day(request)
        book = load_book(args.rules)
        result = dispatch(book, request)
    except InputError as error:
        where = argument_name(error.field, origins)
        line = error_line(f"{where}: {error.message}")
        print(clip(line, LINE_CHARS), file=sys.stderr)
        return 2
    except Exception as error:  # bad data files and the like: one line, no traceback
        print(error_line(" ".join(str(error).split())), file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(result, indent=2, ensure_ascii=not takes_unicode(sys.stdout)))
    else:
        if request["action"] == "route":
            text = render_route(result, book.version)
        else:
            text = render(request["action"], result, book.version)
        print(typeset(text) if current() == "ru" else text)
    return 0
