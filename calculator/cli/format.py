"""Human-readable output for the CLI: the key numbers first, then why, warnings and sources.

Words come from the catalog (:mod:`calculator.core.i18n`): ``--lang ru`` prints them in Russian; the
numbers and ISO dates are the same in every language.
"""

from __future__ import annotations

from typing import Any

from calculator.cli.format_returns import days_return_lines
from calculator.core.i18n import N_, _, ngettext
from calculator.core.provenance import CONFIDENCE

HEADLINES: dict[str, tuple[tuple[str, str], ...]] = {
    "status": (
        (N_("Latest exit"), "latest_exit"),
        (N_("Day of this entry"), "entry_day_number"),
        (N_("Days used"), "days_used"),
        (N_("Days left in the window"), "days_left"),
        (N_("Overstay days"), "overstay_days"),
    ),
    "plan": (
        (N_("Longest stay (days)"), "max_stay_days"),
        (N_("Latest exit"), "latest_exit"),
        (N_("Binding cap"), "binding"),
    ),
    "next_entry": (
        (N_("Earliest entry"), "earliest_entry"),
        (N_("Latest exit then"), "latest_exit"),
        (N_("Longest stay then"), "max_stay_days"),
    ),
    "workdays": ((N_("Date"), "date"),),
    "validity": ((N_("Valid until"), "valid_until"), (N_("Days left"), "days_left")),
    "timeline": (
        (N_("Leave Kazakhstan now by"), "current_stay_latest_exit"),
        (N_("Enter Kazakhstan by"), "entry_deadline"),
        (N_("Visa-free days end"), "visa_free_last_day"),
        (N_("Police certificate valid until"), "certificate_valid_until"),
        (N_("Exchange driving licence by"), "licence_exchange_by"),
    ),
    "abroad": (
        (N_("Come back by"), "return_by"),
        (N_("Exchange driving licence by"), "licence_exchange_by"),
        (N_("Register new address by"), "address_register_by"),
    ),
}


REENTRY_LINES = (
    (N_("Leave Kazakhstan by"), "leave_by"),
    (N_("A return is useful from"), "search_from"),
    (N_("Days needed in the country"), "days_needed"),
    (N_("Come back on"), "enter_on"),
    (N_("Card expected then"), "card_ready"),
)
REENTRY_HEADING = N_("Exit and return (the card comes after your visa-free days):")
NO_RETURN = N_("– (no single visa-free entry is long enough)")
ALTERNATIVES_HEADING = N_("Alternatives:")
OPTIONAL_HEADLINES = {"timeline"}  # show only the dates that apply


def _reentry(plan: dict[str, Any]) -> list[str]:
    """The exit-and-return plan, its model and the alternatives, as indented text."""
    labels = [(_(label), key) for label, key in REENTRY_LINES]
    width = max(len(label) for label, _key in labels)
    lines = [_(REENTRY_HEADING)]
    for label, key in labels:
        value = plan[key]
        shown = _(NO_RETURN) if value is None and key in ("enter_on", "card_ready") else value
        lines.append(f"  {label + ':':<{width + 1}} {shown}")
    lines += _explanation(plan["explanation"], "  ")
    lines.append(f"  {_(ALTERNATIVES_HEADING)}")
    for option in plan["alternatives"]:
        ex = option["explanation"]
        confidence = _(CONFIDENCE.get(ex["confidence"], ex["confidence"]))
        lines.append(f"  - {option['title']} ({confidence}):")
        lines += [f"      {step}" for step in ex["steps"]]
        lines += [f"      ! {w}" for w in ex["warnings"]]
        for side in option["sides"]:
            lines += [f"      {s['publisher']}: {s['url']}" for s in side["sources"]]
    return lines


# Which cap ends a stay (plan's ``binding``): the id, in words where a language has them.
BINDING = {"per_entry": N_("per_entry"), "rolling": N_("rolling"), "both": N_("both")}


# Which cap ends a stay (plan's ``binding``): the id, in words where a language has them.
BINDING = {"per_entry": N_("per_entry"), "rolling": N_("rolling"), "both": N_("both")}


