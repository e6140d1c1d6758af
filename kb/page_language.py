"""MkDocs hook: what MkDocs and its plugins write, fitted to a site in several languages.

- The ``toc`` extension's permalink title (``Link to this section`` in mkdocs.yml) is one setting
  for every language; on pages of other languages it becomes the catalog's translation
  (mkdocs-static-i18n sets ``theme.language`` for each language it builds).
- The ``<link rel="alternate" hreflang>`` tags Material writes for mkdocs-static-i18n's languages
  are removed: they are relative (search engines want absolute ones) and Material's script
  fetches ``sitemap.xml`` next to each of them (``/ru/guide/sitemap.xml``), two failed requests
  on every page view. Search engines get the pairs from the sitemap instead (written with absolute
  hreflang links when ``KB_SITE_URL`` is set); the language switcher's links (``<a hreflang>``)
  stay, and docs/assets/site/language-switch.js does what Material used the sitemaps for.

The search index is split by language (and written as UTF-8) by kb/search_build.py.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

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


HREFLANG_LINK = re.compile(r'<link rel="alternate" href="[^"]*" hreflang="[^"]*">\s*')


def on_post_page(output: str, page: Any, config: Any) -> str:
    return HREFLANG_LINK.sub("", output)
