"""Interface text in the asker's language, with the stdlib ``gettext`` (it runs in Pyodide too).

Conventions:
- A message id is the English text; English needs no catalog (gettext hands the id back).
- Placeholders are named and filled after translation, so a translator may move them:
  ``_("Issued {date}").format(date=...)``. Extraction (``make catalog``) sees only literal text.
- The language is chosen per request: ``with language("ru"): ...`` (a ``ContextVar``; English by
  default). Every message, including error messages, is translated when it is made.
- Catalogs are ``calculator/locale/<lang>/LC_MESSAGES/calculator.mo``, compiled from the committed
  ``.po`` by ``python -m kb.i18n_catalogs`` (never committed). The compiler adds what CLDR knows
  (through Babel, at build time only): the Plural-Forms, the month names as they follow a day, in
  the genitive (``msgctxt "month"``, keyed by the English abbreviation, and ``"month-full"``, keyed
  by the full English name), the weekday abbreviations (``"weekday"``) and the names of the listed
  countries (``"country"``, keyed by ISO code). Nothing else of CLDR is shipped.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date
from functools import cache
from pathlib import Path
from typing import Protocol

LANGUAGES = ("en", "ru")
DEFAULT = "en"
DOMAIN = "calculator"
LOCALE_DIR = Path(__file__).resolve().parents[1] / "locale"

# Keys of the CLDR-generated entries; they are also the English words.
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
MONTHS_FULL = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
MONTH, MONTH_FULL, WEEKDAY, COUNTRY = "month", "month-full", "weekday", "country"

_current: ContextVar[str] = ContextVar("calculator_language", default=DEFAULT)


class Catalog(Protocol):
    """What the engine asks of a catalog (the methods of :class:`gettext.NullTranslations`)."""

    def gettext(self, message: str, /) -> str: ...
    def ngettext(self, singular: str, plural: str, n: int, /) -> str: ...
    def pgettext(self, context: str, message: str, /) -> str: ...


class English:
    """English needs no catalog: every message id is its English text (as gettext's
    ``NullTranslations``, without importing ``gettext``: in the browser each import compiles
    Python source before the first answer, and English is the default)."""

    def gettext(self, message: str, /) -> str:
        return message

    def ngettext(self, singular: str, plural: str, n: int, /) -> str:
        return singular if n == 1 else plural

    def pgettext(self, context: str, message: str, /) -> str:
        return message


@cache
def translations(lang: str) -> Catalog:
    """The compiled catalog of ``lang`` (English: none needed)."""
    if lang == DEFAULT:
        return English()
    import gettext  # only for a translated language (see English)

    try:
        return gettext.translation(DOMAIN, LOCALE_DIR, languages=[lang])
    except OSError:
        raise RuntimeError(
            f"the {lang} catalog is not compiled into {LOCALE_DIR}: run `python -m kb.i18n_catalogs`"
        ) from None


def current() -> str:
    """The language of the request being answered."""
    return _current.get()


@contextmanager
def language(lang: str) -> Iterator[str]:
    """Answer in ``lang`` inside the block (the catalog is loaded once). Requests check ``lang``
    first (:func:`calculator.requests.opt_lang`); anything else here is a bug."""
    if lang not in LANGUAGES:
        raise ValueError(f"not a language of the calculator: {lang!r}")
    translations(lang)
    token = _current.set(lang)
    try:
        yield lang
    finally:
        _current.reset(token)


def _(message: str) -> str:
    """``message`` in the current language."""
    return translations(_current.get()).gettext(message)


def N_(message: str) -> str:
    """Mark ``message`` for the catalog where it is defined; translate it with :func:`_` where used."""
    return message


def N_plural(singular: str, plural: str) -> tuple[str, str]:
    """Mark a singular and plural pair for the catalog (for messages another module looks up)."""
    return singular, plural


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form for ``n`` (Russian has three: 1 день, 2 дня, 5 дней); fill ``{n}`` after."""
    return translations(_current.get()).ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """``message`` in a context (``month``, ``weekday``, ``country``, ``date``)."""
    return translations(_current.get()).pgettext(context, message)


def country(code: str, english: str) -> str:
    """A country's name from CLDR (ISO code), or the data's English name."""
    name = pgettext(COUNTRY, code)
    return english if name == code else name


def human(day: date, weekday: bool = True) -> str:
    """A date in words: ``Sun 1 Jun 2025`` / ``вс, 1 июня 2025`` (without ``weekday``:
    ``1 Jun 2025`` / ``1 июня 2025``)."""
    month = pgettext(MONTH, MONTHS[day.month - 1])
    if not weekday:
        # TRANSLATORS: a date without its weekday; month is the month name as it follows a day
        pattern = pgettext("date", "{day} {month} {year}")
        return pattern.format(day=day.day, month=month, year=day.year)
    # TRANSLATORS: a date with its abbreviated weekday, e.g. "Sun 1 Jun 2025"
    pattern = pgettext("date", "{weekday} {day} {month} {year}")
    name = pgettext(WEEKDAY, WEEKDAYS[day.weekday()])
    return pattern.format(weekday=name, day=day.day, month=month, year=day.year)


def day_month_year(day: int, month: int, year: int) -> str:
    """A date in words from its parts, which need not make a real date: ``30 February 2025`` /
    ``30 февраля 2025`` (for messages about impossible dates)."""
    name = pgettext(MONTH_FULL, MONTHS_FULL[month - 1])
    return pgettext("date", "{day} {month} {year}").format(day=day, month=name, year=year)


def days(n: int) -> str:
    """``1 day`` / ``2 days``; ``1 день`` / ``2 дня`` / ``5 дней``."""
    return ngettext("{n} day", "{n} days", n).format(n=n)
