"""The engine wheel the browser downloads: ``python -m build --wheel`` of ``calculator/``, checked,
then without the command-line front end, and compiled.

The page never imports ``calculator/cli/`` (argparse, help texts, CSV files: the host's side),
so they are taken out of the browser's copy, with their lines in ``RECORD``; the installed
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
    without_command_line(wheels[0])
    compile_modules(wheels[0])
    return wheels[0]


def wheel_name() -> str:
    """The file name ``python -m build`` gives the engine wheel (checked after the build)."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    name = re.sub(r"[-_.]+", "_", project["name"]).lower()
    return f"{name}-{project['version']}-py3-none-any.whl"


def dist_info(wheel: Path) -> str:
    name, version = wheel.name.split("-")[:2]
    return f"{name}-{version}.dist-info"


def without_command_line(wheel: Path) -> list[str]:
    """Rewrite ``wheel`` without the command-line modules; return the names taken out."""
    with zipfile.ZipFile(wheel) as archive:
        entries = [(info, archive.read(info)) for info in archive.infolist()]
    dropped = [info.filename for info, _ in entries if COMMAND_LINE.match(info.filename)]
    with zipfile.ZipFile(wheel, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, data in entries:
            if info.filename in dropped:
                continue
            if info.filename.endswith(".dist-info/RECORD"):
                lines = data.decode("utf-8").splitlines(keepends=True)
                data = "".join(
                    line for line in lines if line.split(",", 1)[0] not in dropped
                ).encode("utf-8")
            archive.writestr(info, data)
    return dropped


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
            result = subprocess.run(
                ["node", str(COMPILE), str(source_zip), str(out)],
                cwd=ROOT,
                capture_output=True,
                text=True,
                timeout=600,
                check=False,
            )
            if result.returncode != 0 or not out.is_file():
                raise PluginError(
                    f"compiling the engine inside Pyodide failed:\n{result.stderr[-2000:]}"
                )
            out.replace(cached)
    with zipfile.ZipFile(cached) as archive:
        compiled = {name: archive.read(name) for name in archive.namelist()}
    if set(compiled) != {name + "c" for name in sources}:
        raise PluginError(f"the compiled engine in {cached} does not match its sources")
    return compiled


def _record_line(name: str, data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{name},sha256={digest},{len(data)}\n"


def compile_modules(wheel: Path) -> list[str]:
    """Rewrite ``wheel`` with each ``calculator/**.py`` as its ``.pyc`` (RECORD follows);
    return the names of the compiled files."""
    with zipfile.ZipFile(wheel) as archive:
        entries = [(info, archive.read(info)) for info in archive.infolist()]
    sources = {info.filename: data for info, data in entries if MODULE.match(info.filename)}
    compiled = _bytecode(sources)
    with zipfile.ZipFile(wheel, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, data in entries:
            if info.filename in sources:
                target = zipfile.ZipInfo(info.filename + "c", info.date_time)
                target.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(target, compiled[info.filename + "c"])
            elif info.filename.endswith(".dist-info/RECORD"):
                lines = data.decode("utf-8").splitlines(keepends=True)
                kept = [line for line in lines if line.split(",", 1)[0] not in sources]
                own = [line for line in kept if line.split(",", 1)[0] == info.filename]
                rest = [line for line in kept if line not in own]
                added = [_record_line(n, compiled[n]) for n in sorted(compiled)]
                archive.writestr(info, "".join(rest + added + own).encode("utf-8"))
            else:
                archive.writestr(info, data)
    return sorted(compiled)
