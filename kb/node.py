"""Build steps that run Pyodide under Node (``node_modules/pyodide``, the npm pin): one way to run
them and fail the build in words."""

from __future__ import annotations

import subprocess
from pathlib import Path

from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parent.parent


def run_node(script: Path, *args: str, doing: str, timeout: int) -> str:
    """``node script args…`` from the project's root; its standard output. If it fails, the build
    fails with ``doing`` ("measuring Pyodide's imports") and the end of what Node printed."""
    result = subprocess.run(
        ["node", str(script), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if result.returncode != 0:
        raise PluginError(f"{doing} under Node failed:\n{result.stderr[-2000:]}")
    return result.stdout
