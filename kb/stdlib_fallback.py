"""The reduced standard library's safety net, shipped inside it as ``_kzcalc_stdlib.py``.

The browser's Python boots from a reduced ``python_stdlib.zip`` (:mod:`kb.stdlib_zip`: only
what Pyodide's boot and the engine import). If an import ever asks for a module that was left
out, this finder (last on ``sys.meta_path``) fetches Pyodide's full zip once, synchronously
(``globalThis.kzcalcFullStdlib()``, given by the worker: a synchronous request, allowed in a
worker; by Node in the tests), puts it on ``sys.path`` after the reduced one and imports the
module from it: the visitor gets the answer, a little later. ``loaded`` lists what came from
the full zip (the tests read it).

Holds no JavaScript object, so a memory snapshot may contain it; after a restore the worker calls
:func:`restored`, which writes the full zip again if the snapshot's Python had used it.
The build writes the names of every module of the full zip into ``STDLIB`` (the finder is
asked only for what the reduced zip does not have).
"""

from __future__ import annotations

import sys
from importlib.machinery import ModuleSpec, PathFinder
from typing import Any

STDLIB: frozenset[str] = frozenset()  # every module of the full zip, written by kb/stdlib_zip.py
FULL = "/lib/python_stdlib_full.zip"
loaded: list[str] = []


def _reduced() -> str:
    return next(entry for entry in sys.path if entry.endswith(".zip") and entry != FULL)


def _write_full() -> None:
    import js  # type: ignore[import-not-found]  # Pyodide's view of globalThis

    data: Any = js.kzcalcFullStdlib()
    with open(FULL, "wb") as handle:
        handle.write(data.to_bytes() if hasattr(data, "to_bytes") else bytes(data))


class FullStdlib:
    """A meta-path finder for the modules the reduced zip left out."""

    def find_spec(self, name: str, path: Any = None, target: Any = None) -> ModuleSpec | None:
        if name not in STDLIB:
            return None
        if FULL not in sys.path:
            try:
                _write_full()
            except Exception:  # no full zip to be had (offline, no fetcher): a plain ImportError
                return None
            sys.path.append(FULL)
        loaded.append(name)
        reduced = _reduced()
        inside = [FULL + entry[len(reduced) :] for entry in path or () if entry.startswith(reduced)]
        return PathFinder.find_spec(name, inside or path or None)


def install() -> None:
    if not any(isinstance(finder, FullStdlib) for finder in sys.meta_path):
        sys.meta_path.append(FullStdlib())


def restored() -> None:
    """After a snapshot restore (a new file system): the full zip again, if it was in use."""
    if FULL in sys.path:
        _write_full()
