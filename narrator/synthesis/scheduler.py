"""The synthesis scheduler: cache first, as many requests in flight per server as it can use,
retries, validation.

Each server has request slots, one worker thread each; a slot pulls the next job from a shared
queue the moment its server has room, so servers of unequal speed all stay busy and nothing ever
sleeps between requests. How many slots a server may use at once is its limit
(:mod:`narrator.synthesis.concurrency`): 1 for the IndexTTS2 web UI and eSpeak, a number from
``[engine] in_flight``, or found by measuring the server's throughput ("auto", the default of
engines whose servers batch); a failure under concurrency steps it down to 1. A job is one unique cache key: identical sentences are synthesized once and the
take is shared by every segment that needs it. Each take is validated and stored in the cache by a
writer thread, off the servers' critical path: a worker only sends requests.

Faults: a failed attempt (engine error, timeout, invalid audio) puts the job back at the head of
the queue at once for any healthy server, while only the failing *server* cools down (exponential
backoff with jitter; the policy is in :mod:`narrator.synthesis.health`). After ``OUT_AFTER`` consecutive
failures a server is out of rotation and
probed with a real job after a growing cool-down; after ``config.engine.probes`` failed probes, or
on :class:`EngineUnavailable` (an answer asking again cannot change: HTTP 404 or 501, a page
instead of audio from the first answer on), it is dead for good (the cool-downs are
``config.engine.backoff``, ``backoff_max`` and ``probe_after``). When every server is dead
before any take exists, the result's ``stopped`` says why in one line (the pipeline raises
:class:`NoServerLeft` with it). A job has ``config.engine.retries`` attempts; then its
segments are recorded as failed (errors.jsonl) and the run goes on. A take rejected for its length
that comes back byte for byte is the text's fault, not the server's: its job fails at once. The
only waiting is for a server's own cool-down, so the run ends in bounded time even when every
server is dead. At the start, a server that is not there at all (connection refused) fails the
run at once unless ``engine.wait_for_server`` gives it time to boot.

With ``config.verify.enabled`` the writer hands each valid take to a checker thread
(:mod:`narrator.synthesis.verify.checker`) instead of caching it: the take is heard, then kept
(cached), or its job goes back to the head of the queue like a failed request. Servers never
wait for it.
"""

from __future__ import annotations

import hashlib
import logging
import queue
import random
import threading
import time
from collections import deque
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from narrator.synthesis.cache import Cache
from narrator.config import Config
from narrator.values import Script, Segment, Take
from narrator.engines.base import Engine, request_timeout
from narrator.errors import (
    EngineError,
    EngineUnavailable,
    ImplausibleTake,
    Interrupted,
    ServerUnreachable,
)
from narrator.events import EventSink, Notice, Progress, ignore
from narrator.synthesis.checks import validate_take
from narrator.synthesis.concurrency import Limit, Ticket, limit_for
from narrator.synthesis.health import CoolDown, ServerHealth
from narrator.synthesis.takes import Hit, Tally, cast_of, plan_takes, record_errors as _record_errors, voice_pick
from narrator.synthesis.verify.checker import Candidate, Checker, JobChecks
from narrator.util.wavio import normalize_wav, wav_info

log = logging.getLogger(__name__)

_LOOKAHEAD = 32  # queue entries a worker scans for a job that has not already failed on its server
# The writer starts on a take this long after its worker handed it over, when the worker's next
# request is on its way: building that request is the only part of the loop a server waits on,
# and the writer's work (also Python, under the GIL) would otherwise delay it (bench_scheduler.py).
_WRITE_DELAY = 0.005


@dataclass(frozen=True)
class SynthesisResult:
    """What :func:`synthesize` produced: takes by segment id (in script order) and failures."""

    takes: Mapping[str, Take]
    failed: Mapping[str, tuple[str, ...]]  # segment id -> every error message
    synthesized: int  # segments whose take came from an engine in this run
    cached: int  # segments whose take was already in the cache
    server_busy: Mapping[str, float]  # server label -> seconds spent in requests
    fingerprint: str  # of the setup, as its servers described it
    # speech checks ([verify]): segment id -> manifest "verify" record / displayed words timed
    # from the start of the take; takes made again after a failed check; segments kept although
    # none of their takes passed
    checks: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    words: Mapping[str, Sequence[tuple[str, float, float]]] = field(default_factory=dict)
    remade: int = 0
    unverified: tuple[str, ...] = ()
    engine: str = ""  # the engine's name, when no local engine tells it (the queue)
    # why nothing could be made: every server went out before any take existed (one line naming
    # each server and its reason); the pipeline raises NoServerLeft with it
    stopped: str = ""


