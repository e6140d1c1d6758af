"""Apply a curated example (see examples/README.md) to a copy of the real data."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import yaml

from kzdata.load import load_all

EXAMPLES = Path(__file__).parent / "examples"


def find(node: Any, record_id: str) -> dict[str, Any] | None:
    """The mapping with ``id == record_id`` anywhere inside ``node``."""
    if isinstance(node, dict):
        if node.get("id") == record_id:
            return node
        children = list(node.values())
    elif isinstance(node, list):
        children = node
    else:
        return None
    for child in children:
        found = find(child, record_id)
        if found is not None:
            return found
    return None


def apply(example: dict[str, Any], base: dict[str, Any] | None = None) -> dict[str, Any]:
    data = copy.deepcopy(base if base is not None else load_all())
    file = example["file"]
    if example.get("remove_file"):
        del data[file]
        return data
    if "replace" in example:
        data[file] = example["replace"]
    target: Any = data[file]
    if "entry" in example:
        target = find(data[file], example["entry"])
        assert target is not None, f"example names unknown entry {example['entry']!r}"
        target.update(example.get("set", {}))
        for name in example.get("delete", []):
            del target[name]
    if "append" in example:
        into = target[example["append_to"]] if "append_to" in example else target
        into.append(example["append"])
    return data


def load_examples(kind: str) -> list[tuple[str, dict[str, Any]]]:
    return [
        (p.stem, yaml.safe_load(p.read_text(encoding="utf-8")))
        for p in sorted((EXAMPLES / kind).glob("*.yaml"))
    ]
