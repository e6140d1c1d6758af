"""The engine wheel in the built site: the engine compiled by Pyodide's Python and its compiled
catalogs, no command-line front end (kb/engine_wheel.py), a RECORD that lists exactly what is
inside with true hashes, small metadata; inside Pyodide, the wheel's bytecode gives the same
answers as the sources."""

from __future__ import annotations

import base64
import hashlib
import importlib.util
import json
import zipfile
from pathlib import Path

import pytest

from calculator import bridge
from tests.engine_cases import CASES, ERRORS
from tests.pyodide.node_runner import run_node

pytestmark = pytest.mark.site


@pytest.fixture(scope="module")
def wheel(built_site: Path) -> zipfile.ZipFile:
    found = list((built_site / "assets" / "calculator" / "build").glob("*/*.whl"))
    assert len(found) == 1, found
    return zipfile.ZipFile(found[0])


def test_the_browser_wheel_has_the_engine_but_not_the_command_line(wheel: zipfile.ZipFile) -> None:
    names = set(wheel.namelist())
    assert {"calculator/bridge.pyc", "calculator/visa_free/status.pyc", "calculator/core/i18n.pyc"} <= names
    assert "calculator/locale/ru/LC_MESSAGES/calculator.mo" in names
    assert not [n for n in names if n.startswith("calculator/cli/")]
    assert {"calculator/timeline/__init__.pyc", "calculator/export/ics.pyc"} <= names
    assert wheel.testzip() is None


def test_every_module_is_bytecode_of_pyodides_python(wheel: zipfile.ZipFile) -> None:
    engine = Path(__file__).resolve().parents[2] / "calculator"
    sources = {
        p.relative_to(engine.parent).as_posix() + "c"
        for p in engine.rglob("*.py")
        if "cli" not in p.relative_to(engine).parts
    }
    names = set(wheel.namelist())
    assert not [n for n in names if n.endswith(".py")]
    assert {n for n in names if n.endswith(".pyc")} == sources
    magics = {wheel.read(n)[:4] for n in sources}
    assert len(magics) == 1 and magics != {importlib.util.MAGIC_NUMBER}  # 3.14's, not the host's


def test_record_lists_exactly_the_files(wheel: zipfile.ZipFile) -> None:
    record = next(n for n in wheel.namelist() if n.endswith(".dist-info/RECORD"))
    lines = [line.split(",") for line in wheel.read(record).decode().splitlines() if line]
    assert {line[0] for line in lines} == set(wheel.namelist())
    for name, digest, size in lines:
        if name == record:
            continue
        data = wheel.read(name)
        expected = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
        assert (digest, size) == (f"sha256={expected}", str(len(data))), name


def test_metadata_carries_no_readme(wheel: zipfile.ZipFile) -> None:
    metadata = next(n for n in wheel.namelist() if n.endswith(".dist-info/METADATA"))
    assert wheel.getinfo(metadata).file_size < 2000


@pytest.mark.pyodide
def test_the_wheels_bytecode_answers_every_literal_case_in_pyodide(
    wheel: zipfile.ZipFile, rules: dict, tmp_path: Path
) -> None:
    """The browser runs the wheel, not the sources: every literal case and error, in English and
    Russian, through the unpacked wheel inside Pyodide, against the sources on CPython."""
    wheel.extractall(tmp_path / "wheel")
    requests = [case[1] for case in CASES] + [case[1] for case in ERRORS]
    requests += [{**r, "lang": "ru"} for r in requests]
    (tmp_path / "rules.json").write_text(json.dumps(rules))
    (tmp_path / "requests.json").write_text(json.dumps(requests))
    run = run_node(
        "run_cases.mjs",
        tmp_path / "rules.json",
        tmp_path / "requests.json",
        engine=tmp_path / "wheel" / "calculator",
    )
    bridge.load(json.dumps(rules))
    assert run["responses"] == [json.loads(bridge.handle(json.dumps(r))) for r in requests]
