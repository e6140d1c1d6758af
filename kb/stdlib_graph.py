"""Import graphs read with :mod:`ast`: which modules a Python source imports.

Used twice (so it runs on the host's CPython 3.11 and inside Pyodide's Python 3.14, stdlib only):
on the host over the engine's sources (:mod:`kb.stdlib_zip`), and inside Pyodide under Node over
Pyodide's own ``python_stdlib.zip`` (``kb/stdlib_measure.mjs``), whose 3.14 sources the host's
parser cannot read.

Conventions: a name ``a.b.c`` stands for the modules ``a``, ``a.b`` and ``a.b.c`` (importing one
imports its parents); ``from a import b`` names ``a`` and ``a.b`` (``b`` may be a submodule or an
attribute: the caller keeps the names that exist). Imports at module level (also inside a
module-level ``try``/``if``/``with`` or a class body) run when the module is imported; imports
inside functions run only when the function is called.
"""

from __future__ import annotations

import ast
import importlib.util
import marshal
import types
import zipfile
from typing import Any

_BLOCKS = (
    ast.If,
    ast.Try,
    ast.With,
    ast.ClassDef,
    *([ast.TryStar] if hasattr(ast, "TryStar") else []),
)


def _named(
    node: ast.Import | ast.ImportFrom, module: str, is_package: bool, candidates: bool
) -> set[str]:
    if isinstance(node, ast.Import):
        found = {alias.name for alias in node.names}
    else:
        base = node.module or ""
        if node.level:  # relative: from the package, up level - 1 packages
            package = module.split(".") if is_package else module.split(".")[:-1]
            package = package[: len(package) - node.level + 1]
            base = ".".join([*package, *([node.module] if node.module else [])])
        found = {base}
        if candidates:  # `from a import b`: b may be a submodule
            found |= {f"{base}.{alias.name}" for alias in node.names if alias.name != "*"}
    parents = set()
    for name in found:
        parts = name.split(".")
        parents |= {".".join(parts[:i]) for i in range(1, len(parts) + 1)}
    return {name for name in parents if name}


# What an ``if`` at module level tests, as Pyodide answers it: the branch not taken is skipped.
_KNOWN = {"__name__": "<module>", "platform": "emscripten", "os.name": "posix", "name": "posix"}
_FALLBACKS = {"ImportError", "ModuleNotFoundError"}


def _static(test: ast.expr) -> bool | None:
    """``sys.platform == "win32"``, ``os.name == 'nt'``, ``__name__ == "__main__"``,
    ``sys.platform.startswith("win")``: True or False under Pyodide; None for anything else."""
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        inner = _static(test.operand)
        return None if inner is None else not inner
    if isinstance(test, ast.Call) and isinstance(test.func, ast.Attribute):
        if test.func.attr == "startswith" and len(test.args) == 1:
            subject, prefix = test.func.value, test.args[0]
            platform = isinstance(subject, ast.Attribute) and subject.attr == "platform"
            if platform and isinstance(prefix, ast.Constant) and isinstance(prefix.value, str):
                return _KNOWN["platform"].startswith(prefix.value)
        return None
    if not (isinstance(test, ast.Compare) and len(test.ops) == 1):
        return None
    left, right = test.left, test.comparators[0]
    key = (
        left.id
        if isinstance(left, ast.Name)
        else left.attr
        if isinstance(left, ast.Attribute)
        else ""
    )
    if key not in _KNOWN or not isinstance(right, ast.Constant) or not isinstance(right.value, str):
        return None
    if key == "name" and not (
        isinstance(left, ast.Attribute)
        and isinstance(left.value, ast.Name)
        and left.value.id in ("os", "_os")
    ):
        return None
    if isinstance(test.ops[0], ast.Eq):
        return _KNOWN[key] == right.value
    if isinstance(test.ops[0], ast.NotEq):
        return _KNOWN[key] != right.value
    return None


def _catches_import_error(handler: ast.ExceptHandler) -> bool:
    kinds = handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]
    return any(isinstance(kind, ast.Name) and kind.id in _FALLBACKS for kind in kinds)


