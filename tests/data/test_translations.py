"""Data translations (data/i18n/ru/): complete and stamped on the real data; curated examples of a
missing translation (the build fails naming file, record and field) and of stale ones (listed)."""

from __future__ import annotations

import copy
import logging
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from kb.i18n import catalogs, store
from kzdata.errors import DataError
from kzdata.load import DATA_DIR, load_all
from kzdata.schema import validate
from tests.data.examples_apply import EXAMPLES, apply, find

CASES = sorted((EXAMPLES / "i18n").glob("*.yaml"))


@pytest.fixture(scope="module")
def english() -> dict[str, Any]:
    return load_all()


@pytest.fixture(scope="module")
def russian() -> dict[str, Any]:
    return store.load(DATA_DIR, "ru")


def test_real_translations_are_complete_stamped_and_used(english: dict, russian: dict) -> None:
    report = store.check(english, russian, "ru")
    assert (report.missing, report.stale, report.unused) == ([], [], [])


def test_interface_catalog_translates_every_message() -> None:
    assert catalogs.problems("ru") == []


def changed(example: dict[str, Any], english: dict, russian: dict) -> tuple[dict, dict]:
    data = apply(example, english) if "file" in example else copy.deepcopy(english)
    if "link" in example:
        link = example["link"]
        find(data[link["file"]], link["entry"])[link["field"]].append(link["add"])  # type: ignore[index]
    validate(data)
    translations = copy.deepcopy(russian)
    if "translations" in example:
        change = example["translations"]
        record = translations[change["file"]].setdefault(change["entry"], {})
        for name in change.get("delete", []):
            del record[name]
        record.update(change.get("set", {}))
    return data, translations


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_curated_example(path: Path, english: dict, russian: dict) -> None:
    import yaml

    example = yaml.safe_load(path.read_text(encoding="utf-8"))
    data, translations = changed(example, english, russian)
    report = store.check(data, translations, "ru")
    if "expect_missing" in example:
        assert any(example["expect_missing"] in line for line in report.missing), report.missing
        with pytest.raises(DataError, match="Russian translation"):
            report.raise_if_missing()
    else:
        assert report.missing == []
        report.raise_if_missing()  # stale and unused translations never stop the build
    for key, lines in (("expect_stale", report.stale), ("expect_unused", report.unused)):
        if key in example:
            assert lines == [example[key]], lines


def test_there_are_curated_examples_of_each_kind() -> None:
    text = "".join(p.read_text(encoding="utf-8") for p in CASES)
    assert text.count("expect_missing") >= 3 and text.count("expect_stale") >= 3


def test_stamp_records_the_new_english(english: dict, russian: dict) -> None:
    data = apply({"file": "steps", "entry": "check_passport", "set": {"title": "New"}}, english)
    assert store.check(data, russian, "ru").stale
    import yaml

    stamped = {f: yaml.safe_load(text) for f, text in store.stamped(data, russian).items()}
    assert stamped["steps"]["check_passport"]["title"]["hash"] == store.digest("New")
    assert store.check(data, stamped, "ru").stale == []


def test_the_build_lists_stale_translations_and_goes_on(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """What ``mkdocs build`` runs before the first page (kb.macros.check_translations)."""
    import shutil

    from kb.macros import check_translations

    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    steps = data / "steps.yaml"
    steps.write_text(
        steps.read_text(encoding="utf-8").replace(
            "title: Check how long your passport is valid", "title: Check your passport"
        ),
        encoding="utf-8",
    )
    language = SimpleNamespace(locale="ru")
    plugin = SimpleNamespace(
        config=SimpleNamespace(languages=[SimpleNamespace(locale="en"), language])
    )
    docs = Path(__file__).resolve().parents[2] / "docs"
    env = SimpleNamespace(conf=SimpleNamespace(plugins={"i18n": plugin}, docs_dir=str(docs)))
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.kb"):
        check_translations(env, data)
    assert [r.getMessage() for r in caplog.records] == [
        "translation out of date: data/i18n/ru/steps.yaml: step 'check_passport': 'title': "
        "the English changed after it was translated"
    ]


def test_no_interface_word_hides_in_an_f_string() -> None:
    """The extractor cannot see ``_("…")`` inside an f-string, so such a word would never reach the
    catalog and would stay English on every translated page."""
    import re

    hidden = [
        f"{path.name}:{number}"
        for path in sorted(catalogs.KB_DIR.glob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"""\bf["'].*\b_\(""", line)
    ]
    assert hidden == []
