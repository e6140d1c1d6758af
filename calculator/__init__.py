"""Deadline engine for Kazakhstan's Digital Nomad Residency.

Stdlib-only and pure: every function takes plain ``datetime.date`` values and a
:class:`~calculator.rules.rulebook.RuleBook` built from the project's ``data/`` files,
so the same code runs on CPython, in Pyodide and behind the CLI.
"""

from calculator.core.errors import InputError
from calculator.core.records import StayRule
from calculator.rules.rulebook import RuleBook

__all__ = ["InputError", "RuleBook", "StayRule"]
__version__ = "0.1.0"
