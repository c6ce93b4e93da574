"""``narrate review LESSON``: the review page on a local HTTP server (standard library only).

The server can rewrite a file next to the lesson, so every request is hostile even on loopback:
it listens on 127.0.0.1 only; the page lives under a random token (``/<token>/``), and anything
else is 404; the Host header must name this server (a DNS-rebinding page cannot reach it under
another name); a request that carries an Origin must come from the page itself; a POST must be
JSON, at most :data:`narrator.review_session.MAX_BODY` bytes, with its length given.
"""

from __future__ import annotations

import hmac
import secrets
import shutil
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit

from narrator.review_session import MAX_BODY, PAGE_POLICY, Reply, ReviewSession

__all__ = ["ReviewServer"]


class ReviewServer:
    """The review page of ``session`` on ``127.0.0.1:port`` (0: a free port) under a new token;
    :attr:`url` is the page. ``start()`` serves in a thread, ``serve_forever()`` in this one."""

    def __init__(self, session: ReviewSession, port: int = 0, host: str = "127.0.0.1") -> None:
        self.session = session
        self.token = secrets.token_urlsafe(24)
        self.httpd = ThreadingHTTPServer((host, port), _handler(self))
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.hosts = {f"127.0.0.1:{self.port}", f"localhost:{self.port}"}
        self.url = f"http://127.0.0.1:{self.port}/{self.token}/"
        self._thread: threading.Thread | None = None

    def start(self) -> ReviewServer:
        self._thread = threading.Thread(target=self.httpd.serve_forever, name="review server", daemon=True)
        self._thread.start()
        return self

    def serve_forever(self) -> None:
        self.httpd.serve_forever()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def route(self, method: str, target: str, headers: Any, body: bytes | None) -> Reply:
        """The answer to one request (checks first, then the session)."""
        host = headers.get("Host", "")
        if host not in self.hosts:
            return Reply.error(403, "wrong Host: open the address narrate review printed")
        origin = headers.get("Origin")
        if origin is not None and f"{origin}".removeprefix("http://") not in self.hosts:
            return Reply.error(403, "requests from other pages are refused")
        path = urlsplit(target).path
        prefix, _, rest = path.lstrip("/").partition("/")
        if not hmac.compare_digest(prefix.encode(), self.token.encode()):
            return Reply.error(404, "no such page (the address holds a token: copy it whole)")
        if method == "POST":
            if "application/json" not in headers.get("Content-Type", ""):
                return Reply.error(415, "send JSON (Content-Type: application/json)")
            if body is None:
                return Reply.error(413, f"give Content-Length, at most {MAX_BODY} bytes")
        return self.session.handle(method, rest, body or b"")


def _handler(server: ReviewServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        server_version = "narrate-review"
        sys_version = ""

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base's name
            pass  # the terminal shows the URL and the rebuilds, not every request

        def do_GET(self) -> None:
            self._answer(server.route("GET", self.path, self.headers, None))

        def do_HEAD(self) -> None:
            self._answer(server.route("HEAD", self.path, self.headers, None), head=True)

        def do_POST(self) -> None:
            length = self.headers.get("Content-Length", "")
            body: bytes | None = None
            if length.isdigit() and int(length) <= MAX_BODY:
                body = self.rfile.read(int(length))
            elif length.isdigit():
                self.close_connection = True  # the body is not read: the connection cannot go on
                self._answer(Reply.error(413, f"request larger than {MAX_BODY} bytes"))
                return
            else:
                self.close_connection = True
            self._answer(server.route("POST", self.path, self.headers, body))

        def do_PUT(self) -> None:
            self.close_connection = True
            self._answer(Reply.error(405, "only GET and POST"))

        do_DELETE = do_PATCH = do_OPTIONS = do_PUT

        def _answer(self, reply: Reply, head: bool = False) -> None:
            self.send_response(reply.status)
            self.send_header("Content-Type", reply.content_type)
            self.send_header("X-Content-Type-Options", "nosniff")
            self.send_header("Referrer-Policy", "no-referrer")
            self.send_header("Cache-Control", "no-store")
            self.send_header("Content-Security-Policy", PAGE_POLICY)
            if reply.file is not None:
                try:
                    handle = reply.file.open("rb")
                except OSError:
                    handle = None
                size = reply.file.stat().st_size if handle else 0
                self.send_header("Content-Length", str(size))
                self.end_headers()
                if handle is not None:
                    with handle:
                        if not head:
                            shutil.copyfileobj(handle, self.wfile)
                return
            self.send_header("Content-Length", str(len(reply.body)))
            self.end_headers()
            if not head:
                self.wfile.write(reply.body)

    return Handler


def open_browser(url: str) -> None:
    """Open ``url`` in the user's browser (quietly nothing if there is none)."""
    import webbrowser

    webbrowser.open(url)