def imports(
    source: bytes | str, module: str, is_package: bool = False, candidates: bool = True
) -> tuple[set[str], set[str]]:
    """The modules ``source`` (the module ``module``) imports: (at import time, later).

    "Later" is inside a function, or in an ``except ImportError:`` fallback (taken only when the
    first choice, usually a built-in C module, is missing). A module-level ``if`` on the platform
    or on ``__name__ == "__main__"`` keeps only the branch Pyodide takes.
    ``candidates=False`` leaves out the names after ``from a import`` (then every name returned
    must exist for the import to succeed)."""
    tree = ast.parse(source)
    eager: set[str] = set()
    deferred: set[str] = set()
    stack: list[tuple[ast.AST, bool]] = [(node, True) for node in tree.body]
    while stack:
        node, at_import = stack.pop()
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            (eager if at_import else deferred).update(_named(node, module, is_package, candidates))
            continue
        if at_import and isinstance(node, ast.If) and _static(node.test) is not None:
            stack += [(child, True) for child in (node.body if _static(node.test) else node.orelse)]
            continue
        if at_import and isinstance(node, ast.ExceptHandler) and _catches_import_error(node):
            stack += [(child, False) for child in node.body]
            continue
        inside = at_import and isinstance(node, (*_BLOCKS, ast.ExceptHandler))
        for child in ast.iter_child_nodes(node):
            stack.append((child, inside))
    return eager, deferred


def zip_modules(names: list[str]) -> dict[str, str]:
    """Module name -> member of a zip of sources or compiled modules (``a/b.py`` or ``a/b.pyc``
    -> ``a.b``, ``a/__init__.py`` -> ``a``)."""
    modules = {}
    for name in names:
        if not name.endswith((".py", ".pyc")) or "/site-packages/" in f"/{name}":
            continue
        parts = name.rsplit(".", 1)[0].split("/")
        if parts[-1] == "__init__":
            parts = parts[:-1]
        modules[".".join(parts)] = name
    return modules


def zip_graph(path: str) -> dict[str, dict[str, Any]]:
    """Every module of a zip of sources: ``{name: {"member", "eager", "deferred"}}``."""
    graph: dict[str, dict[str, Any]] = {}
    with zipfile.ZipFile(path) as archive:
        for module, member in zip_modules(archive.namelist()).items():
            try:
                eager, deferred = imports(
                    archive.read(member), module, member.endswith("__init__.py")
                )
            except SyntaxError:  # a test file written to fail; nothing imports it
                eager, deferred = set(), set()
            graph[module] = {"member": member, "eager": sorted(eager), "deferred": sorted(deferred)}
    return graph


def _flat_lines(code: types.CodeType) -> types.CodeType:
    """``code`` (and the code inside it) with a location table that puts every instruction on
    the first line: a traceback still names file, function and ``def`` line; the table, about
    half of a compiled module, is 2 bytes per 8 instructions."""
    units = len(code.co_code) // 2
    table = bytearray()
    while units > 0:  # "no column info, line delta 0" entries of up to 8 code units each
        table += bytes([0x80 | (13 << 3) | (min(units, 8) - 1), 0])
        units -= 8
    consts = tuple(_flat_lines(c) if isinstance(c, types.CodeType) else c for c in code.co_consts)
    return code.replace(co_linetable=bytes(table), co_consts=consts)


def _without_docstrings(tree: ast.Module) -> ast.Module:
    """``tree`` without its module, class and function docstrings (what ``-OO`` drops)."""
    for node in ast.walk(tree):
        kinds = (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)
        if not isinstance(node, kinds) or not node.body:
            continue
        first = node.body[0]
        value = first.value if isinstance(first, ast.Expr) else None
        if isinstance(value, ast.Constant) and isinstance(value.value, str):
            node.body = node.body[1:] or [ast.Pass(lineno=first.lineno, col_offset=0)]
    return tree


def compiled(source: bytes, filename: str, keep_asserts: bool = False) -> bytes:
    """A ``.pyc`` of ``source`` for the running Python (run inside Pyodide: 3.14's bytecode),
    as ``python -OO`` compiles it (no docstrings, no asserts; with ``keep_asserts``, the engine's
    choice, only the docstrings go) and with :func:`_flat_lines`: about the bytes of the source
    zipped, and no compiling at import time. A sourceless ``.pyc`` (in a zip, or beside where its
    source would be) is imported without a timestamp check."""
    if keep_asserts:
        tree = _without_docstrings(ast.parse(source, filename))
        code = compile(tree, filename, "exec", dont_inherit=True, optimize=0)
    else:
        code = compile(source, filename, "exec", dont_inherit=True, optimize=2)
    header = importlib.util.MAGIC_NUMBER + bytes(12)  # flags 0, mtime 0, size 0
    return header + marshal.dumps(_flat_lines(code))


def compile_zip(path: str, out: str, prefix: str) -> None:
    """Every module of the zip at ``path`` as :func:`compiled` ``.pyc`` in a new zip at ``out``
    (``prefix``: where the zip is mounted, for the file names tracebacks show)."""
    with (
        zipfile.ZipFile(path) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as target,
    ):
        for member in zip_modules(source.namelist()).values():
            try:
                data = compiled(source.read(member), f"{prefix}/{member}")
            except SyntaxError:
                continue
            target.writestr(member + "c", data)
