"""The one error type the engine raises for bad input."""

from __future__ import annotations


class InputError(ValueError):
    """Bad input, naming the field at fault.

    ``field`` uses the bridge's names (``on``, ``stays[2].exit``, ``nationality`` …) so the CLI
    can name the argument and the browser can put the message next to the input.
    """

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message
