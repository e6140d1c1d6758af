"""Read the YAML files in ``data/`` (syntax only; :mod:`kzdata.schema` checks the content)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from kzdata.errors import DataError

DATA_DIR = Path(__file__).resolve().parent.parent / "data"


def read_yaml(path: Path) -> Any:
    """Parse one YAML file; syntax errors become a :class:`DataError` naming the file and line."""
    try:
        with path.open(encoding="utf-8") as handle:
            return yaml.safe_load(handle)
    except FileNotFoundError:
        raise DataError(f"{_shown(path)}: file is missing") from None
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
