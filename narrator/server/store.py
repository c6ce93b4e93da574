"""The job store: one SQLite file in the data folder, so an accepted job survives any restart.

A job is committed (synchronous=FULL) before its submission is answered. Progress is not stored:
it lives in memory and is rebuilt from the cache when a job resumes.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

Status = Literal["queued", "running", "done", "failed", "cancelled"]
FINISHED = ("done", "failed", "cancelled")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS jobs (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT UNIQUE NOT NULL,
    created REAL NOT NULL,
    status TEXT NOT NULL,
    title TEXT NOT NULL,
    options TEXT NOT NULL,
    content_key TEXT NOT NULL,
    idempotency_key TEXT UNIQUE,
    segments INTEGER NOT NULL,
    error TEXT NOT NULL DEFAULT '',
    finished REAL
);
CREATE INDEX IF NOT EXISTS jobs_content ON jobs (content_key);
CREATE INDEX IF NOT EXISTS jobs_status ON jobs (status, seq);
"""


@dataclass(frozen=True)
class Job:
    """One narration request as stored."""

    seq: int  # arrival order
    id: str
    created: float
    status: Status
    title: str
    options: dict[str, Any]
    content_key: str  # sha256 of the HTML and the settings that shape the narration
    idempotency_key: str | None
    segments: int  # planned at submission; decides the job's class (interactive or batch)
    error: str
    finished: float | None


class JobStore:
    """Thread-safe access to the jobs table."""

    def __init__(self, path: Path) -> None:
        self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self._db.row_factory = sqlite3.Row
        self._lock = threading.Lock()
        with self._lock:
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=FULL")
            self._db.executescript(_SCHEMA)

    def add(self, job_id: str, *, title: str, options: dict[str, Any], content_key: str,
            idempotency_key: str | None, segments: int) -> Job:
        with self._lock:
            self._db.execute(
                "INSERT INTO jobs (id, created, status, title, options, content_key,"
                " idempotency_key, segments) VALUES (?, ?, 'queued', ?, ?, ?, ?, ?)",
                (job_id, time.time(), title, json.dumps(options, sort_keys=True), content_key,
                 idempotency_key, segments))
        job = self.get(job_id)
        assert job is not None
        return job

    def get(self, job_id: str) -> Job | None:
        with self._lock:
            row = self._db.execute("SELECT * FROM jobs WHERE id = ?", (job_id,)).fetchone()
        return _job(row) if row else None

    def by_idempotency_key(self, key: str) -> Job | None:
        with self._lock:
            row = self._db.execute("SELECT * FROM jobs WHERE idempotency_key = ?", (key,)).fetchone()
        return _job(row) if row else None

    def by_content(self, content_key: str) -> Job | None:
        """The newest job for this content and settings."""
        with self._lock:
            row = self._db.execute("SELECT * FROM jobs WHERE content_key = ? ORDER BY seq DESC LIMIT 1",
                                   (content_key,)).fetchone()
        return _job(row) if row else None

    def set_status(self, job_id: str, status: Status, error: str = "") -> None:
        finished = time.time() if status in FINISHED else None
        with self._lock:
            self._db.execute("UPDATE jobs SET status = ?, error = ?, finished = ? WHERE id = ?",
                             (status, error, finished, job_id))

    def list(self, *, status: tuple[Status, ...] | None = None, newest_first: bool = True,
             limit: int | None = None) -> list[Job]:
        query = "SELECT * FROM jobs"
        args: list[Any] = []
        if status:
            query += f" WHERE status IN ({', '.join('?' * len(status))})"
            args += list(status)
        query += " ORDER BY seq " + ("DESC" if newest_first else "ASC")
        if limit is not None:
            query += " LIMIT ?"
            args.append(limit)
        with self._lock:
            rows = self._db.execute(query, args).fetchall()
        return [_job(r) for r in rows]

    def queued_before(self, seq: int, *, interactive: bool, bound: int) -> int:
        """How many queued jobs were submitted before job ``seq`` in its lane: the interactive
        lane has at most ``bound`` segments, the batch lane more (one indexed count, not a list)."""
        lane = "segments <= ?" if interactive else "segments > ?"
        with self._lock:
            row = self._db.execute(f"SELECT COUNT(*) FROM jobs WHERE status = 'queued' AND seq < ? AND {lane}",
                                   (seq, bound)).fetchone()
        return int(row[0])

    def close(self) -> None:
        with self._lock:
            self._db.close()


def _job(row: sqlite3.Row) -> Job:
    return Job(seq=row["seq"], id=row["id"], created=row["created"], status=row["status"],
               title=row["title"], options=json.loads(row["options"]),
               content_key=row["content_key"], idempotency_key=row["idempotency_key"],
               segments=row["segments"], error=row["error"], finished=row["finished"])
