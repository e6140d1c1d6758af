"""The engine wheel the browser downloads: ``python -m build --wheel`` of ``calculator/``, checked,
then without the command-line front end.

The page never imports ``calculator/cli/`` (argparse, help texts, CSV files: the host's side),
so they are taken out of the browser's copy, with their lines in ``RECORD``; the installed
package (``pip install .``) keeps them. pyproject.toml gives the package a one-line description
and no README, so the metadata stays small.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

from mkdocs.exceptions import PluginError

from kb.i18n_catalogs import TRANSLATED

ROOT = Path(__file__).resolve().parent.parent
COMMAND_LINE = re.compile(r"^calculator/cli/")


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
