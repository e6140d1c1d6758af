"""kb.serve answers every request, even a broken one, and never holds a thread: raw requests to
127.0.0.1 (a handful, each bounded by a socket timeout)."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from kb.serve import serving

IDLE = 1.0  # the server's idle timeout in these tests, in seconds


@pytest.fixture(scope="module")
def port(tmp_path_factory: pytest.TempPathFactory) -> Iterator[int]:
    root = tmp_path_factory.mktemp("site")
    (root / "index.html").write_text("<p>home</p>", encoding="utf-8")
    (root / "404.html").write_text('<html lang="en">not found</html>', encoding="utf-8")
    (root / "assets").mkdir()  # a folder without index.html
    (root / "assets" / "app.js").write_text("1", encoding="utf-8")
    with serving(root, idle_timeout=IDLE) as server:
        yield server.server_address[1]


def send(port: int, request: bytes) -> tuple[bytes, float]:
    """What the server sends back until it closes the connection (at most 5 s), and how long."""
    started = time.monotonic()
    with socket.create_connection(("127.0.0.1", port), timeout=5) as connection:
        connection.sendall(request)
        answer = b""
        while chunk := connection.recv(65536):
            answer += chunk
    return answer, time.monotonic() - started


def head(answer: bytes) -> tuple[str, dict[str, str]]:
    status, *lines = answer.split(b"\r\n\r\n", 1)[0].decode("latin-1").split("\r\n")
    return status, {k.lower(): v.strip() for k, v in (line.split(":", 1) for line in lines)}


@pytest.mark.parametrize(
    ("request_line", "status"),
    [
        (b"GET /%00 HTTP/1.1", "400"),
        (b"GET /assets/%00.js HTTP/1.1", "400"),
        (b"GARBAGE", "400"),
        (b"GET / HTTP/9.9", "505"),
        (b"GET /" + b"a" * 70_000 + b" HTTP/1.1", "414"),
        (b"GET /assets/ HTTP/1.1", "404"),  # a folder without index.html is not listed
        (b"GET /assets/app.js?v=1 HTTP/1.1", "200"),
        (b"GET /missing.js?v=1 HTTP/1.1", "404"),
    ],
)
def test_every_request_gets_a_status_line(port: int, request_line: bytes, status: str) -> None:
    answer, _took = send(port, request_line + b"\r\nConnection: close\r\n\r\n")
    line, headers = head(answer)
    assert line.split()[:2] == ["HTTP/1.0", status], line
    immutable = "immutable" in headers["cache-control"]
    assert immutable == (status == "200"), headers  # an error is never cached for a year
    assert b"Directory listing" not in answer


def test_a_half_sent_request_is_closed_after_the_idle_timeout(port: int) -> None:
    answer, took = send(port, b"GET / HTTP/1.1\r\nHost: 127.0.0.1")  # no blank line: never ends
    assert answer == b""
    assert IDLE * 0.8 < took < IDLE + 3


def test_the_server_still_answers_after_the_broken_requests(port: int) -> None:
    answer, _took = send(port, b"GET / HTTP/1.1\r\nConnection: close\r\n\r\n")
    assert head(answer)[0].startswith("HTTP/1.0 200")
    assert answer.endswith(b"<p>home</p>")
