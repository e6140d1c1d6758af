"""Run ``python -m calculator`` as a user would: a real subprocess from the project root."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    """The finished command (exit code, stdout, stderr); a hang fails after 60 s instead of blocking."""
    return subprocess.run(
        [sys.executable, "-m", "calculator", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
