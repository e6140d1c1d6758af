"""The engine's house: calculator/ imports the standard library and itself, without cycles.

Read from the source (every ``import`` anywhere in a module, late ones included), so a cycle
hidden inside a function body counts too. The one door to the host is ``calculator/cli.py``,
which reads ``data/`` through :mod:`kzdata`; nothing else in the engine may touch kzdata, kb or
yaml, because the browser gets only the ``calculator`` wheel.
"""

from __future__ import annotations

import ast
import sys
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

ENGINE = Path(__file__).resolve().parents[2] / "calculator"
HOST_ONLY = {"cli": {"kzdata"}}  # module → the non-stdlib top-level packages it may import


def imports_of(path: Path) -> set[str]:
    """Dotted names of every module ``path`` imports (``from calculator import x`` → ``calculator.x``)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            assert node.level == 0, f"{path.name}: relative import"
            found.add(node.module)
            if node.module == "calculator":
                found.update(f"calculator.{alias.name}" for alias in node.names)
    return found


def engine_imports() -> dict[str, set[str]]:
    return {path.stem: imports_of(path) for path in sorted(ENGINE.glob("*.py"))}


def test_the_scan_sees_the_engine() -> None:
    graph = engine_imports()
    assert {"bridge", "requests", "cli", "visa_free"} <= set(graph)
    assert "calculator.requests" in graph["bridge"]
    assert "kzdata.export" in graph["cli"]


def test_engine_modules_import_each_other_without_cycles() -> None:
    graph = {
        name: {m.split(".")[1] for m in found if m.startswith("calculator.")} - {name}
        for name, found in engine_imports().items()
    }
    try:
        order = list(TopologicalSorter(graph).static_order())
    except CycleError as error:
        raise AssertionError(f"import cycle in calculator/: {' -> '.join(error.args[1])}") from None
    assert order.index("requests") < order.index("bridge")


def test_engine_imports_only_the_standard_library_and_itself() -> None:
    for name, found in engine_imports().items():
        outside = {
            m.split(".")[0]
            for m in found
            if m.split(".")[0] not in sys.stdlib_module_names and m.split(".")[0] != "calculator"
        }
        allowed = HOST_ONLY.get(name, set())
        assert outside <= allowed, f"calculator/{name}.py imports {sorted(outside - allowed)}"
        assert not outside & {"kb", "yaml"}, f"calculator/{name}.py imports the site build"
