"""A stay rule typed in by hand (limit, window, optional per-entry cap), checked field by field."""

from __future__ import annotations

from calculator.core.bounds import MAX_WINDOW
from calculator.core.errors import InputError
from calculator.core.i18n import _
from calculator.core.provenance import Provenance
from calculator.core.records import StayRule


def custom_rule(limit: int | None, window: int | None, per_entry: int | None) -> StayRule:
    """A rule typed in by hand: ``limit`` days in any ``window``, optional ``per_entry`` cap."""
    if limit is None:
        raise InputError("limit", _("a custom rule needs a limit (days allowed in the window)"))
    if window is None:
        raise InputError("window", _("a custom rule needs a window length in days"))
    for name, value in (("limit", limit), ("window", window), ("per_entry", per_entry)):
        if value is not None and (
            isinstance(value, bool) or not isinstance(value, int) or value < 1
        ):
            raise InputError(
                name,
                _("must be a whole number of days, at least 1 (got {value})").format(
                    value=repr(value)
                ),
            )
    if window > MAX_WINDOW:
        raise InputError(
            "window",
            _("must be at most {most} days (ten years; got {window})").format(
                most=MAX_WINDOW, window=window
            ),
        )
    if limit >= window:
        raise InputError(
            "limit",
            _("must be shorter than the window ({limit} >= {window} days)").format(
                limit=limit, window=window
            ),
        )
    if per_entry is not None and per_entry > limit:
        raise InputError(
            "per_entry",
            _(
                "must be at most the limit ({per_entry} > {limit} days): "
                "no entry can last longer than the limit"
            ).format(per_entry=per_entry, limit=limit),
        )
    if per_entry is None:
        title = _("Custom rule: {limit} days in any {window}").format(limit=limit, window=window)
    else:
        title = _(
            "Custom rule: {limit} days in any {window}, at most {per_entry} per entry"
        ).format(limit=limit, window=window, per_entry=per_entry)
    return StayRule(
        id="custom",
        title=title,
        limit=limit,
        window=window,
        per_entry=per_entry,
        counting_from=None,
        provenance=Provenance("custom", (), None),
    )
