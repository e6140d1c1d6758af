"""Conditions in the data: who a step, a pitfall or a route is for (the personal plan, /plan/).

A condition is ``key: value`` or ``key: [values]``; a record applies when every condition holds.
The keys and their values are the answers the plan asks for (and what follows from them):

- ``it``: the profession is on the in-demand IT list (``yes`` / ``no``);
- ``visa_free``: the nationality is in ``data/nationalities.yaml`` (it enters visa-free);
- ``e_visa``: a citizen of one of Kazakhstan's e-visa countries;
- ``city``: where the person will live (``astana``, ``almaty``, ``other``);
- ``family``: family members come along; ``in_kazakhstan``: the person is in Kazakhstan now.

A route's ``requires`` also takes ``income_usd_over`` (a monthly foreign income in US dollars,
strictly above) and ``not_groups`` (nationality groups of ``data/nationalities.yaml`` it excludes).
The engine (``calculator/route/``) reads the same keys from ``rules.json``; an unknown key or
value stops the build naming the file, the record and the field.
"""

from __future__ import annotations

from typing import Any

from kzdata.bounds import MAX_INCOME_USD
from kzdata.schema_types import Check, ident, integer, list_of

YES_NO = ("yes", "no")
CONDITIONS: dict[str, tuple[str, ...]] = {
    "it": YES_NO,
    "visa_free": YES_NO,
    "e_visa": YES_NO,
    "city": ("astana", "almaty", "other"),
    "family": YES_NO,
    "in_kazakhstan": YES_NO,
}
ROUTE_ONLY: dict[str, Check] = {
    "income_usd_over": integer(1, MAX_INCOME_USD),
    "not_groups": list_of(ident, non_empty=True),
}


def _conditions(extra: dict[str, Check]) -> Check:
    def check(value: Any) -> str | None:
        if not isinstance(value, dict) or not value:
            return "must be a mapping of conditions, e.g. {city: astana}"
        for key, wanted in value.items():
            if key in extra:
                problem = extra[key](wanted)
                if problem:
                    return f"has '{key}' that {problem}"
                continue
            if key not in CONDITIONS:
                known = ", ".join([*CONDITIONS, *extra])
                return f"names the condition {key!r}, which is not known; known: {known}"
            values = wanted if isinstance(wanted, list) else [wanted]
            allowed = CONDITIONS[key]
            for item in values:
                if item not in allowed:
                    return (
                        f"gives {key!r} the value {item!r}, which is not one of: "
                        f'{", ".join(allowed)} (quote yes and no: "yes")'
                    )
        return None

    return check


applies = _conditions({})
"""A step's or a pitfall's ``applies``."""
requires = _conditions(ROUTE_ONLY)
"""A route's ``requires``."""


def route_groups(data: dict[str, Any]) -> None:
    """Every group a route's ``requires.not_groups`` names is a group of data/nationalities.yaml."""
    from kzdata.schema_types import fail

    groups = {g.get("id") for g in data.get("nationalities") or [] if isinstance(g, dict)}
    routes = (data.get("routes") or {}).get("routes") or []
    for route in routes:
        requires = route.get("requires") if isinstance(route, dict) else None
        for group in (requires or {}).get("not_groups") or []:
            if group not in groups:
                raise fail(
                    "routes",
                    f"route '{route.get('id')}'",
                    f"'requires' names the nationality group {group!r}, which is not in "
                    f"data/nationalities.yaml; known: {', '.join(sorted(map(str, groups)))}",
                )
