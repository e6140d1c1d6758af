"""JSON in, JSON out: the one entry point for the browser (via Pyodide) and the CLI.

Browser: ``load(rules_json)`` once, then ``handle(request_json) -> response_json`` per request.
CLI and tests: ``dispatch(rulebook, request_dict) -> result_dict``.

A request is a flat object, with the same names as the URL fragment and the CLI::

    {"action": "status", "nationality": "NL",
     "stays": ["2025-04-01..2025-05-10", "2025-05-17.."], "on": "2025-06-01"}

A response is ``{"ok": true, "action": …, "result": {…}}`` or
``{"ok": false, "error": {"field": "stays[1].exit", "message": "…"}}``. Numbers may come as
strings (they do from a URL). Dates are ``YYYY-MM-DD`` strings both ways.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from calculator.core.bounds import MAX_REQUEST_CHARS
from calculator.core.errors import InputError, quote
from calculator.core.i18n import LANGUAGES, _, country, current, language
from calculator.core.typography import typeset_tree
from calculator.requests import (
    RULE_FIELDS,
    Request,
    check_fields,
    intervals,
    is_field_name,
    opt_date,
    opt_lang,
    opt_text,
    req_date,
    req_int,
    stay_rule,
)
from calculator.rules.load import read_rules
from calculator.rules.rulebook import RuleBook
from calculator.visa_free import status as visa_free

_state: dict[str, RuleBook] = {}

# -- actions -------------------------------------------------------------------------------------
# Only the status mode's module (visa_free, which the others build on) is imported above; each
# other mode's module when first asked for: in the browser every import compiles Python source on
# the way to the first answer, which is most often a status. The memory snapshot of a second visit
# imports them all (docs/calculator/worker.js).


def _status(book: RuleBook, r: Request) -> Any:
    return visa_free.status(intervals(r, "stays"), stay_rule(book, r), req_date(r, "on"))


def _plan(book: RuleBook, r: Request) -> Any:
    from calculator.visa_free import plan as stay_plan

    return stay_plan.plan(intervals(r, "stays"), stay_rule(book, r), req_date(r, "enter"))


def _next_entry(book: RuleBook, r: Request) -> Any:
    from calculator.visa_free import next_entry

    rule = stay_rule(book, r)
    return next_entry.earliest_entry(
        intervals(r, "stays"), rule, req_date(r, "from"), req_int(r, "days")
    )


def _workdays(book: RuleBook, r: Request) -> Any:
    from calculator.core import periods

    return periods.add_working_days(book.calendar, req_date(r, "from"), req_int(r, "add"))


def _validity(book: RuleBook, r: Request) -> Any:
    from calculator.core import periods

    deadline = book.document_validity(opt_text(r, "document") or "")
    return periods.valid_until(deadline, req_date(r, "issued"), opt_date(r, "on"))


def _timeline(book: RuleBook, r: Request) -> Any:
    from calculator.timeline.checks import timeline_from_request

    return timeline_from_request(book, r)


def _abroad(book: RuleBook, r: Request) -> Any:
    from calculator.after_permit.obligations import obligations_from_request

    return obligations_from_request(book, r)


def _ics(book: RuleBook, r: Request) -> Any:
    from calculator.export.ics import ics_from_request

    return ics_from_request(book, r, dispatch)


def _route(book: RuleBook, r: Request) -> Any:
    from datetime import date

    from calculator.route.plan import route_plan

    return route_plan(book, r, date.today())  # "on" in the request fixes the day


def _meta(book: RuleBook, r: Request) -> Any:
    return {
        "version": book.version,
        "stay_rules": [rule.to_dict() for rule in book.stay_rules.values()],
        "nationalities": [
            {"code": n.code, "name": country(n.code, n.name), "rule_set": n.rule_set}
            for n in sorted(book.nationalities.values(), key=lambda n: country(n.code, n.name))
        ],
        "documents": book.documents(),
    }


ROUTE_FIELDS = (  # calculator/route/questions.py's FIELDS, here so that the bridge imports it late
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
TIMELINE_DATES = (
    "hub_applied",
    "egov_submitted",
    "approved",
    "entered",
    "psc_submitted",
    "permit_issued",
    "certificate_issued",
    "passport_expiry",
    "today",
)
FIELDS: dict[str, tuple[str, ...]] = {
    "status": (*RULE_FIELDS, "stays", "on"),
    "plan": (*RULE_FIELDS, "stays", "enter"),
    "next_entry": (*RULE_FIELDS, "stays", "from", "days"),
    "workdays": ("from", "add"),
    "validity": ("document", "issued", "on"),
    "timeline": (*RULE_FIELDS, "stays", *TIMELINE_DATES, "review", "card"),
    "abroad": ("permit_issued", "trips", "on", "moved"),
    "ics": ("requests", "reminders"),
    "route": ROUTE_FIELDS,
    "meta": (),
}
"""The fields each action reads; any other field is refused rather than ignored."""

ACTIONS: dict[str, Callable[[RuleBook, Request], Any]] = {
    "status": _status,
    "plan": _plan,
    "next_entry": _next_entry,
    "workdays": _workdays,
    "validity": _validity,
    "timeline": _timeline,
    "abroad": _abroad,
    "ics": _ics,
    "route": _route,
    "meta": _meta,
}


def dispatch(book: RuleBook, request: Request) -> dict[str, Any]:
    """Run one request and return the result as a JSON-ready dict (raises :class:`InputError`).

    ``lang`` (``en`` by default, ``ru``) is the language of every word in the answer, error
    messages included; a request without it (an ``ics`` sub-request) keeps the current one.
    """
    lang = opt_lang(request)
    with language(current() if lang is None else lang) as chosen:
        result = _dispatch(book.localized(chosen), request)
        # the .ics text is typeset line by line before it is folded (calculator.export.ics)
        return typeset_tree(result, skip=frozenset({"ics"})) if chosen == "ru" else result


def _dispatch(book: RuleBook, request: Request) -> dict[str, Any]:
    action = request.get("action")
    if not isinstance(action, str) or action not in ACTIONS:
        raise InputError(
            "action",
            _("unknown action {action}; known: {known}").format(
                action=quote(action), known=", ".join(ACTIONS)
            ),
        )
    check_fields(request, action, FIELDS[action])
    result = ACTIONS[action](book, request)
    return result if isinstance(result, dict) else dict(result.to_dict())


# -- the JSON boundary ---------------------------------------------------------------------------


def load(rules_json: str) -> str:
    """Load the rule data (the build's ``rules.json``), checked first
    (:func:`calculator.rules.load.read_rules`: an :class:`InputError` naming ``rules`` and the
    path to the value at fault); returns the data version."""
    book = RuleBook.from_dict(read_rules(rules_json))
    _state["book"] = book
    return book.version


def handle(request_json: str) -> str:
    """Answer one JSON request with one JSON response; never raises.

    Words follow the request's ``lang``; a request that is not even a JSON object is answered in
    English (it has no language to ask for)."""
    try:
        request = _parse(request_json)
        _refuse_repeated(request)
        if "book" not in _state:
            raise InputError("rules", "rule data not loaded; call load() first")
        result = dispatch(_state["book"], request)
        return json.dumps({"ok": True, "action": request["action"], "result": result})
    except InputError as error:
        return _refuse(error.field, error.message)
    except Exception as error:  # a bug: report it instead of killing the worker
        message = f"internal error ({type(error).__name__}: {str(error)[:120]}); please report it"
        return json.dumps({"ok": False, "error": {"field": None, "message": message}})


def _parse(request_json: object) -> dict[str, Any]:
    """The request as a dict, or an :class:`InputError` naming ``request``."""
    if not isinstance(request_json, str) or len(request_json) > MAX_REQUEST_CHARS:
        raise InputError("request", f"must be JSON text of at most {MAX_REQUEST_CHARS} characters")
    try:
        request = json.loads(request_json, object_pairs_hook=_Pairs)
    except json.JSONDecodeError as error:
        raise InputError("request", f"not JSON: {error.msg} (character {error.pos})") from None
    except (ValueError, RecursionError):  # a number of thousands of digits, nesting too deep
        raise InputError("request", "has a number too long or nesting too deep") from None
    if not isinstance(request, dict):
        raise InputError("request", "must be a JSON object")
    return request


class _Pairs(dict[str, Any]):
    """A JSON object that remembers the first key it was given twice (the last value would
    silently win): :func:`_refuse_repeated` refuses it, like a field the action does not read."""

    repeated: str | None = None

    def __init__(self, pairs: list[tuple[str, Any]]) -> None:
        super().__init__(pairs)
        if len(self) < len(pairs):
            seen: set[str] = set()
            for key, _value in pairs:
                if key in seen:
                    self.repeated = key
                    break
                seen.add(key)


def _refuse_repeated(request: dict[str, Any]) -> None:
    """Refuse a key given twice in any object of the request, in the request's language."""
    stack: list[Any] = [request]
    while stack:
        item = stack.pop()
        if isinstance(item, _Pairs) and item.repeated is not None:
            name = item.repeated
            with language(_known_lang(request)):
                if is_field_name(name):
                    raise InputError(name, _("is given twice; give it once"))
                raise InputError(
                    "request",
                    _("the field {name} is given twice; give it once").format(name=quote(name)),
                )
        if isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


def _known_lang(request: dict[str, Any]) -> str:
    lang = request.get("lang")
    return lang if isinstance(lang, str) and lang in LANGUAGES else "en"


def _refuse(field: str, message: str) -> str:
    return json.dumps({"ok": False, "error": {"field": field, "message": message}})