def _value(result: dict[str, Any], key: str) -> str:
    value = result.get(key)
    if key == "binding" and value in BINDING:
        return _(BINDING[value])
    if key == "latest_exit" and value is not None:
        if "days_to_latest_exit" not in result:
            return str(value)
        more = result["days_to_latest_exit"]
        return ngettext(
            "{date} ({n} more day after {on})", "{date} ({n} more days after {on})", more
        ).format(date=value, n=more, on=result["on"])
    if key == "entry_day_number":
        limit = result.get("per_entry_days")
        if value is None:
            return "–"
        return _("{day} of {limit}").format(day=value, limit=limit) if limit else str(value)
    if key == "days_used":
        return _("{used} of {limit} in the window {start} .. {on}").format(
            used=value, limit=result["limit"], start=result["window_start"], on=result["on"]
        )
    if key == "days_left" and result.get("in_country"):
        return _("{left} (the latest exit above may come sooner)").format(left=value)
    if key == "overstay_days":
        return _("{over} over the window's limit, {entry_over} over the per-entry limit").format(
            over=value, entry_over=result.get("entry_overstay_days", 0)
        )
    if key == "latest_exit" and value is None and "in_country" in result:
        return (
            _("– (not in the country on that day)")
            if not result["in_country"]
            else _("– (no legal day left)")
        )
    return "–" if value is None else str(value)


def _explanation(explanation: dict[str, Any], indent: str = "") -> list[str]:
    why, warned = _("Why:"), _("Warnings:")
    lines = [f"{indent}{why}"] + [f"{indent}  - {step}" for step in explanation["steps"]]
    if explanation["warnings"]:
        lines += [f"{indent}{warned}"]
        lines += [f"{indent}  ! {w}" for w in explanation["warnings"]]
    if explanation["sources"]:
        heading = _("Sources (verified {verified}, {confidence}):").format(
            verified=explanation["verified"],
            confidence=_(CONFIDENCE.get(explanation["confidence"], explanation["confidence"])),
        )
        lines += [f"{indent}{heading}"]
        lines += [f"{indent}  {s['publisher']}: {s['url']}" for s in explanation["sources"]]
    return lines


def render(action: str, result: dict[str, Any], version: str) -> str:
    """The result as text for a terminal."""
    if action == "meta":
        lines = [_("Rule sets:")]
        lines += [f"  {r['id']:<18} {r['title']}" for r in result["stay_rules"]]
        lines += [_("Nationalities:")] + [
            f"  {n['code']}  {n['name']:<24} {n['rule_set']}" for n in result["nationalities"]
        ]
        lines += [
            _("Documents with a validity period: {ids}").format(ids=", ".join(result["documents"]))
        ]
    elif action == "ics":
        return str(result["ics"])
    else:
        labels = [
            (_(label), key)
            for label, key in HEADLINES[action]
            if action not in OPTIONAL_HEADLINES or result.get(key) is not None
        ]
        width = max((len(label) for label, _key in labels), default=0)
        lines = [f"{label + ':':<{width + 1}} {_value(result, key)}" for label, key in labels]
        for year in result.get("years", []):
            lines.append(
                ngettext(
                    "{year}: {n} day abroad of {limit}, {left} left",
                    "{year}: {n} days abroad of {limit}, {left} left",
                    year["days_abroad"],
                ).format(
                    year=year["year"],
                    n=year["days_abroad"],
                    limit=year["limit"],
                    left=year["days_left"],
                )
            )
        milestone_warnings = []
        for m in result.get("milestones", []):
            when = (
                m["expected"]
                if m["earliest"] == m["latest"]
                else _("{earliest} .. {latest} (expected {expected})").format(
                    earliest=m["earliest"], latest=m["latest"], expected=m["expected"]
                )
            )
            lines.append(f"{'*' if m['known'] else ' '} {m['title']}: {when}")
            milestone_warnings += [f"{m['title']}: {w}" for w in m["explanation"]["warnings"]]
        if result.get("milestones"):
            lines.append(_("(* = a date you gave)"))
        if action == "status":
            lines += days_return_lines(result)
        if result.get("reentry"):
            lines += _reentry(result["reentry"])
        result = {**result, "explanation": {**result["explanation"]}}
        result["explanation"]["warnings"] = result["explanation"]["warnings"] + milestone_warnings
        lines += _explanation(result["explanation"])
    lines.append(
        _("Data version: {version}. Not legal advice: check with the migration service.").format(
            version=version
        )
    )
    return "\n".join(lines)
