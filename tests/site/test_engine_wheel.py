"""The engine wheel in the built site: the engine and its compiled catalogs, no command-line front
end (kb/engine_wheel.py), a RECORD that lists exactly what is inside, small metadata."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.site


@pytest.fixture(scope="module")
def wheel(built_site: Path) -> zipfile.ZipFile:
    found = list((built_site / "assets" / "calculator" / "build").glob("*/*.whl"))
    assert len(found) == 1, found
    return zipfile.ZipFile(found[0])


def test_the_browser_wheel_has_the_engine_but_not_the_command_line(wheel: zipfile.ZipFile) -> None:
    names = set(wheel.namelist())
    assert {"calculator/bridge.py", "calculator/visa_free/status.py", "calculator/core/i18n.py"} <= names
    assert "calculator/locale/ru/LC_MESSAGES/calculator.mo" in names
    assert not [n for n in names if n.startswith("calculator/cli/")]
    assert {"calculator/timeline/__init__.py", "calculator/export/ics.py"} <= names
    assert wheel.testzip() is None


def test_record_lists_exactly_the_files(wheel: zipfile.ZipFile) -> None:
    record = next(n for n in wheel.namelist() if n.endswith(".dist-info/RECORD"))
    listed = {line.split(",", 1)[0] for line in wheel.read(record).decode().splitlines() if line}
    assert listed == set(wheel.namelist())


def test_metadata_carries_no_readme(wheel: zipfile.ZipFile) -> None:
    metadata = next(n for n in wheel.namelist() if n.endswith(".dist-info/METADATA"))
    assert wheel.getinfo(metadata).file_size < 2000
