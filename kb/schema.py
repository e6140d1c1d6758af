"""Content schema for ``data/`` (placeholder until the knowledge-base work lands: accepts all)."""

from __future__ import annotations

from typing import Any


def validate(data: dict[str, Any]) -> None:
    """Raise :class:`kb.errors.DataError` for the first problem found."""
