"""A static file server for the built site on 127.0.0.1 (``make serve`` and the browser tests).

Python's ``http.server`` with the right MIME types for Pyodide (``.wasm``, ``.mjs``) and no caching
surprises: files are served as they are on disk.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import http.server
from pathlib import Path
from typing import ClassVar

TYPES = {".wasm": "application/wasm", ".mjs": "text/javascript", ".ics": "text/calendar"}


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map: ClassVar[dict[str, str]] = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        **TYPES,
    }

    def log_message(self, format: str, *args: object) -> None:
        if getattr(self.server, "verbose", True):
            super().log_message(format, *args)


def make_server(root: Path, port: int, host: str = "127.0.0.1") -> http.server.ThreadingHTTPServer:
    """A server for ``root`` on ``host:port`` (port 0 picks a free one)."""
    handler = functools.partial(SiteHandler, directory=str(root))
    return http.server.ThreadingHTTPServer((host, port), handler)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("root", type=Path, help="the built site folder")
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args()
    server = make_server(args.root, args.port)
    with contextlib.suppress(KeyboardInterrupt):
        server.serve_forever()


if __name__ == "__main__":
    main()
