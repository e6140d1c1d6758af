"""The Russian edition as an editor reads it: no stray Latin-script words, only the term base's
terms, Russian typography. Every check runs over whatever exists (tests/i18n/ru_texts.py): each
/ru/ page of the real build, the engine's Russian answers over the literal cases (JSON words, the
CLI's text and errors, the .ics file), and, for the terms, every translation and catalog entry.

A failure lists where (page, case, catalog entry, translation) and what to change; the reviewed
names, codes and terms live in kb/i18n/ru_terms.yaml (see CONTRIBUTING.md, "Russian editor")."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pytest

from kb.i18n.review import latin_words, term_problems, typography_problems
from tests.i18n import ru_texts

pytestmark = pytest.mark.site
SHOWN = 40  # problems listed in a failure


@pytest.fixture(scope="module")
def engine_texts(rules: dict[str, Any], tmp_path_factory: pytest.TempPathFactory) -> list:
    return list(ru_texts.engine(rules, tmp_path_factory.mktemp("engine")))


@pytest.fixture(scope="module")
def page_texts(built_site: Path) -> list:
    texts = list(ru_texts.pages(built_site))
    assert len(texts) >= 10, "the built site has no Russian pages"
    return texts


def problems(texts: Iterable[tuple[str, str]], check: Callable[[str], list[str]]) -> list[str]:
    found = []
    for where, text in texts:
        found += [f"{where}: {problem}" for problem in check(text)]
    return found


def report(found: list[str]) -> str:
    more = f"\n… and {len(found) - SHOWN} more" if len(found) > SHOWN else ""
    return f"{len(found)} problems:\n" + "\n".join(found[:SHOWN]) + more


def test_no_latin_words_on_russian_pages(page_texts: list) -> None:
    found = problems(page_texts, latin_words)
    assert not found, report(found)


def test_no_latin_words_in_the_engines_russian_answers(engine_texts: list) -> None:
    assert any(where.endswith(".ics") for where, _ in engine_texts)
    assert any("CLI" in where for where, _ in engine_texts)
    found = problems(engine_texts, latin_words)
    assert not found, report(found)


def test_every_russian_text_uses_the_term_base(page_texts: list, engine_texts: list) -> None:
    texts = [*ru_texts.translations(), *ru_texts.catalogs(), *page_texts, *engine_texts]
    found = problems(texts, term_problems)
    assert not found, report(found)


def test_russian_typography_on_pages_and_answers(page_texts: list, engine_texts: list) -> None:
    found = problems([*page_texts, *engine_texts], typography_problems)
    assert not found, report(found)


# -- the checks themselves catch what they are for -----------------------------------------------


def test_the_latin_check_keeps_names_codes_and_urls_and_finds_english() -> None:
    text = (
        "Письмо Astana Hub, заявление на eGov, виза B12-1 (Neo Nomad), код NL, "
        "https://egov.kz/cms/ru, `police_certificate`, --stay, экзамен KAZTEST"
    )
    assert latin_words(text) == []
    assert latin_words("Сроки DNR: надёжность single") == ["single"]
    assert latin_words("Версия данных: 2026-12-01+91084d1fb8.") == []  # a hash with a short tail
    assert latin_words("Switch to dark mode") == ["Switch", "to", "dark", "mode"]


def test_the_term_check_names_the_preferred_term() -> None:
    (problem,) = term_problems("Обратитесь в миграционную полицию.")
    assert "миграционная служба" in problem
    assert term_problems("Обратитесь в миграционную службу.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Госпошлина 15 728 тенге",
        "не менее 15 м² на человека",
        "приказ № 436",
        "26 ноября 2026",
        "Вариант - ещё один",
        'виза "Neo Nomad"',
    ],
)
def test_the_typography_check_finds_each_slip(text: str) -> None:
    assert typography_problems(text), text
