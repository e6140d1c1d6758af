"""A broken data file stops `mkdocs build` with the schema's message."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kzdata.load import DATA_DIR

pytestmark = pytest.mark.site
ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("last week", "data/steps.yaml: step 'egov_application': 'verified' is not a date"),
        (
            "2026-02-30",
            "data/steps.yaml: step 'egov_application': 'verified' is not a real calendar date",
        ),
    ],
)
def test_build_fails_naming_file_entry_and_field(
    tmp_path: Path, written: str, expected: str
) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    steps = data / "steps.yaml"
    text = steps.read_text(encoding="utf-8")
    start = text.index("    - id: egov_application")
    marker = text.index("      verified: 2026-11-25", start)
    broken = (
        text[:marker]
        + f"      verified: {written}"
        + text[marker + len("      verified: 2026-11-25") :]
    )
    steps.write_text(broken, encoding="utf-8")
    output = build_from(data, tmp_path / "out")
    assert expected in output
    assert "Traceback" not in output


def test_site_yaml_goes_through_the_same_loader(tmp_path: Path) -> None:
    """The home page's variables come from data/site.yaml via kzdata, not a loader of their own."""
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    site = data / "site.yaml"
    text = re.sub(r"legal_end: \S+", "legal_end: 2025-02-30", site.read_text(encoding="utf-8"))
    site.write_text(text, encoding="utf-8")
    output = build_from(data, tmp_path / "out")
    assert "data/site.yaml: pilot: 'legal_end' is not a real calendar date (2025-02-30)" in output
    assert "Traceback" not in output


NEST = "[" * 5000 + "]" * 5000
ALIASES = "".join(
    f"{name}: &{name} [{', '.join([f'*{prev}'] * 9 if prev else ['x'] * 9)}]\n"
    for prev, name in zip(["", "a", "b", "c", "d", "e", "f", "g", "h"], "abcdefghi", strict=True)
)  # about 0.5 KB; expanded, 9**9 values


@pytest.mark.parametrize(
    ("file", "old", "new", "expected"),
    [
        (
            "calendar.yaml",
            "date: 2027-05-16",
            "date: 1800-05-16",
            "data/calendar.yaml: lunar holiday 'kurban_ait', date #3: 'date' is 1800-05-16, outside",
        ),
        (
            "stay_rules.yaml",
            "counting_from: 2023-01-27",
            "counting_from: 1800-01-27",
            "'counting_from' is 1800-01-27, outside the years the calculator supports",
        ),
        (
            "fees.yaml",
            "mci: 0.2",
            "mci: .inf",
            "data/fees.yaml: fee 'card_fee': 'mci' must be a number greater than 0",
        ),
        (
            "site.yaml",
            "months: 12",
            "months: 100000",
            "data/site.yaml: recheck: 'months' must be a whole number from 1 to 120",
        ),
        (
            "steps.yaml",
            "- id: stage_before_you_start",
            f"- x: {NEST}\n- id: stage_before_you_start",
            "nested more than 24 levels deep",
        ),
        (
            "site.yaml",
            "recheck:",
            ALIASES + "recheck:",
            "the alias *a is not allowed in data files",
        ),
        (
            "i18n/ru/site.yaml",
            "    - Астана\n    - Алматы",
            "    - 1\n    - 2",
            "data/i18n/ru/site.yaml: pilot 'pilot_status': 'cities': the translation must be a list",
        ),
        (
            "i18n/ru/steps.yaml",
            "egov_application:",
            f"x: {NEST}\negov_application:",
            "nested more than 24 levels deep",
        ),
        (
            "i18n/ru/stay_rules.yaml",
            "*",
            "- a list\n- of texts\n",
            "data/i18n/ru/stay_rules.yaml: must be a mapping of record ids",
        ),
        (
            "i18n/ru/glossary.yaml",
            "# ",
            "\udcff# ",
            "data/i18n/ru/glossary.yaml (line 1): not UTF-8 text",
        ),
    ],
    ids=[
        "kurban_ait_1800",
        "counting_from_1800",
        "mci_inf",
        "recheck_100000",
        "nested",
        "aliases",
        "ru_cities_numbers",
        "ru_nested",
        "ru_list",
        "ru_not_utf8",
    ],
)
def test_broken_data_stops_the_quiet_build_in_one_line(
    tmp_path: Path, file: str, old: str, new: str, expected: str
) -> None:
    """Under ``--quiet`` (``make build``): exit non-zero, one line naming file, record and field,
    no traceback; never the silent status 100 of a failing macro."""
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    path = data / file
    text = path.read_text(encoding="utf-8")
    assert old == "*" or old in text, f"{old!r} is not in {file}"
    text = new if old == "*" else text.replace(old, new, 1)  # "*": the whole file
    path.write_bytes(text.encode("utf-8", "surrogateescape"))
    output = build_from(data, tmp_path / "out")
    lines = [line for line in output.splitlines() if expected in line]
    assert lines, output[-2000:]
    assert f"data/{file}" in lines[0], lines[0]
    assert "Traceback" not in output and "RecursionError" not in output
    assert len(lines[0]) < 400


