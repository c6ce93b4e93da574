"""Running narration jobs: which job runs when, on which shared servers, and what it reports.

Order: jobs are taken in arrival order within two lanes. A job of at most
:data:`INTERACTIVE_SEGMENTS` segments (a lesson from the editor) is *interactive*, a longer one
*batch*; each lane runs up to ``per_lane`` jobs at once, so a short lesson never waits for a long
build to finish. On every server, waiting requests are served interactive first, then by arrival
(:mod:`narrator.synthesis.sharing`), so a short job is not stuck behind a long one's requests either,
and there is still exactly one generation in flight per server.

Durability: a job is in the store before it is acknowledged; ``done`` is written only after the
narration's manifest (written last) exists. On start, jobs found ``running`` (the server was
killed) are queued again at their place; their finished takes come from the cache.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from narrator.config import Config
from narrator.errors import Interrupted, NarratorError
from narrator.events import Event, Notice, Progress
from narrator.server.store import FINISHED, Job, JobStore
from narrator.synthesis.sharing import GatePool

log = logging.getLogger(__name__)

INTERACTIVE_SEGMENTS = 300  # about 20 minutes of speech: one lesson, not a course
IDLE_ENGINES = 4  # engine setups kept ready when no job uses them (each voice is one setup)
NARRATION = "narration"  # the output folder inside a job's folder


@dataclass
class Live:
    """What a job is doing now (memory only; rebuilt when a job resumes)."""

    stage: str = ""
    done: int = 0
    total: int = 0
    cached: int = 0
    failed: int = 0
    started: float | None = None  # monotonic, when synthesis of this run began
    made_at_start: int = 0  # segments already done when this run began (cache hits)
    cancel: threading.Event = field(default_factory=threading.Event)
    version: int = 0


class Runner:
    """The job queue: dispatches stored jobs to worker threads, one scheduler per job over
    engines shared through per-server gates."""

    def __init__(self, store: JobStore, data_dir: Path, config_for: Callable[[dict[str, Any]], Config],
                 *, per_lane: int = 2, narrate: Callable[..., Any] | None = None) -> None:
        self.store = store
        self.data_dir = data_dir
        self.config_for = config_for
        self.per_lane = per_lane
        self.pool = GatePool()
        self._engines: OrderedDict[str, list[Any]] = OrderedDict()  # least recently used first
        self._using: dict[str, int] = {}  # engine setup -> jobs running with it
        self._turn = 0  # jobs started so far; _turns: the owner's last start, for taking turns
        self._turns: dict[str, int] = {}
        self._live: dict[str, Live] = {}
        self._running: dict[str, threading.Thread] = {}
        self._cond = threading.Condition()
        self._stopping = False
        self._dispatcher: threading.Thread | None = None
        if narrate is None:
            from narrator.pipeline import narrate as narrate_one

            narrate = narrate_one
        self._narrate = narrate

    # ---- paths -----------------------------------------------------------------------------------

    def job_dir(self, job_id: str) -> Path:
        return self.data_dir / "narrations" / job_id

    def out_dir(self, job_id: str) -> Path:
        return self.job_dir(job_id) / NARRATION

    def source_path(self, job: Job) -> Path:
        return self.job_dir(job.id) / "source" / f"{job.options.get('_stem', 'lesson')}.html"

    # ---- lifecycle --------------------------------------------------------------------------------

    def start(self) -> None:
        """Queue again what a killed server was running, then start dispatching."""
        for job in self.store.list(status=("running",)):
            self.store.set_status(job.id, "queued")
            log.info("resuming %s", job.id)
        self._dispatcher = threading.Thread(target=self._dispatch, name="jobs", daemon=True)
        self._dispatcher.start()

    def stop(self) -> None:
        """Stop taking jobs and cancel running ones (they are queued again at the next start)."""
        with self._cond:
            self._stopping = True
            for job_id in self._running:
                self._live[job_id].cancel.set()
            threads = list(self._running.values())
            self._cond.notify_all()
        for t in threads:
            t.join(timeout=10)
        for engines in self._engines.values():
            for e in engines:
                e.close()

    def wake(self) -> None:
        with self._cond:
            self._cond.notify_all()

    # ---- queries ---------------------------------------------------------------------------------

    def live(self, job_id: str) -> Live:
        with self._cond:
            return self._live.setdefault(job_id, Live())

    def position(self, job: Job) -> int:
        """1-based place among the queued jobs of its lane (0 when not queued)."""
        if job.status != "queued":
            return 0
        return 1 + self.store.queued_before(job.seq, interactive=self.lane(job) == 0, bound=INTERACTIVE_SEGMENTS)

    @staticmethod
    def lane(job: Job) -> int:
        return 0 if job.segments <= INTERACTIVE_SEGMENTS else 1

    def version(self, job_id: str) -> int:
        with self._cond:
            live = self._live.get(job_id)
            return live.version if live else 0

    def delete(self, job_id: str) -> bool:
        """Forget a finished job: its row, its files and what is known of it (False if it is
        not finished, or gone)."""
        with self._cond:
            job = self.store.get(job_id)
            if job is None or job.status not in FINISHED or job_id in self._running:
                return False
            self.store.delete(job_id)
            self._live.pop(job_id, None)
        shutil.rmtree(self.job_dir(job_id), ignore_errors=True)
        return True

    def cancel(self, job_id: str) -> None:
        """Cancel a queued job now, a running one at its next step (while it is read and
        planned, or between two requests)."""
        with self._cond:
            job = self.store.get(job_id)
            if job is None or job.status in FINISHED:
                return
            if job.status == "queued" and job_id not in self._running:
                self.store.set_status(job_id, "cancelled", "cancelled")
                self._bump(job_id)
            else:
                self._live.setdefault(job_id, Live()).cancel.set()

    def requeue(self, job_id: str) -> None:
        """Run a failed or cancelled job again (its made takes are in the cache)."""
        with self._cond:
            job = self.store.get(job_id)
            if job is None or job.status not in ("failed", "cancelled"):
                return  # deleted, or already queued again by another submission
            self.store.set_status(job_id, "queued")
            self._live[job_id] = Live()
            self._cond.notify_all()

    def rebuild(self, job_id: str) -> bool:
        """Run a finished narration again after a teacher's corrections (the review page): only
        what changed is made, the rest comes from the cache. False if it is queued or running."""
        with self._cond:
            job = self.store.get(job_id)
            if job is None or job.status not in FINISHED or job_id in self._running:
                return False
            self.store.set_status(job_id, "queued")
            self._live[job_id] = Live()
            self._cond.notify_all()
            return True

    def servers(self) -> dict[str, dict[str, Any]]:
        return dict(self.pool.status())

    # ---- running ---------------------------------------------------------------------------------

    def _bump(self, job_id: str) -> None:
        live = self._live.setdefault(job_id, Live())
        live.version += 1
        self._cond.notify_all()

    def _dispatch(self) -> None:
        while True:
            with self._cond:
                if self._stopping:
                    return
                started = self._admit()
                if not started:
                    self._cond.wait()

    def _admit(self) -> bool:
        """Start the next queued jobs that fit their lane (under the lock)."""
        running_lanes = [0, 0]
        busy: dict[tuple[int, str], int] = {}  # (lane, owner) -> jobs running
        for job_id in self._running:
            job = self.store.get(job_id)
            if job is not None:
                running_lanes[self.lane(job)] += 1
                busy[self.lane(job), job.owner] = busy.get((self.lane(job), job.owner), 0) + 1
        started = False
        waiting = [j for j in self.store.list(status=("queued",), newest_first=False) if j.id not in self._running]
        while waiting:
            # Owners take turns: the next job is the oldest of whoever has the fewest running in
            # its lane and started one least recently, so one site's hundred lessons do not keep
            # another's one waiting.
            free = [j for j in waiting if running_lanes[self.lane(j)] < self.per_lane]
            if not free:
                break
            job = min(free, key=lambda j: (busy.get((self.lane(j), j.owner), 0),
                                           self._turns.get(j.owner, 0), j.seq))
            self._turn += 1
            self._turns[job.owner] = self._turn
            waiting.remove(job)
            lane = self.lane(job)
            running_lanes[lane] += 1
            busy[lane, job.owner] = busy.get((lane, job.owner), 0) + 1
            self.store.set_status(job.id, "running")
            live = self._live[job.id] = Live()
            live.stage = "starting"
            self._bump(job.id)
            thread = threading.Thread(target=self._run, args=(job,), name=f"job {job.id}", daemon=True)
            self._running[job.id] = thread
            thread.start()
            started = True
        return started

    def check_engine(self, config: Config) -> None:
        """Make (or find) the engines of a submission's setup now, so that a setting they refuse
        (an unknown voice) is the submission's 400, not a failed job later."""
        if not config.queue.broker:
            self._engines_for(_setup(config), config)

    def _engines_for(self, key: str, config: Config, *, use: bool = False) -> list[Any]:
        """The engines of one setup, made once and shared by every job with that setup (``use``:
        one more job runs with them); the least recently used setups no job is using are closed
        beyond :data:`IDLE_ENGINES`."""
        from narrator.engines import create_engines

        made: list[Any] | None = None
        while True:
            with self._cond:
                engines = self._engines.get(key)
                if engines is None and made is not None:
                    engines, made = made, None
                    self._engines[key] = engines
                if engines is not None:
                    self._engines.move_to_end(key)
                    if use:
                        self._using[key] = self._using.get(key, 0) + 1
                    idle = [k for k in self._engines if not self._using.get(k) and k != key]
                    closing = [self._engines.pop(k) for k in idle[:max(0, len(idle) - IDLE_ENGINES)]]
                    break
            made = create_engines(config)  # outside the lock: it may take a while
        if made is not None:
            closing.append(made)  # another submission made this setup's engines meanwhile
        for old in closing:
            for e in old:
                e.close()
        return engines

    def _run(self, job: Job) -> None:
        live = self.live(job.id)
        status, error, engine_key = "failed", "", ""
        try:
            config = self.config_for(job.options)
            priority = (self.lane(job), job.seq)
            if config.queue.broker:  # the workers behind the broker make the takes
                config = replace(config, queue=replace(config.queue, interactive=self.lane(job) == 0))
                engines: list[Any] = []
            else:
                key = _setup(config)
                setup = self._engines_for(key, config, use=True)
                engine_key = key  # released when the job ends
                engines = self.pool.share(setup, priority, live.cancel.is_set)
            source = self.source_path(job)
            self._narrate(source, config, out_dir=self.out_dir(job.id), engines=engines,
                          on_event=lambda e: self._on_event(job.id, live, e), source_name=source.name)
            status = "done"
        except Interrupted:
            status, error = "cancelled", "cancelled"
        except NarratorError as e:
            error = _without_path(str(e), self.source_path(job), self.job_dir(job.id))
        except Exception as e:  # noqa: BLE001 - a bug must fail the job, not the server
            log.exception("job %s", job.id)
            error = f"internal error: {type(e).__name__}: {e}"
        with self._cond:
            if engine_key:
                self._using[engine_key] -= 1
            if self._stopping and status == "cancelled":
                status = "queued"  # the server is stopping: the job resumes at the next start
            self.store.set_status(job.id, status, error)  # type: ignore[arg-type]
            if status == "cancelled":
                shutil.rmtree(self.out_dir(job.id), ignore_errors=True)
            live.stage = status
            del self._running[job.id]
            self._bump(job.id)
        log.info("%s %s%s", job.id, status, f": {error}" if error else "")

    def _on_event(self, job_id: str, live: Live, event: Event) -> None:
        if live.cancel.is_set():
            raise Interrupted("cancelled")  # stops the scheduler between two requests
        with self._cond:
            if isinstance(event, Progress):
                if event.stage == "synthesize" and live.started is None:
                    live.started = time.monotonic()
                    live.made_at_start = event.done
                live.stage, live.done, live.total = event.stage, event.done, event.total
                live.cached, live.failed = event.cached, event.failed
            elif isinstance(event, Notice) and event.level == "warning":
                log.warning("%s: %s", job_id, event.text)
            self._bump(job_id)


def _setup(config: Config) -> str:
    """The engine settings of ``config``, as a key: jobs with equal keys share engines."""
    return json.dumps(asdict(config.engine), sort_keys=True, default=str)


def eta_seconds(live: Live) -> float | None:
    """Remaining synthesis time from this run's own pace; None before there is one."""
    if live.stage != "synthesize" or live.started is None:
        return None
    made = live.done - live.made_at_start
    if made <= 0:
        return None
    return (live.total - live.done) * (time.monotonic() - live.started) / made


def _without_path(message: str, path: Path, folder: Path) -> str:
    """Errors name the file they are about; where the server keeps a job is its own business
    ("see narration/errors.jsonl", never the data folder's path)."""
    message = message.replace(f"{path}: ", "").replace(str(path), "the lesson")
    return message.replace(f"{folder}{os.sep}", "").replace(str(folder), "the narration")
