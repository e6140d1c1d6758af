"""Turn a bridge request from tests/engine_cases.py into the CLI arguments a person would type."""

from __future__ import annotations

from typing import Any

COMMANDS = {"next_entry": "next-entry", "meta": "rules"}
REPEATED = {"stays": "--stay", "trips": "--trip"}


def argv(request: dict[str, Any]) -> list[str]:
    """``{"action": "status", "stays": [...], "on": D}`` → ``["status", "--stay", …, "--on", D]``."""
    args = [COMMANDS.get(request["action"], request["action"])]
    for name, value in request.items():
        if name == "action":
            continue
        if name in REPEATED:
            for text in [value] if isinstance(value, str) else value:
                args += [REPEATED[name], text]
        else:
            args += ["--" + name.replace("_", "-"), str(value)]
    return args