@dataclass(eq=False)
class _Job:
    """One unique take to make, for every segment that shares its cache key (scheduler-internal)."""

    key: str
    spoken: str
    lang: str
    emotion: str
    segments: list[Segment]
    voice: str = ""  # its role's voice ([voices]); "" = the narrator's own
    attempts: int = 0
    errors: list[tuple[str, str, float]] = field(default_factory=list)  # (server, message, unix time)
    failed_on: set[str] = field(default_factory=set)
    # server label -> time until which a request for it that failed on its way may still be
    # running there: that server is not asked for it again before (one request per key at once)
    abandoned: dict[str, float] = field(default_factory=dict)
    # sha256 of each take rejected for its length -> (server, request number) that sent it
    rejected: dict[bytes, tuple[_Server, int]] = field(default_factory=dict)
    checks: JobChecks = field(default_factory=JobChecks)  # speech checks of its takes


@dataclass(eq=False)
class _Slot:
    """One request slot of a server (one worker thread)."""

    index: int
    # a request of this slot that failed on its way (a timeout) may still be running on the
    # server: until then the slot counts as busy and gets nothing new
    ready_at: float = 0.0


@dataclass(eq=False)
class _Server:
    engine: Engine
    label: str
    health: ServerHealth  # its cool-down and failures, on the monotonic clock
    limit: Limit  # requests it may have in flight
    sent: int = 0  # requests sent; its attempts are numbered by them (under the run's lock)
    checked: bool = False  # its fingerprint was compared with the run's
    checking: bool = False  # one slot is asking for it
    why_dead: str = ""  # the error that took it out of the run
    busy: float = 0.0
    voice: str = ""  # the voice it was last asked for: IndexTTS2 keeps one speaker prompt loaded
    slots: list[_Slot] = field(default_factory=list)

    def occupied(self, now: float) -> int:
        """Requests in flight, and slots whose abandoned request may still be running."""
        return self.limit.in_flight + sum(1 for slot in self.slots if slot.ready_at > now)


