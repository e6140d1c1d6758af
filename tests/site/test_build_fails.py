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
