"""The browser's reduced standard library: a ``python_stdlib.zip`` with only what is imported.

Pyodide's ``python_stdlib.zip`` is 2.5 MB (compressed) of the ~6 MB a first visit costs; the
engine needs a fraction of it. At build time (``kb/calculator_build.py``) this module keeps:

1. what Pyodide's own boot imports, as the worker boots it (plain, for a snapshot, a wheel
   unpacked, a snapshot made), measured inside Pyodide under Node (``kb/stdlib_measure.mjs``,
   ~10-50 s, cached per Pyodide build in ``node_modules/.cache/kzcalc-stdlib/``);
2. every standard module the engine imports (:mod:`ast` over ``calculator/`` without ``cli/``,
   imports inside functions too: a mode added later is covered without a list to update);
3. the transitive closure of both over the standard library's own import-time imports (its
   import graph, read inside Pyodide by :mod:`kb.stdlib_graph`, whose 3.14 sources the host's
   parser cannot read),

plus ``_kzcalc_stdlib.py`` (:mod:`kb.stdlib_fallback`): if an import ever asks for a module left
out, it comes from the full zip. :func:`check` reads the written zip back and fails the build
(naming module and importer) if an engine import, a boot import or an import-time import of a
kept module is missing.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

from kb.node import run_node
from kb.stdlib_graph import imports, zip_modules

ROOT = Path(__file__).resolve().parent.parent
ENGINE = ROOT / "calculator"
PYODIDE = ROOT / "node_modules" / "pyodide"
FULL = PYODIDE / "python_stdlib.zip"
CACHE = ROOT / "node_modules" / ".cache" / "kzcalc-stdlib"
MEASURE = Path(__file__).with_name("stdlib_measure.mjs")
FALLBACK = Path(__file__).with_name("stdlib_fallback.py")
FALLBACK_MODULE = "_kzcalc_stdlib"
PAGE_ONLY = ("cli",)  # calculator/cli/ is the host's front end; the wheel leaves it out too


def measured() -> dict[str, Any]:
    """Pyodide's boot imports, its built-in modules and its stdlib's import graph (cached)."""
    digest = hashlib.sha256()
    for path in (
        FULL,
        PYODIDE / "package.json",
        MEASURE,
        Path(__file__).with_name("stdlib_graph.py"),
    ):
        digest.update(path.read_bytes())
    cached = CACHE / f"{digest.hexdigest()[:16]}.json"
    pyc = cached.with_suffix(".pyc.zip")
    if not (cached.is_file() and pyc.is_file()):
        CACHE.mkdir(parents=True, exist_ok=True)
        out = run_node(MEASURE, str(pyc), doing="measuring Pyodide's imports", timeout=900)
        cached.write_text(out, encoding="utf-8")
    return {**json.loads(cached.read_text(encoding="utf-8")), "pyc": str(pyc)}


def engine_sources(engine: Path = ENGINE) -> list[Path]:
    """The engine's modules the page can import (``calculator/`` without ``cli/``, ``__main__``)."""
    return sorted(
        path
        for path in engine.rglob("*.py")
        if not set(path.relative_to(engine).parts) & set(PAGE_ONLY) and path.name != "__main__.py"
    )


def engine_imports(engine: Path = ENGINE, candidates: bool = True) -> dict[str, set[str]]:
    """Names from outside the engine each engine file (``calculator/x.py``) imports, inside
    functions too; ``candidates=False``: only those that must exist (see :func:`imports`)."""
    found = {}
    for path in engine_sources(engine):
        parts = path.relative_to(engine.parent).with_suffix("").parts
        is_package = parts[-1] == "__init__"
        module = ".".join(parts[:-1] if is_package else parts)
        eager, deferred = imports(path.read_bytes(), module, is_package, candidates)
        found[path.relative_to(engine.parent).as_posix()] = {
            name for name in eager | deferred if name.split(".")[0] != engine.name
        }
    return found


