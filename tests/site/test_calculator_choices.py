"""The calculator page carries its option lists in its HTML, equal to what the engine's `meta`
action returns, so the form can be filled before Python has started in the browser."""

from __future__ import annotations

import json
import re
from pathlib import Path

from calculator import bridge


def _options(html: str, name: str) -> list[tuple[str, str]]:
    found = re.search(rf'<select data-choices="{name}">(.*?)</select>', html, re.S)
    assert found, f"no {name} list in the calculator page"
    return re.findall(r'<option value="([^"]*)">([^<]*)</option>', found.group(1))


def test_choices_in_the_page_match_the_engines_meta(built_site: Path, rules: dict) -> None:
    html = (built_site / "calculator" / "index.html").read_text(encoding="utf-8")
    bridge.load(json.dumps(rules))
    meta = json.loads(bridge.handle(json.dumps({"action": "meta"})))["result"]
    nationalities = _options(html, "nationality")
    assert [code for code, _ in nationalities] == [n["code"] for n in meta["nationalities"]]
    assert ("NL", "Netherlands (NL)") in nationalities
    assert [rid for rid, _ in _options(html, "rule")] == [r["id"] for r in meta["stay_rules"]]
    assert [d for d, _ in _options(html, "document")] == meta["documents"]
    assert ("police_certificate", "Police clearance certificate") in _options(html, "document")
    assert f'data-data-version="{rules["version"]}"' in html
