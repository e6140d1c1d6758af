"""Reading rule data given as JSON text (``bridge.load``, ``--rules FILE``): at most
:data:`~calculator.core.bounds.MAX_FILE_BYTES` characters, no key given twice, nested at most
:data:`~calculator.core.bounds.MAX_RULES_DEPTH` levels, then :func:`validate_rules`. Every
refusal is an :class:`InputError` naming ``rules``.
"""

from __future__ import annotations

import json
from typing import Any

from calculator.core.bounds import MAX_FILE_BYTES, MAX_RULES_DEPTH
from calculator.core.errors import InputError, quote
from calculator.core.i18n import _
from calculator.rules.check import FIELD
from calculator.rules.validate import validate_rules


def read_rules(raw: str | bytes) -> dict[str, Any]:
    """Parse and check rule data given as JSON text; the checked dict."""
    if len(raw) > MAX_FILE_BYTES:
        raise InputError(
            FIELD, _("is larger than {most:,} bytes, the most read").format(most=MAX_FILE_BYTES)
        )
    try:
        data = json.loads(raw, object_pairs_hook=_unique_keys)
    except json.JSONDecodeError as error:
        raise InputError(
            FIELD,
            _("is not JSON: {reason} (character {at})").format(reason=error.msg, at=error.pos),
        ) from None
    except InputError:
        raise
    except RecursionError:
        raise _too_deep() from None
    except ValueError:  # not UTF-8, a number of thousands of digits
        raise InputError(FIELD, _("is not JSON that can be read (a number too long?)")) from None
    _depth(data)
    validate_rules(data)
    return data  # type: ignore[no-any-return]


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found = dict(pairs)
    if len(found) < len(pairs):
        seen: set[str] = set()
        for key, _value in pairs:
            if key in seen:
                raise InputError(FIELD, _("the key {key} is given twice").format(key=quote(key)))
            seen.add(key)
    return found


def _depth(data: Any) -> None:
    """Refuse nesting deeper than :data:`MAX_RULES_DEPTH` (walked without recursion)."""
    stack = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if depth > MAX_RULES_DEPTH:
            raise _too_deep()
        if isinstance(value, dict):
            stack.extend((item, depth + 1) for item in value.values())
        elif isinstance(value, list):
            stack.extend((item, depth + 1) for item in value)


def _too_deep() -> InputError:
    return InputError(FIELD, _("nests deeper than {most} levels").format(most=MAX_RULES_DEPTH))
