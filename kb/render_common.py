"""Small Markdown pieces shared by every page: badges, dates, periods, fees, links, sources.

Everything returned here is Markdown (or inline HTML inside Markdown) built from records, so no
page ever types a number itself. Links to other pages are Markdown links to ``*.md`` files, which
MkDocs checks and rewrites; all guide pages sit at the top of ``docs/``.
"""

from __future__ import annotations

import datetime
import re
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from kb.content import PAGES, Content

BADGES = {
    "single": "single source",
    "conflict": "sources conflict",
    "unverified": "unverified",
}
UNITS = {
    "calendar_days": "calendar days",
    "working_days": "working days",
    "days_per_calendar_year": "days per calendar year",
}


def long_date(value: Any) -> str:
    """``2025-12-31`` -> ``31 December 2025`` (``None`` -> ``no date``)."""
    if value is None:
        return "no date"
    if isinstance(value, str):
        value = datetime.date.fromisoformat(value)
    return f"{value.day} {value:%B %Y}"


def badge(confidence: str | None, label: str | None = None) -> str:
    """A text badge for anything not confirmed by two sources; empty for confirmed facts."""
    if confidence in (None, "confirmed"):
        return ""
    text = label or BADGES[confidence]
    return f'<span class="kb-badge kb-badge--{confidence}">{text}</span>'


def span(deadline: dict[str, Any]) -> str:
    """``45 calendar days`` or ``5–10 working days``."""
    days = str(deadline["days"])
    if "days_max" in deadline:
        days += f"–{deadline['days_max']}"
    return f"{days} {UNITS[deadline['unit']]}"


def period(content: Content, deadline_id: str, *, with_title: bool = True) -> str:
    """A deadline as a sentence: its title, the period in bold, what it counts from, a badge."""
    deadline = content.deadlines[deadline_id]
    text = f"**{span(deadline)}**, counted from {deadline['counted_from'][0].lower()}{deadline['counted_from'][1:]}"
    if with_title:
        text = f"{deadline['title']}: {text}"
    if "applies_from" in deadline:
        text += f" (applies from {long_date(deadline['applies_from'])})"
    text += "."
    note = reader_note(deadline.get("note", ""))
    marks = (badge(deadline.get("confidence")), content.stale(deadline), note)
    extra = " ".join(part for part in marks if part)
    return f"{text} {extra}".strip()


def reader_note(note: str) -> str:
    """A record's note without the sentences meant for data editors (those naming a field such as
    ``warn_within_days``); the full note stays in the data file."""
    sentences = re.split(r"(?<=[.;])\s+", note.strip())
    return " ".join(s for s in sentences if s and not re.search(r"\b[a-z]+_[a-z_]+\b", s))


def tenge(mci: float, kzt: int) -> str:
    amount = (Decimal(str(mci)) * kzt).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return f"{int(amount):,} tenge"


def mci_text(mci: float) -> str:
    return f"{Decimal(str(mci)).normalize():f} MCI"


def fee(content: Content, fee_id: str, *, with_title: bool = True) -> str:
    """A fee in MCI with its tenge amount for every year in ``fees.yaml``, and badges."""
    record = content.fees[fee_id]
    head = f"{record['title']}: " if with_title else ""
    if record["mci"] is None:
        return f"{head}amount not known. {badge(record['confidence'])} {record.get('note', '')}".strip()
    rates = {r["year"]: r for r in content.data["fees"]["rate_years"]}
    years = []
    for year in content.data["fees"]["mci"]:
        rate = rates[year["year"]]
        mark = badge(rate["confidence"], rate.get("label"))
        years.append(f"{tenge(record['mci'], year['kzt'])} in {year['year']} {mark}".strip())
    text = f"{head}**{mci_text(record['mci'])}** ({'; '.join(years)}), paid {record['paid_when']}."
    marks = (badge(record.get("confidence")), content.stale(record), record.get("note", ""))
    extra = " ".join(part for part in marks if part)
    return f"{text} {extra}".strip()


def link(content: Content, kind: str, rid: str) -> str:
    return f"[{content.title(kind, rid)}]({PAGES[kind]}#{rid})"


def links(content: Content, kind: str, ids: list[str]) -> str:
    return ", ".join(link(content, kind, rid) for rid in ids)


def source_date(source: dict[str, Any]) -> str:
    """``12 March 2025``, or ``undated`` when the page shows no date."""
    return "undated" if source["date"] in (None, "undated") else long_date(source["date"])


def source_link(content: Content, source_id: str) -> str:
    source = content.sources[source_id]
    return f"[{source['title']}]({source['url']}) ({source['publisher']}, {source_date(source)})"


def provenance(content: Content, record: dict[str, Any]) -> list[tuple[str, str]]:
    """Definition-list rows for a record's sources and check date."""
    rows = [("Sources", source_link(content, s)) for s in record["sources"]]
    marks = " ".join(m for m in (badge(record.get("confidence")), content.stale(record)) if m)
    checked = f"{long_date(record['verified'])} {marks}".strip()
    rows.append(("Last checked", checked))
    if record.get("note"):
        rows.append(("Note", record["note"]))
    return rows


def facts(rows: list[tuple[str, str]]) -> str:
    """Rows as a definition list (a term may repeat: its definitions are grouped)."""
    lines = ['<div class="kb-facts" markdown>', ""]
    previous = None
    for term, definition in rows:
        if term != previous:
            lines += ["", term] if previous is not None else [term]
        lines.append(f":   {definition}")
        previous = term
    return "\n".join([*lines, "", "</div>", ""])


def anchor_aliases(content: Content, rid: str) -> str:
    """Empty elements carrying retired ids, so old links land on the renamed record."""
    return "".join(
        f'<span id="{old}" class="kb-alias"></span>\n' for old in content.aliases_for(rid)
    )
