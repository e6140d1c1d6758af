"""Export the rule data the engine needs as one JSON-ready dict (written to ``rules.json``)."""

from __future__ import annotations

import datetime
import hashlib
import json
from pathlib import Path
from typing import Any

from kzdata.load import DATA_DIR, load_all
from kzdata.schema import validate

RULE_FILES = ("sources", "stay_rules", "nationalities", "deadlines", "calendar")


def _plain(value: Any) -> Any:
    """YAML dates become ISO strings so the result is JSON."""
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def rules_dict(data_dir: Path = DATA_DIR) -> dict[str, Any]:
    """The engine's input: the rule files as plain JSON values plus a ``version``.

    The version is the newest ``verified`` date and a short hash of the content, so a report or a
    cached page can say exactly which data it used.
    """
    data = load_all(data_dir)
    validate(data)
    exported = {name: _plain(data[name]) for name in RULE_FILES}
    # From data/site.yaml: the pilot's legal dates (timeline warnings) and the export settings.
    exported["pilot"] = _plain(data["site"]["pilot"])
    exported["calendar_export"] = _plain(data["site"]["calendar_export"])
    digest = hashlib.sha256(json.dumps(exported, sort_keys=True).encode()).hexdigest()[:10]
    verified = sorted(_verified_dates(exported))
    exported["version"] = f"{verified[-1] if verified else 'unverified'}+{digest}"
    return exported


def _verified_dates(value: Any) -> list[str]:
    if isinstance(value, dict):
        found = [str(value["verified"])] if "verified" in value else []
        return found + [d for v in value.values() for d in _verified_dates(v)]
    if isinstance(value, list):
        return [d for v in value for d in _verified_dates(v)]
    return []
