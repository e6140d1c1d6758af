"""MkDocs hook: what MkDocs and its plugins write, fitted to a site in several languages.

- The ``toc`` extension's permalink title (``Link to this section`` in mkdocs.yml) is one setting
  for every language; on pages of other languages it becomes the catalog's translation
  (mkdocs-static-i18n sets ``theme.language`` for each language it builds).
- Material's own English words that its Russian language file does not cover (the palette
  toggle's "Switch to dark mode" / "Switch to light mode", the footer's "Made with") are put in the
  page's language from the kb catalog.
- On a Russian page the text of the content gets Russian typography
  (:func:`calculator.core.typography.typeset`, the pass the engine's Russian answers get; text in
  ``<code>``, ``<pre>``, ``<script>``, ``<style>`` is left alone), and the notice on a record whose
  translation fell behind (``data-kb-english``, kb/templates/html.jinja) gets the address of the
  same record on the English page.
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

from calculator.core.typography import typeset  # noqa: E402
from kb.i18n import DEFAULT  # noqa: E402
from kb.i18n.language import Language  # noqa: E402


def N_(message: str) -> str:
    return message


PERMALINK_TITLE = N_("Link to this section")  # must equal toc.permalink_title in mkdocs.yml
# Material's words that stay English whatever the page's language (mkdocs.yml's palette names,
# Material's partials/copyright.html)
MATERIAL_WORDS = (N_("Switch to dark mode"), N_("Switch to light mode"))
MADE_WITH = N_("Made with")
TAG = re.compile(r"(<[^>]*>)")
RAW = re.compile(r"<(code|pre|script|style|kbd|samp)\b", re.I)
NUMBER_BEFORE_TAG = re.compile(r"(?<![\w.,-])(\d+) (?=<abbr\b)")  # 4 <abbr>МРП</abbr>
ENGLISH_LINK = re.compile(r'data-kb-english="([^"]*)"')
SWITCHER_LINK = re.compile(r'<a href="[^"]*" hreflang="([a-z]{2})" class="md-select__link"')
HREFLANG_LINK = re.compile(r'<link rel="alternate" href="[^"]*" hreflang="[^"]*">\s*')


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    lang = str(config.theme.get("language") or DEFAULT)
    if lang == DEFAULT:
        return html
    title = config["mdx_configs"].get("toc", {}).get("permalink_title", PERMALINK_TITLE)
    if title == PERMALINK_TITLE:
        translated = Language(lang)._(title)
        html = html.replace(f'title="{title}"', f'title="{translated}"')
    return typeset_html(html) if lang == "ru" else html


def typeset_html(html: str) -> str:
    """Russian typography on the text between the tags (not inside code, pre, script, style)."""
    parts = TAG.split(html)
    raw: list[str] = []  # the raw elements open at this point
    for i, part in enumerate(parts):
        if part.startswith("<"):
            opened = RAW.match(part)
            if opened and not part.endswith("/>"):
                raw.append(opened[1].lower())
            elif raw and part.lower().startswith(f"</{raw[-1]}"):
                raw.pop()
        elif part and not raw:
            parts[i] = typeset(part)
    return NUMBER_BEFORE_TAG.sub("\\1\u00a0", "".join(parts))


def english_href(url: str, lang: str, record_id: str) -> str:
    """The address, from a page of ``lang`` (``ru/guide/``), of the record on the English page."""
    english = url.removeprefix(f"{lang}/")
    return f"{'../' * url.count('/')}{english}#{record_id}"


def theme_words(output: str, lang: str) -> str:
    """A whole page of ``lang`` (not the default): Material's English words in ``lang``, the
    language switcher's English entry marked ``lang="en"``, Russian typography on the text."""
    words = Language(lang)
    for english in MATERIAL_WORDS:
        translated = words._(english)
        output = output.replace(f'"{english}"', f'"{translated}"')
    made_with = re.compile(rf"(\s){MADE_WITH}(\s*<a)")
    translated = words._(MADE_WITH)
    output = made_with.sub(lambda m: m[1] + translated + m[2], output)
    output = SWITCHER_LINK.sub(lambda m: f'{m[0]} lang="{m[1]}"', output)
    return typeset_html(output) if lang == "ru" else output


def on_post_page(output: str, page: Any, config: Any) -> str:
    output = HREFLANG_LINK.sub("", output)
    lang = str(config.theme.get("language") or DEFAULT)
    if lang == DEFAULT:
        return output
    output = theme_words(output, lang)
    return ENGLISH_LINK.sub(
        lambda m: f'href="{english_href(page.url, lang, m[1])}" data-kb-english="{m[1]}"', output
    )
