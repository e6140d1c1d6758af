"""Human-readable output for the CLI: the key numbers first, then why, warnings and sources."""

from __future__ import annotations

from typing import Any

HEADLINES: dict[str, tuple[tuple[str, str], ...]] = {
    "status": (
        ("Latest exit", "latest_exit"),
        ("Day of this entry", "entry_day_number"),
        ("Days used", "days_used"),
        ("Days left in the window", "days_left"),
        ("Overstay days", "overstay_days"),
    ),
    "plan": (
        ("Longest stay (days)", "max_stay_days"),
        ("Latest exit", "latest_exit"),
        ("Binding cap", "binding"),
    ),
    "next_entry": (
        ("Earliest entry", "earliest_entry"),
        ("Latest exit then", "latest_exit"),
        ("Longest stay then", "max_stay_days"),
    ),
    "workdays": (("Date", "date"),),
    "validity": (("Valid until", "valid_until"), ("Days left", "days_left")),
    "timeline": (
        ("Leave Kazakhstan now by", "current_stay_latest_exit"),
        ("Enter Kazakhstan by", "entry_deadline"),
        ("Visa-free days end", "visa_free_last_day"),
        ("Police certificate valid until", "certificate_valid_until"),
        ("Exchange driving licence by", "licence_exchange_by"),
    ),
    "abroad": (
        ("Exchange driving licence by", "licence_exchange_by"),
        ("Register new address by", "address_register_by"),
    ),
}


REENTRY_LINES = (
    ("Leave Kazakhstan by", "leave_by"),
    ("A return is useful from", "search_from"),
    ("Days needed in the country", "days_needed"),
    ("Come back on", "enter_on"),
    ("Card expected then", "card_ready"),
)
REENTRY_HEADING = "Exit and return (the card comes after your visa-free days):"
NO_RETURN = "– (no single visa-free entry is long enough)"
ALTERNATIVES_HEADING = "Alternatives:"
OPTIONAL_HEADLINES = {"timeline"}  # show only the dates that apply


def _reentry(plan: dict[str, Any]) -> list[str]:
    """The exit-and-return plan, its model and the alternatives, as indented text."""
    width = max(len(label) for label, _ in REENTRY_LINES)
    lines = [REENTRY_HEADING]
    for label, key in REENTRY_LINES:
        value = plan[key]
        shown = NO_RETURN if value is None and key in ("enter_on", "card_ready") else value
        lines.append(f"  {label + ':':<{width + 1}} {shown}")
    lines += _explanation(plan["explanation"], "  ")
    lines.append(f"  {ALTERNATIVES_HEADING}")
    for option in plan["alternatives"]:
        ex = option["explanation"]
        lines.append(f"  - {option['title']} ({ex['confidence']}):")
        lines += [f"      {step}" for step in ex["steps"]]
        lines += [f"      ! {w}" for w in ex["warnings"]]
        for side in option["sides"]:
            lines += [f"      {s['publisher']}: {s['url']}" for s in side["sources"]]
    return lines


def _value(result: dict[str, Any], key: str) -> str:
    value = result.get(key)
    if key == "latest_exit" and value is not None and "days_to_latest_exit" in result:
        return f"{value} ({result['days_to_latest_exit']} more day(s) after {result['on']})"
    if key == "entry_day_number":
        limit = result.get("per_entry_days")
        return "–" if value is None else f"{value}" + (f" of {limit}" if limit else "")
    if key == "days_used":
        return (
            f"{value} of {result['limit']} in the window {result['window_start']} .. {result['on']}"
        )
    if key == "days_left" and result.get("in_country"):
        return f"{value} (the latest exit above may come sooner)"
    if key == "overstay_days":
        return f"{value} over the window's limit, {result.get('entry_overstay_days', 0)} over the per-entry limit"
    if key == "latest_exit" and value is None and "in_country" in result:
        return (
            "– (not in the country on that day)"
            if not result["in_country"]
            else "– (no legal day left)"
        )
    return "–" if value is None else str(value)


def _explanation(explanation: dict[str, Any], indent: str = "") -> list[str]:
    lines = [f"{indent}Why:"] + [f"{indent}  - {step}" for step in explanation["steps"]]
    if explanation["warnings"]:
        lines += [f"{indent}Warnings:"] + [f"{indent}  ! {w}" for w in explanation["warnings"]]
    if explanation["sources"]:
        lines += [
            f"{indent}Sources (verified {explanation['verified']}, {explanation['confidence']}):"
        ]
        lines += [f"{indent}  {s['publisher']}: {s['url']}" for s in explanation["sources"]]
    return lines


def render(action: str, result: dict[str, Any], version: str) -> str:
    """The result as text for a terminal."""
    if action == "meta":
        lines = ["Rule sets:"]
        lines += [f"  {r['id']:<18} {r['title']}" for r in result["stay_rules"]]
        lines += ["Nationalities:"] + [
            f"  {n['code']}  {n['name']:<24} {n['rule_set']}" for n in result["nationalities"]
        ]
        lines += ["Documents with a validity period: " + ", ".join(result["documents"])]
    elif action == "ics":
        return str(result["ics"])
    else:
        width = max(len(label) for label, _ in HEADLINES[action])
        lines = [
            f"{label + ':':<{width + 1}} {_value(result, key)}"
            for label, key in HEADLINES[action]
            if action not in OPTIONAL_HEADLINES or result.get(key) is not None
        ]
        for year in result.get("years", []):
            lines.append(
                f"{year['year']}: {year['days_abroad']} days abroad of {year['limit']}, {year['days_left']} left"
            )
        milestone_warnings = []
        for m in result.get("milestones", []):
            when = (
                m["expected"]
                if m["earliest"] == m["latest"]
                else f"{m['earliest']} .. {m['latest']} (expected {m['expected']})"
            )
            lines.append(f"{'*' if m['known'] else ' '} {m['title']}: {when}")
            milestone_warnings += [f"{m['title']}: {w}" for w in m["explanation"]["warnings"]]
        if result.get("milestones"):
            lines.append("(* = a date you gave)")
        if result.get("reentry"):
            lines += _reentry(result["reentry"])
        result = {**result, "explanation": {**result["explanation"]}}
        result["explanation"]["warnings"] = result["explanation"]["warnings"] + milestone_warnings
        lines += _explanation(result["explanation"])
    lines.append(f"Data version: {version}. Not legal advice: check with the migration service.")
    return "\n".join(lines)
