"""The engine wheel the browser downloads: ``python -m build --wheel`` of ``calculator/``, checked,
then without the command-line front end, and compiled.

The page never imports ``calculator/cli/`` (argparse, help texts, CSV files: the host's side),
so they are taken out of the browser's copy, and ``RECORD`` lists what is left; the installed
package (``pip install .``) keeps them. pyproject.toml gives the package a one-line description
and no README, so the metadata stays small.

Every module is then shipped as bytecode (``.pyc`` where the ``.py`` was, sourceless), compiled
inside Pyodide under Node (``kb/engine_compile.mjs``, cached per engine source and Pyodide
version in ``node_modules/.cache/kzcalc-engine/``): the page's first answer no longer waits for
Python to compile the modules it imports (benchmarks/README.md). The bytecode is Pyodide's
Python's (3.14), which the build key's Pyodide version pins.
"""

from __future__ import annotations

import base64
import hashlib
import re
import subprocess
import sys
import tempfile
import tomllib
import zipfile
from pathlib import Path

from mkdocs.exceptions import PluginError

from kb.i18n_catalogs import TRANSLATED
from kb.node import run_node

ROOT = Path(__file__).resolve().parent.parent
COMMAND_LINE = re.compile(r"^calculator/cli/")
MODULE = re.compile(r"^calculator/.*\.py$")
COMPILE = Path(__file__).with_name("engine_compile.mjs")
CACHE = ROOT / "node_modules" / ".cache" / "kzcalc-engine"


def build_wheel(out: Path) -> Path:
    """``python -m build --wheel`` of the engine (no isolation: works offline); checks its content."""
    result = subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out), "."],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    wheels = sorted(out.glob("*.whl"))
    if result.returncode != 0 or len(wheels) != 1:
        raise PluginError(f"building the engine wheel failed:\n{result.stdout}\n{result.stderr}")
    with zipfile.ZipFile(wheels[0]) as archive:
        names = archive.namelist()
    stray = [
        n
        for n in names
        if not n.startswith("calculator/") and n.split("/")[0] != dist_info(wheels[0])
    ]
    if stray:
        raise PluginError(f"the engine wheel must hold only calculator/, found: {stray}")
    catalogs = [f"calculator/locale/{lang}/LC_MESSAGES/calculator.mo" for lang in TRANSLATED]
    missing = [name for name in catalogs if name not in names]
    if missing or any(n.endswith(".po") for n in names):
        raise PluginError(
            f"the engine wheel must ship the compiled catalogs only; missing {missing}"
        )
    for_the_browser(wheels[0])
    return wheels[0]


def wheel_name() -> str:
    """The file name ``python -m build`` gives the engine wheel (checked after the build)."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    name = re.sub(r"[-_.]+", "_", project["name"]).lower()
    return f"{name}-{project['version']}-py3-none-any.whl"


def dist_info(wheel: Path) -> str:
    name, version = wheel.name.split("-")[:2]
    return f"{name}-{version}.dist-info"


def _bytecode(sources: dict[str, bytes]) -> dict[str, bytes]:
    """``{name.py: source}`` -> ``{name.pyc: bytecode}``, compiled inside Pyodide (cached)."""
    digest = hashlib.sha256()
    for path in (
        ROOT / "node_modules" / "pyodide" / "package.json",
        COMPILE,
        Path(__file__).with_name("stdlib_graph.py"),
    ):
        digest.update(path.read_bytes())
    for name in sorted(sources):
        digest.update(name.encode() + b"\0" + hashlib.sha256(sources[name]).digest())
    cached = CACHE / f"{digest.hexdigest()[:16]}.zip"
    if not cached.is_file():
        CACHE.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory() as tmp:
            source_zip, out = Path(tmp) / "sources.zip", Path(tmp) / "out.zip"
            with zipfile.ZipFile(source_zip, "w") as archive:
                for name, data in sources.items():
                    archive.writestr(name, data)
            run_node(COMPILE, str(source_zip), str(out), doing="compiling the engine", timeout=600)
            if not out.is_file():
                raise PluginError(f"compiling the engine wrote no {out.name}")
            out.replace(cached)
    with zipfile.ZipFile(cached) as archive:
        compiled = {name: archive.read(name) for name in archive.namelist()}
    if set(compiled) != {name + "c" for name in sources}:
        raise PluginError(f"the compiled engine in {cached} does not match its sources")
    return compiled


def _record_line(name: str, data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{name},sha256={digest},{len(data)}\n"


def for_the_browser(wheel: Path) -> None:
    """Rewrite ``wheel`` as the page loads it: without the command-line modules, every other
    module as its ``.pyc`` (:func:`_bytecode`), and a RECORD listing what is left, with hashes."""
    with zipfile.ZipFile(wheel) as archive:
        entries = [
            (info, archive.read(info))
            for info in archive.infolist()
            if not COMMAND_LINE.match(info.filename)
        ]
    compiled = _bytecode({i.filename: data for i, data in entries if MODULE.match(i.filename)})
    record = next(info for info, _ in entries if info.filename.endswith(".dist-info/RECORD"))
    listed = []
    with zipfile.ZipFile(wheel, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, data in entries:
            if info is record:
                continue
            if info.filename + "c" in compiled:
                name = info.filename + "c"
                info, data = zipfile.ZipInfo(name, info.date_time), compiled[name]
                info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
            listed.append(_record_line(info.filename, data))
        archive.writestr(record, "".join([*listed, f"{record.filename},,\n"]))
