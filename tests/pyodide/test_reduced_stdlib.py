"""The browser's reduced standard library (kb/stdlib_zip.py) inside Pyodide under Node.

Python boots from the reduced ``python_stdlib.zip`` the build writes, as the browser's worker
does, answers every literal case in every mode (plus the calendar export and ``meta``) in English
and Russian exactly as CPython does, and imports every engine module, without taking anything
from the full zip. With a module taken out, the build's check fails naming it, and the fallback
brings it from the full zip: the same answers.
"""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest

from calculator import bridge
from kb import stdlib_zip
from tests.engine_cases import CASES
from tests.pyodide.node_runner import run_node
from tests.pyodide.test_engine_in_pyodide import all_requests

pytestmark = pytest.mark.pyodide


def every_mode() -> list[dict]:
    """The literal cases (every action the page sends), the calendar export and ``meta``, in
    English and Russian."""
    firsts = {case[1]["action"]: case[1] for case in reversed(CASES)}
    extra = [
        {"action": "ics", "requests": [firsts["status"], firsts["next_entry"], firsts["plan"]]},
        {"action": "meta"},
    ]
    return all_requests() + extra + [{**request, "lang": "ru"} for request in extra]


def engine_modules() -> list[str]:
    names = []
    for path in stdlib_zip.engine_sources():
        parts = path.relative_to(stdlib_zip.ROOT).with_suffix("").parts
        names.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names


def without(source: Path, target: Path, module: str) -> Path:
    """A copy of the zip at ``source`` without ``module``'s file."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            if info.filename.rsplit(".", 1)[0] != module.replace(".", "/"):
                new.writestr(info, old.read(info))
    return target


def run(work: Path, rules: dict, stdlib: Path) -> dict[str, Any]:
    (work / "rules.json").write_text(json.dumps(rules))
    (work / "requests.json").write_text(json.dumps(every_mode()))
    (work / "modules.json").write_text(json.dumps(engine_modules()))
    files = [work / "rules.json", work / "requests.json", stdlib, work / "modules.json"]
    return dict(run_node("run_cases.mjs", *files))


@pytest.fixture(scope="module")
def reduced(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("stdlib") / "python_stdlib.zip"
    stdlib_zip.build(out)
    return out


def stamped(responses: list[dict]) -> list[dict]:
    """The responses with the calendar's DTSTAMP (the time of the export) taken out."""
    return json.loads(re.sub(r"DTSTAMP:\d{8}T\d{6}Z", "DTSTAMP", json.dumps(responses)))


@pytest.fixture(scope="module")
def expected(rules: dict) -> list[dict]:
    bridge.load(json.dumps(rules))
    return stamped([json.loads(bridge.handle(json.dumps(r))) for r in every_mode()])


def test_reduced_zip_is_a_fraction_of_the_full_one(reduced: Path) -> None:
    """Compiled modules (no compiling at boot), only what is imported, about a third of the bytes."""
    assert reduced.stat().st_size < stdlib_zip.FULL.stat().st_size / 2
    with zipfile.ZipFile(reduced) as archive:
        names = set(archive.namelist())
    assert {"datetime.pyc", "gettext.pyc", "json/__init__.pyc", "_kzcalc_stdlib.py"} <= names
    assert not {n for n in names if n.startswith(("unittest/", "email/", "doctest.", "pdb."))}


def test_every_mode_in_both_languages_from_the_reduced_zip(
    reduced: Path, rules: dict, expected: list[dict], tmp_path: Path
) -> None:
    result = run(tmp_path, rules, reduced)
    assert result["python"].startswith("3.14")
    assert stamped(result["responses"]) == expected
    assert all(r["ok"] for r in result["responses"][-4:]), "ics and meta answer"
    assert result["fallback"] == [], "the reduced zip should hold every module the engine imports"


def test_a_missing_module_fails_the_build_check(reduced: Path, tmp_path: Path) -> None:
    broken = without(reduced, tmp_path / "python_stdlib.zip", "datetime")
    problems = stdlib_zip.check(broken, stdlib_zip.measured())
    assert problems
    assert any("imports datetime, which the reduced standard library lacks" in p for p in problems)
    assert stdlib_zip.check(reduced, stdlib_zip.measured()) == []


def test_the_build_fails_when_the_zip_misses_a_module(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from mkdocs.exceptions import PluginError

    def boot_only(measure: dict, engine: Path = stdlib_zip.ENGINE) -> set[str]:
        return stdlib_zip.closure(measure["boot"], measure["graph"])

    monkeypatch.setattr(stdlib_zip, "needed", boot_only)
    with pytest.raises(PluginError, match=r"calculator/core/dates\.py imports datetime"):
        stdlib_zip.build(tmp_path / "python_stdlib.zip")


def test_a_module_a_new_mode_imports_is_kept_without_a_list(tmp_path: Path) -> None:
    engine = tmp_path / "calculator"
    (engine / "newmode").mkdir(parents=True)
    (engine / "__init__.py").write_text("")
    (engine / "newmode" / "__init__.py").write_text("def diff(a, b):\n    import difflib\n")
    (engine / "cli").mkdir()
    (engine / "cli" / "main.py").write_text("import argparse\n")
    kept = stdlib_zip.needed(stdlib_zip.measured(), engine)
    assert "difflib" in kept
    assert "argparse" not in kept, "the command line never runs in the browser"


def test_fallback_brings_a_missing_module_from_the_full_zip(
    reduced: Path, rules: dict, expected: list[dict], tmp_path: Path
) -> None:
    broken = without(reduced, tmp_path / "python_stdlib.zip", "gettext")
    result = run(tmp_path, rules, broken)
    assert stamped(result["responses"]) == expected
    assert result["fallback"] == ["gettext"]
