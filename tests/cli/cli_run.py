"""Run ``python -m calculator`` as a user would: a real subprocess from the project root."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, env: Mapping[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """The finished command (exit code, stdout, stderr); a hang fails after 60 s instead of blocking.
    ``env`` adds to (or overrides) the environment the tests run in."""
    return subprocess.run(
        [sys.executable, "-m", "calculator", *args],
        cwd=ROOT,
        env={**os.environ, **env} if env else None,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
