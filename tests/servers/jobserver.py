"""The real `narrate serve` process on a loopback port, for tests::

    with JobServer(tmp_path, "--server", webui.url, "--voice-file", str(voice)) as server:
        r = server.post({"html": "<p>Hi.</p>"})
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Iterator

import requests

from servers.indextts2_webui import free_port

ROOT = Path(__file__).resolve().parents[2]


class JobServer:
    """``narrate serve`` started with ``args``; data and cache under ``folder``."""

    def __init__(self, folder: Path, *args: str, port: int | None = None) -> None:
        self.folder = folder
        self.data = folder / "data"
        self.cache = folder / "cache"
        self.args = list(args)
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen[str] | None = None
        self.token = self.add_token(f"tests-{self.port}", "--operator")

    def add_token(self, name: str, *flags: str) -> str:
        """A new token for ``name`` (``--operator``: one that sees every narration)."""
        return self._run("serve", "--data", str(self.data), "--add-token", name, *flags).strip()

    def _run(self, *args: str) -> str:
        return subprocess.run([sys.executable, "-m", "narrator", *args], capture_output=True,
                              text=True, check=True, cwd=self.folder, env=_env()).stdout

    def start(self) -> "JobServer":
        log = open(self.folder / f"serve-{time.monotonic_ns()}.log", "w")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "narrator", "serve", "--port", str(self.port), "--data", str(self.data),
             "--cache-dir", str(self.cache), *self.args],
            cwd=self.folder, env=_env(), stdout=log, stderr=subprocess.STDOUT, text=True)
        self.log_path = Path(log.name)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError("narrate serve exited: " + self.log_path.read_text())
            try:
                if self.get("/api/health").status_code == 200:
                    return self
            except requests.ConnectionError:
                pass
            time.sleep(0.1)
        raise RuntimeError("narrate serve did not start: " + self.log_path.read_text())

    def kill(self) -> None:
        """SIGKILL: nothing gets a chance to clean up."""
        assert self.proc is not None
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait()

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.kill()

    def __enter__(self) -> "JobServer":
        return self.start()

    def __exit__(self, *exc: Any) -> None:
        self.stop()

    # ---- HTTP ---------------------------------------------------------------------------------

    def headers(self, **extra: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}", **extra}

    def get(self, path: str, **kw: Any) -> requests.Response:
        kw.setdefault("headers", self.headers())
        return requests.get(self.url + path, timeout=30, **kw)

    def post(self, body: Any, **kw: Any) -> requests.Response:
        kw.setdefault("headers", self.headers())
        return requests.post(self.url + "/api/narrations", json=body, timeout=30, **kw)

    def wait(self, job_id: str, timeout: float = 120) -> dict[str, Any]:
        """The job's state once it is finished (polling, as a build script would)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            state = self.get(f"/api/narrations/{job_id}").json()
            if state["status"] in ("done", "failed", "cancelled"):
                return state
            time.sleep(0.1)
        raise AssertionError(f"{job_id} not finished after {timeout} s: {state}")

    def events(self, job_id: str) -> Iterator[dict[str, Any]]:
        """The job's server-sent events, parsed, until the stream ends."""
        with requests.get(f"{self.url}/api/narrations/{job_id}/events", headers=self.headers(),
                          stream=True, timeout=60) as r:
            assert r.status_code == 200
            assert r.headers["content-type"].startswith("text/event-stream")
            for line in r.iter_lines(decode_unicode=True):
                if line.startswith("data: "):
                    yield json.loads(line[6:])


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env
