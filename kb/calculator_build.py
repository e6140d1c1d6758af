"""MkDocs hook: put the browser calculator's runtime files into the built site.

What it writes under ``<site>/assets/calculator/`` (nothing of it is committed):

- ``vendor/pyodide-<version>/``: the five files Pyodide needs to boot, copied from the npm pin in
  ``node_modules/pyodide`` (no CDN);
- ``build/<key>/rules.json``: the rule data exported from ``data/`` (:func:`kzdata.export.rules_dict`);
- ``build/<key>/<wheel>``: the engine (``calculator/`` only) as the browser needs it
  (:mod:`kb.engine_wheel`), with its compiled message catalogs;
- ``build/<key>/i18n/<lang>.json``: the calculator page's words in each translated language, from
  ``kb/locale/<lang>/LC_MESSAGES/calculator_page.po`` (:func:`kb.i18n_catalogs.page_catalog`);
- ``build/<key>/python_stdlib.zip``: the standard library the browser's Python boots from, reduced to
  what Pyodide's boot and the engine import (:mod:`kb.stdlib_zip`; ~0.8 MB instead of 2.5 MB), and
  ``build/<key>/pyodide-lock.json``: Pyodide's lock file without its packages (none is loaded);
  the full zip stays in ``vendor/`` for the fallback, off the service worker's pre-cache;
- ``build/<key>/manifest.json``: those URLs plus every file the calculator pages need, which the
  service worker pre-caches so the page works offline after one visit.

Each language's calculator page has its own service worker and Web Worker beside it
(``calculator/sw.js``, ``ru/calculator/sw.js`` …, copied from ``docs/calculator/``): a service
worker only controls pages (and dedicated workers) under its own folder, so the one in
``calculator/`` cannot serve ``ru/calculator/`` offline. Pages get the language's service worker
as ``config.extra.calculator.sw``. The personal plan (``plan/``, ``ru/plan/``) runs the same engine
and gets the same two files beside it (``PYODIDE_PAGES``; ``config.extra.calculator.sw_plan``); its
page files (``docs/assets/plan/``) are in the manifest and the build key too.

``<key>`` is the data version and a hash of the engine's sources: a new build gets new URLs, so
browsers never mix an old engine with new data. Pages get the key as ``config.extra.calculator``.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # MkDocs loads hooks by path; kb/ is not an installed package
    sys.path.insert(0, str(ROOT))

from calculator.rules.rulebook import RuleBook  # noqa: E402
from kb.engine_wheel import build_wheel, wheel_name  # noqa: E402
from kb.i18n import DEFAULT, build_language, site_prefix  # noqa: E402
from kb.i18n_catalogs import TRANSLATED, compile_all, format_errors, page_catalog  # noqa: E402
from kb.stdlib_zip import build as build_stdlib  # noqa: E402
from kzdata.errors import DataError  # noqa: E402
from kzdata.export import rules_dict  # noqa: E402

ENGINE = ROOT / "calculator"
PAGE_FILES = ROOT / "docs" / "assets" / "calculator"
PYODIDE = ROOT / "node_modules" / "pyodide"
PYODIDE_FILES = (
    "pyodide.mjs",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
    "pyodide-lock.json",
)
CALCULATOR_FILES = ("sw.js", "worker.js")  # docs/calculator/: beside each language's page
PYODIDE_PAGES = ("calculator", "plan")  # pages that run the engine: each gets its own copies
PLAN_FILES = ROOT / "docs" / "assets" / "plan"  # the personal plan's own JS and CSS
_state: dict[str, Any] = {}


def pyodide_version() -> str:
    package = PYODIDE / "package.json"
    missing = [name for name in PYODIDE_FILES if not (PYODIDE / name).is_file()]
    if not package.is_file() or missing:
        raise PluginError(
            f"Pyodide is missing from {PYODIDE} ({', '.join(missing) or 'package.json'}): "
            "run `make install` (npm ci) first."
        )
    return str(json.loads(package.read_text(encoding="utf-8"))["version"])


def code_digest() -> str:
    """A short hash of the engine's sources and the calculator page's own files."""
    digest = hashlib.sha256()
    files = [
        *ENGINE.rglob("*.py"),
        *ENGINE.rglob("*.po"),
        *(ROOT / "kb" / "locale").rglob("calculator_page.po"),
        *PAGE_FILES.rglob("*.*"),
        *(ROOT / "docs" / "calculator").glob("*"),
        *PLAN_FILES.glob("*.*"),
        *(ROOT / "kb").glob("stdlib_*"),  # the reduced stdlib is versioned with the build
        PYODIDE / "package.json",
    ]
    for path in sorted(p for p in files if p.is_file() and "__pycache__" not in p.parts):
        digest.update(path.relative_to(ROOT).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:10]


def engine_loads(rules: dict[str, Any]) -> None:
    """The engine builds its rule book from the data in every language, or the build stops in
    one line. The schema (kzdata) refuses bad data first, naming file, record and field; this is
    the net under it (a gap in the schema), so no page is built on data the engine cannot use."""
    try:
        book = RuleBook.from_dict(rules)
        for lang in TRANSLATED:
            book.localized(lang)
    except Exception as error:
        what = " ".join(str(error).split())[:200]
        raise PluginError(
            f"data/: the engine cannot load the rule data ({type(error).__name__}: {what}); "
            "kzdata's schema should have named the record, please report it"
        ) from None


def page_modules() -> list[str]:
    """The calculator page's JS modules and CSS (site-relative), for the service worker."""
    return sorted(f"assets/calculator/{p.name}" for p in PAGE_FILES.glob("*.js")) + sorted(
        f"assets/plan/{p.name}" for p in PLAN_FILES.glob("*.*")
    )


