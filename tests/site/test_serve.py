"""kb.serve as a static host: a missing page gets the not-found page of its language, status 404."""

from __future__ import annotations

import threading
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from kb.serve import serving

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
    with serving(built_site) as server:
        code, body = fetch_missing(f"http://127.0.0.1:{server.server_address[1]}", path)
    assert code == 404
    assert f'<html lang="{lang}"' in body


def test_without_a_not_found_page_the_plain_error_stays(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text("<p>home</p>", encoding="utf-8")
    with serving(tmp_path) as server:
        code, body = fetch_missing(f"http://127.0.0.1:{server.server_address[1]}", "nope")
    assert code == 404 and "Error response" in body


def test_throttle_is_one_shared_link_with_a_delay_per_response(tmp_path: Path) -> None:
    """The benchmark's phone profile: two 50 KB downloads at once share 1 Mbit/s (0.8 s for
    both, not 0.4 s each), and a small file waits the 40 ms before its answer; counted bytes
    are the bodies."""
    import os
    import time

    from kb.serve import throttle

    for name in ("a.bin", "b.bin"):
        (tmp_path / name).write_bytes(os.urandom(50_000))
    (tmp_path / "small.bin").write_bytes(b"x")
    def get(name: str) -> None:
        urllib.request.urlopen(f"{base}/{name}", timeout=30).read()

    with serving(tmp_path) as server:
        base = f"http://127.0.0.1:{server.server_address[1]}"
        throttle(server, 1_000_000, 0.040)
        started = time.monotonic()
        get("small.bin")
        small = time.monotonic() - started
        started = time.monotonic()
        both = [threading.Thread(target=get, args=(n,)) for n in ("a.bin", "b.bin")]
        for thread in both:
            thread.start()
        for thread in both:
            thread.join()
        shared = time.monotonic() - started
        throttle(server)
        started = time.monotonic()
        get("a.bin")
        free = time.monotonic() - started
    assert small >= 0.040
    assert shared >= 0.8, "100 KB at 1 Mbit/s takes 0.8 s on one shared link"
    assert free < 0.4
    assert server.bytes_sent == 1 + 3 * 50_000  # type: ignore[attr-defined]
