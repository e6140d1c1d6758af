"""MkDocs macros: the only way pages reach ``data/``.

``define_env`` reads and validates every data file (a bad file stops the build with a message that
names the file, the record and the field) and registers one macro per page section. Set
``KB_DATA_DIR`` to build the site from another data folder (the tests use it for broken examples).
"""

from __future__ import annotations

import functools
import logging
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

from calculator.rules.rulebook import RuleBook
from kb import (
    i18n,
    page_header,
    render_calculator,
    render_common,
    render_developments,
    render_guide,
    render_home,
    render_pages,
    render_plan,
    render_questions,
    render_reference,
    render_status,
)
from kb.content import Content, load_content
from kb.freshness import build_date, stale_records
from kb.i18n import DEFAULT, store
from kb.i18n.pages import missing_pages
from kzdata.errors import DataError
from kzdata.export import rules_dict
from kzdata.load import DATA_DIR, load_all

log = logging.getLogger("mkdocs.plugins.kb")

NO_GLOSSARY = ("calculator/",)  # pages owned by the calculator keep their own text untouched


def _depth(env: Any) -> int:
    """How many folders deep the current page is in its language's site (``guide/`` and
    ``ru/guide/`` -> 1, the home pages -> 0), so links stay in the page's language."""
    page = getattr(env, "page", None)
    url = getattr(page, "url", "") or ""
    prefix = f"{build_language(env)}/"
    if url.startswith(prefix):
        url = url[len(prefix) :]
    return url.count("/")


def build_language(env: Any) -> str:
    """The language being built: mkdocs-static-i18n builds each language in turn."""
    return i18n.build_language(env.conf)


def check_translations(env: Any, data_dir: Path) -> None:
    """Before the first language is built: fail on a missing page or data translation of any
    language, and list the out-of-date ones (the build goes on; ``python -m kb.i18n status`` shows
    them too)."""
    plugin = env.conf.plugins.get("i18n")
    languages = [lang.locale for lang in plugin.config.languages] if plugin else []
    missing = missing_pages(Path(env.conf.docs_dir), languages, DEFAULT)
    if missing:
        raise PluginError(f"page not translated, write {', '.join(missing)} (see CONTRIBUTING.md)")
    data = load_all(data_dir)
    for lang in languages:
        if lang == DEFAULT:
            continue
        report = store.check(data, store.load(data_dir, lang), lang)
        report.raise_if_missing()
        for line in report.stale + report.unused:
            log.info("translation out of date: %s", line)


