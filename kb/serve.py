"""A local preview server for the built site on 127.0.0.1 (``make serve``, the browser tests and
the benchmark). It is not a production web server: publish ``site/`` on a static host (README,
"Publishing"); this one listens on the loopback address only and serves one folder.

Python's ``http.server`` with what a static host for this site needs (README, "Hosting"):

- the right MIME types for Pyodide (``application/wasm`` for ``.wasm``, JavaScript for ``.mjs``);
- gzip for text files (HTML, CSS, JavaScript, JSON …) and for ``.wasm`` when the browser accepts
  it, as static hosts do (Pyodide's 9.6 MB ``.wasm`` travels as 3.6 MB; its ``.zip`` is already
  compressed and is sent as it is);
- a missing page gets the site's not-found page with status 404, in the language of the path
  (``/ru/…`` → ``ru/404.html``, else ``404.html``), as static hosts serve the nearest one;
- cache headers: versioned files (``build/<key>/``, ``vendor/pyodide-<version>/``, ``?v=…``) are
  ``immutable`` for a year, everything else is revalidated (``no-cache`` + ``Last-Modified``, so a
  browser's second request is a 304 without a body); an error is never cached (``no-cache``);
- a bad request gets an answer, never silence: a malformed request line 400, an unknown HTTP
  version 505, a request line over 64 KB 414, a NUL in the path 400; a folder without
  ``index.html`` is a 404 (never a listing);
- a connection that sends nothing for :data:`IDLE_TIMEOUT` seconds (a half-sent request, an idle
  keep-alive) is closed, so it cannot hold a thread.

The server counts the body bytes it sends (``server.bytes_sent``), which is what the browser
benchmark reports as a visit's weight: service-worker fetches included, cache hits excluded.

For the benchmark's phone profile, :func:`throttle` makes it a mobile network: every response
waits ``latency`` seconds before it starts, and all bodies share one link of ``bits_per_second``
(a body is sent in 16 KB slices, each booked on the link after the one before, from any
connection), so a Web Worker's and a service worker's downloads are slowed like the page's.
"""

from __future__ import annotations

import argparse
import contextlib
import email.utils
import functools
import gzip
import http.server
import io
import os
import re
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

TYPES = {".wasm": "application/wasm", ".mjs": "text/javascript", ".ics": "text/calendar"}
COMPRESSIBLE = (
    "text/",
    "application/javascript",
    "application/json",
    "image/svg+xml",
    "application/xml",
    "application/wasm",
)
IMMUTABLE = re.compile(r"/build/[^/]+/|/vendor/pyodide-[^/]+/|[?&]v=")
IDLE_TIMEOUT = 20.0
"""Seconds a connection may stay silent (mid-request or between keep-alive requests)."""


@functools.lru_cache(maxsize=512)
def _gzipped(path: str, mtime_ns: int) -> bytes:
    """The file's bytes, gzip-compressed (cached until the file changes)."""
    with open(path, "rb") as handle:
        return gzip.compress(handle.read(), compresslevel=6, mtime=0)


