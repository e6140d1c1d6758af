"""The validated ``data/`` as one object with the look-ups the pages need.

Pages never open YAML themselves: :func:`load_content` reads and validates ``data/`` once, and the
renderers ask this object for records, reverse links (which steps need a document) and citations.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kb.freshness import stale_mark
from kb.i18n import DEFAULT, store
from kb.i18n.language import Language
from kzdata.load import DATA_DIR, load_all
from kzdata.schema import validate

# Where each kind of record is published (docs-relative Markdown file); its id is the anchor.
PAGES = {
    "stage": "guide.md",
    "step": "guide.md",
    "document": "documents.md",
    "pitfall": "pitfalls.md",
    "term": "glossary.md",
    "route": "routes.md",
    "event": "case.md",
}


@dataclass
class Content:
    """The data in one language: ``data`` holds the translated text, ``lang`` the words and grammar."""

    data: dict[str, Any]
    lang: Language = field(default_factory=Language)
    today: datetime.date = field(default_factory=datetime.date.today)
    behind: frozenset[str] = frozenset()  # records whose English changed after translation
    stages: list[dict[str, Any]] = field(init=False)
    steps: dict[str, dict[str, Any]] = field(init=False)
    numbers: dict[str, str] = field(init=False)
    stage_of: dict[str, dict[str, Any]] = field(init=False)

    def __post_init__(self) -> None:
        self.stages = self.data["steps"]
        self.steps, self.numbers, self.stage_of = {}, {}, {}
        for stage in self.stages:
            for position, step in enumerate(stage["steps"], start=1):
                self.steps[step["id"]] = step
                self.numbers[step["id"]] = f"{stage['number']}.{position}"
                self.stage_of[step["id"]] = stage

    # -- records by id ------------------------------------------------------------------------------
    def by_id(self, file: str, section: str | None = None) -> dict[str, dict[str, Any]]:
        records = self.data[file] if section is None else self.data[file][section]
        return {r["id"]: r for r in records}

    @property
    def sources(self) -> dict[str, dict[str, Any]]:
        return self.by_id("sources")

    @property
    def deadlines(self) -> dict[str, dict[str, Any]]:
        return self.by_id("deadlines")

    @property
    def documents(self) -> dict[str, dict[str, Any]]:
        return self.by_id("documents")

    @property
    def pitfalls(self) -> dict[str, dict[str, Any]]:
        return self.by_id("pitfalls")

    @property
    def fees(self) -> dict[str, dict[str, Any]]:
        return self.by_id("fees", "fees")

    @property
    def routes(self) -> list[dict[str, Any]]:
        """The routes compared on the routes page (``compare: false`` ones are only in the plan)."""
        return [r for r in self.data["routes"]["routes"] if r.get("compare", True)]

    @property
    def all_routes(self) -> list[dict[str, Any]]:
        """Every route of ``data/routes.yaml``, the personal plan's too."""
        return list(self.data["routes"]["routes"])

    def title(self, kind: str, rid: str) -> str:
        if kind == "step":
            return f"{self.numbers[rid]} {self.steps[rid]['title']}"
        if kind == "stage":
            stage = next(s for s in self.stages if s["id"] == rid)
            return self.lang._("Stage {number}: {title}").format(**stage)
        records = {
            "document": self.documents,
            "pitfall": self.pitfalls,
            "term": self.by_id("glossary"),
            "route": {r["id"]: r for r in self.all_routes},
            "event": self.by_id("case"),
        }[kind]
        record = records[rid]
        return str(record.get("title") or record.get("term"))

    # -- freshness and change notes ----------------------------------------------------------------
    @property
    def recheck(self) -> dict[str, Any]:
        return dict(self.data["site"]["recheck"])

    def stale(self, record: dict[str, Any]) -> str:
        """The "checked more than a year ago" label for ``record``, or ``""`` when it is fresh."""
        return stale_mark(record, self.today, self.recheck, self.lang._("Last checked {date}"))

    # -- reverse links ------------------------------------------------------------------------------
    def steps_with(self, key: str, rid: str) -> list[str]:
        """Step ids whose ``key`` list (documents, produces, pitfalls …) names ``rid``, in guide order."""
        return [sid for sid, step in self.steps.items() if rid in step.get(key, [])]

    def stage_documents(self, stage: dict[str, Any]) -> list[tuple[str, list[str]]]:
        """Documents the stage's steps need, in first-use order, with the steps that need each."""
        found: dict[str, list[str]] = {}
        for step in stage["steps"]:
            for document in step.get("documents", []):
                found.setdefault(document, []).append(step["id"])
        return list(found.items())

    def aliases_for(self, rid: str) -> list[str]:
        return sorted(old for old, new in (self.data["aliases"] or {}).items() if new == rid)

    def citations(self) -> dict[str, list[tuple[str, str, str]]]:
        """Source id -> [(record kind, record id, file)] for every record that cites it."""
        from kzdata.schema import records_of

        cited: dict[str, list[tuple[str, str, str]]] = {}
        for file, records in records_of(self.data).items():
            for kind, _label, record, _spec in records:
                rid = str(record.get("id", record.get("year", record.get("date", kind))))
                for source in record.get("sources", []):
                    entry = (kind, rid, file)
                    if entry not in cited.setdefault(source, []):
                        cited[source].append(entry)
        return cited

    def anchors(self) -> dict[str, list[str]]:
        """Published anchors by page (``guide.md`` …): every record id plus every alias."""
        pages: dict[str, list[str]] = {}
        ids = [("stage", s["id"]) for s in self.stages] + [("step", sid) for sid in self.steps]
        ids += [("document", d) for d in self.documents] + [("pitfall", p) for p in self.pitfalls]
        ids += [("term", t["id"]) for t in self.data["glossary"]]
        ids += [("route", r["id"]) for r in self.routes] + [
            ("event", e["id"]) for e in self.data["case"]
        ]
        for kind, rid in ids:
            pages.setdefault(PAGES[kind], []).extend([rid, *self.aliases_for(rid)])
        return pages


def load_content(
    data_dir: Path = DATA_DIR, today: datetime.date | None = None, lang: str = DEFAULT
) -> Content:
    """Read and validate ``data/`` and, for another language than English, put in its translations
    from ``data/i18n/<lang>/``. A bad file or a missing translation raises
    :class:`kzdata.errors.DataError`. ``today`` is the build date that decides which facts are
    marked as checked too long ago.
    """
    data = load_all(data_dir)
    validate(data)
    if lang != DEFAULT:
        translations = store.load(data_dir, lang)
        report = store.check(data, translations, lang)
        report.raise_if_missing()
        english = data
        data = store.localize(data, translations)
        for source, original in zip(data["sources"], english["sources"], strict=True):
            source["original_title"] = original["title"]
            source["original_publisher"] = original["publisher"]  # the order of the list
        behind = frozenset(report.behind)
        return Content(data, Language(lang), today or datetime.date.today(), behind)
    return Content(data, Language(lang), today or datetime.date.today())
