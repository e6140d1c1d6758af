"""Reading the plan's answers from a bridge request (the page's fragment and the CLI's flags).

Fields: ``nationality`` (ISO code, required), ``it`` and ``family`` (``yes`` / ``no``),
``income_usd`` (a monthly foreign income, whole US dollars), ``city`` (``astana``, ``almaty``,
``other``), ``stays`` (as everywhere), ``on`` (the day the plan is made for; today when not
given), and the dates you may know: ``passport_expires``, ``certificate_issued``, ``approved``,
``entered``. A missing answer is ``None``: the plan says "unknown" rather than guess.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from calculator.core.bounds import NUMBER_DIGITS
from calculator.core.errors import InputError, quote
from calculator.core.i18n import _
from calculator.core.stays import Stay
from calculator.requests import intervals, opt_date, opt_text

FIELDS = (
    "nationality",
    "it",
    "income_usd",
    "city",
    "family",
    "stays",
    "on",
    "passport_expires",
    "certificate_issued",
    "approved",
    "entered",
)
"""The fields the ``route`` action reads."""

CITIES = ("astana", "almaty", "other")
YES_NO = ("yes", "no")
_CODE = re.compile(r"[A-Za-z]{2}\Z")
_DOLLARS = re.compile(rf"[0-9]{{1,{NUMBER_DIGITS}}}\Z")


@dataclass(frozen=True)
class Answers:
    nationality: str
    it: str | None
    income_usd: int | None
    city: str | None
    family: str | None
    stays: list[Stay]
    on: date
    passport_expires: date | None
    certificate_issued: date | None
    approved: date | None
    entered: date | None

    @property
    def in_kazakhstan(self) -> bool:
        """In the country on ``on``: a stay that has not ended, or one that covers ``on``."""
        return any(s.exit is None or s.entry <= self.on <= s.exit for s in self.stays)


def _choice(request: Mapping[str, Any], name: str, choices: tuple[str, ...]) -> str | None:
    value = opt_text(request, name)
    if value is None:
        return None
    if value.strip().lower() not in choices:
        raise InputError(
            name,
            _("must be one of {choices} (got {value})").format(
                choices=", ".join(choices), value=quote(value)
            ),
        )
    return value.strip().lower()


def _income(request: Mapping[str, Any]) -> int | None:
    value = request.get("income_usd")
    if value is None or value == "":
        return None
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 10**NUMBER_DIGITS:
        return value
    if isinstance(value, str) and _DOLLARS.match(value.strip()):
        return int(value.strip())
    raise InputError(
        "income_usd",
        _("{shown} is not an amount in whole US dollars (write up to {digits} digits 0-9)").format(
            shown=quote(value), digits=NUMBER_DIGITS
        ),
    )


def read_answers(request: Mapping[str, Any], today: date) -> Answers:
    """The answers, each checked; errors name the request's field (``income_usd``, ``stays[0].exit``)."""
    code = opt_text(request, "nationality")
    if code is None:
        raise InputError("nationality", _("is required (an ISO country code such as NL)"))
    if not _CODE.match(code.strip()):
        raise InputError(
            "nationality",
            _("{shown} is not a two-letter ISO country code such as NL").format(shown=quote(code)),
        )
    return Answers(
        nationality=code.strip().upper(),
        it=_choice(request, "it", YES_NO),
        income_usd=_income(request),
        city=_choice(request, "city", CITIES),
        family=_choice(request, "family", YES_NO),
        stays=intervals(request, "stays"),
        on=opt_date(request, "on") or today,
        passport_expires=opt_date(request, "passport_expires"),
        certificate_issued=opt_date(request, "certificate_issued"),
        approved=opt_date(request, "approved"),
        entered=opt_date(request, "entered"),
    )
