"""Browser fixtures: Debian Chromium (never a downloaded one) driven by Playwright, with every
request and console message recorded so tests can assert the page stayed on 127.0.0.1."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest

playwright_api = pytest.importorskip("playwright.sync_api")

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
BOOT_MS = 60_000  # Pyodide boot + first answer; loadPyodide can hang, so every wait has a limit
RESULT = ".kzcalc-result, [data-testid=calc-error], .kzcalc-prompt, [data-state=failed]"


@dataclass
class Recorder:
    requests: list[str] = field(default_factory=list)
    console: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    bytes_by_url: dict[str, int] = field(default_factory=dict)

    def csp_violations(self) -> list[str]:
        return [m for m in self.console if "Content Security Policy" in m]


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    import os

    if not os.path.exists(CHROMIUM):
        pytest.fail("Debian chromium is missing: `make browser` installs it")
    with playwright_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, timeout=30_000)
        yield chromium
        chromium.close()


def _record(context: Any, recorder: Recorder) -> None:
    context.on("request", lambda r: recorder.requests.append(r.url))

    def on_page(page: Any) -> None:
        page.on("console", lambda m: recorder.console.append(f"{m.type}: {m.text}"))
        page.on("pageerror", lambda e: recorder.console.append(f"pageerror: {e}"))

        def on_dialog(d: Any) -> None:
            recorder.dialogs.append(d.message)
            d.dismiss()

        page.on("dialog", on_dialog)

    context.on("page", on_page)


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


@pytest.fixture
def make_context(browser: Any, site_url: str, recorder: Recorder) -> Iterator[Any]:
    """A fresh browser profile (own caches and service workers) per call, recorded."""
    contexts: list[Any] = []

    def make(**options: Any) -> Any:
        options.setdefault("locale", "en-US")
        options.setdefault("accept_downloads", True)
        context = browser.new_context(**options)
        context.set_default_timeout(BOOT_MS)
        _record(context, recorder)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()
    strays = [
        u for u in recorder.requests if not u.startswith((site_url, "blob:", "data:", "about:"))
    ]
    assert not strays, f"requests left 127.0.0.1: {strays}"


@pytest.fixture
def page(make_context: Any) -> Any:
    return make_context().new_page()


@pytest.fixture
def calc(page: Any, site_url: str) -> Any:
    """Open the calculator with a fragment and wait (bounded) for the first answer."""

    def open_(fragment: str = "") -> Any:
        page.goto(f"{site_url}/calculator/{fragment}")
        page.wait_for_selector(RESULT, timeout=BOOT_MS)
        assert page.get_attribute("#calc-loading", "data-state") == "ready", page.inner_text(
            "#calc-loading"
        )
        return page

    return open_
