"""A translation keeps the English's format (kb/i18n/formats.py): curated catalog examples of a
translator's typo that would crash or garble the answer, each with the line it must produce, and
the real catalogs without a problem."""

from __future__ import annotations

from pathlib import Path

import pytest

from kb.i18n.formats import format_problems
from kb.i18n_catalogs import format_errors

HEADER = """msgid ""
msgstr ""
"Language: ru\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\\n"

"""

# (name, the entry as it stands in the .po, the problem it must report; None: no problem)
EXAMPLES = [
    (
        "unknown_placeholder",
        'msgid "Issued {date}"\nmsgstr "Выдан {datum}"\n',
        "'Issued {date}': uses {datum}, which the English does not have",
    ),
    (
        "unclosed_brace",
        'msgid "Issued {date}"\nmsgstr "Выдан {date"\n',
        "'Issued {date}': has a { or } that str.format cannot read",
    ),
    (
        "positional_brace",
        'msgid "Issued {date}"\nmsgstr "Выдан {}"\n',
        "'Issued {date}': uses {}, which the English does not have",
    ),
    (
        "plural_form_unknown_placeholder",
        'msgid "{n} day"\nmsgid_plural "{n} days"\n'
        'msgstr[0] "{n} день"\nmsgstr[1] "{n} дня"\nmsgstr[2] "{count} дней"\n',
        "'{n} day': uses {count}, which the English does not have",
    ),
    (
        "plural_forms_missing",
        'msgid "{n} day"\nmsgid_plural "{n} days"\nmsgstr[0] "{n} день"\nmsgstr[1] "{n} дня"\n',
        "'{n} day': leaves plural form #3 empty",
    ),
    (
        "percent_format_changed",
        '#, python-format\nmsgid "%(prog)s: error: %(message)s\\n"\n'
        'msgstr "%(prog)s: ошибка: %(msg)s\\n"\n',
        "unknown named placeholder 'msg'",
    ),
    (
        "bold_marker_lost",
        'msgid "**Last checked:** {date}."\nmsgstr "**Проверено: {date}."\n',
        "has a different number of ** (bold) markers than the English",
    ),
    (
        "trailing_newline_lost",
        '#, python-format\nmsgid "%(prog)s: error: %(message)s\\n"\n'
        'msgstr "%(prog)s: ошибка: %(message)s"\n',
        "ends with a newline where the English does not, or the other way round",
    ),
    (
        "placeholder_left_out_is_allowed",
        'msgid "{meaning}. {language}"\nmsgstr "{meaning}"\n',
        None,
    ),
    (
        "translators_comment_offers_a_name",
        '#. {title} (the step\'s name) may replace {step}.\nmsgid "is before the {step} date"\n'
        'msgstr "раньше даты этапа «{title}»"\n',
        None,
    ),
    ("percent_in_brace_message", 'msgid "{n}% done"\nmsgstr "{n}% готово"\n', None),
]


@pytest.mark.parametrize(("name", "entry", "problem"), EXAMPLES, ids=[e[0] for e in EXAMPLES])
def test_catalog_example(tmp_path: Path, name: str, entry: str, problem: str | None) -> None:
    po = tmp_path / f"{name}.po"
    po.write_text(HEADER + entry, encoding="utf-8")
    found = format_problems(po, "calculator.po")
    if problem is None:
        assert found == []
    else:
        assert len(found) == 1, found
        assert found[0].startswith("calculator.po (line ") and problem in found[0], found
        assert "\n" not in found[0]


def test_the_real_catalogs_have_no_format_problem() -> None:
    assert format_errors() == []
