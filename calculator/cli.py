"""``python -m calculator``: the engine from the command line.

Every command builds a bridge request and runs it through :func:`calculator.bridge.dispatch`, the
same path the browser takes. Rule data comes from ``data/*.yaml`` (through ``kzdata``, which
needs PyYAML) or from a ``rules.json`` given with ``--rules``. Bad input prints one line on stderr that
names the argument, and exits with status 2.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, NoReturn

from calculator.bridge import dispatch
from calculator.cli_files import read_intervals
from calculator.cli_format import render
from calculator.errors import InputError, clip, quote
from calculator.i18n import LANGUAGES, _, language
from calculator.rulebook import RuleBook

LINE_CHARS = 299  # one stderr line, whatever it quotes
ARGPARSE_CHARS = 200  # argparse's own messages, cut so that the whole line stays short
RULE_HELP = "rule: --nationality CC, or --rule ID, or --limit L --window W [--per-entry P]"


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        """One short line: argparse quotes the offending argument whole, which may be huge."""
        line = " ".join(message.split())
        if len(line) > ARGPARSE_CHARS:
            line = line[: ARGPARSE_CHARS - 1] + "…"
        self.exit(2, f"{self.prog}: error: {line}\n")


def _add_rule(p: argparse.ArgumentParser) -> None:
    p.add_argument("--nationality", help="ISO 3166 alpha-2 code, e.g. NL")
    p.add_argument("--rule", help="rule-set id, e.g. kz_visa_free_30 or schengen")
    p.add_argument("--limit", help="custom rule: days allowed in the window")
    p.add_argument("--window", help="custom rule: window length in days")
    p.add_argument("--per-entry", dest="per_entry", help="custom rule: most days per entry")


def _add_stays(p: argparse.ArgumentParser, name: str = "stay") -> None:
    p.add_argument(
        f"--{name}",
        action="append",
        default=[],
        metavar="ENTRY..EXIT",
        help=f"a {name} (repeat); ENTRY.. when it has not ended",
    )
    p.add_argument(f"--{name}s-file", metavar="F.csv", help="CSV with columns entry,exit")


def build_parser() -> Parser:
    parser = Parser(
        prog="python -m calculator", description=__doc__.splitlines()[0], epilog=RULE_HELP
    )
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.add_argument("--rules", type=Path, help="a rules.json instead of data/*.yaml")
    parser.add_argument("--lang", choices=LANGUAGES, help="language of the answer (default: en)")
    # The same two options after the command too (SUPPRESS keeps the top-level value otherwise).
    common = Parser(add_help=False)
    common.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help="print JSON")
    common.add_argument("--rules", type=Path, default=argparse.SUPPRESS, help="a rules.json")
    common.add_argument("--lang", choices=LANGUAGES, default=argparse.SUPPRESS, help="en or ru")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=Parser)

    class Sub:
        @staticmethod
        def add_parser(name: str, **kwargs: Any) -> argparse.ArgumentParser:
            return commands.add_parser(name, parents=[common], **kwargs)

    sub = Sub()
    p = sub.add_parser("status", help="days used, left, overstay and latest exit on a date")
    p.add_argument("--on", required=True)
    _add_rule(p)
    _add_stays(p)
    p = sub.add_parser("plan", help="the longest stay from an entry date")
    p.add_argument("--enter", required=True)
    _add_rule(p)
    _add_stays(p)
    p = sub.add_parser("next-entry", help="the earliest entry that allows a stay of N days")
    p.add_argument("--from", dest="from_", required=True)
    p.add_argument("--days", required=True)
    _add_rule(p)
    _add_stays(p)
    p = sub.add_parser("workdays", help="the N-th Kazakhstan working day after a date")
    p.add_argument("--from", dest="from_", required=True)
    p.add_argument("--add", required=True)
    p = sub.add_parser("validity", help="the last day a document is accepted")
    p.add_argument("--document", required=True, help="e.g. police_certificate")
    p.add_argument("--issued", required=True)
    p.add_argument("--on")
    p = sub.add_parser("timeline", help="every milestone of the Digital Nomad Residency")
    for name in (
        "hub-applied",
        "egov-submitted",
        "approved",
        "entered",
        "psc-submitted",
        "permit-issued",
        "certificate-issued",
        "passport-expiry",
        "today",
    ):
        p.add_argument(f"--{name}", dest=name.replace("-", "_"))
    p.add_argument("--review", choices=("in_demand", "standard"), default="in_demand")
    p.add_argument("--card", choices=("expedited", "standard"), default="expedited")
    _add_rule(p)
    _add_stays(p)
    p = sub.add_parser("abroad", help="days abroad per year, licence and address deadlines")
    p.add_argument("--permit-issued", dest="permit_issued", required=True)
    p.add_argument("--on", required=True)
    p.add_argument("--moved")
    _add_stays(p, "trip")
    sub.add_parser("rules", help="list the rule sets and nationalities")
    return parser


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
    if path is not None:
        try:
            return RuleBook.from_dict(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError, KeyError) as error:
            raise InputError(
                "rules",
                _("cannot use {file}: {reason}").format(
                    file=quote(str(path)), reason=str(error)[:80]
                ),
            ) from None
    from kzdata.export import rules_dict  # needs PyYAML; the browser never gets here

    return RuleBook.from_dict(rules_dict())


def argument_name(field: str, origins: dict[str, list[str]]) -> str:
    """``stays[1].exit`` → ``--stay 2025-05-10..2025-05-01 (exit)``; ``from`` → ``--from``."""
    if field.startswith("--"):
        return field
    for name, where in origins.items():
        if field.startswith(f"{name}["):
            index = int(field[len(name) + 1 : field.index("]")])
            part = field.split(".", 1)[1] if "." in field else ""
            label = where[index] if index < len(where) else field
            return label + (f" ({part})" if part else "")
    return "--" + field.replace("_", "-")


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    with language(args.lang or "en"):  # every word below, error messages too
        return _run(args)


def _run(args: argparse.Namespace) -> int:
    origins: dict[str, list[str]] = {}
    try:
        request, origins = to_request(args)
        book = load_book(args.rules)
        result = dispatch(book, request)
    except InputError as error:
        line = (
            f"python -m calculator: error: {argument_name(error.field, origins)}: {error.message}"
        )
        print(clip(line, LINE_CHARS), file=sys.stderr)
        return 2
    except Exception as error:  # bad data files and the like: one line, no traceback
        print(f"python -m calculator: error: {' '.join(str(error).split())}", file=sys.stderr)
        return 1
    print(
        json.dumps(result, indent=2, ensure_ascii=False)
        if args.json
        else render(request["action"], result, book.version)
    )
    return 0
