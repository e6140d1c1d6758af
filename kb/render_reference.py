"""The background pages: glossary (and its abbreviations appended to every guide page), the table
of periods and deadlines, and every source with the records that cite it."""

from __future__ import annotations

from typing import Any

from kb import html
from kb.content import PAGES, Content
from kb.i18n import DEFAULT
from kb.render_common import (
    N_,
    anchor_aliases,
    badge,
    behind_row,
    facts,
    link,
    provenance,
    source_date,
    span,
)

LANGUAGES = {"Russian": N_("Russian"), "Kazakh": N_("Kazakh")}
KINDS = {  # record kinds shown as "cited by" when the record has no page of its own
    "source": N_("source"),
    "stay rule": N_("stay rule"),
    "group": N_("group"),
    "deadline": N_("deadline"),
    "holiday": N_("holiday"),
    "lunar date": N_("lunar date"),
    "lunar holiday": N_("lunar holiday"),
    "official year": N_("official year"),
    "transfer": N_("transfer"),
    "carry_over": N_("carry_over"),
    "MCI year": N_("MCI year"),
    "rate year": N_("rate year"),
    "fee": N_("fee"),
    "aspect": N_("aspect"),
    "pilot": N_("pilot"),
    "route": N_("route"),
    "development": N_("development"),
}


def glossary_list(content: Content) -> str:
    _ = content.lang._
    out = []
    for term in content.data["glossary"]:
        out.append(
            anchor_aliases(content, term["id"])
            + f"## {term['term']}: {term['english']} {{ #{term['id']} }}\n"
        )
        rows = _term_rows(content, term) + provenance(content, term)
        out.append(facts(rows))
    return "\n".join(out)


def _term_rows(content: Content, term: dict[str, Any]) -> list[tuple[str, str]]:
    """English readers get the Latin transliteration and English short forms; a reader of
    Russian gets the form on Kazakh signs and forms instead (ХҚКО, ЖСН, ЭЦҚ)."""
    _ = content.lang._
    if content.lang.code == DEFAULT:
        language = content.lang.pick(LANGUAGES, term["language"])
        rows = [(_("Reads as"), f"{term['transliteration']} ({language})")]
        rows.append((_("Meaning"), term["meaning"]))
        if term.get("also"):
            rows.append((_("Also written"), ", ".join(term["also"])))
        return rows
    rows = [(_("In Kazakh"), term["kazakh"])] if term.get("kazakh") else []
    return [*rows, (_("Meaning"), term["meaning"])]


def deadlines_table(content: Content) -> str:
    _ = content.lang._
    head = [_("Period"), _("Length"), _("Counted from"), _("Confidence"), _("Sources")]
    lines = ["| " + " | ".join(head) + " |", "|---|---|---|---|---|"]
    for deadline in content.deadlines.values():
        sources = ", ".join(
            f"[{content.sources[s]['publisher']}]({content.sources[s]['url']})"
            for s in deadline["sources"]
        )
        confidence = badge(deadline.get("confidence"), lang=content.lang) or _("confirmed")
        confidence = f"{confidence} {content.stale(deadline)}".strip()
        anchor = html.anchor(f"deadline_{deadline['id']}")
        lines.append(
            f"| {anchor}{deadline['title']} | {span(deadline, content.lang)} "
            f"| {deadline['counted_from']} | {confidence} | {sources} |"
        )
    return "\n".join(lines) + "\n"


def _cited_by(
    content: Content, entries: list[tuple[str, str, str]], places: dict[tuple[str, str], str]
) -> str:
    """Each record citing the source, with where on the source's page its fact stands."""
    _ = content.lang._
    shown = []
    published = {r for ids in content.anchors().values() for r in ids}
    for kind, rid, file in entries:
        if kind in PAGES and rid in published:
            name = link(content, kind, rid)
        elif kind == "development":
            title = content.by_id("site", "developments")[rid]["title"]
            name = f"[{title}](routes.md#{rid})"
        else:
            name = f"{content.lang.pick(KINDS, kind) if kind in KINDS else kind} `{rid}` (`data/{file}.yaml`)"
        where = places.get((kind, rid))
        shown.append(_("{record}: {where}").format(record=name, where=where) if where else name)
    if not shown:
        return _("Not cited yet")
    return "\n    ".join(f"- {line}" for line in shown)


def citation_places(content: Content) -> dict[str, dict[tuple[str, str], str]]:
    """Source id -> {(record kind, record id): where on the source's page the record's fact stands}."""
    from kzdata.schema import records_of

    places: dict[str, dict[tuple[str, str], str]] = {}
    for records in records_of(content.data).values():
        for kind, _label, record, _spec in records:
            if not isinstance(record, dict):
                continue
            rid = str(record.get("id", record.get("year", record.get("date", kind))))
            for source, where in (record.get("where") or {}).items():
                places.setdefault(source, {})[(kind, rid)] = where
    return places


def sources_list(content: Content) -> str:
    _ = content.lang._
    cited = content.citations()
    places = citation_places(content)
    out = []
    for sid, source in sorted(
        content.sources.items(),  # in the English order in every language (same anchors)
        key=lambda item: item[1].get("original_publisher", item[1]["publisher"]).lower(),
    ):
        out.append(f"### {source['title']} {{ #source_{sid} }}\n")
        when = source_date(source, content.lang)
        rows: list[tuple[str, Any]] = behind_row(content, source)
        if "original_title" in source and source.get("language", "en") == "en":
            # an English page on a page of another language: its own title, marked as English
            rows.append((_("Original title"), html.foreign("en", source["original_title"])))
        rows += [
            (_("Publisher"), f"{source['publisher']}, {when}"),
            (_("Address"), f"[{source['url']}]({source['url']})"),
            (_("Supports"), source["supports"]),
            (
                _("Cited by, and where on this page"),
                _cited_by(content, cited.get(sid, []), places.get(sid, {})),
            ),
        ]
        out.append(facts(rows))
    return "\n".join(out)


def abbreviations(content: Content) -> str:
    """Markdown abbreviation definitions, so each glossary term gets a tooltip where it appears."""
    _ = content.lang._
    lines = []
    for term in content.data["glossary"]:
        if content.lang.code == DEFAULT:
            tip = _("{meaning}. {language}: {reads}").format(
                meaning=term["english"],
                language=content.lang.pick(LANGUAGES, term["language"]),
                reads=term["transliteration"],
            )
        elif term.get("kazakh"):
            tip = _("{meaning}. In Kazakh: {kazakh}").format(
                meaning=term["english"], kazakh=term["kazakh"]
            )
        else:
            tip = term["english"]
        lines.append(f"*[{term['term']}]: {tip}")
        lines += [f"*[{written}]: {term['english']}" for written in term.get("also", [])]
    return "\n\n" + "\n".join(lines) + "\n"