def build_from(data: Path, out: Path) -> str:
    """Run the strict build on another data folder; it must fail. Returns stdout + stderr."""
    return build_in(ROOT, out, KB_DATA_DIR=str(data))


def test_build_fails_on_a_missing_translation_naming_file_record_and_field(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    steps = data / "i18n" / "ru" / "steps.yaml"
    lines = steps.read_text(encoding="utf-8").splitlines(keepends=True)
    first = lines.index("  what:\n", lines.index("egov_application:\n"))
    last = first + 1
    while lines[last].startswith("    "):  # the field's hash, text and its continuation lines
        last += 1
    steps.write_text("".join(lines[:first] + lines[last:]), encoding="utf-8")
    output = build_from(data, tmp_path / "out")
    assert (
        "data/i18n/ru/steps.yaml: step 'egov_application': 'what' has no Russian translation"
        in output
    )
    assert not (tmp_path / "out" / "index.html").exists()  # it fails before any page is written


@pytest.mark.parametrize("page", ["glossary", "calculator/index"])
def test_build_fails_on_a_missing_russian_page_naming_it(tmp_path: Path, page: str) -> None:
    """With ``fallback_to_default: false`` mkdocs-static-i18n alone would just leave the page out
    of /ru/ and succeed; the build must fail instead, naming the file to write."""
    project = tmp_path / "project"
    project.mkdir()
    for (
        item
    ) in ROOT.iterdir():  # a copy of the project: docs/ and mkdocs.yml copied, the rest linked
        if item.name in ("docs", "mkdocs.yml"):
            copy = shutil.copytree if item.is_dir() else shutil.copy2
            copy(item, project / item.name)
        elif not item.name.startswith("."):
            (project / item.name).symlink_to(item)
    (project / "docs" / f"{page}.ru.md").unlink()
    output = build_in(project, tmp_path / "out")
    assert f"page not translated, write docs/{page}.ru.md" in output
    assert "Traceback" not in output
    assert not (tmp_path / "out" / "index.html").exists()  # it fails before any page is written


def build_in(project: Path, out: Path, **variables: str) -> str:
    """Run the strict build of ``project`` (the project or a copy of it) with more environment
    ``variables``; it must fail. Returns stdout + stderr."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **variables}
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "build",
        "--strict",
        "--quiet",
        "--site-dir",
        str(out),
    ]
    result = subprocess.run(
        command, cwd=project, env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode != 0
    return result.stdout + result.stderr


def test_a_translation_with_an_unknown_placeholder_stops_the_quiet_build(tmp_path: Path) -> None:
    """``{datum}`` for ``{date}`` in the engine's catalog: the build stops, naming the catalog, the
    line and the message (the Russian engine would have answered "internal error")."""
    project = tmp_path / "project"
    project.mkdir()
    for item in ROOT.iterdir():  # the catalogs live in calculator/ and kb/: copy those
        if item.name in ("calculator", "kb"):
            shutil.copytree(item, project / item.name, ignore=shutil.ignore_patterns("*.mo"))
        elif not item.name.startswith("."):
            (project / item.name).symlink_to(item)
    po = project / "calculator" / "locale" / "ru" / "LC_MESSAGES" / "calculator.po"
    text = po.read_text(encoding="utf-8")
    english = 'msgid "It expired on {date}: order a new one."\nmsgstr "'
    start = text.index(english) + len(english)
    end = text.index('"', start)
    po.write_text(text[:start] + text[start:end].replace("{date}", "{datum}") + text[end:])
    output = build_in(project, tmp_path / "out")
    assert "calculator/locale/ru/LC_MESSAGES/calculator.po (line " in output
    assert (
        "'It expired on {date}: order a new one.': uses {datum}, which the English does not have"
        in output
    )
    assert "Traceback" not in output


def test_a_failing_macro_says_so_in_one_error_line(caplog: pytest.LogCaptureFixture) -> None:
    """mkdocs-macros logs a failing macro as a WARNING (hidden by --quiet) and exits with 100;
    kb's macros log one ERROR line first, which --quiet shows."""
    from types import SimpleNamespace

    from kb.macros import failing_loudly

    def broken() -> str:
        raise ArithmeticError("one\nline")

    env = SimpleNamespace(page=SimpleNamespace(file=SimpleNamespace(src_uri="guide.md")))
    with caplog.at_level("ERROR", logger="mkdocs.plugins.kb"), pytest.raises(ArithmeticError):
        failing_loudly(env, "guide", broken)()
    assert [r.getMessage() for r in caplog.records] == [
        "docs/guide.md: the macro guide() failed (ArithmeticError: one line); a bug in kb/, "
        "please report it"
    ]
