"""Stand-in TTS servers for tests: real HTTP servers on loopback that record what they saw.

:class:`RecordingServer` is the small threaded stdlib server the non-Gradio stand-ins share::

    with RecordingServer({("POST", "/tts"): handler}) as server:
        requests.post(server.url + "/tts", json={...})
        assert server.count("POST", "/tts") == 1
"""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable, Mapping
from urllib.parse import parse_qs, urlsplit


@dataclass(frozen=True)
class Request:
    """One request a stand-in saw."""

    method: str
    path: str
    query: Mapping[str, list[str]]
    headers: Mapping[str, str]
    body: bytes

    @property
    def json(self) -> Any:
        return json.loads(self.body) if self.body else None

    @property
    def form(self) -> dict[str, str]:
        return {k: v[0] for k, v in parse_qs(self.body.decode()).items()}


@dataclass(frozen=True)
class Reply:
    status: int = 200
    body: bytes = b""
    content_type: str = "application/octet-stream"

    @classmethod
    def json(cls, value: Any, status: int = 200) -> "Reply":
        return cls(status, json.dumps(value).encode(), "application/json")

    @classmethod
    def wav(cls, data: bytes) -> "Reply":
        return cls(200, data, "audio/wav")


Handler = Callable[["RecordingServer", Request], Reply]


@dataclass
class RecordingServer:
    """A threaded HTTP server on 127.0.0.1, port chosen by the OS, serving ``routes``.

    ``delay`` (seconds per request) and ``fail_next`` (answer the next N requests to a route
    with ``fail_status``) can be changed while it runs. ``requests`` lists what it saw;
    ``max_in_flight`` is the largest number of requests it was handling at once.
    """

    routes: Mapping[tuple[str, str], Handler]
    delay: float = 0.0
    fail_next: int = 0
    fail_status: int = 500
    requests: list[Request] = field(default_factory=list)
    in_flight: int = 0
    max_in_flight: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def __post_init__(self) -> None:
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), _make_handler(self))
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._httpd.server_address[1]}"

    def count(self, method: str, path: str) -> int:
        with self.lock:
            return sum(1 for r in self.requests if r.method == method and r.path == path)

    def seen(self, method: str, path: str) -> list[Request]:
        with self.lock:
            return [r for r in self.requests if r.method == method and r.path == path]

    def close(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    def __enter__(self) -> "RecordingServer":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _handle(self, req: Request) -> Reply:
        with self.lock:
            self.requests.append(req)
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)
        try:
            if self.delay:
                time.sleep(self.delay)
            handler = self.routes.get((req.method, req.path))
            if handler is None:
                return Reply.json({"detail": "Not Found"}, 404)
            with self.lock:
                fail = self.fail_next > 0
                if fail:
                    self.fail_next -= 1
            if fail:
                return Reply.json({"status": "error", "error": "stand-in fault"}, self.fail_status)
            return handler(self, req)
        finally:
            with self.lock:
                self.in_flight -= 1


def _make_handler(server: RecordingServer) -> type[BaseHTTPRequestHandler]:
    class _Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def _serve(self) -> None:
            parts = urlsplit(self.path)
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            req = Request(self.command, parts.path, parse_qs(parts.query),
                          {k.lower(): v for k, v in self.headers.items()}, body)
            reply = server._handle(req)
            self.send_response(reply.status)
            self.send_header("Content-Type", reply.content_type)
            self.send_header("Content-Length", str(len(reply.body)))
            self.end_headers()
            self.wfile.write(reply.body)

        do_GET = do_POST = do_PUT = _serve

        def log_message(self, format: str, *args: Any) -> None:  # keep test output quiet
            pass

    return _Handler