class _Run(Tally):
    """Shared state of one synthesize() call; every field is guarded by ``cond``."""

    def __init__(self, jobs: list[_Job], servers: list[_Server], cache: Cache, config: Config,
                 fingerprint: str, total: int, cached: int, on_event: EventSink,
                 errors_path: Path | None, on_take: Callable[[Take], None]) -> None:
        super().__init__(cache, total=total, cached=cached, errors_path=errors_path)
        self.cond = threading.Condition()
        self.queue: deque[_Job] = deque(jobs)
        self.pending = len(jobs)  # jobs neither done nor failed (queued or in flight)
        self.servers = servers
        self.config = config
        self.fingerprint = fingerprint
        self.on_event = on_event
        self.on_take = on_take
        self.stopped = False
        self.stopped_why = ""  # every server went out before any take existed: why, in one line
        self.fatal: BaseException | None = None
        self.finished = threading.Event()
        # (server, its request number, job, take, seconds it took, when it was handed over)
        self.writes: queue.Queue[tuple[_Server, int, _Job, bytes, float, float] | None] = \
            queue.Queue(2 * len(servers) + 2)
        # until then a server that was never there (connection refused) is waited for
        self.boot_deadline = time.monotonic() + config.engine.wait_for_server
        self.checker: Checker | None = None  # hears takes before they are kept ([verify])
        self.threads: list[threading.Thread] = []  # one per request slot, started as limits grow
        if self.pending == 0:
            self.finished.set()

    # ---- worker side ---------------------------------------------------------------------------

    def open_slots(self, server: _Server) -> None:
        """Start worker threads until ``server`` has one per request its limit allows (under the
        lock, or before the run starts)."""
        while len(server.slots) < server.limit.value:
            slot = _Slot(len(server.slots))
            server.slots.append(slot)
            name = f"synth {server.label}" + (f" #{slot.index + 1}" if slot.index else "")
            thread = threading.Thread(target=self.work, args=(server, slot), name=name, daemon=True)
            self.threads.append(thread)
            thread.start()

    def work(self, server: _Server, slot: _Slot) -> None:
        """One worker thread: one request slot of ``server``, next job as soon as there is room."""
        try:
            while (got := self._next(server, slot)) is not None:
                self._attempt(server, slot, *got)
        except BaseException as e:  # noqa: BLE001 - a bug or a failing sink must end the run, not hang it
            with self.cond:
                if self.fatal is None:
                    self.fatal = e
                self._stop()

    def _next(self, server: _Server, slot: _Slot) -> tuple[_Job, int, Ticket] | None:
        """The next job for ``slot``, its request number and its limit ticket; None: no more."""
        while True:
            with self.cond:
                while True:
                    if self.stopped or server.health.dead or self.pending == 0:
                        return None
                    now = time.monotonic()
                    if not server.health.ready(now):  # only this server cools down; others keep working
                        self.cond.wait(server.health.ready_at - now)
                        continue
                    if slot.ready_at > now:  # its abandoned request may still be running
                        self.cond.wait(slot.ready_at - now)
                        continue
                    if not server.checked:
                        if server.checking:  # another slot is asking
                            self.cond.wait()
                            continue
                        server.checking = True
                        break  # checked outside the lock: it may be a network call
                    if server.occupied(now) >= server.limit.value:  # no room on the server
                        resting = [s.ready_at for s in server.slots if s.ready_at > now]
                        self.cond.wait(min(resting) - now if resting else None)
                        continue
                    job, wake = self._pick(server, now)
                    if job is not None:
                        job.attempts += 1
                        server.sent += 1
                        return job, server.sent, server.limit.sent(now)
                    # queue empty, jobs in flight elsewhere (one may come back), or only jobs
                    # whose abandoned request may still be running here
                    self.cond.wait(None if wake is None else wake - now)
            self._check_fingerprint(server)

    def _pick(self, server: _Server, now: float) -> tuple[_Job | None, float | None]:
        """The first queued job that has not failed on this server yet (else the first job it
        may take), or None and when to look again (None: when something changes). A job whose
        request to this server failed on its way is not sent there while it may still run."""
        wake: float | None = None
        first: int | None = None
        if server.voice or (self.queue and self.queue[0].voice):  # voices per role (issue 24)
            held = {s.voice for s in self.servers if s is not server and not s.health.dead}
            k = voice_pick(self.queue, server.voice, held, lambda j: server.label not in j.failed_on
                           and j.abandoned.get(server.label, 0.0) <= now)
            if k is not None:
                job = self.queue[k]
                del self.queue[k]
                server.voice = job.voice
                return job, None
        for i, job in enumerate(self.queue):
            if i >= _LOOKAHEAD:
                break
            until = job.abandoned.get(server.label, 0.0)
            if until > now:
                wake = until if wake is None else min(wake, until)
                continue
            if server.label not in job.failed_on:
                del self.queue[i]
                return job, None
            if first is None:
                first = i
        if first is not None:
            job = self.queue[first]
            del self.queue[first]
            return job, None
        return None, wake

    def _check_fingerprint(self, server: _Server) -> None:
        """A server set up differently would put foreign audio under our cache keys: exclude it."""
        try:
            fp = server.engine.fingerprint()
        except EngineError as e:
            with self.cond:
                server.checking = False
                self._server_failed(server, e, server.sent)
                self._finish_if_all_dead()
                self.cond.notify_all()
            return
        with self.cond:
            server.checking = False
            server.checked = True
            if fp != self.fingerprint:
                server.health.dead = True
                server.why_dead = (f"{server.label}: set up differently from the other servers "
                                   "(voice, model or settings)")
                self._emit(Notice("warning", f"{server.why_dead}; not used"))
                self._finish_if_all_dead()
            self.cond.notify_all()

    def _attempt(self, server: _Server, slot: _Slot, job: _Job, number: int, ticket: Ticket) -> None:
        start = time.monotonic()
        try:
            wav = server.engine.synthesize(job.spoken, job.lang, job.emotion,
                                           **({"voice": job.voice} if job.voice else {}))
        except EngineError as e:
            self._failed(server, job, e, time.monotonic() - start, number, slot=slot, ticket=ticket)
            return
        except Interrupted:
            raise  # the narration was cancelled while waiting for a shared server (job server)
        except Exception as e:  # noqa: BLE001 - an engine bug: do not trust this server again
            error = EngineUnavailable(f"unexpected {type(e).__name__}: {e}", server=server.label)
            self._failed(server, job, error, time.monotonic() - start, number, slot=slot, ticket=ticket)
            return
        elapsed = time.monotonic() - start
        with self.cond:  # the limit learns from the answer (the writer may still reject it)
            server.limit.answered(ticket, time.monotonic(), _seconds(wav),
                                  request_timeout(self.config, job.spoken)[1])
            self.open_slots(server)
            self.cond.notify_all()
        # validation and the cache write (with its fsync) happen on the writer thread, so this
        # server gets its next request at once; the bounded queue caps the takes held in memory
        while not self.stopped:
            try:
                self.writes.put((server, number, job, wav, elapsed, time.monotonic()), timeout=0.5)
                return
            except queue.Full:  # the writer is behind (slow disk); re-check for a stop
                continue

    def write(self) -> None:
        """The writer thread: check takes as they arrive, store them in the cache, complete their jobs."""
        try:
            while (item := self.writes.get()) is not None:
                server, number, job, wav, elapsed, handed = item
                # a backlog, or the last takes of a run (no request to make way for), at once
                if self.queue and (wait := handed + _WRITE_DELAY - time.monotonic()) > 0:
                    time.sleep(wait)
                del item
                checked = self._check(server, number, job, wav, elapsed)
                if checked is None:
                    continue  # rejected: the job is queued again
                wav, duration = checked
                rate = wav_info(wav).sample_rate
                if self.checker is not None:  # heard first, on the checker's own thread
                    self.checker.submit(job, Candidate(wav, duration, rate))
                    del wav, checked
                    continue
                path = self.cache.put(job.key, wav)  # a killed run loses only takes in flight
                del wav, checked  # takes are held as paths only
                made = [Take(seg.id, path, rate, duration, job.key, "engine") for seg in job.segments]
                with self.cond:
                    for take in made:
                        self.takes[take.segment_id] = take
                    self.synthesized += len(job.segments)
                    self._complete(job)
                for take in made:  # outside the lock: the sink may start work (assembly ahead)
                    self.on_take(take)
        except BaseException as e:  # noqa: BLE001 - e.g. a full disk: end the run, do not hang it
            with self.cond:
                if self.fatal is None:
                    self.fatal = e
                self._stop()

    # ---- the checker's side ([verify]; see narrator.synthesis.verify.checker) --------------------

    def keep_take(self, job: _Job, cand: Candidate, report: dict[str, Any]) -> None:
        """Store the take the checker chose under the job's key and complete the job."""
        path = cand.cached if cand.cached is not None else self.cache.put(job.key, cand.wav)
        with self.cond:
            made = self.keep_heard(job.segments, job.key, path, cand.rate, cand.duration,
                                   cached=cand.cached is not None, heard=cand.heard,
                                   attempts=job.attempts, report=report)
            self._complete(job)
        for take in made:  # outside the lock: the sink may start work (assembly ahead)
            self.on_take(take)

    def retake(self, job: _Job, message: str) -> None:
        """Make the job's take again: back at the head of the queue, like a failed request."""
        with self.cond:
            job.errors.append(("", message, time.time()))
            self._emit(Notice("info", f"{job.segments[0].id}: {message}; making it again"))
            self.queue.appendleft(job)
            self._finish_if_all_dead()
            self.cond.notify_all()

    def reject_take(self, job: _Job, message: str) -> None:
        """Strict mode: no take passed, so the job fails like any other."""
        with self.cond:
            job.errors.append(("", message, time.time()))
            self._give_up(job)

    def fail_run(self, error: BaseException) -> None:
        with self.cond:
            if self.fatal is None:
                self.fatal = error
            self._stop()

    def _check(self, server: _Server, number: int, job: _Job, wav: bytes,
               elapsed: float) -> tuple[bytes, float] | None:
        """(take, duration) if ``wav``, the answer to request ``number`` of ``server``, is valid;
        else None, the request counted as failed (writer thread)."""
        digest = hashlib.sha256(wav).digest()
        seen_text = self.seen.get(digest)  # the writer thread alone uses self.seen
        try:
            duration = validate_take(wav, text=job.spoken, lang=job.lang,
                                     sample_rate=server.engine.sample_rate,
                                     previous=(seen_text, wav) if seen_text is not None else None)
        except ImplausibleTake as e:
            self._implausible(server, number, job, digest, e, elapsed)
            return None
        except EngineError as e:
            self._failed(server, job, e, elapsed, number)
            return None
        self.seen[digest] = job.spoken
        with self.cond:
            server.busy += elapsed
            # a success ends the run of failures before it; its worker may have failed since
            server.health.answered(number)
        return normalize_wav(wav), duration

    def _implausible(self, server: _Server, number: int, job: _Job, digest: bytes,
                     error: ImplausibleTake, elapsed: float) -> None:
        """A well-formed take of the wrong length: a server fault the first time; the same bytes
        again mean the text is at fault, so the job fails now and neither answer counts against
        a server (writer thread)."""
        with self.cond:
            first = job.rejected.setdefault(digest, (server, number))
        if first == (server, number):
            self._failed(server, job, error, elapsed, number)
            return
        with self.cond:
            server.busy += elapsed
            first_server, first_number = first
            first_server.health.forgive(first_number)
            server.health.answered(number)  # it answered: it works
            message = (f"{server.label}: {error}; the same audio as before, so the text is at "
                       "fault, not the server")
            job.errors.append((server.label, message, time.time()))
            self._give_up(job)

    def _failed(self, server: _Server, job: _Job, error: EngineError, elapsed: float,
                number: int, *, slot: _Slot | None = None, ticket: Ticket | None = None) -> None:
        """Request ``number`` of ``server`` failed: on its way from ``slot`` (holding the limit's
        ``ticket``), or when its take was checked (no slot)."""
        message = error.naming(server.label)
        with self.cond:
            server.busy += elapsed
            server.limit.failed(ticket, time.monotonic())  # under concurrency: down to 1
            if isinstance(error, ServerUnreachable) and time.monotonic() < self.boot_deadline:
                # a server still booting (wait_for_server): ask again soon; the sentence has
                # not been tried, and the server has not failed yet
                job.attempts -= 1
                left = self.boot_deadline - time.monotonic()
                server.health.ready_at = time.monotonic() + min(_BOOT_POLL, max(left, 0.1))
                self.queue.appendleft(job)
                self.cond.notify_all()
                return
            job.errors.append((server.label, message, time.time()))
            job.failed_on.add(server.label)
            self._server_failed(server, error, number)
            if slot is not None and not server.health.dead:
                # the request failed on its way (a timeout): the server may still be making the
                # take it was asked for, so its slot gets nothing new for as long again (it
                # counts as in flight), and the job is not sent there again meanwhile
                slot.ready_at = max(slot.ready_at, time.monotonic() + elapsed)
                job.abandoned[server.label] = slot.ready_at
            if job.attempts >= self.config.engine.retries:
                self._give_up(job)
            else:
                log.debug("%s: attempt %d failed (%s); queued again", job.segments[0].id, job.attempts, message)
                self.queue.appendleft(job)  # at once, for any healthy server
            self._finish_if_all_dead()
            self.cond.notify_all()

    def _server_failed(self, server: _Server, error: EngineError, number: int) -> None:
        """Cool the server down, take it out of rotation, or declare it dead (under the lock)."""
        health = server.health
        if isinstance(error, ServerUnreachable):
            # nothing has ever answered at this address: it is not there (a wrong port, a server
            # not started), so minutes of growing waits would help nobody
            health.dead = True
            delay = None
        else:
            delay = health.failed(number, time.monotonic(), retryable=error.retryable)
        if delay is not None:
            log.debug("%s: %s after %d failure(s) in a row: resting %.1f s", server.label,
                      "out of rotation" if health.out_of_rotation else "cooling down", len(health.streak), delay)
        if health.dead:
            reason = error.message if error.server in (None, server.label) else str(error)
            if isinstance(error, ServerUnreachable):
                reason += f" - {_NOT_RUNNING}"
            server.why_dead = f"{server.label}: {reason}"
            if not all(s.health.dead for s in self.servers):  # else the run's error says it
                self._emit(Notice("warning", f"{server.label}: taken out of this run ({reason})"))

    def _finish_if_all_dead(self) -> None:
        """With no server left, every queued job fails now instead of waiting forever. When no
        take exists or can still come (none cached, none made, none being checked), nothing can
        be published: ``stopped`` says why in one line naming the servers, and the jobs fail
        quietly (errors.jsonl lists them; no progress is shown for them)."""
        if not all(s.health.dead for s in self.servers):
            return
        reasons = "; ".join(s.why_dead for s in self.servers if s.why_dead)
        message = "no usable server left" + (f" ({reasons})" if reasons else "")
        hopeless = bool(self.queue) and not self.takes and self.pending == len(self.queue)
        segments = sum(len(job.segments) for job in self.queue)
        while self.queue:
            job = self.queue.popleft()
            job.errors.append(("", message, time.time()))
            if hopeless:
                self.failed.update((seg.id, tuple(m for _, m, _ in job.errors)) for seg in job.segments)
                self._record_errors(job)
                self.pending -= 1
            else:
                self._give_up(job)
        if hopeless:
            where = f"; {segments} segment(s) not made, listed in {self.errors_path}" \
                if self.errors_path is not None else ""
            self.stopped_why = (reasons or message) + where
            self.finished.set()
            self.cond.notify_all()

    def _give_up(self, job: _Job) -> None:
        messages = tuple(m for _, m, _ in job.errors)
        for seg in job.segments:
            self.failed[seg.id] = messages
        self._record_errors(job)
        self._complete(job, failed=True)

    def _complete(self, job: _Job, failed: bool = False) -> None:
        self.pending -= 1
        self.done += len(job.segments)
        self._emit(Progress("synthesize", self.done, self.total, cached=self.cached,
                            failed=len(self.failed)))
        if self.pending == 0:
            self.finished.set()
        self.cond.notify_all()

    def _record_errors(self, job: _Job) -> None:
        if self.errors_path is not None:
            _record_errors(self.errors_path, job.segments, job.attempts, job.errors)

    def _emit(self, event: Any) -> None:
        self.on_event(event)  # under self.cond: the sink is never called from two threads at once

    def _stop(self) -> None:
        self.stopped = True
        self.finished.set()
        self.cond.notify_all()


