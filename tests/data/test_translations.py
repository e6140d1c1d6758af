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


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("- a list\n- of texts\n", "must be a mapping of record ids to their fields"),
        ("kz_visa_free_30: a text\n", "'kz_visa_free_30': must be a mapping of fields to texts"),
        (
            "kz_visa_free_30:\n  title: {hash: 8c79035b94, txt: a typo}\n",
            "'kz_visa_free_30': 'title': must be a text, or 'hash' and 'text'",
        ),
        ("x: " + "[" * 5000 + "]" * 5000 + "\n", "(line 1): nested more than 24 levels deep"),
        ("a: &a [x]\nb: *a\n", "(line 2): the alias *a is not allowed in data files"),
        ("a:\n  title: x\n  title: y\n", "(line 3): 'title' is given twice in one mapping"),
        (b"kz_visa_free_30:\n  title: \xff\n", "(line 2): not UTF-8 text (byte 27)"),
    ],
)
def test_a_broken_translation_file_is_refused_in_one_line(
    tmp_path: Path, text: str | bytes, message: str
) -> None:
    """Read like data/ (kzdata's strict loader), then checked for shape: one line naming the file
    (and record and field), never a traceback (the build and ``python -m kb.i18n`` use this)."""
    folder = tmp_path / "i18n" / "ru"
    folder.mkdir(parents=True)
    raw = text if isinstance(text, bytes) else text.encode("utf-8")
    (folder / "stay_rules.yaml").write_bytes(raw)
    with pytest.raises(DataError) as caught:
        store.load(tmp_path, "ru")
    assert str(caught.value).startswith("data/i18n/ru/stay_rules.yaml")
    assert message in str(caught.value) and "\n" not in str(caught.value)


@pytest.mark.parametrize("lang", ["xx", "../../tmp", "RU", "ru/../ru"])
def test_the_status_command_refuses_what_is_not_a_language_code(lang: str) -> None:
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "kb.i18n", "status", "--lang", lang],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert f"argument --lang: {lang!r} is not a language code such as ru or kk" in result.stderr
