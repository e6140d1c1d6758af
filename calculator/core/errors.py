"""The one error type the engine raises for bad input, and how a message quotes that input."""

from __future__ import annotations

from calculator.core.i18n import N_, _, current
from calculator.core.typography import typeset

QUOTE_CHARS = 32
"""At most this many characters of the user's input are quoted back in a message."""
MESSAGE_CHARS = 280
"""A message is cut to this length, whatever it quotes (the field name comes on top)."""


def quote(value: object) -> str:
    """A short, one-line, printable quotation of user input: ``'2025-01-0x'`` or ``'abcd…'``.

    Only strings are quoted; anything else is named by its JSON type, so a huge list or object
    is never printed back.
    """
    if not isinstance(value, str):
        return a_json_type(value)
    # TRANSLATORS: quotation marks around what was typed ('…' in English, «…» in Russian)
    return _("'{text}'").format(text=clip(value))


def clip(text: str, chars: int = QUOTE_CHARS) -> str:
    """The first ``chars`` characters of ``text`` on one line (``…`` marks a cut)."""
    shown = "".join(c if c.isprintable() or c == "\xa0" else "?" for c in text[:chars])
    return shown + "…" if len(text) > chars else shown


def json_type(value: object) -> str:
    """The JSON word for a Python value read from JSON (``number``, ``list``, ``object`` …)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list | tuple):
        return "list"
    if isinstance(value, dict):
        return "object"
    return type(value).__name__


# The JSON kinds as a message names them, in the request's language.
A_JSON_TYPE = {
    "null": N_("a null"),
    "true/false": N_("a true/false"),
    "number": N_("a number"),
    "text": N_("a text"),
    "list": N_("a list"),
    "object": N_("an object"),
}


def a_json_type(value: object) -> str:
    """``a number``, ``an object``, ``a list`` … (``число``, ``объект``, ``список`` …)."""
    word = json_type(value)
    return _(A_JSON_TYPE[word]) if word in A_JSON_TYPE else word


class InputError(ValueError):
    """Bad input, naming the field at fault.

    ``field`` uses the bridge's names (``on``, ``stays[2].exit``, ``nationality`` …) so the CLI
    can name the argument and the browser can put the message next to the input. The message is
    cut to :data:`MESSAGE_CHARS`; quote user input with :func:`quote`.
    """

    def __init__(self, field: str, message: str) -> None:
        if current() == "ru":
            message = typeset(message)
        if len(message) > MESSAGE_CHARS:
            message = message[: MESSAGE_CHARS - 1] + "…"
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message
