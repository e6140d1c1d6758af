"""Where a fact comes from and how far it can be trusted."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Source:
    """A cited page: where a fact comes from."""

    id: str
    title: str
    url: str
    publisher: str
    date: str | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "url": self.url,
            "publisher": self.publisher,
            "date": self.date,
        }


@dataclass(frozen=True)
class Provenance:
    """How far a fact can be trusted: its confidence label, sources and the day it was checked."""

    confidence: str
    sources: tuple[Source, ...]
    verified: str | None

    @property
    def is_firm(self) -> bool:
        """``True`` when two or more independent sources agree."""
        return self.confidence == "confirmed"

    def caution(self, title: str) -> str | None:
        """A warning for facts that are not confirmed, ``None`` for confirmed ones."""
        if self.confidence == "confirmed":
            return None
        if self.confidence == "custom":
            return (
                f"You typed in this rule yourself ({title}): check it against the official rules."
            )
        labels = {
            "single": "rests on a single source",
            "conflict": "is disputed between sources",
            "unverified": "could not be verified",
        }
        return f"'{title}' {labels.get(self.confidence, 'is not confirmed')}: check it before relying on it."
