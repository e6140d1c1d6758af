"""Shared fixtures: the rule book from data/, the real site built once per session, a local server."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from calculator.rules.rulebook import RuleBook
from kb.i18n_catalogs import compile_all
from kb.serve import serving
from kzdata.export import rules_dict
from tests.site_build import build_site

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session", autouse=True)
def catalogs() -> None:
    """Compile the message catalogs: the .mo files are built, never committed."""
    compile_all()


@pytest.fixture(scope="session")
def rules() -> dict:
    """The exported rule data (what the browser gets as rules.json)."""
    return rules_dict()


@pytest.fixture(scope="session")
def book(rules: dict) -> RuleBook:
    return RuleBook.from_dict(rules)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``mkdocs build --strict`` of the real project into a temporary folder (once per session)."""
    return build_site(tmp_path_factory.mktemp("site"))


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """The built site served on 127.0.0.1 (a free port), for the browser tests."""
    with serving(built_site) as server:
        yield f"http://127.0.0.1:{server.server_address[1]}"
