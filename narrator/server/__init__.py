"""`narrate serve`: a durable narration job server for editors (HTTP API, TinyMCE plugin).

It narrates with the same pipeline, cache and engines as the command; jobs live in a SQLite
store in the data folder and survive restarts. Needs the ``server`` extra (FastAPI, uvicorn).
"""

from __future__ import annotations

import ipaddress
import os
import signal
import socket
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from narrator.config import Config
from narrator.errors import ConfigError, OutputError

DEFAULT_PORT = 8765


def default_data_dir() -> Path:
    """$XDG_DATA_HOME/narrator/server (~/.local/share/narrator/server)."""
    base = os.environ.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"), ".local", "share")
    return Path(base) / "narrator" / "server"


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_origin(origin: str) -> str:
    """``origin`` as browsers send it (scheme://host[:port], lower case), or ConfigError: a
    wildcard, a path or a typo would never match and leave the editor locked out."""
    problem = f"--allow-origin {origin[:100]}: give an origin like https://lms.example.edu"
    try:
        parts = urlsplit(origin)
        port = parts.port
    except ValueError:
        raise ConfigError([problem]) from None
    host = parts.hostname or ""
    if (parts.scheme not in ("http", "https") or not host or "*" in origin or parts.username
            or parts.password or parts.path not in ("", "/") or parts.query or parts.fragment or origin.endswith("#")
            or not all(c.isalnum() or c in ".-[]:" for c in host)):
        raise ConfigError([f"{problem} (no wildcard, path or user)"])
    default = {"http": 80, "https": 443}[parts.scheme]
    shown = f"[{host}]" if ":" in host else host
    return f"{parts.scheme}://{shown}" + (f":{port}" if port and port != default else "")


def listen(host: str, port: int) -> socket.socket:
    """A listening socket on ``host``:``port`` (OutputError naming them if it cannot be had)."""
    sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        sock.listen(2048)
    except OSError as e:
        sock.close()
        raise OutputError(f"{host}:{port}: cannot listen here ({e.strerror or e})") from None
    return sock


def _interrupt(signum: int, frame: Any) -> None:
    """SIGTERM stops the server as Ctrl-C does (the caller's KeyboardInterrupt path)."""
    raise KeyboardInterrupt


def serve(config_for: Callable[[dict[str, Any]], Config], *, host: str = "127.0.0.1",
          port: int = DEFAULT_PORT, data_dir: Path | None = None, allow_origins: tuple[str, ...] = (),
          max_body: int = 5 * 1024 * 1024, queue_limit: int = 200, per_lane: int | None = None,
          limits: Any = None, keep_days: float = 30.0,
          announce: Callable[[str], None] = lambda line: print(line, file=sys.stderr)) -> None:
    """Run the job server until interrupted. ``config_for(options)`` gives a job's settings;
    ``limits`` (a :class:`narrator.server.submission.Limits`) bounds what one lesson may cost;
    finished narrations are deleted after ``keep_days`` (0: kept)."""
    try:
        import uvicorn

        from narrator.server.app import Settings, create_app
    except ImportError as e:
        raise ConfigError([f"narrate serve needs the server extra: pip install -e '.[server]' in narrator's checkout ({e.name} is missing)"]) from None
    from narrator.server.janitor import Janitor
    from narrator.server.jobs import Runner
    from narrator.server.store import JobStore
    from narrator.server.submission import Limits
    from narrator.server.tokens import Tokens

    config = config_for({})  # options and narrate.toml are checked before anything starts
    origins = tuple(check_origin(o) for o in allow_origins)
    limits = limits or Limits()
    data_dir = data_dir or default_data_dir()
    try:
        (data_dir / "narrations").mkdir(parents=True, exist_ok=True)
        tokens = Tokens(data_dir)
        holders = tokens.count()  # a malformed tokens file stops the start, naming its line
    except OSError as e:
        raise OutputError(f"{data_dir}: cannot keep the server's data here ({e.strerror or e})") from None
    store = JobStore(data_dir / "jobs.sqlite3")
    servers = len(config.engine.servers) or 1
    runner = Runner(store, data_dir, config_for, per_lane=per_lane or servers + 1)
    settings = Settings(data_dir, tokens, origins, max_body, queue_limit, limits)
    app = create_app(settings, store, runner, config_for)
    janitor = Janitor(store, data_dir / "narrations", runner.delete, keep_days=keep_days,
                      grace=max(3600.0, 4 * limits.prepare_seconds))
    sock = listen(host, port)  # before any line is printed: a port in use is one clear error
    url = f"http://{host if ':' not in host else f'[{host}]'}:{port}"
    if not is_loopback(host):
        announce(f"narrate serve: warning: listening on {host}: tokens travel in clear text "
                 "without TLS; put the server behind an HTTPS proxy")
    janitor.start()
    runner.start()
    announce(f"narrate serve: {url} (data: {data_dir})")
    if not holders:
        announce(f"narrate serve: no API tokens yet: make one with `narrate serve --data {data_dir} "
                 "--add-token NAME` (every API call is refused until then)")
    announce(f"narrate serve: TinyMCE plugin: {url}/editor/tinymce/narrate.js")
    # A service manager stops with SIGTERM. uvicorn catches it, shuts its side down, restores
    # this handler and raises the signal again: with the default handler the process would die
    # there, before the finally below re-queues running jobs and closes the engines. Handled as
    # Ctrl-C is, the graceful stop is the same for both.
    if threading.current_thread() is threading.main_thread():  # signals go to the main thread only
        signal.signal(signal.SIGTERM, _interrupt)
    try:
        server = uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False))
        server.run(sockets=[sock])
    finally:
        sock.close()
        janitor.stop()
        runner.stop()
        store.close()
