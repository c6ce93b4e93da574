"""A minimal Marionette client: drives Debian's Firefox ESR (Playwright's Firefox needs its own
patched build, which cannot be installed here). Enough for page checks: navigate, run a script."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any


class Firefox:
    """Headless Firefox with Marionette on a free loopback port; use as a context manager."""

    def __init__(self, executable: str, prefs: dict[str, Any] | None = None) -> None:
        self.profile = Path(tempfile.mkdtemp(prefix="narrator-firefox-"))
        # port 0: Firefox picks a free port and writes it to MarionetteActivePort
        (self.profile / "user.js").write_text('user_pref("marionette.port", 0);\n'
                                              'user_pref("media.autoplay.default", 0);\n'
                                              + "".join(f"user_pref({json.dumps(k)}, {json.dumps(v)});\n"
                                                        for k, v in (prefs or {}).items()))
        self.process = subprocess.Popen([executable, "--headless", "--marionette", "-no-remote",
                                         "-profile", str(self.profile)],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.ids = 0
        port_file = self.profile / "MarionetteActivePort"
        deadline = time.monotonic() + 60
        while not (port_file.is_file() and port_file.read_text().strip()):
            if time.monotonic() > deadline or self.process.poll() is not None:
                self.close()
                raise RuntimeError("Firefox did not start Marionette")
            time.sleep(0.2)
        self.sock = socket.create_connection(("127.0.0.1", int(port_file.read_text())), timeout=60)
        self.stream = self.sock.makefile("rb")
        self._read()  # the server's greeting
        self.command("WebDriver:NewSession", {"capabilities": {}})

    def _read(self) -> Any:
        size = b""
        while not size.endswith(b":"):
            byte = self.stream.read(1)
            if not byte:
                raise RuntimeError("Marionette closed the connection")
            size += byte
        return json.loads(self.stream.read(int(size[:-1])))

    def command(self, name: str, params: dict[str, Any]) -> Any:
        self.ids += 1
        data = json.dumps([0, self.ids, name, params]).encode()
        self.sock.sendall(str(len(data)).encode() + b":" + data)
        _, _, error, result = self._read()
        if error:
            raise RuntimeError(f"{name}: {error.get('message', error)}")
        return result

    def goto(self, url: str) -> None:
        self.command("WebDriver:Navigate", {"url": url})

    def run(self, script: str, *args: Any) -> Any:
        """Run ``script`` (a function body; ``arguments`` holds ``args``) and return its value."""
        return self.command("WebDriver:ExecuteScript", {"script": script, "args": list(args)})["value"]

    def wait(self, script: str, *args: Any, timeout: float = 15) -> Any:
        """Poll ``script`` until it returns something truthy."""
        deadline = time.monotonic() + timeout
        while True:
            value = self.run(script, *args)
            if value or time.monotonic() > deadline:
                return value
            time.sleep(0.1)

    def close(self) -> None:
        try:
            if getattr(self, "sock", None) is not None:
                self.sock.close()
        finally:
            self.process.kill()
            self.process.wait()
            shutil.rmtree(self.profile, ignore_errors=True)

    def __enter__(self) -> Firefox:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
