"""A broken data file stops `mkdocs build` with the schema's message."""

from __future__ import annotations

import os
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
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "KB_DATA_DIR": str(data)}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "--quiet",
            "--site-dir",
            str(tmp_path / "out"),
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert expected in result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
