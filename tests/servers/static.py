"""A plain static file server (Python's own http.server, as `python -m http.server` runs it) that
counts the requests it gets: what a user meets who points narrate at the wrong port. It serves
files with GET and answers 501 to POST, as the standard library does.

    with StaticServer(folder) as server:
        ...
        assert server.count("POST") == 1
"""

from __future__ import annotations

import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any


class StaticServer:
    """``python -m http.server`` for ``folder`` on 127.0.0.1 (port chosen by the OS)."""

    def __init__(self, folder: Path) -> None:
        self.requests: list[tuple[str, str]] = []  # (method, path) in arrival order
        self._lock = threading.Lock()
        owner = self

        class Handler(SimpleHTTPRequestHandler):
            def parse_request(self) -> bool:
                parsed = super().parse_request()
                if parsed:
                    with owner._lock:
                        owner.requests.append((self.command, self.path))
                return parsed

            def log_message(self, format: str, *args: Any) -> None:  # keep test output quiet
                pass

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), partial(Handler, directory=str(folder)))
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._httpd.server_address[1]}"

    def count(self, method: str) -> int:
        with self._lock:
            return sum(1 for m, _ in self.requests if m == method)

    def close(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    def __enter__(self) -> StaticServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
