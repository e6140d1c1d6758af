"""MkDocs hook: what MkDocs and its plugins write, fitted to a site in several languages.

- The ``toc`` extension's permalink title (``Link to this section`` in mkdocs.yml) is one setting
  for every language; on pages of other languages it becomes the catalog's translation
  (mkdocs-static-i18n sets ``theme.language`` for each language it builds).
- The search index holds every language and is written with ``\\uXXXX`` escapes, six bytes for each
  Cyrillic letter; it is rewritten as UTF-8 (the same JSON, about 13% smaller gzipped), after
  mkdocs-static-i18n has merged the languages into it.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from mkdocs.plugins import event_priority

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # MkDocs loads hooks by path; kb/ is not an installed package
    sys.path.insert(0, str(ROOT))

from kb.i18n import DEFAULT  # noqa: E402
from kb.i18n.language import Language  # noqa: E402


def N_(message: str) -> str:
    return message


PERMALINK_TITLE = N_("Link to this section")  # must equal toc.permalink_title in mkdocs.yml


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    lang = str(config.theme.get("language") or DEFAULT)
    title = config["mdx_configs"].get("toc", {}).get("permalink_title", PERMALINK_TITLE)
    if lang == DEFAULT or title != PERMALINK_TITLE:
        return html
    translated = Language(lang)._(title)
    return html.replace(f'title="{title}"', f'title="{translated}"')


@event_priority(-200)  # after mkdocs-static-i18n (-100) writes the merged index
def on_post_build(config: Any) -> None:
    index = Path(config.site_dir) / "search" / "search_index.json"
    if index.is_file():
        data = json.loads(index.read_text(encoding="utf-8"))
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        index.write_text(text, encoding="utf-8")
