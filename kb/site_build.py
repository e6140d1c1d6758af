"""MkDocs hook: the site-wide pieces written after the build.

- **The public address.** ``site_url`` comes from ``KB_SITE_URL`` (mkdocs.yml). Without it MkDocs
  would write a sitemap of relative addresses, which search engines reject: the sitemap is removed,
  and pages carry no canonical link (mkdocs-material omits it when there is no ``site_url``).
- **Offline guide.** ``sw.js`` at the site root gets the list of every guide page (not the
  calculator's) and the theme files they load, and a version hashed from those files, so a new
  build installs a new service worker (see docs/sw.js and docs/assets/site/offline.js). It runs
  after every language is built, so the Russian pages (``/ru/``) are stored too.
- **Not-found page per language.** mkdocs-static-i18n builds every language into the same folder,
  so the last language built would overwrite ``404.html``: the site's default language keeps
  ``404.html`` and each other language gets ``<lang>/404.html`` (hosts such as Cloudflare Pages
  serve the nearest one; the service worker does the same offline). Its words come from kb.po
  (``NOT_FOUND``, shown by overrides/404.html).
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from pathlib import Path
from typing import Any

from mkdocs.plugins import event_priority

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # MkDocs loads hooks by path; kb/ is not an installed package
    sys.path.insert(0, str(ROOT))

from kb.i18n import DEFAULT, build_language, site_prefix  # noqa: E402
from kb.i18n.language import Language  # noqa: E402
from kb.page_language import theme_words  # noqa: E402
from kb.render_common import N_  # noqa: E402

# The not-found page's words (overrides/404.html), in the language being built
NOT_FOUND = {
    "title": N_("Page not found"),
    "text": N_("Nothing is published at this address. Start from the home page or use the search."),
    "home": N_("Home page"),
}

# The pages that run the engine and their files, in every language (``calculator/``,
# ``ru/calculator/``, the personal plan's ``plan/``, ``ru/plan/`` …): each has its own service worker
CALCULATOR = re.compile(
    r"^(?:[a-z]{2}/)?(?:calculator|plan|bench-bare(?:-restore|-worker)?)/|^assets/(?:calculator|plan)/"
)
ASSET = re.compile(r'(?:src|href)="([^"#?]+)(?:\?[^"#]*)?"')


def _resolve(page_dir: str, url: str) -> str | None:
    """A site-relative path for a page-relative ``url`` (None for other origins)."""
    if re.match(r"^[a-z]+:|^//", url):
        return None
    if url.startswith("/"):  # the not-found pages link from the root (any address may show them)
        page_dir, url = "", url[1:]
    parts: list[str] = [p for p in page_dir.split("/") if p]
    for part in url.split("/"):
        if part == "..":
            if not parts:
                return None
            parts.pop()
        elif part not in ("", "."):
            parts.append(part)
    return "/".join(parts)


LANGUAGE_DIR = re.compile(r"^([a-z]{2})/")
SHARED = ""  # the key of the theme files every language's pages load


def guide_files(site: Path, default: str = DEFAULT) -> dict[str, list[str]]:
    """Site-relative URLs to store for offline reading: ``{"": theme files, "en": pages, "ru": …}``.

    Pages are grouped by language (``ru/…`` is Russian, the rest the default language); the local
    files they load (CSS, JS, images) are shared. Each language also stores what its search needs
    (:func:`search_files`), so search works offline without having been used online."""
    found: dict[str, dict[str, None]] = {SHARED: {}}
    for html in sorted(site.rglob("*.html")):
        rel = html.relative_to(site).as_posix()
        if CALCULATOR.match(rel) or rel.startswith("assets/"):
            continue
        lang = LANGUAGE_DIR.match(rel)
        found.setdefault(lang.group(1) if lang else default, {})[rel.removesuffix("index.html")] = (
            None
        )
        page_dir = rel.rsplit("/", 1)[0] if "/" in rel else ""
        for url in ASSET.findall(html.read_text(encoding="utf-8")):
            path = _resolve(page_dir, url)
            if path is None or CALCULATOR.match(path):
                continue
            if re.search(r"\.(css|js|svg|png|ico|webmanifest)$", path) and (site / path).is_file():
                found[SHARED][path] = None
    for path in ("search/search_index.json",):  # fetched by every page at load (settings only)
        found[SHARED][path] = None
    for lang, files in found.items():  # the search worker each language's pages start
        if lang != SHARED:
            files[f"assets/javascripts/workers/kb-search.js?lang={lang}"] = None
            files.update(dict.fromkeys(search_files(site, lang)))
    return {lang: list(files) for lang, files in found.items()}


def search_files(site: Path, lang: str) -> list[str]:
    """What search needs offline in ``lang``: its index (``search/<lang>.json``, kb/search_build.py),
    mkdocs-material's worker and the lunr files it imports for the site's languages."""
    workers = site / "assets" / "javascripts" / "workers"
    lunr = site / "assets" / "javascripts" / "lunr" / "min"
    names = ["lunr.stemmer.support.min.js", "lunr.multi.min.js"]
    languages = [d.name for d in sorted(site.iterdir()) if LANGUAGE_DIR.match(d.name + "/")]
    names += [f"lunr.{code}.min.js" for code in languages]
    found = [p.relative_to(site).as_posix() for p in sorted(workers.glob("search.*.min.js"))]
    found += [f"assets/javascripts/lunr/min/{n}" for n in names if (lunr / n).is_file()]
    # the index is written after this hook (kb/search_build.py runs later in the same build)
    return [f"search/{lang}.json"] + [path for path in found if (site / path).is_file()]


def write_service_worker(site: Path) -> None:
    sw = site / "sw.js"
    if not sw.is_file():
        return
    files = guide_files(site)
    digest = hashlib.sha256()
    for path in (p for group in files.values() for p in group):
        target = site / (path + "index.html" if path.endswith("/") or not path else path)
        digest.update(path.encode())
        if target.is_file():
            digest.update(target.read_bytes())
    text = sw.read_text(encoding="utf-8")
    text = text.replace(
        'const VERSION = "dev";', f'const VERSION = "{digest.hexdigest()[:12]}";', 1
    )
    text = text.replace("const PRECACHE = {};", f"const PRECACHE = {json.dumps(files)};", 1)
    sw.write_text(text, encoding="utf-8")


# The offline notice's words (overrides/404.html, shown by docs/assets/site/offline-notice.js)
OFFLINE = {
    "title": N_("You are offline"),
    "text": N_("This page is not stored on this device yet. It opens once you are online again."),
    "calculator": N_(
        "The calculator works offline only after one visit online: open it once while connected."
    ),
    "stored": N_("Stored on this device"),
    "none": N_("No page is stored yet: open the guide once while connected."),
}

# The words of the tools beside each step, stage and checklist (docs/assets/site/step-tools.js,
# passed as data-* attributes of its script tag by overrides/main.html)
STEP_TOOLS = {
    "copy": N_("Copy link"),
    "copied": N_("Link copied."),
    "copy_by_hand": N_("Copy the selected link."),
    "link_label": N_("Link to this part of the page"),
    "print_step": N_("Print this step"),
    "print_stage": N_("Print this stage"),
    "print_checklist": N_("Print this checklist"),
    "tick": N_("Done"),
}


def on_config(config: Any) -> Any:
    lang = Language(build_language(config))
    config.extra["not_found"] = {key: lang.pick(NOT_FOUND, key) for key in NOT_FOUND}
    config.extra["offline"] = {key: lang.pick(OFFLINE, key) for key in OFFLINE}
    config.extra["step_tools"] = {
        key.replace("_", "-"): lang.pick(STEP_TOOLS, key) for key in STEP_TOOLS
    }
    return config


_DEFAULT_404: list[str] = []  # the default language's 404 page, rendered first


def on_post_template(output: str, template_name: str, config: Any) -> str:
    if template_name != "404.html":
        return output
    lang = build_language(config)
    if lang == DEFAULT:
        _DEFAULT_404[:] = [output]
        return output
    target = Path(config["site_dir"]) / site_prefix(lang) / "404.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(theme_words(output, lang), encoding="utf-8")
    return _DEFAULT_404[0] if _DEFAULT_404 else output


@event_priority(-150)  # after mkdocs-static-i18n (-100) has built the other languages' pages
def on_post_build(config: Any, **_: Any) -> None:
    site = Path(config["site_dir"])
    if not config.get("site_url"):
        for name in ("sitemap.xml", "sitemap.xml.gz"):
            (site / name).unlink(missing_ok=True)
    write_service_worker(site)
