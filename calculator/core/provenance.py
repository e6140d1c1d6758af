"""Where a fact comes from and how far it can be trusted."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from calculator.core.i18n import N_, _

# The data's confidence labels: the ids in English (as the data and the JSON say them), the words
# a person reads in every language (the CLI's text, the .ics file).
CONFIDENCE = {
    "confirmed": N_("confirmed"),
    "single": N_("single"),
    "conflict": N_("conflict"),
    "unverified": N_("unverified"),
    "custom": N_("custom"),
}


def confidence_words(label: str) -> str:
    """``single`` → ``single source`` / ``один источник``, in the current language."""
    return _(CONFIDENCE[label]) if label in CONFIDENCE else label


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
        if self.confidence == "single":
            text = _("'{title}' rests on a single source: check it before relying on it.")
        elif self.confidence == "conflict":
            text = _("'{title}' is disputed between sources: check it before relying on it.")
        elif self.confidence == "unverified":
            text = _("'{title}' could not be verified: check it before relying on it.")
        elif self.confidence == "custom":
            text = _(
                "You typed in this rule yourself ({title}): check it against the official rules."
            )
        else:
            text = _("'{title}' is not confirmed: check it before relying on it.")
        return text.format(title=title)
