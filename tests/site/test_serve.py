"""kb.serve as a static host: a missing page gets the not-found page of its language, status 404."""

from __future__ import annotations

import threading
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from kb.serve import make_server

pytestmark = pytest.mark.site


def fetch_missing(base: str, path: str) -> tuple[int, str]:
    with pytest.raises(urllib.error.HTTPError) as error:
        urllib.request.urlopen(f"{base}/{path}", timeout=10)
    with error.value as response:
        return response.code, response.read().decode("utf-8")


@pytest.mark.parametrize(
    ("path", "lang"),
    [("no-such-page/", "en"), ("ru/no-such-page/", "ru"), ("guide/missing.png", "en"), ("xx/a", "en")],
)
def test_a_missing_page_gets_the_not_found_page_of_its_language(
    built_site: Path, path: str, lang: str
) -> None:
    server = make_server(built_site, 0)
    server.verbose = False  # type: ignore[attr-defined]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        code, body = fetch_missing(f"http://127.0.0.1:{server.server_address[1]}", path)
    finally:
        server.shutdown()
        server.server_close()
    assert code == 404
    assert f'<html lang="{lang}"' in body


def test_without_a_not_found_page_the_plain_error_stays(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text("<p>home</p>", encoding="utf-8")
    server = make_server(tmp_path, 0)
    server.verbose = False  # type: ignore[attr-defined]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        code, body = fetch_missing(f"http://127.0.0.1:{server.server_address[1]}", "nope")
    finally:
        server.shutdown()
        server.server_close()
    assert code == 404 and "Error response" in body
