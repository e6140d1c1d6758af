"""What we don't know, the review date under each title, and the report link, in real builds:
the open-questions page lists every record whose confidence is unverified, single or conflict
(every source of a conflict, each side of a disputed period), in both languages."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from kb.content import Content, load_content
from kb.page_header import PAGE_KINDS, reviewed
from kb.render_questions import entries
from tests.site.html_index import read_site, section, text_of
from tests.site_build import build_site

pytestmark = pytest.mark.site
ROOT = Path(__file__).resolve().parents[2]
LANGUAGES = {"": "en", "ru/": "ru"}


@pytest.fixture(scope="module")
def content() -> Content:
    return load_content()


@pytest.mark.parametrize("prefix", list(LANGUAGES))
def test_every_open_record_is_a_question(built_site: Path, content: Content, prefix: str) -> None:
    html = (built_site / prefix / "open-questions" / "index.html").read_text(encoding="utf-8")
    open_ = entries(content)
    assert len(open_) >= 60  # the real data: 65 records and the pilot's extension
    localized = load_content(lang=LANGUAGES[prefix])
    for entry in open_:
        anchor = f"question_{entry['id']}"
        assert f'id="{anchor}"' in html, anchor
        block = section(html, anchor)
        for source in entry["record"]["sources"]:
            assert localized.sources[source]["url"] in block, (anchor, source)
    assert 'id="question_pilot_extension"' in html


@pytest.mark.parametrize("prefix", list(LANGUAGES))
def test_conflicts_show_every_side(built_site: Path, prefix: str) -> None:
    html = (built_site / prefix / "open-questions" / "index.html").read_text(encoding="utf-8")
    localized = load_content(lang=LANGUAGES[prefix])
    b8 = localized.deadlines["b8_visa_pending_residence"]
    block = text_of(section(html, "question_b8_visa_pending_residence"))
    assert len(b8["sides"]) == 3
    for side in b8["sides"]:
        assert side["says"][:60] in block
    pilot = text_of(section(html, "question_pr_pilot_2026_language_test"))
    assert "A1" in pilot and "B1" in pilot  # both levels, from the record's note


def test_a_confirmed_fact_is_not_a_question(built_site: Path) -> None:
    html = (built_site / "open-questions" / "index.html").read_text(encoding="utf-8")
    assert 'id="question_police_certificate_validity"' not in html  # three sources now
    assert 'id="question_kz_visa_free_30"' not in html


@pytest.mark.parametrize("prefix", list(LANGUAGES))
def test_status_box_links_the_open_questions(built_site: Path, prefix: str) -> None:
    html = (built_site / prefix / "index.html").read_text(encoding="utf-8")
    assert 'href="open-questions/"' in section(html, "pilot_status")


@pytest.mark.parametrize(("prefix", "words"), [("", "Last reviewed: "), ("ru/", "Последняя проверка: ")])
def test_each_page_says_when_it_was_last_reviewed(
    built_site: Path, content: Content, prefix: str, words: str
) -> None:
    lang = load_content(lang=LANGUAGES[prefix]).lang
    for page in PAGE_KINDS:
        date = reviewed(content, page)
        assert date is not None, page
        folder = page.removesuffix("index.md").removesuffix(".md")
        html = (built_site / prefix / folder / "index.html").read_text(encoding="utf-8")
        html = html.replace("\xa0", " ").replace("&nbsp;", " ")  # Russian typography's spaces
        line = f"{words}{lang.date(date)}"
        assert line in html, (page, line)
        title_end = html.index("</h1>")
        assert html.index(line) > title_end and html.index(line) - title_end < 400, page


def test_the_review_date_is_the_oldest_shown(content: Content) -> None:
    pitfalls = [p["verified"] for p in content.pitfalls.values()]
    assert reviewed(content, "pitfalls.md") == min(pitfalls)
    assert reviewed(content, "pitfalls.ru.md") == min(pitfalls)
    assert reviewed(content, "calculator/sw.md") is None


def test_no_report_link_without_an_address(built_site: Path) -> None:
    if os.environ.get("KB_REPORT_URL"):
        pytest.skip("KB_REPORT_URL is set in this environment")
    for path in list(built_site.glob("**/*.html"))[:400]:
        html = path.read_text(encoding="utf-8")
        assert "kb-report" not in html and "report.js" not in html, path


@pytest.fixture(scope="module")
def reporting_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(
        tmp_path_factory.mktemp("report-site"),
        KB_REPORT_URL="https://issues.example.org/new?title=Problem&body={page}",
        KB_SITE_URL="https://example.org/kz-dnr/",
    )


@pytest.mark.parametrize(("prefix", "words"), [("", "Report a problem with this page"), ("ru/", "Сообщить об ошибке на этой странице")])
def test_report_link_when_configured(reporting_site: Path, prefix: str, words: str) -> None:
    html = (reporting_site / prefix / "guide" / "index.html").read_text(encoding="utf-8")
    page = f"https%3A%2F%2Fexample.org%2Fkz-dnr%2F{prefix.replace('/', '%2F')}guide%2F"
    href = f"https://issues.example.org/new?title=Problem&amp;body={page}"
    assert html.count(f'href="{href}"') == 1  # under the title, where it stays in view
    assert words in html
    assert 'src="../' + ("../" if prefix else "") + 'assets/site/report.js"' in html
    assert 'data-report="https://issues.example.org/new?title=Problem&amp;body={page}"' in html


def test_report_link_loads_nothing_from_the_report_address(reporting_site: Path) -> None:
    """A plain link: no page fetches anything from the report address before a click."""
    for name, page in read_site(reporting_site).items():
        assert not any("issues.example.org" in url for url in page.fetches), name