def synthesize(script: Script, engines: Sequence[Engine], cache: Cache, config: Config, *,
               on_event: EventSink = ignore, errors_path: Path | None = None,
               on_take: Callable[[Take], None] = lambda take: None) -> SynthesisResult:
    """Make a take for every segment of ``script``: from the cache, else from the engines.

    ``engines`` are servers of one setup (same fingerprint); each gets one worker thread and
    exactly one request in flight. Segments that fail every attempt are listed in
    ``result.failed`` and in ``errors_path`` (JSON lines); the run itself does not raise for them.
    Ctrl-C raises :class:`Interrupted` promptly; takes made so far stay in the cache. Retries and
    cool-downs follow ``config.engine`` (retries, backoff, backoff_max, probe_after, probes).
    ``on_take`` is called with every take as it exists (cached ones first), from the run's
    threads: the pipeline assembles a chapter as soon as its last take is there.

    >>> result = synthesize(script, create_engines(config), Cache(config.resolved_cache_dir()),
    ...                     config, errors_path=out / "errors.jsonl")  # doctest: +SKIP
    >>> result.takes["c01-s0001"].path  # doctest: +SKIP
    """
    segments = script.segments
    if not engines:
        raise EngineUnavailable("no engine or server to synthesize with")
    if errors_path is not None:
        errors_path.parent.mkdir(parents=True, exist_ok=True)
        errors_path.unlink(missing_ok=True)  # a stale list from an earlier run would mislead
    try:
        fingerprint, lead = setup_fingerprint(engines, config, on_event)
    except _NoSetup as e:
        # without the setup's fingerprint no take can be looked up or made: every segment fails
        if errors_path is not None:
            _record_errors(errors_path, segments, 0, e.errors)
        raise

    verify = config.verify.enabled
    if verify:
        from narrator.synthesis.verify.recognizer import require

        require()  # before any request: a missing extra is a setup problem
    hearings: dict[str, tuple[Any, int]] = {}  # cached takes heard before: key -> (Heard, attempts)

    def verdict(key: str, hit: Hit, seg: Segment) -> str:
        return cached_verdict(cache, key, hit, seg, config, hearings)

    takes, wanted, to_hear = plan_takes(segments, lead, fingerprint, cache, force=config.force,
                                        voice_of=cast_of(config, lead.name),
                                        verdict=verdict if verify else None)
    jobs = {key: _Job(w.key, w.spoken, w.lang, w.emotion, w.segments, w.voice) for key, w in wanted.items()}

    policy = CoolDown(config.engine)
    servers = [_Server(e, e.label, ServerHealth(policy), limit_for(e, config.engine.in_flight),
                       checked=e is lead) for e in engines]
    run = _Run(list(jobs.values()), servers, cache, config, fingerprint, len(segments),
               len(takes), on_event, errors_path, on_take)
    if verify:
        run.hearings.update(hearings)
        run.checker = Checker(config.verify, run, cache)
        run.checker.start()
        run.queue = deque(job for job in run.queue if job.key not in to_hear)
        # cached takes never heard are heard (read from the cache when their turn comes) before use
        for key, (path, rate, duration) in to_hear.items():
            run.checker.submit(jobs[key], Candidate(b"", duration, rate, cached=path))
    with run.cond:
        run.takes.update(takes)
        run._emit(Progress("synthesize", run.done, run.total, cached=run.cached))
    for take in takes.values():
        on_take(take)
    _say_in_flight(servers, config, on_event)
    writer = threading.Thread(target=run.write, name="synth cache writer", daemon=True)
    writer.start()
    with run.cond:
        for s in servers:
            run.open_slots(s)
    try:
        # short waits keep Ctrl-C responsive on every platform
        while not run.finished.wait(0.5):
            with run.cond:
                threads = list(run.threads)
            if not writer.is_alive() or not any(t.is_alive() for t in threads):
                break
    except KeyboardInterrupt:
        with run.cond:
            run._stop()
            done, total = run.done, run.total
        # takes already received are written (milliseconds); in-flight requests are abandoned
        _close_writer(run, writer)  # takes still being heard are made again next time
        raise Interrupted(f"interrupted after {done} of {total} segments; "
                          f"takes made so far are kept in {cache.root}") from None
    with run.cond:
        run._stop()
        threads = list(run.threads)
    for t in threads:
        t.join()
    _close_writer(run, writer)
    if run.checker is not None:
        run.checker.close()
    if run.fatal is not None:
        raise run.fatal
    order = {seg.id: i for i, seg in enumerate(segments)}
    checks, words, unverified = speech_checks(segments, run.takes, run.hearings, run.unverified, config,
                                              errors_path) if verify else ({}, {}, ())
    return SynthesisResult(
        takes=dict(sorted(run.takes.items(), key=lambda kv: order[kv[0]])),
        failed=dict(sorted(run.failed.items(), key=lambda kv: order[kv[0]])),
        synthesized=run.synthesized, cached=run.cached,
        server_busy={s.label: s.busy for s in servers}, fingerprint=fingerprint,
        checks=checks, words=words, remade=run.checker.remade if run.checker else 0,
        unverified=unverified, stopped=run.stopped_why,
    )


