"""The schema against the real data and the curated valid and invalid examples."""

from __future__ import annotations

from pathlib import Path

import pytest

from kzdata.errors import DataError
from kzdata.load import load_all
from kzdata.schema import validate
from tests.data.examples_apply import apply, is_raw, load_examples, write_raw

INVALID = load_examples("invalid")
VALID = load_examples("valid")


def test_real_data_is_valid() -> None:
    validate(load_all())


def test_there_are_enough_examples() -> None:
    assert len(INVALID) >= 40 and len(VALID) >= 5


def load_and_validate(example: dict, tmp_path: Path) -> None:
    """What the build does with the example applied: read data/ (raw examples), then validate."""
    validate(load_all(write_raw(example, tmp_path)) if is_raw(example) else apply(example))


@pytest.mark.parametrize(("name", "example"), INVALID, ids=[name for name, _ in INVALID])
def test_invalid_example_fails_with_its_message(name: str, example: dict, tmp_path: Path) -> None:
    with pytest.raises(DataError) as caught:
        load_and_validate(example, tmp_path)
    assert example["expect"] in str(caught.value), f"{name}: got {caught.value}"
    message = str(caught.value)
    assert message.startswith(f"data/{example['file']}.yaml"), message
    assert "\n" not in message and "Traceback" not in message


@pytest.mark.parametrize(("name", "example"), VALID, ids=[name for name, _ in VALID])
def test_valid_example_passes(name: str, example: dict) -> None:
    validate(apply(example))


def test_messages_name_file_record_and_field() -> None:
    for _name, example in INVALID:
        if is_raw(example):
            continue  # checked by test_invalid_example_fails_with_its_message
        try:
            validate(apply(example))
        except DataError as error:
            assert str(error).startswith(f"data/{example['file']}.yaml: "), error
            assert "Traceback" not in str(error)


def test_invalid_example_does_not_touch_the_real_data() -> None:
    before = load_all()
    apply(INVALID[0][1], before)
    assert before == load_all()
