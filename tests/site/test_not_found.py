"""The not-found page in each language (kb/site_build.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.site


def test_each_language_keeps_its_not_found_page(built_site: Path) -> None:
    """The last language built used to overwrite 404.html: English readers got a Russian page."""
    english = (built_site / "404.html").read_text(encoding="utf-8")
    russian = (built_site / "ru" / "404.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in english and '<html lang="ru"' in russian
