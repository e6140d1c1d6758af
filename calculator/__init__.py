"""Deadline engine for Kazakhstan's Digital Nomad Residency.

Stdlib-only and pure: every function takes plain ``datetime.date`` values and a
:class:`~calculator.rulebook.RuleBook` built from the project's ``data/`` files,
so the same code runs on CPython, in Pyodide and behind the CLI.
"""

from calculator.errors import InputError
from calculator.rule_records import StayRule
from calculator.rulebook import RuleBook

__all__ = ["InputError", "RuleBook", "StayRule"]
__version__ = "0.1.0"
