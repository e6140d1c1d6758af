"""The command line's grammar and its help, in the current language (:mod:`calculator.core.i18n`).

Build the parser inside ``with language(...)`` and :func:`calculator.cli.language.argparse_speaks`
(the help words are translated when the parser is made, argparse's own words when it prints).
Option names, command names and choices are syntax and stay English; the letters of the rule's
placeholders (``CC``, ``ID``, ``L``, ``W``, ``P``) too, as in the epilog that explains them.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, NoReturn

from calculator.cli.route_text import add_route
from calculator.core.i18n import LANGUAGES, _

ARGPARSE_CHARS = 200  # argparse's own messages, cut so that the whole line stays short


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        """One short line: argparse quotes the offending argument whole, which may be huge."""
        line = " ".join(message.split())
        if len(line) > ARGPARSE_CHARS:
            line = line[: ARGPARSE_CHARS - 1] + "…"
        # the same words as the calculator's own error lines (calculator.cli.main.error_line)
        self.exit(2, _("{prog}: error: {message}").format(prog=self.prog, message=line) + "\n")

    def _print_message(self, message: str, file: Any = None) -> None:
        """Like argparse's, without hiding a failed write (``--help > /dev/full``): the entry
        point reports it (:mod:`calculator.cli.output`)."""
        if message:
            (file or sys.stderr).write(message)


def _timeline_dates() -> dict[str, str]:
    """The timeline's date options (the bridge's names have "_" for "-") and what each one fixes."""
    return {
        "hub-applied": _("the day you applied to Astana Hub"),
        "egov-submitted": _("the day you submitted the eGov application"),
        "approved": _("the day of the eGov decision"),
        "entered": _("the day you entered Kazakhstan"),
        "psc-submitted": _("the day you handed in the documents at the Public Service Center"),
        "permit-issued": _("the day the residence permit card was ready"),
        "certificate-issued": _("the issue date of your police clearance certificate"),
        "passport-expiry": _("the last day your passport is valid"),
        "today": _("today's date, to check the entry deadline"),
    }


def _add_rule(p: argparse.ArgumentParser) -> None:
    p.add_argument("--nationality", metavar="CC", help=_("ISO 3166 alpha-2 code, e.g. NL"))
    p.add_argument("--rule", metavar="ID", help=_("rule-set id, e.g. kz_visa_free_30 or schengen"))
    p.add_argument("--limit", metavar="L", help=_("custom rule: days allowed in the window"))
    p.add_argument("--window", metavar="W", help=_("custom rule: window length in days"))
    p.add_argument(
        "--per-entry", dest="per_entry", metavar="P", help=_("custom rule: most days per entry")
    )


def _add_stays(p: argparse.ArgumentParser, name: str = "stay") -> None:
    helps = {
        "stay": _("a stay (repeat); ENTRY.. when it has not ended"),
        "trip": _("a trip abroad (repeat); ENTRY.. when it has not ended"),
    }
    p.add_argument(
        f"--{name}",
        action="append",
        default=[],
        # TRANSLATORS: placeholder of a stay, as in the help of --stay (ENTRY..EXIT)
        metavar=_("ENTRY..EXIT"),
        help=helps[name],
    )
    # TRANSLATORS: placeholder of a CSV file's name
    p.add_argument(f"--{name}s-file", metavar=_("F.csv"), help=_("CSV with columns entry,exit"))


def _date(p: argparse.ArgumentParser, option: str, help: str, **kwargs: Any) -> None:
    # TRANSLATORS: placeholder of a date (YYYY-MM-DD) in the command line's help
    p.add_argument(option, metavar=_("DATE"), help=help, **kwargs)


def build_parser() -> Parser:
    """``python -m calculator``'s parser, its help in the current language."""
    parser = Parser(
        prog="python -m calculator",
        formatter_class=argparse.RawDescriptionHelpFormatter,  # the epilog's options stay whole
        description=_(
            "Kazakhstan deadline calculator: visa-free days, working days, document validity "
            "and the Digital Nomad Residency timeline."
        ),
        epilog=_("rule: --nationality CC, or --rule ID, or --limit L --window W [--per-entry P]"),
    )
    # TRANSLATORS: placeholder of a file's name
    file = _("FILE")
    parser.add_argument("--json", action="store_true", help=_("print the result as JSON"))
    parser.add_argument(
        "--rules", type=Path, metavar=file, help=_("a rules.json instead of data/*.yaml")
    )
    parser.add_argument(
        "--lang", choices=LANGUAGES, help=_("language of the answer and of this help (default: en)")
    )
    # The same three options after the command too (SUPPRESS keeps the top-level value otherwise).
    common = Parser(add_help=False)
    common.add_argument(
        "--json", action="store_true", default=argparse.SUPPRESS, help=_("print JSON")
    )
    common.add_argument(
        "--rules", type=Path, default=argparse.SUPPRESS, metavar=file, help=_("a rules.json")
    )
    common.add_argument("--lang", choices=LANGUAGES, default=argparse.SUPPRESS, help=_("en or ru"))
    commands = parser.add_subparsers(
        dest="command",
        required=True,
        parser_class=Parser,
        # TRANSLATORS: placeholder of the command (status, plan, …) in the usage line
        metavar=_("COMMAND"),
    )

    def command(name: str, help: str) -> argparse.ArgumentParser:
        return commands.add_parser(name, parents=[common], help=help, description=help)

    p = command("status", _("days used, left, overstay and latest exit on a date"))
    _date(p, "--on", _("the day to answer for"), required=True)
    _add_rule(p)
    _add_stays(p)
    p = command("plan", _("the longest stay from an entry date"))
    _date(p, "--enter", _("the day of entry"), required=True)
    _add_rule(p)
    _add_stays(p)
    p = command("next-entry", _("the earliest entry that allows a stay of N days"))
    _date(p, "--from", _("the first day an entry may be on"), dest="from_", required=True)
    p.add_argument("--days", metavar="N", required=True, help=_("days the stay must allow"))
    _add_rule(p)
    _add_stays(p)
    p = command("workdays", _("the N-th Kazakhstan working day after a date"))
    _date(p, "--from", _("the day to count from (not counted itself)"), dest="from_", required=True)
    p.add_argument("--add", metavar="N", required=True, help=_("how many working days to add"))
    p = command("validity", _("the last day a document is accepted"))
    p.add_argument("--document", metavar="ID", required=True, help=_("e.g. police_certificate"))
    _date(p, "--issued", _("the day the document was issued"), required=True)
    _date(p, "--on", _("count the days left from this day"))
    p = command("timeline", _("every milestone of the Digital Nomad Residency"))
    for name, help in _timeline_dates().items():
        _date(p, f"--{name}", help, dest=name.replace("-", "_"))
    review, card = ("in_demand", "standard"), ("expedited", "standard")
    p.add_argument(
        "--review",
        choices=review,
        default="in_demand",
        help=_("the eGov review period: for an in-demand profession or standard"),
    )
    p.add_argument(
        "--card",
        choices=card,
        default="expedited",
        help=_("the residence permit card's production: expedited or standard"),
    )
    _add_rule(p)
    _add_stays(p)
    p = command("abroad", _("days abroad per year, licence and address deadlines"))
    issued = _("the day the residence permit was issued")
    _date(p, "--permit-issued", issued, dest="permit_issued", required=True)
    _date(p, "--on", _("the day to answer for"), required=True)
    _date(p, "--moved", _("the day you moved to a new address"))
    _add_stays(p, "trip")
    add_route(command, _date, _add_stays)
    command("rules", _("list the rule sets and nationalities"))
    return parser