def cached_verdict(cache: Cache, key: str, hit: Hit, seg: Segment,
                    config: Config, hearings: dict[str, tuple[Any, int]]) -> str:
    """What to do with a cached take when takes are checked: "keep" it (heard before; its
    hearing goes into ``hearings``), "hear" it first, or "remake" it (strict mode, and what was
    heard fails today's thresholds)."""
    from narrator.synthesis.verify.checker import stored_hearing
    from narrator.synthesis.verify.compare import compare

    if key in hearings:
        return "keep"
    stored = stored_hearing(cache, key, hit[0])
    if stored is None:
        return "hear"
    if config.verify.strict and not compare(seg.spoken, stored[0].text, seg.lang, config.verify).passed:
        return "remake"
    hearings[key] = stored
    return "keep"


def speech_checks(segments: Sequence[Segment], takes: Mapping[str, Take],
                  hearings: Mapping[str, tuple[Any, int]], kept_unverified: Sequence[str], config: Config,
                  errors_path: Path | None) -> tuple[dict[str, Mapping[str, Any]], dict[str, Any], tuple[str, ...]]:
    """What the speech checks ([verify]) say of ``segments``: each checked segment's manifest
    record and timed words, and the segments kept although their take fails the check, in script
    order. Those heard in an earlier run, under laxer thresholds, are added to ``errors_path``
    here (``kept_unverified``, this run's, were added when kept)."""
    from narrator.synthesis.verify.checker import segment_checks

    checks: dict[str, Mapping[str, Any]] = {}
    words: dict[str, Any] = {}
    for seg in segments:
        take = takes.get(seg.id)
        if take is None or take.cache_key not in hearings:
            continue
        heard, attempts = hearings[take.cache_key]
        checks[seg.id], timed = segment_checks(seg.text, seg.spoken, seg.lang, heard, attempts,
                                               config.verify)
        if timed:
            words[seg.id] = timed
    unverified = tuple(seg.id for seg in segments
                       if seg.id in checks and checks[seg.id].get("checked") and not checks[seg.id].get("passed"))
    if errors_path is not None:
        for seg in segments:
            if seg.id in unverified and seg.id not in kept_unverified:
                c = checks[seg.id]
                _record_errors(errors_path, [seg], c["attempts"], [(
                    "", f"kept although its take fails the speech check: {'; '.join(c['problems'])} "
                        f"(heard {c['heard']!r})", time.time())])
    return checks, words, unverified


