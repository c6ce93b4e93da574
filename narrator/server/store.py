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
    idempotency_key TEXT,
    segments INTEGER NOT NULL,
    error TEXT NOT NULL DEFAULT '',
    finished REAL,
    owner TEXT NOT NULL DEFAULT '',
    request_key TEXT NOT NULL DEFAULT '',
    UNIQUE (owner, idempotency_key)
);
CREATE INDEX IF NOT EXISTS jobs_content ON jobs (owner, content_key);
CREATE INDEX IF NOT EXISTS jobs_status ON jobs (status, seq);
CREATE INDEX IF NOT EXISTS jobs_owner ON jobs (owner, seq);
"""
SCHEMA_VERSION = 2

# Version 1 (one token for everyone): no owner, idempotency keys unique across the server. Its
# jobs go to "default", the name its token is adopted under (tokens.py).
_FROM_1 = """
ALTER TABLE jobs RENAME TO jobs_v1;
DROP INDEX IF EXISTS jobs_content;
DROP INDEX IF EXISTS jobs_status;
""" + _SCHEMA + """
INSERT INTO jobs (seq, id, created, status, title, options, content_key, idempotency_key, segments,
                  error, finished, owner)
    SELECT seq, id, created, status, title, options, content_key, idempotency_key, segments, error,
           finished, 'default' FROM jobs_v1;
DROP TABLE jobs_v1;
"""


class DuplicateKey(Exception):
    """The owner's Idempotency-Key is taken (by a submission that raced this one)."""


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
    owner: str = ""  # the name of the token that submitted it
    request_key: str = ""  # sha256 of the request: an Idempotency-Key reused for another is refused


class JobStore:
    """Thread-safe access to the jobs table."""

    def __init__(self, path: Path) -> None:
        self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self._db.row_factory = sqlite3.Row
        self._lock = threading.Lock()
        with self._lock:
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=FULL")
            version = self._db.execute("PRAGMA user_version").fetchone()[0]
            exists = self._db.execute("SELECT 1 FROM sqlite_master WHERE name = 'jobs'").fetchone()
            if exists and version < SCHEMA_VERSION:
                self._db.executescript("BEGIN;" + _FROM_1 + f"PRAGMA user_version = {SCHEMA_VERSION}; COMMIT;")
            else:
                self._db.executescript(_SCHEMA + f"PRAGMA user_version = {SCHEMA_VERSION};")

    def add(self, job_id: str, *, title: str, options: dict[str, Any], content_key: str,
            idempotency_key: str | None, segments: int, owner: str = "", request_key: str = "") -> Job:
        """Store a new queued job (DuplicateKey if the owner's Idempotency-Key is taken)."""
        try:
            with self._lock:
                self._db.execute(
                    "INSERT INTO jobs (id, created, status, title, options, content_key,"
                    " idempotency_key, segments, owner, request_key)"
                    " VALUES (?, ?, 'queued', ?, ?, ?, ?, ?, ?, ?)",
                    (job_id, time.time(), title, json.dumps(options, sort_keys=True), content_key,
                     idempotency_key, segments, owner, request_key))
        except sqlite3.IntegrityError:
            raise DuplicateKey(idempotency_key) from None
        job = self.get(job_id)
        assert job is not None
        return job

    def delete(self, job_id: str) -> None:
        with self._lock:
            self._db.execute("DELETE FROM jobs WHERE id = ?", (job_id,))

    def ids(self) -> set[str]:
        """Every stored job id (to find folders no job owns)."""
        with self._lock:
            return {r[0] for r in self._db.execute("SELECT id FROM jobs")}

    def finished_before(self, when: float) -> list[Job]:
        """Finished jobs that ended before ``when`` (epoch seconds)."""
        with self._lock:
            rows = self._db.execute("SELECT * FROM jobs WHERE finished IS NOT NULL AND finished < ?",
                                    (when,)).fetchall()
        return [_job(r) for r in rows]

    def get(self, job_id: str) -> Job | None:
        with self._lock:
            row = self._db.execute("SELECT * FROM jobs WHERE id = ?", (job_id,)).fetchone()
        return _job(row) if row else None

    def by_idempotency_key(self, owner: str, key: str) -> Job | None:
        with self._lock:
            row = self._db.execute("SELECT * FROM jobs WHERE owner = ? AND idempotency_key = ?",
                                   (owner, key)).fetchone()
        return _job(row) if row else None

    def by_content(self, owner: str, content_key: str) -> Job | None:
        """The owner's newest job for this content and settings."""
        with self._lock:
            row = self._db.execute("SELECT * FROM jobs WHERE owner = ? AND content_key = ?"
                                   " ORDER BY seq DESC LIMIT 1", (owner, content_key)).fetchone()
        return _job(row) if row else None

    def set_status(self, job_id: str, status: Status, error: str = "") -> None:
        finished = time.time() if status in FINISHED else None
        with self._lock:
            self._db.execute("UPDATE jobs SET status = ?, error = ?, finished = ? WHERE id = ?",
                             (status, error, finished, job_id))

    def list(self, *, status: tuple[Status, ...] | None = None, newest_first: bool = True,
             limit: int | None = None, owner: str | None = None) -> list[Job]:
        """Jobs in arrival order (newest first by default); ``owner``: only that owner's."""
        where: list[str] = []
        args: list[Any] = []
        if status:
            where.append(f"status IN ({', '.join('?' * len(status))})")
            args += list(status)
        if owner is not None:
            where.append("owner = ?")
            args.append(owner)
        query = "SELECT * FROM jobs" + (" WHERE " + " AND ".join(where) if where else "")
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
               segments=row["segments"], error=row["error"], finished=row["finished"],
               owner=row["owner"], request_key=row["request_key"])


class LessonCorrections:
    """A teacher's corrections per token holder and lesson (``<data>/lessons/``), kept apart from
    any one narration: a narration's copy sits beside its source, where the pipeline reads it."""

    def __init__(self, data_dir: Path) -> None:
        self.root = data_dir / "lessons"

    def path(self, owner: str, lesson: str) -> Path:
        import hashlib

        # hashed: a lesson id is the client's text, never a path
        holder = hashlib.sha256(owner.encode("utf-8", "replace")).hexdigest()[:32]
        name = hashlib.sha256(lesson.encode("utf-8", "replace")).hexdigest()
        return self.root / holder / f"{name}.narration.toml"

    def restore(self, owner: str, lesson: str, source: Path) -> None:
        """Put the lesson's corrections beside ``source`` (the narration's lesson file)."""
        from narrator.script.corrections import corrections_path
        from narrator.util.atomic import write_atomic

        kept = self.path(owner, lesson)
        if kept.is_file():
            write_atomic(corrections_path(source), kept.read_bytes())

    def keep(self, owner: str, lesson: str, source: Path) -> None:
        """Keep the corrections beside ``source`` as the lesson's."""
        from narrator.script.corrections import corrections_path
        from narrator.util.atomic import write_atomic

        made = corrections_path(source)
        if made.is_file():
            kept = self.path(owner, lesson)
            kept.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(kept, made.read_bytes())

    def differs(self, owner: str, lesson: str, source: Path) -> bool:
        """The lesson's corrections are not those beside ``source``."""
        from narrator.script.corrections import corrections_path

        kept, made = self.path(owner, lesson), corrections_path(source)
        read = lambda p: p.read_bytes() if p.is_file() else b""  # noqa: E731
        return read(kept) != read(made)
