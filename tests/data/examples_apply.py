"""Apply a curated example (see examples/README.md) to a copy of the real data."""

from __future__ import annotations

import copy
import shutil
from pathlib import Path
from typing import Any

import yaml

from kzdata.load import DATA_DIR, load_all

RAW_KEYS = ("raw", "raw_append", "raw_replace", "folder")

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
    if "remove_entry" in example:
        data[file] = [r for r in data[file] if r.get("id") != example["remove_entry"]]
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


def is_raw(example: dict[str, Any]) -> bool:
    """Does the example change the file's text or bytes (not the parsed YAML)?"""
    return any(key in example for key in RAW_KEYS)


def write_raw(example: dict[str, Any], folder: Path) -> Path:
    """A copy of ``data/`` in ``folder`` with the example's raw change; returns the copy.

    ``raw`` replaces the file's content (text, or bytes written as ``!!binary``), ``raw_append``
    adds text at the end of the file, ``raw_replace: [old, new]`` replaces the first ``old`` in
    its text, ``folder: true`` puts a folder where the file was.
    """
    copy_dir = folder / "data"
    shutil.copytree(DATA_DIR, copy_dir)
    path = copy_dir / f"{example['file']}.yaml"
    if "raw" in example:
        raw = example["raw"]
        path.write_bytes(raw if isinstance(raw, bytes) else raw.encode("utf-8"))
    if "raw_replace" in example:
        old, new = example["raw_replace"]
        text = path.read_text(encoding="utf-8")
        assert old in text, f"raw_replace: {old!r} is not in {path.name}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    if "raw_append" in example:
        path.write_text(path.read_text(encoding="utf-8") + example["raw_append"], encoding="utf-8")
    if example.get("folder"):
        path.unlink()
        path.mkdir()
    return copy_dir


def load_examples(kind: str) -> list[tuple[str, dict[str, Any]]]:
    return [
        (p.stem, yaml.safe_load(p.read_text(encoding="utf-8")))
        for p in sorted((EXAMPLES / kind).glob("*.yaml"))
    ]
