"""The Russian edition: every page exists under /ru/ with the English page's anchors, in Russian,
with a language switcher to the same page, and the same facts (numbers) as the English."""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit
from pathlib import Path

import pytest

from calculator.core.typography import typeset
from kb.content import Content, load_content
from kb.render_common import span, tenge
from tests.site.html_index import section, text_of

pytestmark = pytest.mark.site
DOCS = Path(__file__).resolve().parents[2] / "docs"
ENGLISH = sorted(
    p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md") if not p.name.endswith(".ru.md")
)
def url_of(source: str) -> str:
    """``guide.md`` -> ``guide/``, ``index.md`` -> ``""``, ``calculator/index.md`` -> ``calculator/``."""
    path = source.removesuffix(".md").removesuffix("index")
    return path if not path or path.endswith("/") else path + "/"


@pytest.fixture(scope="module")
def ru() -> Content:
    return load_content(lang="ru")


@pytest.fixture(scope="module")
def en() -> Content:
    return load_content()


def html(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def switcher(page: str, path: str) -> dict[str, str]:
    """Language -> the path the language switcher's link leads to, from a page at ``path``."""
    links = re.findall(r'<a href="([^"]*)" hreflang="(\w+)" class="md-select__link"', page)
    return {lang: urlsplit(urljoin(f"http://site{path}", href)).path for href, lang in links}


def article_ids(page: str) -> list[str]:
    article = page[page.index("<article") : page.index("</article>")]
    return re.findall(r'\sid="([^"]+)"', article)


@pytest.mark.parametrize("source", ENGLISH)
def test_every_english_page_has_a_russian_page(source: str) -> None:
    assert (DOCS / source.replace(".md", ".ru.md")).is_file(), f"docs/{source} has no .ru.md"


@pytest.mark.parametrize("source", ENGLISH)
def test_russian_page_has_the_same_anchors_lang_and_switcher(built_site: Path, source: str) -> None:
    url = url_of(source)
    english, russian = html(built_site, url), html(built_site, "ru/" + url)
    assert '<html lang="ru"' in russian and '<html lang="en"' in english
    assert article_ids(russian) == article_ids(english), url
    # the switcher (and <link rel=alternate>) lead to the same page in the other language
    assert switcher(russian, f"/ru/{url}") == {"en": f"/{url}", "ru": f"/ru/{url}"}, url
    assert switcher(english, f"/{url}") == {"en": f"/{url}", "ru": f"/ru/{url}"}, url
    h1 = re.search(r"<h1[^>]*>(.*?)</h1>", russian, re.S)
    assert h1 and re.search("[а-яА-Я]", h1.group(1)), url


def test_every_record_anchor_of_the_english_site_resolves_in_russian(
    built_site: Path, en: Content
) -> None:
    for page, ids in en.anchors().items():
        russian = html(built_site, "ru/" + url_of(page))
        missing = [rid for rid in ids if f'id="{rid}"' not in russian]
        assert not missing, (page, missing)


def test_the_guide_speaks_russian_with_cldr_grammar(built_site: Path) -> None:
    guide = text_of(html(built_site, "ru/guide/"))
    for english in ("Who does it", "How long", "Watch out for", "Last checked", "calendar days"):
        assert english not in guide, english
    egov = text_of(section(html(built_site, "ru/guide/"), "egov_application"))
    assert "45\xa0календарных дней" in egov and "30\xa0календарных дней" in egov
    assert "один источник" in egov
    assert "5–10\xa0рабочих дней" in text_of(section(html(built_site, "ru/guide/"), "receive_hub_letter"))
    assert "2\xa0рабочих дня" in guide  # Astana Hub's document check: CLDR "few" form
    assert "25\xa0ноября 2026\xa0г." in guide  # dates in words, month in the genitive, «г.»
    permit = text_of(section(html(built_site, "ru/guide/"), "pay_permit_fee"))
    assert "4\xa0МРП" in permit and "15\xa0728\xa0тенге в 2025\xa0году" in permit
    assert "Ссылка на этот раздел" in html(built_site, "ru/guide/")


def test_russian_steps_carry_the_english_numbers(built_site: Path, en: Content, ru: Content) -> None:
    """Facts are single: every period and fee of a step shows the same numbers in both languages."""
    guide = html(built_site, "ru/guide/")
    for step_id, step in en.steps.items():
        words = text_of(section(guide, step_id))
        assert typeset(ru.steps[step_id]["title"]) in words, step_id
        for deadline_id in step.get("deadlines", []):
            assert typeset(span(ru.deadlines[deadline_id], ru.lang)) in words, (step_id, deadline_id)
            assert re.findall(r"\d+", span(en.deadlines[deadline_id])) == re.findall(
                r"\d+", span(ru.deadlines[deadline_id], ru.lang)
            )
        for fee_id in step.get("fees", []):
            record = en.fees[fee_id]
            for year in en.data["fees"]["mci"]:
                if record["mci"] is not None:
                    amount = tenge(record["mci"], year["kzt"], ru.lang)
                    assert typeset(amount) in words, (step_id, fee_id)
                    assert amount.replace("\xa0", "").split()[0] == tenge(
                        record["mci"], year["kzt"]
                    ).replace(",", "").split()[0]
