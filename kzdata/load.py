"""Read the YAML files in ``data/`` (syntax only; :mod:`kzdata.schema` checks the content).

The loader is ``yaml.SafeLoader`` made strict for hand-edited facts, so that what an editor wrote
is exactly what the build reads:

- a key given twice in one mapping (``days: 30`` then ``days: 31``) is refused, naming the key and
  the record, instead of YAML's "the last one wins";
- aliases (``*name``) and merge keys are refused: the data never needs them, and a few hundred
  bytes of nested aliases expand to billions of values;
- nesting deeper than :data:`MAX_DEPTH` and files over :data:`MAX_BYTES` are refused;
- an impossible date (``2023-02-30``) is kept as its text (:class:`InvalidDate`) for the schema.

Every problem is one :class:`~kzdata.errors.DataError` line naming the file (and the line).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from kzdata.errors import DataError

DATA_DIR = Path(__file__).resolve().parent.parent / "data"

MAX_BYTES = 1_000_000
"""Largest data file read (the largest today is about 60 KB)."""

MAX_DEPTH = 24
"""Deepest nesting of mappings and lists (the data uses at most 6 levels)."""


class InvalidDate(str):
    """A YAML date that does not exist (``2023-02-30``, month 13), kept as its text.

    PyYAML raises a bare ``ValueError`` for these while parsing; keeping the text lets the schema
    name the file, the record and the field (``'verified' is not a real calendar date``).
    """


class _Refused(yaml.MarkedYAMLError):
    """Something the strict loader does not accept, at a place in the file."""

    def __init__(self, problem: str, mark: Any) -> None:
        super().__init__(problem=problem, problem_mark=mark)


class _Loader(yaml.SafeLoader):
    """``yaml.SafeLoader`` without aliases, duplicate keys or unbounded nesting."""

    _depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()  # type: ignore[no-untyped-call]
            raise _Refused(
                f"the alias *{event.anchor} is not allowed in data files; write the value out",
                event.start_mark,
            )
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                event = self.peek_event()  # type: ignore[no-untyped-call]
                raise _Refused(f"nested more than {MAX_DEPTH} levels deep", event.start_mark)
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    def construct_mapping(self, node: Any, deep: bool = False) -> Any:
        if isinstance(node, yaml.MappingNode):
            seen: set[Any] = set()
            for key_node, _value in node.value:
                if key_node.tag == "tag:yaml.org,2002:merge":
                    raise _Refused(
                        "merge keys (<<) are not allowed in data files", key_node.start_mark
                    )
                key = self.construct_object(key_node, deep=True)
                if isinstance(key, list | dict):
                    continue  # SafeConstructor refuses it with its own message
                if key in seen:
                    raise _Refused(_twice(node, key), key_node.start_mark)
                seen.add(key)
        return super().construct_mapping(node, deep=deep)


def _twice(node: yaml.MappingNode, key: Any) -> str:
    """``record 'b8_visa': 'days' is given twice; keep one`` (the record named by its id)."""
    ids = [v.value for k, v in node.value if k.value == "id" and isinstance(v, yaml.ScalarNode)]
    where = f"record '{ids[0][:40]}': " if ids else ""
    return f"{where}'{str(key)[:40]}' is given twice in one mapping; keep one"


def _timestamp(loader: _Loader, node: yaml.ScalarNode) -> Any:
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError:
        return InvalidDate(node.value)


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)


def read_yaml(path: Path, shown: str | None = None) -> Any:
    """Parse one YAML file; every problem becomes one :class:`DataError` line naming the file
    (``shown``, else ``data/<name>``)."""
    name = shown or _shown(path)
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise DataError(f"{name}: file is missing") from None
    except OSError as error:  # a folder in place of the file, no permission …
        raise DataError(f"{name}: cannot be read ({error.strerror})") from None
    if len(raw) > MAX_BYTES:
        raise DataError(f"{name}: larger than {MAX_BYTES:,} bytes; split it or shorten it")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise DataError(
            f"{name} (line {line}): not UTF-8 text (byte {error.start + 1}); save the file as UTF-8"
        ) from None
    try:
        return yaml.load(text, Loader=_Loader)
    except yaml.YAMLError as error:
        raise DataError(f"{name}{_line(error)}: {_problem(error)}") from None
    except RecursionError:  # nesting too deep for the parser itself, before MAX_DEPTH is seen
        raise DataError(f"{name}: nested too deeply to read") from None


def _line(error: yaml.YAMLError) -> str:
    mark = getattr(error, "problem_mark", None)
    return f" (line {mark.line + 1})" if mark is not None else ""


def _problem(error: yaml.YAMLError) -> str:
    """One line: our refusal as it is, PyYAML's problem (and context) otherwise."""
    if isinstance(error, _Refused):
        return str(error.problem)
    if isinstance(error, yaml.MarkedYAMLError):
        parts = [p for p in (error.context, error.problem) if p]
        return "not valid YAML: " + " ".join(" ".join(parts).split())[:200]
    return "not valid YAML: " + " ".join(str(error).split())[:200]


def load_all(data_dir: Path = DATA_DIR) -> dict[str, Any]:
    """Every ``data/*.yaml`` file by its stem (``steps``, ``calendar`` …)."""
    return {path.stem: read_yaml(path) for path in sorted(data_dir.glob("*.yaml"))}


def _shown(path: Path) -> str:
    """``data/steps.yaml`` rather than an absolute path, when the file is in a data folder."""
    return f"{path.parent.name}/{path.name}"
