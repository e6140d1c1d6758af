"""The command line's language: which one ``--lang`` asks for, and argparse's own words in it.

The parser's help is made in the asked language, so the language is read from the raw arguments
before the parser exists (:func:`asked_language`). argparse looks up its own words (``usage:``,
``options:``, its error messages) with the stdlib ``gettext`` module's global functions, on
CPython 3.11 and 3.14 alike: the global text domain (:func:`gettext.textdomain`, its folder from
:func:`gettext.bindtextdomain`) in the language named by the ``LANGUAGE`` environment variable
(then ``LC_ALL``, ``LC_MESSAGES``, ``LANG``). That is the route the argparse how-to documents
("How to translate the argparse output"): :func:`argparse_speaks` points it at our catalog for the
time of the parse, and ``calculator.po`` translates argparse's messages (:data:`ARGPARSE_MESSAGES`,
the ids of 3.11 and of 3.14; ``tests/cli/test_cli_help.py`` checks them against both sources).
"""

from __future__ import annotations

import gettext
import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from calculator.core.i18n import DEFAULT, DOMAIN, LANGUAGES, LOCALE_DIR, N_, N_plural

OPTION = "--lang"
SHORTEST = "--la"  # argparse takes a unique prefix; "--l" is not one after a command (--limit)


def asked_language(argv: Sequence[str]) -> str:
    """The language the last ``--lang ru`` / ``--lang=ru`` (or a prefix such as ``--lan ru``) asks
    for, before or after the command; English without one, or when it is not a language (argparse
    then refuses the value by name)."""
    lang = DEFAULT
    for index, arg in enumerate(argv):
        if arg == "--":  # everything after it is a value
            break
        name, equals, value = arg.partition("=")
        if len(name) < len(SHORTEST) or not OPTION.startswith(name):
            continue
        if not equals:
            value = argv[index + 1] if index + 1 < len(argv) else ""
        lang = value if value in LANGUAGES else DEFAULT
    return lang


@contextmanager
def argparse_speaks(lang: str) -> Iterator[None]:
    """argparse's own words in ``lang`` inside the block. gettext's global domain and ``LANGUAGE``
    belong to the whole process: both are put back on leaving (help and errors leave through
    ``SystemExit``, which passes here too)."""
    if lang not in LANGUAGES:
        raise ValueError(f"not a language of the calculator: {lang!r}")
    gettext.bindtextdomain(DOMAIN, str(LOCALE_DIR))
    domain, variable = gettext.textdomain(), os.environ.get("LANGUAGE")
    gettext.textdomain(DOMAIN)
    os.environ["LANGUAGE"] = lang  # English has no catalog: gettext hands the id back
    try:
        yield
    finally:
        gettext.textdomain(domain)
        if variable is None:
            os.environ.pop("LANGUAGE", None)
        else:
            os.environ["LANGUAGE"] = variable


# argparse's messages (Lib/argparse.py of CPython 3.11 and 3.14), here only to be in the catalog.
# Its error lines read "--field: what is wrong", as the calculator's own do.
ARGPARSE_MESSAGES = (
    # Help
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("%(heading)s:"),
    N_("subcommands"),
    N_("show this help message and exit"),
    N_("show program's version number and exit"),
    N_(" (default: %(default)s)"),
    # Errors in the command line
    # TRANSLATORS: the calculator's errors read "--field: what is wrong"; keep argparse's the same
    N_("argument %(argument_name)s: %(message)s"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("%(prog)s: warning: %(message)s\n"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("unrecognized arguments: %s"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_plural("expected %s argument", "expected %s arguments"),
    N_("ignored explicit argument %r"),
    N_("not allowed with argument %s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid choice: %(value)r, maybe you meant %(closest)r? (choose from %(choices)s)"),
    N_("invalid %(type)s value: %(value)r"),
    N_("can't open '%(filename)s': %(error)s"),
    N_('argument "-" with mode %r'),
    N_("unexpected option string: %s"),
    N_("unknown parser %(parser_name)r (choices: %(choices)s)"),
    N_("option '%(option)s' is deprecated"),
    N_("argument '%(argument_name)s' is deprecated"),
    N_("command '%(parser_name)s' is deprecated"),
    # Mistakes in building a parser (a programmer's, never the user's)
    N_plural("conflicting option string: %s", "conflicting option strings: %s"),
    N_("conflicting subparser: %s"),
    N_("conflicting subparser alias: %s"),
    N_("cannot have multiple subparser arguments"),
    N_("cannot merge actions - two groups are named %r"),
    N_("dest= is required for options like %r"),
    N_("invalid option string %(option)r: must start with a character %(prefix_chars)r"),
    N_("invalid conflict_resolution value: %r"),
    N_("mutually exclusive arguments must be optional"),
    N_("'required' is an invalid argument for positionals"),
    N_("%r is not callable"),
    N_(".__call__() not defined"),
)