def _seconds(wav: bytes) -> float:
    """The duration of a WAV answer from its header (0 if it is not one: the writer rejects it)."""
    try:
        info = wav_info(wav)
    except ValueError:
        return 0.0
    return info.duration


def _say_in_flight(servers: Sequence[_Server], config: Config, on_event: EventSink) -> None:
    """A number asked of an engine that takes one request at a time is said to be ignored."""
    asked = config.engine.in_flight
    if isinstance(asked, int) and asked > 1:
        for s in servers:
            if s.limit.cap < asked:
                on_event(Notice("warning", f"{s.label}: {s.engine.name} takes at most {s.limit.cap} "
                                f"request(s) at once; [engine] in_flight = {asked} is taken as {s.limit.cap}"))
                break


def _close_writer(run: _Run, writer: threading.Thread) -> None:
    """Let the writer store what it has been handed, then end it."""
    if writer.is_alive():
        run.writes.put(None)
        writer.join()


class NoServerLeft(EngineUnavailable):
    """Every server is out of the run before any take exists: the message names each server
    and why (a refused connection, an answer such as HTTP 404 or 501 that asking again cannot
    change, too many failures)."""


_NOT_RUNNING = ("is the server running? --wait-for-server SECONDS (or [engine] wait_for_server) "
                "waits for one that is starting")