def on_config(config: Any, **_: Any) -> Any:
    problems = format_errors()  # a {datum} for {date} would crash the engine in that language
    if problems:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise PluginError(f"{problems[0]}{more}; see python -m kb.i18n_catalogs check")
    compile_all()  # the engine's .mo catalogs go into the wheel
    try:
        rules = rules_dict()
    except DataError as error:
        raise PluginError(str(error)) from None
    engine_loads(rules)
    version = pyodide_version()
    data_version = str(rules["version"])
    key = re.sub(r"[^0-9A-Za-z.-]", "-", f"{data_version}-{code_digest()}")
    _state.update(rules=rules, key=key, pyodide=version, wheel=wheel_name())
    config.extra["calculator"] = {
        "key": key,
        "wheel": _state["wheel"],
        "data_version": data_version,
        "pyodide": version,
        "sw": site_prefix(build_language(config)) + "calculator/sw.js",
        "sw_plan": site_prefix(build_language(config)) + "plan/sw.js",  # the personal plan's
    }
    return config


def _local_assets(html: str, page_dir: str = "calculator") -> list[str]:
    """Site-relative paths of the scripts, styles and icons a built page (in ``page_dir``) loads."""
    found = []
    for url, query in re.findall(r'(?:src|href)="([^"#?]+)(\?[^"#]*)?"', html):
        if re.match(r"^[a-z]+:|^//", url) or not re.search(r"\.(css|js|mjs|svg|png|ico)$", url):
            continue
        path = (Path(page_dir) / url).as_posix()
        parts: list[str] = []
        for part in path.split("/"):
            if part == "..":
                parts.pop()
            elif part not in ("", "."):
                parts.append(part)
        found.append("/".join(parts) + query.replace("&amp;", "&"))
    return sorted(set(found))


def unique(*paths: str) -> list[str]:
    """Paths in order without repeats (Cache.addAll rejects a list with duplicates)."""
    return list(dict.fromkeys(paths))


