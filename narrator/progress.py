"""Renders library events on stderr: one live line on a terminal, periodic plain lines elsewhere."""

from __future__ import annotations

import sys
import threading
import time
from typing import TextIO

from narrator.events import Event, Notice, Progress


def _clock(seconds: float) -> str:
    seconds = int(seconds)
    h, rest = divmod(seconds, 3600)
    return f"{h}:{rest // 60:02d}:{rest % 60:02d}" if h else f"{rest // 60:02d}:{rest % 60:02d}"


class ProgressDisplay:
    """An event sink: ``done/total, elapsed, ETA`` per stage; thread-safe."""

    def __init__(self, stream: TextIO | None = None, *, quiet: bool = False, verbose: bool = False,
                 interval: float = 10.0) -> None:
        self.stream = stream or sys.stderr
        self.quiet = quiet
        self.verbose = verbose
        self.live = self.stream.isatty()
        self.interval = interval
        self._lock = threading.Lock()
        self._started: dict[tuple[str, str], float] = {}  # (lesson, stage) -> when it started
        self._last_done: dict[tuple[str, str], int] = {}
        self._last_print = 0.0
        self._line_open = False

    def __call__(self, event: Event) -> None:
        with self._lock:
            if isinstance(event, Notice):
                if event.level == "warning" or self.verbose or (event.level == "note" and not self.quiet):
                    self._newline()
                    print(("warning: " if event.level == "warning" else "") + event.text,
                          file=self.stream, flush=True)
            elif isinstance(event, Progress) and event.stage != "plan" and not self.quiet:
                self._progress(event)  # planning takes seconds: not worth a line

    def _progress(self, e: Progress) -> None:
        now = time.monotonic()
        stage = (e.lesson, e.stage)
        starting = e.done < self._last_done.get(stage, 0) or stage not in self._started
        if starting:
            self._started[stage] = now  # a new run of this stage (the next lesson of a course)
        self._last_done[stage] = e.done
        elapsed = now - self._started[stage]
        # The ETA counts only segments the engine made: cached takes cost nothing.
        made = e.done - e.cached
        left = e.total - e.done
        eta = f"ETA {_clock(elapsed / made * left)}" if made > 0 and left else "ETA --:--"
        extra = f", {e.cached} cached" if e.cached else ""
        extra += f", {e.failed} failed" if e.failed else ""
        line = f"{e.lesson + ': ' if e.lesson else ''}{e.stage}: {e.done}/{e.total}{extra}, " \
               f"{_clock(elapsed)} elapsed, {eta}"
        finished = e.done >= e.total
        if self.live:
            print("\r" + line + "\033[K", end="\n" if finished else "", file=self.stream, flush=True)
            self._line_open = not finished
        elif finished or starting or now - self._last_print >= self.interval or e.done == 1:
            print(line, file=self.stream, flush=True)
            self._last_print = now

    def _newline(self) -> None:
        if self._line_open:
            print(file=self.stream)
            self._line_open = False

    def close(self) -> None:
        with self._lock:
            self._newline()
