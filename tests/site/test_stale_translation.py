"""A translation that fell behind its English: the record shows a short notice linking to the same
record on the English page (kb/i18n/store.py → kb/content.py → kb/render_common.py, and the link's
address from kb/page_language.py), instead of silently showing the old text."""

from __future__ import annotations

import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest

from kb.content import DATA_DIR, load_content
from kb.page_language import english_href, on_post_page
from kb.render_guide import guide

OLD = "Sign and submit the form with the ministry letter and the fee receipt."
NEW = "Sign and submit the form with the ministry letter, the fee receipt and the new annex."


@pytest.fixture(scope="module")
def changed_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """data/ with the English text of one step changed after it was translated."""
    folder = tmp_path_factory.mktemp("data") / "data"
    shutil.copytree(DATA_DIR, folder)
    steps = folder / "steps.yaml"
    text = steps.read_text(encoding="utf-8")
    assert OLD in text
    steps.write_text(text.replace(OLD, NEW), encoding="utf-8")
    return folder


def test_the_record_that_fell_behind_says_so_and_links_to_the_english(changed_data: Path) -> None:
    ru = load_content(changed_data, lang="ru")
    assert ru.behind == {"egov_application"}
    page = guide(ru)  # Markdown: each record starts at its heading's "{ #id … }"
    start = page.index("{ #egov_application ")
    record = page[start : page.index("{ #", start + 1)]
    assert 'data-kb-english="egov_application"' in record
    assert "Английский текст этой записи изменился после перевода" in record
    assert page.count("kb-behind") == 1  # only that record


def test_records_whose_translation_is_current_have_no_notice(changed_data: Path) -> None:
    assert "kb-behind" not in guide(load_content(lang="ru"))
    assert "kb-behind" not in guide(load_content(changed_data))  # English is the source


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("ru/guide/", "../../guide/#egov_application"),
        ("ru/", "../#egov_application"),
        ("ru/calculator/", "../../calculator/#egov_application"),
    ],
)
def test_the_notice_links_to_the_record_on_the_english_page(url: str, expected: str) -> None:
    assert english_href(url, "ru", "egov_application") == expected
    config = SimpleNamespace(theme={"language": "ru"})
    html = '<p class="kb-behind"><a data-kb-english="egov_application">Английская версия</a></p>'
    out = on_post_page(html, SimpleNamespace(url=url), config)
    assert f'href="{expected}"' in out
