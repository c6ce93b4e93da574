"""Redis and `narrate worker` processes on loopback, for the queue tests and benchmark."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

from .indextts2_webui import free_port


def start_redis(executable: str = "redis-server", password: str = "") -> tuple[subprocess.Popen[bytes], str]:
    """A fresh Redis on a free loopback port, without persistence, asking for ``password`` if one
    is given: (its process, its URL, password included)."""
    port = free_port()
    proc = subprocess.Popen([executable, "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                             "--appendonly", "no", "--loglevel", "warning",
                             *(["--requirepass", password] if password else [])], stdout=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    while True:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1) as s:
                s.sendall((f"AUTH {password}\r\n" if password else "").encode() + b"PING\r\n")
                if b"+PONG" in s.recv(64):
                    return proc, f"redis://{f':{password}@' if password else ''}127.0.0.1:{port}/0"
        except OSError:
            pass
        if time.monotonic() > deadline:
            proc.kill()
            raise RuntimeError("redis-server did not start")
        time.sleep(0.02)


class Worker:
    """A `narrate worker` subprocess in front of ``server`` (``extra``: its other options); its
    stderr lines are collected as they come. Also a context manager that stops it."""

    def __init__(self, broker: str, server: str, cache: Path, *extra: str) -> None:
        self.proc = subprocess.Popen([sys.executable, "-m", "narrator", "worker", "--broker", broker,
                                      "--server", server, "--cache-dir", str(cache), *extra],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        self.lines: list[str] = []
        self.ready = threading.Event()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.proc.stderr is not None
        for line in self.proc.stderr:
            self.lines.append(line.rstrip())
            if "narrate worker: ready:" in line:
                self.ready.set()

    def wait_ready(self) -> Worker:
        if not self.ready.wait(90):
            raise RuntimeError("worker not ready:\n" + "\n".join(self.lines))
        return self

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()

    def __enter__(self) -> Worker:
        return self.wait_ready()

    def __exit__(self, *_: object) -> None:
        self.stop()


class Asker:
    """A `narrate` run in the background (``args`` after the command); its stderr lines are
    collected as they come, each with the time.monotonic() at which it arrived."""

    def __init__(self, *args: str | Path, cwd: Path) -> None:
        self.proc = subprocess.Popen([sys.executable, "-m", "narrator", *map(str, args)], cwd=cwd,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        self.lines: list[tuple[float, str]] = []
        self.ended = 0.0  # when the run was seen to end (time.monotonic())
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.proc.stderr is not None
        for line in self.proc.stderr:
            self.lines.append((time.monotonic(), line.rstrip()))

    def wait(self, timeout: float) -> int:
        """Its exit status, once it has ended (subprocess.TimeoutExpired after ``timeout``)."""
        code = self.proc.wait(timeout)
        self.ended = time.monotonic()
        self._reader.join(10)
        return code

    @property
    def stderr(self) -> str:
        return "\n".join(line for _, line in self.lines)

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()


def wait_until(condition: Callable[[], bool], what: str, timeout: float = 120.0) -> None:
    """Return as soon as ``condition()`` holds (looked at every 10 ms); after ``timeout``
    seconds, fail naming ``what`` (a deadline for a broken run, not a guess at its speed)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up waiting for {what} after {timeout:.0f} s")
        time.sleep(0.01)


class Busyness:
    """How busy the machine is while a block runs (a context manager): ``factor`` is the mean
    number of other runnable tasks per CPU, sampled from /proc/loadavg every 0.2 s (os.getloadavg
    elsewhere), and at least 1. A bound on work done meanwhile is multiplied by it, so an idle
    machine keeps the plain bound and a loaded one gets time in proportion to its load."""

    def __init__(self) -> None:
        self.samples: list[float] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while True:
            try:
                with open("/proc/loadavg") as f:  # "0.92 0.89 1.57 2/88 22213": 2 runnable now
                    runnable = float(f.read().split()[3].split("/")[0]) - 1  # minus this reader
            except (OSError, IndexError, ValueError):
                runnable = os.getloadavg()[0]
            self.samples.append(runnable)
            if self._stop.wait(0.2):
                return

    @property
    def factor(self) -> float:
        mean = sum(self.samples) / len(self.samples) if self.samples else 0.0
        return max(1.0, mean / (os.cpu_count() or 1))

    def __enter__(self) -> Busyness:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()
