"""MkDocs macros (placeholder until the knowledge-base work lands)."""

from __future__ import annotations

from typing import Any


def define_env(env: Any) -> None:
    """Register variables and macros for the pages."""
