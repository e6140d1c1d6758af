"""Russian grammar from CLDR (plurals, dates in words) and complete catalogs."""

from __future__ import annotations

import json
from datetime import date

import pytest

from calculator import bridge
from calculator.core.i18n import country, day_month_year, days, human, language
from kb.i18n_catalogs import DOMAINS, TRANSLATED, page_catalog, problems


@pytest.mark.parametrize(
    ("n", "en", "ru"),
    [
        (0, "0 days", "0 дней"),
        (1, "1 day", "1 день"),
        (2, "2 days", "2 дня"),
        (4, "4 days", "4 дня"),
        (5, "5 days", "5 дней"),
        (11, "11 days", "11 дней"),
        (12, "12 days", "12 дней"),
        (14, "14 days", "14 дней"),
        (21, "21 days", "21 день"),
        (22, "22 days", "22 дня"),
        (25, "25 days", "25 дней"),
        (101, "101 days", "101 день"),
        (111, "111 days", "111 дней"),
        (183, "183 days", "183 дня"),
    ],
)
def test_plural_days(n: int, en: str, ru: str) -> None:
    assert days(n) == (en if n != 1 else "1 day")
    with language("ru"):
        assert days(n) == ru


@pytest.mark.parametrize(
    ("day", "en", "ru", "ru_short"),
    [
        (date(2025, 6, 1), "Sun 1 Jun 2025", "1 июня 2025 г. (вс)", "1 июня 2025 г."),
        (date(2025, 1, 2), "Thu 2 Jan 2025", "2 января 2025 г. (чт)", "2 января 2025 г."),
        (date(2025, 3, 8), "Sat 8 Mar 2025", "8 марта 2025 г. (сб)", "8 марта 2025 г."),
        (date(2025, 5, 9), "Fri 9 May 2025", "9 мая 2025 г. (пт)", "9 мая 2025 г."),
        (date(2025, 8, 30), "Sat 30 Aug 2025", "30 августа 2025 г. (сб)", "30 августа 2025 г."),
        (date(2025, 12, 16), "Tue 16 Dec 2025", "16 декабря 2025 г. (вт)", "16 декабря 2025 г."),
    ],
)
def test_dates_in_words(day: date, en: str, ru: str, ru_short: str) -> None:
    assert human(day) == en
    with language("ru"):
        assert human(day) == ru
        assert human(day, weekday=False) == ru_short


def test_every_month_in_the_genitive() -> None:
    with language("ru"):
        months = [human(date(2025, m, 1), weekday=False).split()[1] for m in range(1, 13)]
    assert months == [
        "января",
        "февраля",
        "марта",
        "апреля",
        "мая",
        "июня",
        "июля",
        "августа",
        "сентября",
        "октября",
        "ноября",
        "декабря",
    ]


def test_country_names_from_cldr_and_the_term_base() -> None:
    assert country("NL", "Netherlands") == "Netherlands"
    with language("ru"):
        assert country("NL", "Netherlands") == "Нидерланды"
        assert country("KG", "Kyrgyzstan") == "Кыргызстан"  # official usage (kb/i18n/ru_terms.yaml)
        assert country("ZZ", "Nowhere") == "Nowhere"  # not in the data: the English name


def test_language_is_per_request_and_checked(rules: dict) -> None:
    bridge.load(json.dumps(rules))
    request = {"action": "workdays", "from": "2025-01-02", "add": 1}
    ru = json.loads(bridge.handle(json.dumps({**request, "lang": "ru"})))
    en = json.loads(bridge.handle(json.dumps(request)))
    assert ru["result"]["date"] == en["result"]["date"] == "2025-01-05"
    assert ru["result"]["explanation"]["steps"] != en["result"]["explanation"]["steps"]
    for bad in ("de", "", ["ru"], 1):
        answer = json.loads(bridge.handle(json.dumps({**request, "lang": bad})))
        assert answer["ok"] is False
        assert answer["error"]["field"] == "lang"
        assert "en, ru" in answer["error"]["message"]


@pytest.mark.parametrize("domain", sorted(DOMAINS))
@pytest.mark.parametrize("lang", TRANSLATED)
def test_catalog_is_complete(domain: str, lang: str) -> None:
    """Every message of the code is translated, none is fuzzy (stale), Plural-Forms is CLDR's."""
    assert problems(domain, lang) == []


def test_page_catalog_maps_cldr_categories_to_forms() -> None:
    catalog = page_catalog("ru")
    assert catalog["plural_index"] == {"many": 2, "one": 0, "few": 1}
    assert all(isinstance(v, str | list) for v in catalog["messages"].values())


def test_impossible_dates_in_words() -> None:
    assert day_month_year(30, 2, 2025) == "30 February 2025"
    with language("ru"):
        assert day_month_year(30, 2, 2025) == "30 февраля 2025 г."
        assert day_month_year(31, 4, 2026) == "31 апреля 2026 г."
