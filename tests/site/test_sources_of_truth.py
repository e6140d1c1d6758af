"""Facts flow one way: the guide's Markdown holds prose and macro calls, never a number."""

from __future__ import annotations

import re
from pathlib import Path

DOCS = Path(__file__).resolve().parents[2] / "docs"
NAMES = re.compile(r"\bB\d+(-\d+)?\b")  # visa category names such as B12-1 are names, not facts


def test_no_number_is_typed_into_a_guide_page() -> None:
    pages = [p for p in DOCS.glob("*.md")]
    assert len(pages) >= 10
    for page in pages:
        for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), start=1):
            prose = NAMES.sub("", line)
            assert not re.search(r"\d", prose), (
                f"{page.name}:{number}: put the number in data/ and use a macro: {line}"
            )