class _NoSetup(EngineError):
    """No engine could tell the setup's fingerprint; ``errors`` is (server, message, unix time)
    per engine."""

    def __init__(self, errors: list[tuple[str, str, float]], hint: str = "") -> None:
        super().__init__("no server could describe its setup: " + "; ".join(m for _, m, _ in errors)
                         + (f" ({hint})" if hint else ""))
        self.errors = errors


def setup_fingerprint(engines: Sequence[Engine], config: Config,
                 on_event: EventSink) -> tuple[str, Engine]:
    """The setup's fingerprint from the first engine that can tell it (a server may be down).

    A server that is not there (connection refused, unknown host) fails the run at once, unless
    ``engine.wait_for_server`` asks to keep trying for that many seconds (a GPU server booting
    alongside). A server that is there but failing (timeouts, 5xx) is asked again after the
    cool-downs a failing server gets mid-run, until it would be given up. An engine unavailable
    for good (EngineUnavailable) is not asked again.
    """
    rng = random.Random()
    candidates = list(engines)
    problems: dict[str, tuple[str, str, float]] = {}
    fails = 0
    deadline = time.monotonic() + config.engine.wait_for_server
    while True:
        absent = True  # every candidate failed because nothing answers at its address
        for engine in list(candidates):
            try:
                return engine.fingerprint(), engine
            except EngineError as e:
                message = e.naming(engine.label)
                problems[engine.label] = (engine.label, message, time.time())
                absent = absent and isinstance(e, ServerUnreachable)
                if not e.retryable:
                    candidates.remove(engine)
        fails += 1
        if candidates and absent:
            left = deadline - time.monotonic()
            if left <= 0:
                raise _NoSetup(list(problems.values()), hint=_NOT_RUNNING)
            # poll a booting server every few seconds at most: a refused connection costs nothing
            step = min(config.engine.backoff * 2 ** (fails - 1), config.engine.backoff_max, _BOOT_POLL)
            delay: float | None = min(left, max(step, 0.1))
        else:
            delay = CoolDown(config.engine).delay(fails, rng) if candidates else None
        if delay is None:
            raise _NoSetup(list(problems.values()))
        on_event(Notice("warning", "no server could describe its setup yet ("
                        + "; ".join(m for _, m, _ in problems.values())
                        + f"); asking again in {delay:.1f} s"))
        try:
            time.sleep(delay)
        except KeyboardInterrupt:
            raise Interrupted("interrupted while waiting for a server to answer") from None


_BOOT_POLL = 5.0  # longest pause between two start-up attempts on a server that is not there yet
