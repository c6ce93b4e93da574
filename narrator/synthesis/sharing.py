"""Servers shared by several narrations at once (the job server): at most as many generations in
flight per server as it allows (one for the IndexTTS2 web UI; a batching server's
``max_in_flight``), whichever narration asks, and the waiting requests served in priority order.

Each narration runs its own scheduler over :class:`SharedEngine` wrappers; a wrapper takes its
server's :class:`ServerGate` around every generation. So every server stays busy while any
narration has work for it, and a short interactive job's requests go ahead of a long one's.
"""

from __future__ import annotations

import heapq
import itertools
import threading
from collections.abc import Callable, Mapping
from typing import Any

from narrator.engines.base import Engine
from narrator.errors import Interrupted

Priority = tuple[int, int]  # (class: 0 interactive, 1 batch; arrival number): smaller goes first


class ServerGate:
    """At most ``capacity`` holders for one server (1: mutual exclusion), granted to the waiter
    with the smallest priority. Each narration's own scheduler decides how many it asks for."""

    # How often a waiter checks whether its narration was cancelled: a cancel is noticed
    # within this time, and a waiting request never delays the server (it is not holding it).
    _CANCEL_CHECK = 0.2

    def __init__(self, capacity: int = 1) -> None:
        self._cond = threading.Condition()
        self._capacity = max(1, capacity)
        self._held = 0
        self._waiting: list[tuple[Priority, int]] = []
        self._tickets = itertools.count()

    def acquire(self, priority: Priority, cancelled: Callable[[], bool] = lambda: False) -> None:
        """Wait until the server is free and no waiter goes before us; Interrupted if cancelled."""
        entry = (priority, next(self._tickets))
        with self._cond:
            heapq.heappush(self._waiting, entry)
            try:
                while self._held >= self._capacity or self._waiting[0] != entry:
                    if cancelled():
                        raise Interrupted("cancelled")
                    self._cond.wait(self._CANCEL_CHECK)
            except BaseException:
                self._waiting.remove(entry)
                heapq.heapify(self._waiting)
                self._cond.notify_all()
                raise
            heapq.heappop(self._waiting)
            self._held += 1
            self._cond.notify_all()  # the next waiter may fit too

    def release(self) -> None:
        with self._cond:
            self._held -= 1
            self._cond.notify_all()

    @property
    def waiting(self) -> int:
        with self._cond:
            return len(self._waiting)

    @property
    def busy(self) -> bool:
        with self._cond:
            return self._held > 0

    @property
    def held(self) -> int:
        with self._cond:
            return self._held


class SharedEngine:
    """An engine seen by one narration: its generations pass through the server's gate.

    Everything else (fingerprint, parameters, label) is the shared engine's own; ``close`` does
    nothing, as the pool that made the engine owns it.
    """

    def __init__(self, engine: Engine, gate: ServerGate, priority: Priority,
                 cancelled: Callable[[], bool] = lambda: False) -> None:
        self._engine = engine
        self._gate = gate
        self._priority = priority
        self._cancelled = cancelled

    def __getattr__(self, name: str) -> Any:
        return getattr(self._engine, name)

    def synthesize(self, text: str, lang: str, emotion: str, **voice: str) -> bytes:
        if self._cancelled():
            raise Interrupted("cancelled")
        self._gate.acquire(self._priority, self._cancelled)
        try:
            return self._engine.synthesize(text, lang, emotion, **voice)  # voice: a role's (issue 24)
        finally:
            self._gate.release()

    def close(self) -> None:
        pass


class GatePool:
    """One gate per server label (a URL, or "espeak"), made on first use."""

    def __init__(self) -> None:
        self._gates: dict[str, ServerGate] = {}
        self._lock = threading.Lock()

    def gate(self, label: str, capacity: int = 1) -> ServerGate:
        with self._lock:
            return self._gates.setdefault(label, ServerGate(capacity))

    def share(self, engines: list[Engine], priority: Priority,
              cancelled: Callable[[], bool] = lambda: False) -> list[SharedEngine]:
        from narrator.synthesis.concurrency import engine_cap

        return [SharedEngine(e, self.gate(e.label, engine_cap(e)), priority, cancelled) for e in engines]

    def status(self) -> Mapping[str, dict[str, Any]]:
        with self._lock:
            gates = dict(self._gates)
        return {label: {"busy": g.busy, "waiting": g.waiting} for label, g in gates.items()}
