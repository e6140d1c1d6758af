"""The house: calculator/ imports the standard library and itself, without cycles; kzdata/ too.

Read from the source (every ``import`` anywhere in a module, late ones included), so a cycle
hidden inside a function body counts too. The one door to the host is ``calculator/cli/``,
which reads ``data/`` through :mod:`kzdata`; nothing else in the engine may touch kzdata, kb or
yaml, because the browser gets the ``calculator`` wheel without ``cli/``. The folders are layers:
``core`` imports only ``core``; ``rules`` adds nothing above core; a mode never imports the
command line.
"""

from __future__ import annotations

import ast
import sys
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ENGINE = ROOT / "calculator"
HOST_ONLY = {"cli": {"kzdata"}}  # folder → the non-stdlib top-level packages it may import
# folder (or top-level module) → the engine folders it may import; absent = anything but cli
LAYERS = {
    "core": {"core"},
    "rules": {"core", "rules"},
    "visa_free": {"core", "rules", "visa_free"},
    # the personal plan builds on the modes below it, never on the bridge or the command line
    "route": {"core", "rules", "requests", "visa_free", "timeline", "route"},
}


def module_name(path: Path, root: Path) -> str:
    parts = path.relative_to(root.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path) -> set[str]:
    """Dotted names of every module ``path`` imports (``from calculator import x`` → ``calculator.x``)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            assert node.level == 0, f"{path.name}: relative import"
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def package_imports(root: Path) -> dict[str, set[str]]:
    """Module → the modules of the same package it imports (names that are not modules dropped)."""
    paths = sorted(root.rglob("*.py"))
    modules = {module_name(path, root) for path in paths}
    return {
        module_name(path, root): {m for m in imports_of(path) if m in modules}
        - {module_name(path, root)}
        for path in paths
    }


def folder(module: str) -> str:
    """``calculator.core.dates`` → ``core``; a top-level module is its own: ``calculator.bridge`` → ``bridge``."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def test_the_scan_sees_the_engine() -> None:
    graph = package_imports(ENGINE)
    assert {"calculator.bridge", "calculator.requests", "calculator.cli.main"} <= set(graph)
    assert "calculator.requests" in graph["calculator.bridge"]
    assert "calculator.visa_free.status" in graph["calculator.bridge"]
    assert "kzdata.export" in imports_of(ENGINE / "cli" / "main.py")


def test_every_folder_is_a_package_with_a_docstring() -> None:
    for path in ENGINE.iterdir():
        if path.is_dir() and path.name not in {"locale", "__pycache__"}:
            init = path / "__init__.py"
            assert init.is_file(), f"calculator/{path.name}/ has no __init__.py"
            assert ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))), init


def assert_no_cycles(graph: dict[str, set[str]], where: str) -> list[str]:
    try:
        return list(TopologicalSorter(graph).static_order())
    except CycleError as error:
        raise AssertionError(f"import cycle in {where}: {' -> '.join(error.args[1])}") from None


def test_engine_modules_import_each_other_without_cycles() -> None:
    order = assert_no_cycles(package_imports(ENGINE), "calculator/")
    assert order.index("calculator.requests") < order.index("calculator.bridge")


def test_kzdata_modules_import_each_other_without_cycles() -> None:
    assert_no_cycles(package_imports(ROOT / "kzdata"), "kzdata/")


def test_folders_are_layers() -> None:
    for module, found in package_imports(ENGINE).items():
        allowed = LAYERS.get(folder(module))
        for target in found:
            if target == "calculator":
                continue
            if folder(target) == "cli":
                assert folder(module) in {"cli", "__main__"}, (
                    f"{module} imports the command line ({target})"
                )
            if allowed is not None:
                assert folder(target) in allowed, f"{module} imports {target}: below its layer"


def test_engine_imports_only_the_standard_library_and_itself() -> None:
    for path in sorted(ENGINE.rglob("*.py")):
        module = module_name(path, ENGINE)
        found = imports_of(path)
        outside = {
            m.split(".")[0]
            for m in found
            if m.split(".")[0] not in sys.stdlib_module_names and m.split(".")[0] != "calculator"
        }
        allowed = HOST_ONLY.get(folder(module), set())
        assert outside <= allowed, f"{module} imports {sorted(outside - allowed)}"
        assert not outside & {"kb", "yaml"}, f"{module} imports the site build"
