"""What the command line writes, fitted to where it goes.

- A terminal or file whose encoding cannot hold the answer's characters (``PYTHONIOENCODING=ascii``,
  a Latin-1 console with ``--lang ru``): text degrades to ``\\u0434``-style escapes instead of
  stopping with ``UnicodeEncodeError``, and ``--json`` is written as ASCII JSON (``\\u`` escapes
  are JSON, so nothing is lost).
- An output that cannot be written (``> /dev/full``, a closed descriptor): one line on stderr and
  exit status 1 instead of a traceback; a reader that went away (``| head``) ends it quietly.
"""

from __future__ import annotations

import os
import sys
from contextlib import suppress
from typing import TextIO

from calculator.cli.language import asked_language
from calculator.core.i18n import _, language

SAMPLE = "«д№–…»"
"""Characters the answers use (Russian, the number sign, dashes, ellipsis, quotes)."""


def takes_unicode(stream: TextIO) -> bool:
    """Can ``stream`` encode the characters the answers use?"""
    try:
        SAMPLE.encode(stream.encoding or "ascii")
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def prepare() -> None:
    """Let stdout and stderr escape what their encoding cannot hold, rather than fail."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and not takes_unicode(stream):
            reconfigure(errors="backslashreplace")


def write_failed(error: OSError) -> int:
    """After stdout failed: point it at the null device (so the flush at exit cannot fail again),
    say why in one line unless the reader simply left, and give the exit status."""
    with suppress(OSError, ValueError):  # no descriptor to replace
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    if isinstance(error, BrokenPipeError):
        return 0
    reason = error.strerror or type(error).__name__
    with language(asked_language(sys.argv[1:])):
        line = _("cannot write the answer: {reason}").format(reason=reason)
        line = _("{prog}: error: {message}").format(prog="python -m calculator", message=line)
    with suppress(OSError):
        print(line, file=sys.stderr)
    return 1
