"""Every page in every language: ``docs/<page>.md`` needs ``docs/<page>.<lang>.md``.

mkdocs-static-i18n runs with ``fallback_to_default: false`` (mkdocs.yml), and then simply leaves
out a page that has no translation: the build would succeed without ``/ru/glossary/``. The site's
build (:func:`kb.macros.check_translations`) fails instead, naming the missing files.
"""

from __future__ import annotations

from pathlib import Path


def missing_pages(docs_dir: Path, languages: list[str], default: str) -> list[str]:
    """``docs/<page>.<lang>.md`` files (paths from the project folder) that do not exist, for every
    English page (``docs/<page>.md``) and every language other than ``default``."""
    others = [lang for lang in languages if lang != default]
    suffixes = tuple(f".{lang}.md" for lang in languages)
    missing = []
    for page in sorted(docs_dir.rglob("*.md")):
        if page.name.endswith(suffixes):
            continue
        for lang in others:
            wanted = page.with_name(page.name.removesuffix(".md") + f".{lang}.md")
            if not wanted.is_file():
                missing.append(f"{docs_dir.name}/{wanted.relative_to(docs_dir).as_posix()}")
    return missing
