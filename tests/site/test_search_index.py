"""Search in the built site: the page fetches settings only; each language's documents live in
their own file, written as UTF-8; every page names the site's worker with its own language."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from kb.search_build import material_worker, split_by_language

pytestmark = pytest.mark.site


def test_split_by_language_puts_each_document_under_its_language() -> None:
    index = {
        "config": {"lang": ["en", "ru"]},
        "docs": [
            {"location": ""},
            {"location": "guide/#x"},
            {"location": "ru/"},
            {"location": "ru/guide/#x"},
            {"location": "rules/"},  # starts with "ru" but is not under ru/
        ],
    }
    parts = split_by_language(index, ["en", "ru"])
    assert [d["location"] for d in parts["en"]["docs"]] == ["", "guide/#x", "rules/"]
    assert [d["location"] for d in parts["ru"]["docs"]] == ["ru/", "ru/guide/#x"]
    assert parts["ru"]["config"] == index["config"]


def test_material_worker_is_found_in_the_theme() -> None:
    import material

    theme = Path(material.__file__).parent / "templates"
    path = material_worker([str(theme)])
    assert re.fullmatch(r"assets/javascripts/workers/search\.[0-9a-f]+\.min\.js", path)
    with pytest.raises(LookupError):
        material_worker([str(theme / "partials")])


def test_the_page_fetches_settings_only(built_site: Path) -> None:
    stub = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert stub["docs"] == []
    assert stub["config"]["lang"] == ["en", "ru"]


def test_each_language_has_its_documents(built_site: Path) -> None:
    en = json.loads((built_site / "search" / "en.json").read_text(encoding="utf-8"))
    ru = json.loads((built_site / "search" / "ru.json").read_text(encoding="utf-8"))
    en_pages = {d["location"] for d in en["docs"] if "#" not in d["location"]}
    ru_pages = {d["location"] for d in ru["docs"] if "#" not in d["location"]}
    assert "guide/" in en_pages and "ru/guide/" in ru_pages
    assert not any(p.startswith("ru/") for p in en_pages)
    assert all(p.startswith("ru/") for p in ru_pages)
    assert {"ru/" + p for p in en_pages} == ru_pages  # every page in both languages
    text = (built_site / "search" / "ru.json").read_text(encoding="utf-8")
    assert "\\u04" not in text and "справк" in text  # UTF-8, not six-byte escapes


def test_every_page_names_the_site_worker_with_its_language(built_site: Path) -> None:
    worker = built_site / "assets" / "javascripts" / "workers" / "kb-search.js"
    name = re.search(r'^const MATERIAL = "([^"]+)";', worker.read_text(encoding="utf-8"), re.M)
    assert name and (worker.parent / name.group(1)).is_file()
    for html in built_site.rglob("*.html"):
        rel = html.relative_to(built_site).as_posix()
        if rel.startswith("assets/") or rel.startswith("bench-bare/"):
            continue
        text = html.read_text(encoding="utf-8")
        found = re.search(r'"search": "([^"]+)"', text)
        assert found, rel
        lang = "ru" if rel.startswith("ru/") else "en"
        assert found.group(1).endswith(f"assets/javascripts/workers/kb-search.js?lang={lang}"), rel

