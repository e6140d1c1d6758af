"""Result values: every answer carries its explanation (rule, arithmetic in words, sources, warnings)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields, is_dataclass
from datetime import date
from typing import Any

from calculator.core.provenance import Provenance, Source


@dataclass(frozen=True)
class Explanation:
    """Why a result is what it is.

    ``steps`` read as sentences in order; ``warnings`` are things the user must not miss
    (unconfirmed facts, colliding deadlines, projected calendars).
    """

    rule_id: str
    steps: tuple[str, ...]
    sources: tuple[Source, ...]
    warnings: tuple[str, ...] = ()
    confidence: str | None = None
    verified: str | None = None

    @classmethod
    def build(
        cls,
        rule_id: str,
        steps: Iterable[str],
        provenance: Provenance | None,
        warnings: Iterable[str | None] = (),
    ) -> Explanation:
        """Collect steps and warnings, dropping empty warnings and repeats (first one kept)."""
        unique = tuple(dict.fromkeys(w for w in warnings if w))
        if provenance is None:
            return cls(rule_id, tuple(steps), (), unique)
        return cls(
            rule_id,
            tuple(steps),
            provenance.sources,
            unique,
            provenance.confidence,
            provenance.verified,
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule_id": self.rule_id,
            "steps": list(self.steps),
            "sources": [s.to_dict() for s in self.sources],
            "warnings": list(self.warnings),
            "confidence": self.confidence,
            "verified": self.verified,
        }


def to_jsonable(value: Any) -> Any:
    """Dates become ``YYYY-MM-DD``; dataclasses and containers are converted recursively."""
    if value is None or isinstance(value, str | int | float):
        return value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [to_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: to_jsonable(v) for k, v in value.items()}
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_jsonable(getattr(value, f.name)) for f in fields(value)}
    return value


class ResultMixin:
    """``to_dict`` for result dataclasses: every field, dates as ISO strings."""

    def to_dict(self) -> dict[str, Any]:
        return {f.name: to_jsonable(getattr(self, f.name)) for f in fields(self)}  # type: ignore[arg-type]
