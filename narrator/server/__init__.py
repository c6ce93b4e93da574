"""`narrate serve`: a durable narration job server for editors (HTTP API, TinyMCE plugin).

It narrates with the same pipeline, cache and engines as the command; jobs live in a SQLite
store in the data folder and survive restarts. Needs the ``server`` extra (FastAPI, uvicorn).
"""

from __future__ import annotations

import ipaddress
import os
import secrets
import stat
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from narrator.config import Config
from narrator.errors import ConfigError, OutputError

DEFAULT_PORT = 8765
TOKEN_FILE = "token"


def default_data_dir() -> Path:
    """$XDG_DATA_HOME/narrator/server (~/.local/share/narrator/server)."""
    base = os.environ.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"), ".local", "share")
    return Path(base) / "narrator" / "server"


def load_token(data_dir: Path) -> str:
    """The server's API token, made at first start and kept (mode 600) in the data folder."""
    path = data_dir / TOKEN_FILE
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        if path.is_file():
            token = path.read_text(encoding="ascii").strip()
            if token:
                return token
        token = secrets.token_urlsafe(32)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, stat.S_IRUSR | stat.S_IWUSR)
        with os.fdopen(fd, "w", encoding="ascii") as f:
            f.write(token + "\n")
        return token
    except OSError as e:
        raise OutputError(f"{data_dir}: cannot keep the server's data here ({e.strerror or e})") from None


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def serve(config_for: Callable[[dict[str, Any]], Config], *, host: str = "127.0.0.1",
          port: int = DEFAULT_PORT, data_dir: Path | None = None, allow_origins: tuple[str, ...] = (),
          max_body: int = 5 * 1024 * 1024, queue_limit: int = 200, per_lane: int | None = None,
          announce: Callable[[str], None] = lambda line: print(line, file=sys.stderr)) -> None:
    """Run the job server until interrupted. ``config_for(options)`` gives a job's settings."""
    try:
        import uvicorn

        from narrator.server.app import Settings, create_app
    except ImportError as e:
        raise ConfigError([f"narrate serve needs the server extra: pip install 'narrator-tts[server]' ({e.name} is missing)"]) from None
    from narrator.server.jobs import Runner
    from narrator.server.store import JobStore

    config = config_for({})  # options and narrate.toml are checked before anything starts
    for origin in allow_origins:
        if not origin.startswith(("http://", "https://")) or origin.rstrip("/") != origin:
            raise ConfigError([f"--allow-origin {origin}: give an origin like https://lms.example.edu"])
    data_dir = data_dir or default_data_dir()
    token = load_token(data_dir)
    store = JobStore(data_dir / "jobs.sqlite3")
    servers = len(config.engine.servers) or 1
    runner = Runner(store, data_dir, config_for, per_lane=per_lane or servers + 1)
    settings = Settings(data_dir, token, tuple(allow_origins), max_body, queue_limit)
    app = create_app(settings, store, runner, config_for)
    url = f"http://{host if ':' not in host else f'[{host}]'}:{port}"
    if not is_loopback(host):
        announce(f"narrate serve: warning: listening on {host}: the token travels in clear text "
                 "without TLS; put the server behind an HTTPS proxy")
    runner.start()
    announce(f"narrate serve: {url} (data: {data_dir})")
    announce(f"narrate serve: token: {token}")
    announce(f"narrate serve: TinyMCE plugin: {url}/editor/tinymce/narrate.js")
    try:
        uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)
    finally:
        runner.stop()
        store.close()
