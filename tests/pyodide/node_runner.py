"""Run one of this folder's Node scripts (Pyodide under Node) on the engine's sources; its JSON."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]


def run_node(script: str, *files: Path, engine: Path = ROOT / "calculator") -> Any:
    """``node tests/pyodide/<script> <engine> <files…>``; the JSON it prints (3 min at most).
    ``engine``: the engine's folder, its sources by default (or a browser wheel's, unpacked)."""
    assert shutil.which("node"), "Node.js is needed to run Pyodide"
    assert (ROOT / "node_modules" / "pyodide").is_dir(), "run `make install` (npm ci) first"
    result = subprocess.run(
        ["node", str(ROOT / "tests" / "pyodide" / script), str(engine)] + [str(f) for f in files],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)