def define_env(env: Any) -> None:
    """Register variables, filters and macros for the pages (once per language built)."""
    data_dir = Path(os.environ.get("KB_DATA_DIR", DATA_DIR))
    lang = build_language(env)
    try:  # one line naming file, record and field; no traceback
        if lang == DEFAULT:
            check_translations(env, data_dir)
        content = load_content(data_dir, build_date(), lang=lang)
    except DataError as error:
        raise PluginError(str(error)) from None
    env.variables["kb_content"] = content
    # the report address (KB_REPORT_URL): the pages load assets/site/report.js only when it is set
    env.conf["extra"]["report_url"] = page_header.report_template()
    # {{ pilot.name }}: read and checked like the rest, in the page's language
    env.variables.update(content.data["site"])
    if lang == DEFAULT:
        report_stale(content)

    @env.macro
    def calculator_choices(lang: str = "en") -> str:
        """The calculator form's option lists from data/, usable before Python starts, in the
        page's language (``calculator_choices("ru")`` on /ru/calculator/)."""
        book = RuleBook.from_dict(rules_dict(data_dir))
        return render_calculator.choices(book, content, lang)

    @env.macro
    def plan_form() -> str:
        """The personal plan's questions and fixed parts (/plan/), in the page's language."""
        book = RuleBook.from_dict(rules_dict(data_dir))
        return render_plan.plan_form(book, content)

    env.filter(content.lang.date, "long_date")

    @env.macro
    def badge(confidence: str, label: str | None = None) -> str:
        return render_common.badge(confidence, label, content.lang)

    @env.macro
    def period(deadline_id: str, with_title: bool = True) -> str:
        return render_common.period(content, deadline_id, with_title=with_title)

    @env.macro
    def period_span(deadline_id: str) -> str:
        return render_common.span(content.deadlines[deadline_id], content.lang)

    @env.macro
    def fee(fee_id: str, with_title: bool = True) -> str:
        return render_common.fee(content, fee_id, with_title=with_title)

    @env.macro
    def ref(kind: str, record_id: str) -> str:
        return render_common.link(content, kind, record_id)

    @env.macro
    def recheck_label() -> str:
        """The stale label as it appears on the pages (a sample, not tied to a record)."""
        return f'<span class="kb-stale">{content.recheck["label"]}</span>'

    @env.macro
    def calculator(mode: str) -> str:
        return render_guide.calculator_link(mode, _depth(env), content)

    simple = {
        "status_banner": render_status.status_banner,
        "start_here": render_home.start_here,
        "changes_list": render_status.changes_list,
        "nationalities_list": render_status.nationalities_list,
        "documents_list": render_pages.documents_list,
        "case_timeline": render_pages.case_timeline,
        "routes_table": render_pages.routes_table,
        "routes_list": render_pages.routes_list,
        "glossary_list": render_reference.glossary_list,
        "deadlines_table": render_reference.deadlines_table,
        "sources_list": render_reference.sources_list,
        "checklists": render_guide.checklists,
        "open_questions": render_questions.open_questions,
        "developments_list": render_developments.developments_list,
    }
    for name, function in simple.items():
        env.macro(lambda function=function: function(content), name)

    @env.macro
    def pitfalls_list(from_case: bool = True) -> str:
        return render_pages.pitfalls_list(content, from_case)

    @env.macro
    def guide() -> str:
        return render_guide.guide(content, _depth(env))

    @env.macro
    def stage_overview() -> str:
        return render_guide.stage_overview(content)

    @env.macro
    def after_permit() -> str:
        return render_guide.after_permit(content, _depth(env))

    @env.macro
    def count(what: str) -> int:
        """How many records of a kind there are (``pitfalls``, ``case_pitfalls``, ``steps`` …)."""
        counts = {
            "steps": len(content.steps),
            "documents": len(content.documents),
            "pitfalls": len(content.pitfalls),
            "case_pitfalls": sum(1 for p in content.pitfalls.values() if p["case"]),
            "sources": len(content.sources),
            "stages": len(content.stages),
            "open_questions": render_questions.count(content),
        }
        return counts[what]

    for table in (env.macros, env.filters):
        for name, function in list(table.items()):
            table[name] = failing_loudly(env, name, function)


def failing_loudly(env: Any, name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    """``function`` that logs one ERROR line (shown under ``--quiet``) before it fails.

    mkdocs-macros catches a failing macro, logs the traceback as a WARNING and, with
    ``on_error_fail``, exits with status 100: under ``--quiet`` (``make build``) nothing at all
    would be printed. Data problems are refused earlier, by the schema, naming file, record and
    field; this line is for the rest (a renderer's bug)."""

    @functools.wraps(function)
    def wrapped(*args: Any, **kwargs: Any) -> Any:
        try:
            return function(*args, **kwargs)
        except Exception as error:
            page = getattr(getattr(getattr(env, "page", None), "file", None), "src_uri", "?")
            what = " ".join(str(error).split())[:200]
            log.error(
                "docs/%s: the macro %s() failed (%s: %s); a bug in kb/, please report it",
                page,
                name,
                type(error).__name__,
                what,
            )
            raise

    return wrapped


def report_stale(content: Content) -> None:
    """List the facts checked too long before the build date (information: the build goes on)."""
    from kzdata.schema import records_of

    months = content.recheck["months"]
    stale = stale_records(records_of(content.data), content.today, months)
    if not stale:
        return
    log.info(
        "%d fact(s) were last checked more than %d months before %s and are marked "
        '"%s" on the pages:\n  %s',
        len(stale),
        months,
        content.today.isoformat(),
        content.recheck["label"],
        "\n  ".join(stale),
    )


def on_post_page_macros(env: Any) -> None:
    """Put the review date (and the report link) under the title, and append the glossary as
    abbreviation definitions, so terms get a tooltip where used."""
    content = env.variables["kb_content"]
    site_url = os.environ.get("KB_SITE_URL") or env.conf.get("site_url") or ""
    line = page_header.header(content, env.page, site_url)
    env.markdown = page_header.insert_after_title(env.markdown, line)
    path = env.page.file.src_uri
    if not path.startswith(NO_GLOSSARY):
        env.markdown += render_reference.abbreviations(content)
