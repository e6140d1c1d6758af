"""Read the YAML files in ``data/`` (syntax only; :mod:`kzdata.schema` checks the content)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from kzdata.errors import DataError

DATA_DIR = Path(__file__).resolve().parent.parent / "data"


class InvalidDate(str):
    """A YAML date that does not exist (``2023-02-30``, month 13), kept as its text.

    PyYAML raises a bare ``ValueError`` for these while parsing; keeping the text lets the schema
    name the file, the record and the field (``'verified' is not a real calendar date``).
    """


class _Loader(yaml.SafeLoader):
    """``yaml.SafeLoader`` that turns an impossible date into an :class:`InvalidDate`."""


def _timestamp(loader: _Loader, node: yaml.ScalarNode) -> Any:
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError:
        return InvalidDate(node.value)


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)


def read_yaml(path: Path) -> Any:
    """Parse one YAML file; every problem becomes one :class:`DataError` naming the file."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise DataError(f"{_shown(path)}: file is missing") from None
    except OSError as error:  # a folder in place of the file, no permission …
        raise DataError(f"{_shown(path)}: cannot be read ({error.strerror})") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise DataError(
            f"{_shown(path)} (line {line}): not UTF-8 text (byte {error.start + 1}); "
            "save the file as UTF-8"
        ) from None
    try:
        return yaml.load(text, Loader=_Loader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark is not None else ""
        raise DataError(f"{_shown(path)}{where}: not valid YAML: {error}") from None


def load_all(data_dir: Path = DATA_DIR) -> dict[str, Any]:
    """Every ``data/*.yaml`` file by its stem (``steps``, ``calendar`` …)."""
    return {path.stem: read_yaml(path) for path in sorted(data_dir.glob("*.yaml"))}


def _shown(path: Path) -> str:
    """``data/steps.yaml`` rather than an absolute path, when the file is in a data folder."""
    return f"{path.parent.name}/{path.name}"
