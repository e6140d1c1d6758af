"""``python -m kb.i18n status|stamp|extract [--lang ru]``: the state of the translations.

``status`` lists missing translations (the build fails on them), out-of-date ones (the English
changed since) and entries that match no English text; it exits 1 when something is missing.
``stamp`` records that the translations were reviewed against the current English: it rewrites
``data/i18n/<lang>/*.yaml`` in data order with fresh hashes (run it only after reviewing).
``extract`` collects the interface words of ``kb/*.py`` into ``kb/locale/<lang>/LC_MESSAGES/kb.po``
(new messages get an empty ``msgstr`` to fill in) and lists the ones still untranslated.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

from babel import Locale, UnknownLocaleError

from kb.i18n import catalogs, store
from kzdata.errors import DataError
from kzdata.load import DATA_DIR, load_all
from kzdata.schema import validate


def languages(data_dir: Path) -> list[str]:
    return sorted(p.name for p in (data_dir / "i18n").iterdir() if p.is_dir())


def language_code(value: str) -> str:
    """A language code Babel knows (``ru``, ``kk``): the name of a folder, never a path."""
    try:
        if re.fullmatch(r"[a-z]{2,3}", value) and Locale.parse(value):
            return value
    except (UnknownLocaleError, ValueError):
        pass
    raise argparse.ArgumentTypeError(
        f"{value[:32]!r} is not a language code such as ru or kk (two or three lower-case letters "
        "that CLDR knows)"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kb.i18n", description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=("status", "stamp", "extract"))
    parser.add_argument(
        "--lang", type=language_code, help="one language (default: every folder in data/i18n/)"
    )
    args = parser.parse_args(argv)
    try:
        return run(args)
    except DataError as error:  # one line naming file, record and field; no traceback
        print(f"error: {error}", file=sys.stderr)
        return 1


def run(args: argparse.Namespace) -> int:
    if args.command == "extract":
        return extract([args.lang] if args.lang else catalogs.languages())
    data_dir = Path(os.environ.get("KB_DATA_DIR", DATA_DIR))
    data = load_all(data_dir)
    validate(data)
    failed = False
    for lang in [args.lang] if args.lang else languages(data_dir):
        translations = store.load(data_dir, lang)
        if args.command == "stamp":
            for file, text in store.stamped(data, translations).items():
                path = store.folder(data_dir, lang) / f"{file}.yaml"
                path.write_text(store.header(lang, file) + text, encoding="utf-8")
            translations = store.load(data_dir, lang)
        report = store.check(data, translations, lang)
        for title, lines in (
            ("missing (the build fails)", report.missing),
            ("out of date (English changed; review, then stamp)", report.stale),
            ("matching no English text (stamp drops them)", report.unused),
        ):
            if lines:
                print(f"{lang}: {len(lines)} {title}:\n  " + "\n  ".join(lines))
        if not (report.missing or report.stale or report.unused):
            print(f"{lang}: every text translated and up to date")
        failed = failed or bool(report.missing)
    return 1 if failed else 0


def extract(languages: list[str]) -> int:
    missing = []
    for lang in languages:
        catalogs.update(lang)
        missing += catalogs.problems(lang)
    print("\n".join(missing) or "every interface message is translated")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
