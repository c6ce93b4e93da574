"""Keeps the job server's disk from only growing: finished narrations expire after ``keep_days``,
and folders that no stored job owns (a submission killed while it was being prepared) go.
"""

from __future__ import annotations

import logging
import shutil
import threading
import time
from collections.abc import Callable
from pathlib import Path

from narrator.server.store import JobStore

log = logging.getLogger(__name__)

DAY = 86400.0


def sweep(store: JobStore, narrations: Path, delete: Callable[[str], bool], *, keep_days: float,
          orphan_age: float) -> int:
    """Delete finished jobs older than ``keep_days`` (0: never) with ``delete`` (the runner's:
    a job queued again meanwhile is left), and folders of no job older than ``orphan_age``
    seconds; return how many folders were removed."""
    removed = 0
    if keep_days > 0:
        for job in store.finished_before(time.time() - keep_days * DAY):
            removed += delete(job.id)
    known = store.ids()
    try:
        folders = list(narrations.iterdir())
    except OSError:
        return removed
    for folder in folders:
        try:
            young = time.time() - folder.stat().st_mtime < orphan_age
        except OSError:
            continue
        if folder.name not in known and not young:
            # The store is read before the folders are listed: a job added meanwhile is young.
            if folder.name not in store.ids():
                shutil.rmtree(folder, ignore_errors=True)
                removed += 1
    return removed


class Janitor:
    """Sweeps at start (every orphan: nothing is being prepared yet), then every ``every`` seconds
    (orphans older than ``grace``: longer than any submission takes to prepare)."""

    def __init__(self, store: JobStore, narrations: Path, delete: Callable[[str], bool], *,
                 keep_days: float, grace: float, every: float = 3600.0) -> None:
        self.store, self.narrations, self.delete = store, narrations, delete
        self.keep_days, self.grace, self.every = keep_days, grace, every
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._run_once(orphan_age=0)
        self._thread = threading.Thread(target=self._loop, name="janitor", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()

    def _loop(self) -> None:
        while not self._stop.wait(self.every):
            self._run_once(orphan_age=self.grace)

    def _run_once(self, *, orphan_age: float) -> None:
        try:
            removed = sweep(self.store, self.narrations, self.delete, keep_days=self.keep_days,
                            orphan_age=orphan_age)
        except Exception:  # noqa: BLE001 - cleaning up must never stop the server
            log.exception("sweeping the data folder")
            return
        if removed:
            log.info("removed %d expired or orphaned narration folders", removed)