def closure(seeds: Iterable[str], graph: dict[str, Any]) -> set[str]:
    """``seeds`` and every module of ``graph`` they import at import time, transitively."""
    kept: set[str] = set()
    todo = [name for name in seeds if name in graph]
    while todo:
        name = todo.pop()
        if name not in kept:
            kept.add(name)
            todo += [n for n in graph[name]["eager"] if n in graph and n not in kept]
    return kept


def needed(measure: dict[str, Any], engine: Path = ENGINE) -> set[str]:
    """The modules the reduced zip keeps."""
    seeds = set(measure["boot"]).union(*engine_imports(engine).values())
    return closure(seeds, measure["graph"])


def fallback_source(stdlib: Iterable[str]) -> str:
    """:mod:`kb.stdlib_fallback` with the names of every module of the full zip."""
    source = FALLBACK.read_text(encoding="utf-8")
    line = "STDLIB: frozenset[str] = frozenset()"
    if line not in source:
        raise PluginError(f"{FALLBACK} has no `{line}` line to fill in")
    return source.replace(line, f"STDLIB: frozenset[str] = frozenset({sorted(stdlib)!r})")


def write(out: Path, keep: set[str], measure: dict[str, Any]) -> Path:
    """The reduced zip at ``out``: the kept modules compiled (``.pyc`` made inside Pyodide, see
    :func:`kb.stdlib_graph.compiled`; the source where a module has none) and the fallback."""
    graph = measure["graph"]
    out.parent.mkdir(parents=True, exist_ok=True)
    with (
        zipfile.ZipFile(FULL) as full,
        zipfile.ZipFile(measure["pyc"]) as pyc,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zipped,
    ):
        compiled = set(pyc.namelist())
        for name in sorted(keep):
            member = graph[name]["member"]
            if member + "c" in compiled:
                zipped.writestr(member + "c", pyc.read(member + "c"))
            else:
                zipped.writestr(member, full.read(member))
        zipped.writestr(f"{FALLBACK_MODULE}.py", fallback_source(graph))
    return out


def check(path: Path, measure: dict[str, Any], engine: Path = ENGINE) -> list[str]:
    """What the zip at ``path`` misses, one line each (the build fails on any)."""
    with zipfile.ZipFile(path) as archive:
        present = set(zip_modules(archive.namelist()))
    graph, builtin = measure["graph"], set(measure["builtin"])
    problems = []
    if FALLBACK_MODULE not in present:
        problems.append(f"{FALLBACK_MODULE}.py (the fallback to the full zip) is missing")

    aliases = set(measure["boot"]) - set(graph)  # set by their parent (collections.abc, os.path)

    def lacks(name: str) -> bool:
        return name not in present and name not in builtin and name not in aliases

    for source, names in sorted(engine_imports(engine, candidates=False).items()):
        for name in sorted(names):
            if lacks(name):
                which = (
                    "the reduced standard library lacks"
                    if name in graph
                    else "Pyodide does not have (neither in its zip nor built in)"
                )
                problems.append(f"{source} imports {name}, which {which}")
    for name in sorted(set(measure["boot"]) & set(graph)):
        if lacks(name):
            problems.append(
                f"Pyodide's boot imports {name}, which the reduced standard library lacks"
            )
    for module in sorted(present & set(graph)):
        for name in graph[module]["eager"]:
            if name in graph and lacks(name):
                problems.append(
                    f"{module} imports {name} when imported, which the reduced zip lacks"
                )
    return problems


def build(out: Path, engine: Path = ENGINE) -> dict[str, Any]:
    """Write and check the reduced zip; sizes for the build's log. Fails the build on a gap."""
    measure = measured()
    keep = needed(measure, engine)
    write(out, keep, measure)
    problems = check(out, measure, engine)
    if problems:
        raise PluginError("the reduced standard library is incomplete:\n  " + "\n  ".join(problems))
    return {"modules": len(keep), "of": len(measure["graph"]), "bytes": out.stat().st_size}
