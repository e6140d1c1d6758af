"""The report link in a real browser (a build with KB_REPORT_URL): clicking it after scrolling to a
step opens the report address with the page's address and that step's anchor; nothing is requested
from the report address before the click."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest

from kb.serve import serving
from tests.site_build import build_site

ROOT = Path(__file__).resolve().parents[2]
REPORT = "https://issues.example.org/new?body={page}"


@pytest.fixture(scope="module")
def report_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    out = build_site(tmp_path_factory.mktemp("report-e2e"), KB_REPORT_URL=REPORT)
    with serving(out) as server:
        yield f"http://127.0.0.1:{server.server_address[1]}"


def test_report_link_carries_the_nearest_step(browser: Any, report_url: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 800})
    requests: list[str] = []
    context.on("request", lambda r: requests.append(r.url))
    opened: list[str] = []

    def catch(route: Any) -> None:
        opened.append(route.request.url)
        route.fulfill(status=204, body="")

    context.route("https://issues.example.org/**", catch)
    page = context.new_page()
    page.goto(f"{report_url}/guide/")
    page.wait_for_load_state("load")
    assert not any("issues.example.org" in u for u in requests)  # a plain link: nothing loaded
    page.evaluate(  # the step's heading just under the header and the report line
        "const el = document.getElementById('register_address');"
        "window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 110)"
    )
    link = page.locator("a.kb-report")
    assert link.is_visible() and link.bounding_box()["y"] < 120  # stays under the header
    with page.expect_request("https://issues.example.org/**"):
        link.click()
    assert opened, "the report address was not opened"
    assert unquote(opened[0].split("body=", 1)[1]) == f"{report_url}/guide/#register_address"
    context.close()
