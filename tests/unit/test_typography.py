"""Russian typography (calculator/core/typography.py): what it adds, what it never touches."""

from __future__ import annotations

import pytest

from calculator.core.typography import typeset, typeset_tree

N = "\u00a0"


@pytest.mark.parametrize(
    ("plain", "typeset_"),
    [
        ("Госпошлина 15728 тенге", f"Госпошлина 15{N}728{N}тенге"),
        ("15 728 тенге", f"15{N}728{N}тенге"),
        ("не менее 15 м² на человека", f"не менее 15{N}м² на человека"),
        ("приказ № 436 и №436", f"приказ №{N}436 и №{N}436"),
        ("26 ноября 2026", f"26{N}ноября 2026{N}г."),
        ("с 27 января 2023 года", f"с 27{N}января 2023{N}года"),
        ("45 календарных дней", f"45{N}календарных дней"),
        ("Вариант - ещё один", f"Вариант{N}— ещё один"),
        ('виза "Neo Nomad"', "виза «Neo Nomad»"),
    ],
)
def test_russian_typography(plain: str, typeset_: str) -> None:
    assert typeset(plain) == typeset_
    assert typeset(typeset_) == typeset_  # idempotent


@pytest.mark.parametrize(
    "code",
    [
        "2025-01-01..2025-02-01",
        "2026-11-26+9018666598",
        "Версия данных: 2026-11-26+9018666598.",
        "G24G0000436",
        "B12-1",
        "https://egov.kz/cms/ru/a-b",
        "stays[1].exit",
    ],
)
def test_codes_dates_and_addresses_stay_as_they_are(code: str) -> None:
    assert typeset(code) == code


def test_a_result_keeps_its_codes() -> None:
    result = {"version": "2026-11-26+9018666598", "steps": ["Осталось 34 дня"], "ics": "a - b"}
    assert typeset_tree(result, frozenset({"ics"})) == {
        "version": "2026-11-26+9018666598",
        "steps": [f"Осталось 34{N}дня"],
        "ics": "a - b",
    }
