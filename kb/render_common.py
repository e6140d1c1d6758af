"""Small Markdown pieces shared by every page: badges, dates, periods, fees, links, sources.

Everything returned here is Markdown (or inline HTML from :mod:`kb.html`) built from records, so no
page ever types a number itself. Words come from the content's language (:mod:`kb.i18n.language`);
the English text is the catalog's msgid. Links to other pages are Markdown links to ``*.md`` files,
which MkDocs checks and rewrites (to the same language's page); all guide pages sit at the top of
``docs/``.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from kb import html
from kb.content import PAGES, Content
from kb.i18n.language import Language

EN = Language()


def N_(message: str) -> str:
    """Mark a message for the catalog; it is translated where it is shown."""
    return message


BADGES = {
    "single": N_("single source"),
    "conflict": N_("sources conflict"),
    "unverified": N_("unverified"),
}


def long_date(value: Any, lang: Language = EN) -> str:
    """``2025-12-31`` -> ``31 December 2025`` (``None`` -> ``no date``)."""
    return lang.date(value)


def badge(confidence: str | None, label: str | None = None, lang: Language = EN) -> str:
    """A text badge for anything not confirmed by two sources; empty for confirmed facts."""
    if confidence in (None, "confirmed"):
        return ""
    return html.badge(confidence, label or lang.pick(BADGES, confidence))


def span(deadline: dict[str, Any], lang: Language = EN) -> str:
    """``45 calendar days`` or ``5–10 working days`` (the plural agrees with the last number)."""
    last = deadline.get("days_max", deadline["days"])
    days = str(deadline["days"]) + (f"–{deadline['days_max']}" if "days_max" in deadline else "")
    unit = deadline["unit"]
    if unit == "calendar_days":
        text = lang.ngettext("{days} calendar day", "{days} calendar days", last)
    elif unit == "working_days":
        text = lang.ngettext("{days} working day", "{days} working days", last)
    else:
        text = lang.ngettext("{days} day per calendar year", "{days} days per calendar year", last)
    return text.format(days=days)


def period(content: Content, deadline_id: str, *, with_title: bool = True) -> str:
    """A deadline as a sentence: its title, the period in bold, what it counts from, a badge."""
    lang = content.lang
    deadline = content.deadlines[deadline_id]
    start = deadline["counted_from"]
    text = lang._("**{span}**, counted from {start}").format(
        span=span(deadline, lang), start=start[0].lower() + start[1:]
    )
    if with_title:
        text = f"{deadline['title']}: {text}"
    if "applies_from" in deadline:
        text += " " + lang._("(applies from {date})").format(
            date=lang.date(deadline["applies_from"])
        )
    text += "."
    note = reader_note(deadline.get("note", ""))
    marks = (badge(deadline.get("confidence"), lang=lang), content.stale(deadline), note)
    extra = " ".join(part for part in marks if part)
    return f"{text} {extra}".strip()


def reader_note(note: str) -> str:
    """A record's note without the sentences meant for data editors (those naming a field such as
    ``warn_within_days``); the full note stays in the data file."""
    sentences = re.split(r"(?<=[.;])\s+", note.strip())
    return " ".join(s for s in sentences if s and not re.search(r"\b[a-z]+_[a-z_]+\b", s))


def tenge(mci: float, kzt: int, lang: Language = EN) -> str:
    amount = (Decimal(str(mci)) * kzt).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return lang._("{amount} tenge").format(amount=lang.number(int(amount)))


def mci_text(mci: float, lang: Language = EN) -> str:
    return lang._("{amount} MCI").format(amount=lang.number(Decimal(str(mci)).normalize()))


def fee(content: Content, fee_id: str, *, with_title: bool = True) -> str:
    """A fee in MCI with its tenge amount for every year in ``fees.yaml``, and badges."""
    lang = content.lang
    record = content.fees[fee_id]
    head = f"{record['title']}: " if with_title else ""
    if record["mci"] is None:
        unknown = lang._("amount not known.")
        return f"{head}{unknown} {badge(record['confidence'], lang=lang)} {record.get('note', '')}".strip()
    rates = {r["year"]: r for r in content.data["fees"]["rate_years"]}
    years = []
    for year in content.data["fees"]["mci"]:
        rate = rates[year["year"]]
        mark = badge(rate["confidence"], rate.get("label"), lang)
        amount = lang._("{amount} in {year}").format(
            amount=tenge(record["mci"], year["kzt"], lang), year=year["year"]
        )
        years.append(f"{amount} {mark}".strip())
    text = lang._("{head}**{mci}** ({years}), paid {when}.").format(
        head=head,
        mci=mci_text(record["mci"], lang),
        years="; ".join(years),
        when=record["paid_when"],
    )
    marks = (
        badge(record.get("confidence"), lang=lang),
        content.stale(record),
        record.get("note", ""),
    )
    extra = " ".join(part for part in marks if part)
    return f"{text} {extra}".strip()


def link(content: Content, kind: str, rid: str) -> str:
    return f"[{content.title(kind, rid)}]({PAGES[kind]}#{rid})"


def links(content: Content, kind: str, ids: list[str]) -> str:
    return ", ".join(link(content, kind, rid) for rid in ids)


def source_date(source: dict[str, Any], lang: Language = EN) -> str:
    """``12 March 2025``, or ``undated`` when the page shows no date."""
    return lang._("undated") if source["date"] in (None, "undated") else lang.date(source["date"])


def source_link(content: Content, source_id: str) -> str:
    source = content.sources[source_id]
    when = source_date(source, content.lang)
    return f"[{source['title']}]({source['url']}) ({source['publisher']}, {when})"


def behind_row(content: Content, record: dict[str, Any]) -> list[tuple[str, str]]:
    """A notice row when the record's English changed after it was translated (else none)."""
    if record.get("id") not in content.behind:
        return []
    _ = content.lang._
    notice = html.behind(
        record["id"],
        _("The English text of this entry changed after it was translated."),
        _("Read the English version"),
    )
    return [(_("Translation"), notice)]


def provenance(content: Content, record: dict[str, Any]) -> list[tuple[str, str]]:
    """Definition-list rows for a record's sources and check date (and, in a translation that
    fell behind, a notice linking to the English)."""
    _ = content.lang._
    rows = behind_row(content, record)
    rows += [(_("Sources"), source_link(content, s)) for s in record["sources"]]
    marks = (badge(record.get("confidence"), lang=content.lang), content.stale(record))
    mark = " ".join(m for m in marks if m)
    rows.append((_("Last checked"), f"{content.lang.date(record['verified'])} {mark}".strip()))
    if record.get("note"):
        rows.append((_("Note"), record["note"]))
    return rows


def facts(rows: list[tuple[str, str]]) -> str:
    """Rows as a definition list (a term may repeat: its definitions are grouped)."""
    return html.facts(rows)


def anchor_aliases(content: Content, rid: str) -> str:
    """Empty elements carrying retired ids, so old links land on the renamed record."""
    return "".join(html.alias(old) + "\n" for old in content.aliases_for(rid))
