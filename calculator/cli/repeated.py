"""``--stay`` and ``--trip`` are taken out of the arguments before argparse sees them.

argparse looks for the next option again after every option it reads, so thousands of repeated
options cost seconds (5000 ``--stay`` took 2.4 s, 10,000 took 11 s). Counted first, they are
refused over :data:`~calculator.core.bounds.MAX_INTERVALS` at once, naming the option; below it,
those after a command that reads them are collected here in one pass and argparse gets the rest
(a misplaced one is left to argparse, which refuses it as before).
"""

from __future__ import annotations

from collections.abc import Sequence

from calculator.core.bounds import MAX_INTERVALS
from calculator.core.errors import InputError
from calculator.core.i18n import ngettext

READERS = {"stay": ("status", "plan", "next-entry", "timeline"), "trip": ("abroad",)}
"""The commands that read each repeated option."""
TOP_VALUES = ("--rules", "--lang")
"""Options before the command that take a value (argparse also takes a unique prefix of them)."""


def count_repeated(argv: Sequence[str]) -> None:
    """Refuse more than :data:`MAX_INTERVALS` ``--stay`` (or ``--trip``) before anything parses."""
    for name in READERS:
        option = f"--{name}"
        given = sum(1 for arg in argv if arg == option or arg.startswith(f"{option}="))
        if given > MAX_INTERVALS:
            raise InputError(
                option,
                ngettext(
                    "given {n} time; at most {most} stays or trips are read",
                    "given {n} times; at most {most} stays or trips are read",
                    given,
                ).format(n=given, most=MAX_INTERVALS),
            )


def take_repeated(argv: Sequence[str]) -> tuple[list[str], dict[str, list[str]]]:
    """The arguments for argparse, and the values of ``--stay`` / ``--trip`` taken out of them
    (only after a command that reads them, only before ``--``, never a value starting with ``-``)."""
    rest: list[str] = []
    taken: dict[str, list[str]] = {name: [] for name in READERS}
    command = None
    index = 0
    while index < len(argv):
        arg = argv[index]
        if arg == "--":
            rest += argv[index:]
            break
        if command is None:  # before the command: find it, stepping over --rules F / --lang L
            rest.append(arg)
            if not arg.startswith("-"):
                command = arg
            elif _takes_value(arg) and index + 1 < len(argv):
                rest.append(argv[index + 1])
                index += 1
            index += 1
            continue
        option, equals, value = arg.partition("=")
        name = option[2:]
        if option.startswith("--") and command in READERS.get(name, ()):
            if equals:
                taken[name].append(value)
                index += 1
                continue
            if index + 1 < len(argv) and not argv[index + 1].startswith("-"):
                taken[name].append(argv[index + 1])
                index += 2
                continue
        rest.append(arg)
        index += 1
    return rest, taken


def _takes_value(arg: str) -> bool:
    """``--rules`` or ``--lang`` (or a prefix argparse takes for one) without ``=VALUE``."""
    return "=" not in arg and len(arg) > 2 and any(o.startswith(arg) for o in TOP_VALUES)
