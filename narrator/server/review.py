"""The review page under ``narrate serve``: ``/review/<narration id>/<review key>/``.

The page is opened from a link, so it cannot send the API token. Its address holds a review key
instead: an HMAC of the narration's id under a secret of the server (``<data>/review.secret``),
given only to the narration's owner, in the ``links.review`` of its status. Whoever holds the link
may review that one narration, as whoever holds a narration's id may play it; nobody can make a
key for another.

Corrections belong to the lesson, not to one narration: they are kept per token holder and lesson
(the ``lesson`` the editor sends, else the lesson's title) in ``<data>/lessons/`` and copied beside
each narration's source when it is made or rebuilt, so a re-export of the edited lesson keeps them.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from pathlib import Path
from typing import Any

from narrator.review_session import ReviewSession
from narrator.server.jobs import Runner
from narrator.server.store import FINISHED, Job, LessonCorrections

__all__ = ["ReviewKeys", "RunnerBuilder", "MAX_LESSON", "lesson_of", "session_for"]

MAX_LESSON = 200  # characters of a lesson id


class ReviewKeys:
    """Review keys of the narrations of a data folder."""

    def __init__(self, data_dir: Path) -> None:
        path = data_dir / "review.secret"
        try:
            self._secret = bytes.fromhex(path.read_text().strip())
        except (OSError, ValueError):
            self._secret = secrets.token_bytes(32)
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "w") as f:
                f.write(self._secret.hex() + "\n")

    def key(self, job_id: str) -> str:
        return hmac.new(self._secret, job_id.encode(), hashlib.sha256).hexdigest()[:32]

    def valid(self, job_id: str, key: str) -> bool:
        return hmac.compare_digest(self.key(job_id).encode(), key.encode("utf-8", "replace"))

    def link(self, job_id: str) -> str:
        return f"/review/{job_id}/{self.key(job_id)}/"


def lesson_of(payload: Any, title: str | None) -> str | None:
    """The lesson's identity in a submission: its ``lesson`` (a string of 1-200 printable
    characters; anything else is ignored), else its title; None: corrections stay with the narration."""
    given = payload.get("lesson") if isinstance(payload, dict) else None
    if isinstance(given, str) and 0 < len(given) <= MAX_LESSON and given.isprintable() and given.strip():
        return given.strip()
    return " ".join(title.split()) or None if title else None


class RunnerBuilder:
    """A job's rebuild: the job queued again (its takes come from the cache)."""

    def __init__(self, runner: Runner, job_id: str, before: Any = None) -> None:
        self.runner, self.job_id, self.before = runner, job_id, before

    def start(self) -> bool:
        if self.before is not None:  # the lesson's corrections, as they are now
            self.before()
        return self.runner.rebuild(self.job_id)

    def status(self) -> dict[str, Any]:
        job = self.runner.store.get(self.job_id)
        live = self.runner.live(self.job_id)
        running = job is not None and job.status not in FINISHED
        return {"running": running, "stage": live.stage if running else (job.status if job else ""),
                "done": live.done, "total": live.total,
                "error": job.error if job is not None and job.status == "failed" else "",
                # changes when a build ends: the page waits for it
                "builds": int((job.finished or 0) * 1000) if job is not None else 0}


def session_for(runner: Runner, job: Job, config_for: Any, lessons: LessonCorrections) -> ReviewSession:
    """The review session of a job's narration, its corrections kept with its lesson."""
    source = runner.source_path(job)
    lesson = job.options.get("_lesson")
    restore = keep = None
    if isinstance(lesson, str):
        def restore() -> None:
            lessons.restore(job.owner, lesson, source)

        def keep() -> None:
            lessons.keep(job.owner, lesson, source)
    return ReviewSession(source, config_for(job.options), runner.out_dir(job.id), RunnerBuilder(runner, job.id, restore),
                         name=source.name, restore=restore, keep=keep)
