"""Choosing a rule: by nationality, by id, or by hand, and nothing in between."""

from __future__ import annotations

import pytest

from calculator.core.errors import InputError
from calculator.rules.custom import custom_rule


@pytest.mark.parametrize(
    ("code", "rule_set", "limit", "per_entry"),
    [
        ("NL", "kz_visa_free_30", 90, 30),
        ("us", "kz_visa_free_30", 90, 30),
        ("AE", "kz_visa_free_30", 90, 30),
        ("KG", "kz_eaeu_90", 90, 90),
        ("RU", "kz_eaeu_90", 90, 90),
        ("IN", "kz_india_iran_14", 42, 14),
        ("IR", "kz_india_iran_14", 42, 14),
        ("CN", "kz_china_30", 90, 30),
        ("TR", "kz_turkey_90", 90, None),
    ],
)
def test_nationalities(book, code: str, rule_set: str, limit: int, per_entry: int | None) -> None:
    rule = book.resolve_rule(nationality=code)
    assert (rule.id, rule.limit, rule.window, rule.per_entry) == (rule_set, limit, 180, per_entry)


def test_required_nationalities_are_listed(book) -> None:
    required = [
        "NL",
        "DE",
        "FR",
        "IT",
        "US",
        "GB",
        "CA",
        "AU",
        "JP",
        "KR",
        "AE",
        "RU",
        "BY",
        "AM",
        "KG",
        "IN",
        "IR",
        "CN",
        "TR",
    ]
    assert set(required) <= set(book.nationalities)


def test_exactly_one_way(book) -> None:
    with pytest.raises(InputError) as error:
        book.resolve_rule(nationality="NL", rule="schengen")
    assert error.value.field == "nationality"
    with pytest.raises(InputError):
        book.resolve_rule()


@pytest.mark.parametrize(
    ("args", "field"),
    [
        ((None, 180, None), "limit"),
        ((90, None, None), "window"),
        ((0, 180, None), "limit"),
        ((90, 180, -1), "per_entry"),
        ((180, 180, None), "limit"),
    ],
)
def test_custom_rule_checks(args: tuple, field: str) -> None:
    with pytest.raises(InputError) as error:
        custom_rule(*args)
    assert error.value.field == field


def test_custom_rule_is_flagged(book) -> None:
    rule = book.resolve_rule(limit=60, window=120, per_entry=20)
    assert rule.id == "custom" and rule.provenance.confidence == "custom"