def calculator_pages(config: Any) -> list[str]:
    """The calculator page's folder in every language built (``calculator``, ``ru/calculator``)."""
    plugin = config.plugins.get("i18n")
    languages = [lang.locale for lang in plugin.config.languages] if plugin else [DEFAULT]
    return [site_prefix(lang) + page for lang in languages for page in PYODIDE_PAGES]


def on_post_build(config: Any, **_: Any) -> None:
    site = Path(config["site_dir"])
    for page in PYODIDE_PAGES:
        here = site / site_prefix(build_language(config)) / page
        if here != site / "calculator":  # MkDocs copied them to calculator/ for the first language
            here.mkdir(parents=True, exist_ok=True)
            for name in CALCULATOR_FILES:
                shutil.copyfile(Path(config["docs_dir"], "calculator", name), here / name)
    key, version = _state["key"], _state["pyodide"]
    assets = site / "assets" / "calculator"
    vendor = assets / "vendor" / f"pyodide-{version}"
    vendor.mkdir(parents=True, exist_ok=True)
    for name in PYODIDE_FILES:
        source, target = PYODIDE / name, vendor / name
        if not target.exists() or target.stat().st_size != source.stat().st_size:
            shutil.copyfile(source, target)

    build = assets / "build" / key
    build.mkdir(parents=True, exist_ok=True)
    (build / "rules.json").write_text(
        json.dumps(_state["rules"], ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
    )
    with tempfile.TemporaryDirectory() as tmp:
        wheel = build_wheel(Path(tmp))
        if wheel.name != _state["wheel"]:
            raise PluginError(f"expected the wheel {_state['wheel']}, the build made {wheel.name}")
        shutil.copyfile(wheel, build / wheel.name)

    # issue 21: the reduced stdlib and a lock file without packages, beside the wheel (same key)
    if not (build / "python_stdlib.zip").exists():  # each language's build reaches here
        build_stdlib(build / "python_stdlib.zip")
    lock = json.loads((PYODIDE / "pyodide-lock.json").read_text(encoding="utf-8"))
    (build / "pyodide-lock.json").write_text(
        json.dumps({"info": lock["info"], "packages": {}}), encoding="utf-8"
    )

    catalogs = []  # the page's words per language (the engine's are in the wheel)
    (build / "i18n").mkdir(exist_ok=True)
    for lang in TRANSLATED:
        (build / "i18n" / f"{lang}.json").write_text(
            json.dumps(page_catalog(lang), ensure_ascii=False, separators=(",", ":")),
            encoding="utf-8",
        )
        catalogs.append(f"assets/calculator/build/{key}/i18n/{lang}.json")

    base = f"assets/calculator/build/{key}/"
    # the full stdlib and lock file are not pre-cached: the worker boots from the build's own
    runtime = [
        f"assets/calculator/vendor/pyodide-{version}/{n}"
        for n in PYODIDE_FILES
        if n not in ("python_stdlib.zip", "pyodide-lock.json")
    ]
    page_assets = []  # every language's page (the last language's build writes the full list)
    for folder in calculator_pages(config):
        page = site / folder / "index.html"
        if page.exists():
            page_assets += _local_assets(page.read_text(encoding="utf-8"), folder)
    manifest = {
        "key": key,
        "data_version": _state["rules"]["version"],
        "pyodide": version,
        "pyodide_url": f"assets/calculator/vendor/pyodide-{version}/",
        "wheel": base + wheel.name,
        "rules": base + "rules.json",
        # each language's sw.js adds its own page and worker.js (see docs/calculator/sw.js)
        "precache": unique(
            *sorted(set(page_assets)),
            *page_modules(),
            *runtime,
            base + wheel.name,
            base + "rules.json",
            base + "python_stdlib.zip",
            base + "pyodide-lock.json",
            *catalogs,
        ),
    }
    (build / "manifest.json").write_text(json.dumps(manifest, indent=1), encoding="utf-8")
