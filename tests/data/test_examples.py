"""The schema against the real data and the curated valid and invalid examples."""

from __future__ import annotations

import pytest

from kzdata.errors import DataError
from kzdata.load import load_all
from kzdata.schema import validate
from tests.data.examples_apply import apply, load_examples

INVALID = load_examples("invalid")
VALID = load_examples("valid")


def test_real_data_is_valid() -> None:
    validate(load_all())


def test_there_are_enough_examples() -> None:
    assert len(INVALID) >= 30 and len(VALID) >= 5


@pytest.mark.parametrize(("name", "example"), INVALID, ids=[name for name, _ in INVALID])
def test_invalid_example_fails_with_its_message(name: str, example: dict) -> None:
    with pytest.raises(DataError) as caught:
        validate(apply(example))
    assert example["expect"] in str(caught.value), f"{name}: got {caught.value}"


@pytest.mark.parametrize(("name", "example"), VALID, ids=[name for name, _ in VALID])
def test_valid_example_passes(name: str, example: dict) -> None:
    validate(apply(example))


def test_messages_name_file_record_and_field() -> None:
    for _name, example in INVALID:
        try:
            validate(apply(example))
        except DataError as error:
            assert str(error).startswith(f"data/{example['file']}.yaml: "), error
            assert "Traceback" not in str(error)


def test_invalid_example_does_not_touch_the_real_data() -> None:
    before = load_all()
    apply(INVALID[0][1], before)
    assert before == load_all()
