"""Small things that looked broken (issue 18, class 9), in the built site of both languages:
"Who does it" lists continue a sentence ("You, the owner of your home"); the routes table is
wrapped for its sticky first column; the home page's first screen has its three parts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.site.html_index import text_of


def read(built_site: Path, path: str) -> str:
    return (built_site / path).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("path", "expected"),
    [("guide/index.html", "You, the owner of your home"), ("ru/guide/index.html", "Вы, собственник")],
)
def test_who_does_it_reads_as_one_sentence(built_site: Path, path: str, expected: str) -> None:
    text = text_of(read(built_site, path))
    assert expected in text
    assert not re.search(r", The owner|, Your host|, A consultant", text)


@pytest.mark.parametrize("prefix", ["", "ru/"])
def test_routes_table_is_wrapped_for_phones(built_site: Path, prefix: str) -> None:
    assert 'class="kb-routes-table"' in read(built_site, f"{prefix}routes/index.html")


@pytest.mark.parametrize("prefix", ["", "ru/"])
def test_home_page_first_screen_parts(built_site: Path, prefix: str) -> None:
    html = read(built_site, f"{prefix}index.html")
    start = html.index('data-testid="start-here"')
    assert start < html.index('id="pilot_status"')
    for testid in ("what-this-is", "status-line", "where-to-start"):
        assert f'data-testid="{testid}"' in html[start:]
    assert 'href="#pilot_status"' in html[start : html.index('id="pilot_status"')]