_LOCK = threading.Lock()


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map: ClassVar[dict[str, str]] = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        **TYPES,
    }

    timeout = IDLE_TIMEOUT  # socket timeout, set by StreamRequestHandler.setup()
    # A request line that cannot be read is answered with a status line and headers (Python's
    # default treats it as HTTP/0.9 and sends a bare body, which no client reads as an error).
    default_request_version = "HTTP/1.0"
    _status = 0

    def send_response(self, code: int, message: str | None = None) -> None:
        self._status = code
        latency = getattr(self.server, "latency", 0.0)
        if latency:
            time.sleep(latency)
        super().send_response(code, message)

    def list_directory(self, path):  # type: ignore[no-untyped-def]
        """A folder without ``index.html`` is not found: a static host lists no folder."""
        self.send_error(404)
        return None

    def send_head(self):  # type: ignore[no-untyped-def]
        if "\x00" in self.path or "%00" in self.path.split("?", 1)[0]:
            self.send_error(400, "NUL in the path")
            return None
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            index = os.path.join(path, "index.html")
            if not self.path.split("?", 1)[0].endswith("/") or not os.path.isfile(index):
                return super().send_head()
            path = index
        kind = self.guess_type(path)
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and kind.startswith(COMPRESSIBLE) and os.path.isfile(path)):
            return super().send_head()
        stat = os.stat(path)
        if self._not_modified(stat.st_mtime):
            self.send_response(304)
            self.send_header("Vary", "Accept-Encoding")
            self.end_headers()
            return None
        body = _gzipped(path, stat.st_mtime_ns)
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Last-Modified", email.utils.formatdate(stat.st_mtime, usegmt=True))
        self.end_headers()
        return io.BytesIO(body)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = self._not_found_page() if code == 404 else None
        if page is None:
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404, message)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.copyfile(io.BytesIO(body), self.wfile)

    def _not_found_page(self) -> Path | None:
        """The site's not-found page for the requested path: ``<lang>/404.html`` under a language
        folder (``/ru/…``) when the build wrote one, else ``404.html``; None without either."""
        root = Path(self.directory)
        first = getattr(self, "path", "").split("?", 1)[0].lstrip("/").split("/", 1)[0]
        language = [root / first / "404.html"] if re.fullmatch(r"[a-z]{2}", first) else []
        return next((page for page in [*language, root / "404.html"] if page.is_file()), None)

    def _not_modified(self, mtime: float) -> bool:
        since = self.headers.get("If-Modified-Since")
        if not since or self.headers.get("If-None-Match"):
            return False
        try:
            when = email.utils.parsedate_to_datetime(since).timestamp()
        except (TypeError, ValueError, IndexError, OverflowError):
            return False
        return int(mtime) <= int(when)

    def end_headers(self) -> None:
        # ``path`` is unset when the request line itself was refused (400, 414, 505)
        success = self._status in range(200, 300) or self._status == 304
        immutable = success and IMMUTABLE.search(getattr(self, "path", ""))
        policy = "public, max-age=31536000, immutable" if immutable else "no-cache"
        self.send_header("Cache-Control", policy)
        super().end_headers()

    def copyfile(self, source, outputfile):  # type: ignore[no-untyped-def]
        """Copy the body, counting its bytes on the server (``server.bytes_sent``)."""
        counted = 0
        server = self.server
        rate = getattr(server, "bits_per_second", 0)
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the browser went away
            while chunk := source.read(16 * 1024 if rate else 64 * 1024):
                if rate:
                    _book(server, len(chunk) * 8 / rate)
                outputfile.write(chunk)
                counted += len(chunk)
        with getattr(server, "lock", _LOCK):
            server.bytes_sent = getattr(server, "bytes_sent", 0) + counted  # type: ignore[attr-defined]

    def log_message(self, format: str, *args: object) -> None:
        if getattr(self.server, "verbose", True):
            super().log_message(format, *args)


def _book(server: object, seconds: float) -> None:
    """Wait for a slot of ``seconds`` on the server's one shared link."""
    with getattr(server, "lock", _LOCK):
        start = max(time.monotonic(), getattr(server, "link_free_at", 0.0))
        server.link_free_at = start + seconds  # type: ignore[attr-defined]
    time.sleep(max(0.0, start + seconds - time.monotonic()))


def throttle(
    server: http.server.HTTPServer, bits_per_second: int = 0, latency: float = 0.0
) -> None:
    """A mobile network for the benchmark (0, 0: unthrottled again)."""
    server.bits_per_second = bits_per_second  # type: ignore[attr-defined]
    server.latency = latency  # type: ignore[attr-defined]
    server.link_free_at = 0.0  # type: ignore[attr-defined]


def make_server(
    root: Path, port: int, host: str = "127.0.0.1", idle_timeout: float = IDLE_TIMEOUT
) -> http.server.ThreadingHTTPServer:
    """A server for ``root`` on ``host:port`` (port 0 picks a free one) that closes a connection
    silent for ``idle_timeout`` seconds."""
    timed = type("TimedSiteHandler", (SiteHandler,), {"timeout": idle_timeout})
    handler = functools.partial(timed, directory=str(root))
    server = http.server.ThreadingHTTPServer((host, port), handler)
    server.bytes_sent = 0  # type: ignore[attr-defined]
    return server


@contextlib.contextmanager
def serving(
    root: Path, idle_timeout: float = IDLE_TIMEOUT
) -> Iterator[http.server.ThreadingHTTPServer]:
    """``root`` served quietly on 127.0.0.1 (a free port) from a background thread while the block
    runs (tests and benchmarks); the port is ``server.server_address[1]``."""
    server = make_server(root, 0, idle_timeout=idle_timeout)
    server.verbose = False  # type: ignore[attr-defined]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


def warm(root: Path) -> None:
    """Compress the big files ahead (a host's edge cache is warm too); used by the benchmark."""
    for path in root.rglob("*.wasm"):
        _gzipped(str(path), path.stat().st_mtime_ns)


def main() -> None:
    parser = argparse.ArgumentParser(
        prog="python -m kb.serve", description=__doc__.split("\n\n", 1)[0]
    )
    parser.add_argument("root", type=Path, help="the built site folder")
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args()
    server = make_server(args.root, args.port)
    with contextlib.suppress(KeyboardInterrupt):
        server.serve_forever()


if __name__ == "__main__":
    main()
