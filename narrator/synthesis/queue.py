"""The asker's side of the queue: takes made by `narrate worker` processes through a Celery broker.

:func:`synthesize_queued` replaces the local scheduler when ``[queue] broker`` is set. It asks the
live workers for their setup (the ``narrate_setup`` control command, see worker.py), computes
every cache key itself and looks each up in its own cache, sends one task per missing unique take
to the setup's queue, and stores each answer in its cache after checking it again, so assembly and
publishing work exactly as with the local scheduler. Retries follow the local rules: a failed
attempt is sent again at once (the failing worker rests first, so another one takes it) until
``config.engine.retries`` attempts; then the take's segments go to errors.jsonl and the run goes
on. Killed and run again, the asker finds the takes that arrived in its cache. With ``[verify]``
the asker hears every take as it arrives (the same checker as the local scheduler's); a take
made again after a failed check is asked for with the digests of the takes heard, so the worker
makes a new one instead of answering from its cache.

Faults: every second the asker checks the takes out. A take a worker has started names that
worker (worker.py); when the worker's heartbeat key has expired (HEARTBEAT_TTL, a few seconds),
the worker is gone (a killed process, a rebooted machine) and the take is sent again at once, as a
failed attempt, to the live workers; its old task is marked abandoned, so a copy of its message
restored later is skipped. A take no worker has started while its queue has been empty for
LOST_SECONDS was lost (a worker killed between fetching and starting it, a broker restarted
without its data) and is sent again the same way. A take given up after ``retries`` such attempts
goes to errors.jsonl with the reason.

Which workers: those of the asker's engine (unless "auto") and voice (its voice file's sha256, or
its voice name), if it names one; when several setups fit, the one with the most live workers.

Voices per role (issue 24): the asker's cast ([voices]) gives each role a voice; a take in a
role's voice goes to that voice's queue of the setup (worker.voice_queue), which the workers whose
own cast has that voice consume (a recording matched by its content's sha256, a voice name by the
name), and its cache key is the one the local scheduler gives it. A role whose voice no live
worker has fails the run before any take is sent, in one line naming the role and the voice:
read by the narrator instead, a lesson would silently sound wrong. Takes are sent so that idle
workers wake on different voices (the first take of each voice first, the largest voice first),
then voice by voice; each worker keeps its voice while its queue lasts (worker.StickyCycle).
"""

from __future__ import annotations

import base64
import hashlib
import queue
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from narrator.config import Config
from narrator.errors import EngineError, ImplausibleTake, Interrupted
from narrator.events import EventSink, Notice, Progress, ignore
from narrator.synthesis.cache import Cache
from narrator.synthesis.checks import validate_take
from narrator.synthesis.scheduler import SynthesisResult, cached_verdict, speech_checks
from narrator.synthesis.takes import Hit, Tally, Wanted, cast_of, plan_takes, record_errors
from narrator.synthesis.verify.checker import Candidate, Checker, JobChecks
from narrator.synthesis.worker import (ABANDONED_SECONDS, BATCH, INTERACTIVE, SETUP_COMMAND, TASK,
                                       HEARTBEAT_TTL, QueueUnavailable, abandoned_key, alive_key, check_broker,
                                       make_app, queue_lists, voice_identity, voice_queue)
from narrator.util.wavio import normalize_wav, wav_info
from narrator.values import Script, Segment, Take

if TYPE_CHECKING:
    from celery import Celery

INSPECT_SECONDS = 0.5  # longest wait for replies to a broadcast (workers answer in ms)
_POLL = 0.005  # seconds between result checks while takes are out (one Redis MGET)
_STALL_CHECK = 10.0  # with no answer for this long, check that a worker still serves the queue
_STALL_CHECKS = 3  # consecutive checks without a live worker after which the run gives up
LIVENESS_SECONDS = 1.0  # how often the holders of the takes out are checked
LOST_SECONDS = 10.0  # a take not started this long after its queue was last seen busy was lost

_apps: dict[str, Celery] = {}  # one app (and connection pool) per broker for the process


def connect(broker: str) -> Celery:
    """The Celery app for ``broker``, after checking the broker answers (QueueUnavailable)."""
    app = _apps.get(broker)
    if app is None:
        app = make_app(broker)
    check_broker(app, broker)
    _apps[broker] = app
    return app


def live_workers(app: Celery, langs: Sequence[str] = (), *,
                 timeout: float = INSPECT_SECONDS) -> list[dict[str, Any]]:
    """The setup of every live narrate worker (hostname, server, setup, queue, fingerprint...),
    with what each makes of ``langs``; waits for replies until every worker subscribed to the
    broker's control channel has answered, at most ``timeout`` seconds."""
    with app.connection_for_write() as conn:
        chan = conn.default_channel
        mailbox = app.control.mailbox(conn)
        # kombu deletes the reply queue (and its binding) after each collection and declares it
        # again only after publishing: workers answering within that gap would be lost, which
        # happens from the second broadcast of a process on. Declared first, no reply is lost.
        mailbox.reply_queue(chan).declare()
        replies = mailbox._broadcast(SETUP_COMMAND, {"langs": list(langs)}, reply=True,
                                     timeout=timeout, limit=_subscribers(app), channel=chan) or []
    workers = []
    for reply in replies:
        for hostname, answer in reply.items():
            if isinstance(answer, Mapping) and "setup" in answer:
                workers.append({**answer, "hostname": hostname})
    return sorted(workers, key=lambda w: w["hostname"])


def _subscribers(app: Celery) -> int | None:
    """How many clients of the broker's database listen to broadcasts (each Celery worker has
    one), so collecting replies ends when all came instead of after a fixed wait; None when
    Redis will not tell (CLIENT LIST not allowed). Other Celery apps' workers or monitors on
    the same database are counted too: then the wait just runs to its timeout, as without."""
    try:
        with app.connection_for_write() as conn:
            client = conn.default_channel.client
            db = str(client.connection_pool.connection_kwargs.get("db", 0))
            clients = client.client_list()
    except Exception:  # noqa: BLE001 - any refusal only costs the full wait
        return None
    n = sum(1 for c in clients if str(c.get("db")) == db and int(c.get("psub") or 0) > 0)
    return n or None


@dataclass(frozen=True)
class RemoteSetup:
    """A workers' setup as the asker needs it for cache keys (see takes.KeyParts)."""

    setup: str
    queue: str
    fingerprint: str
    sample_rate: int
    emotions: Mapping[str, Mapping[str, Any]]
    languages: Mapping[str, Mapping[str, Any]]
    engine: str
    servers: tuple[str, ...]
    pronunciations: str = "plain"  # the workers' engine's (narrator.normalize.pronounce)
    narrator: bool = True  # a live worker says the setup's own voice
    # the role voices live workers say: each as {"key", "value", "file_sha256", "queue", "roles"}
    voices: tuple[Mapping[str, Any], ...] = ()

    def voice_key(self, voice: str) -> str:
        """The workers' key for the asker's voice ``voice`` (a value of its [voices]): a local
        file by its content, else by name; "" when no live worker of the setup says it."""
        local = Path(voice).expanduser()
        if local.is_file():
            digest = hashlib.sha256(local.read_bytes()).hexdigest()
            found = [v for v in self.voices if v.get("file_sha256") == digest]
        else:
            found = [v for v in self.voices if v.get("value") == voice and not v.get("file_sha256")]
        return str(found[0]["key"]) if found else ""

    def queue_of(self, key: str) -> str:
        """The queue of takes in the voice ``key`` ("" = the setup's own voice)."""
        return voice_queue(self.queue, key)

    def emotion_params(self, emotion: str) -> Mapping[str, Any]:
        # an emotion the workers do not know is spoken as neutral (engines.base.preset_params)
        return self.emotions.get(emotion, self.emotions.get("neutral", {}))

    def language_params(self, lang: str) -> Mapping[str, Any]:
        return self.languages.get(lang, {})


def find_setup(app: Celery, config: Config, langs: Sequence[str],
               on_event: EventSink = ignore) -> RemoteSetup:
    """The setup of the live workers that fit ``config`` (see the module docstring)."""
    broker = config.queue.broker
    workers = [w for w in live_workers(app, langs) if not w.get("dead")]
    wanted_engine = config.engine.name if config.engine.name != "auto" else ""
    wanted_voice = voice_identity(config)
    fitting = [w for w in workers if (not wanted_engine or w["engine"] == wanted_engine)
               and (not wanted_voice or w["voice"] == wanted_voice)]
    if not fitting:
        what = " ".join(x for x in (wanted_engine, wanted_voice and f"with {wanted_voice}") if x)
        seen = "; ".join(sorted({f"{w['engine']} {w['voice']}".strip() for w in workers}))
        raise QueueUnavailable(f"{broker}: no live narrate worker{' for ' + what if what else ''}"
                               + (f" (live: {seen})" if seen else "")
                               + "; start one with `narrate worker --broker URL --server URL ...`")
    groups: dict[str, list[dict[str, Any]]] = {}
    for w in fitting:
        groups.setdefault(w["setup"], []).append(w)
    chosen = max(groups.values(), key=len)
    if len(groups) > 1:
        on_event(Notice("warning", f"workers of {len(groups)} setups fit; using setup "
                                   f"{chosen[0]['setup']} ({len(chosen)} workers)"))
    first = chosen[0]
    voices: dict[str, Mapping[str, Any]] = {}
    for w in chosen:
        for v in w.get("voices", ()):
            voices.setdefault(str(v["key"]), v)
    return RemoteSetup(setup=first["setup"], queue=first["queue"],
                       fingerprint=first["fingerprint"], sample_rate=int(first["sample_rate"]),
                       emotions=first["emotions"], languages=first["languages"],
                       engine=first["engine"], servers=tuple(w["server"] for w in chosen),
                       pronunciations=str(first.get("pronunciations", "plain")),
                       narrator=any(w.get("narrator", True) for w in chosen),
                       voices=tuple(voices.values()))


def check_cast(setup: RemoteSetup, config: Config, roles: Sequence[str]) -> None:
    """QueueUnavailable, in one line naming the role and its voice, when a role of ``roles``
    ("" = the narrator) is said in a voice no live worker of ``setup`` says."""
    voices = config.voices
    missing = []
    for role in sorted(set(roles)):
        voice = voices.voice(role, setup.engine)
        if voice and not setup.voice_key(voice):
            missing.append(f"role {role or 'narrator'} ({voice})")
        elif not voice and not setup.narrator:
            missing.append(f"role {role or 'narrator'} (the workers' own voice)")
    if missing:
        raise QueueUnavailable(
            f"{config.queue.broker}: no live narrate worker has the voice of {', '.join(missing)}; "
            "start one whose narrate.toml [voices] names it (`narrate worker -c narrate.toml ...`)")


@dataclass(frozen=True)
class _Holder:
    """The worker a take out was started by (its STARTED state, see worker.py)."""

    worker: str  # the worker process's id, naming its heartbeat key
    hostname: str
    server: str
    since: float = field(default=0.0, compare=False)  # when the asker saw it started (monotonic)


@dataclass(eq=False)
class _Job:
    wanted: Wanted
    voice: str = ""  # the workers' key of its role's voice ("" = the setup's own voice)
    attempts: int = 0
    errors: list[tuple[str, str, float]] = field(default_factory=list)  # (server, message, time)
    rejected: set[str] = field(default_factory=set)  # sha256 hex of takes rejected for length
    checks: JobChecks = field(default_factory=JobChecks)  # speech checks of its takes ([verify])

    # what the checker reads of a job
    @property
    def key(self) -> str:
        return self.wanted.key

    @property
    def spoken(self) -> str:
        return self.wanted.spoken

    @property
    def lang(self) -> str:
        return self.wanted.lang


def synthesize_queued(script: Script, cache: Cache, config: Config, *,
                      on_event: EventSink = ignore, errors_path: Path | None = None,
                      interactive: bool = False) -> SynthesisResult:
    """Make a take for every segment of ``script``: from the cache, else from the workers
    behind ``config.queue.broker``. Same result and errors.jsonl as the local ``synthesize``;
    ``interactive`` takes (the job server) are served before batch ones (course builds).

    >>> result = synthesize_queued(script, Cache(config.resolved_cache_dir()), config,
    ...                            errors_path=out / "errors.jsonl")  # doctest: +SKIP
    """
    segments = script.segments
    app = connect(config.queue.broker)
    if errors_path is not None:
        errors_path.parent.mkdir(parents=True, exist_ok=True)
        errors_path.unlink(missing_ok=True)  # a stale list from an earlier run would mislead
    verify = config.verify.enabled
    if verify:
        from narrator.synthesis.verify.recognizer import require

        require()  # before any task: a missing extra is a setup problem
    setup = find_setup(app, config, sorted({s.lang for s in segments}), on_event)
    hearings: dict[str, tuple[Any, int]] = {}  # cached takes heard before: key -> (Heard, attempts)

    def verdict(key: str, hit: Hit, seg: Segment) -> str:
        return cached_verdict(cache, key, hit, seg, config, hearings)

    check_cast(setup, config, [s.voice for s in segments])
    takes, wanted, to_hear = plan_takes(segments, setup, setup.fingerprint, cache, force=config.force,
                                        verdict=verdict if verify else None,
                                        voice_of=cast_of(config, setup.engine))
    run = _QueuedRun(app, setup, cache, config, on_event, errors_path,
                     INTERACTIVE if interactive else BATCH, len(segments), len(takes))
    run.takes.update(takes)
    keys = {v: setup.voice_key(v) for v in {w.voice for w in wanted.values()} if v}  # each file read once
    jobs = [_Job(w, keys[w.voice] if w.voice else "") for w in wanted.values()]
    if verify:
        run.hearings.update(hearings)
        run.checker = Checker(config.verify, run, cache)
        run.checker.start()
        for job in jobs:  # cached takes never heard are heard before they are used
            if job.key in to_hear:
                path, rate, duration = to_hear[job.key]
                run.hear(job, Candidate(b"", duration, rate, cached=path))
    try:
        run.run(sending_order([job for job in jobs if job.key not in to_hear]))
    except KeyboardInterrupt:
        raise Interrupted(f"interrupted after {run.done} of {run.total} segments; "
                          f"takes made so far are kept in {cache.root}") from None
    finally:
        if run.checker is not None:
            run.checker.close()
    order = {seg.id: i for i, seg in enumerate(segments)}
    checks, words, unverified = speech_checks(segments, run.takes, run.hearings, run.unverified, config,
                                              errors_path) if verify else ({}, {}, ())
    return SynthesisResult(
        checks=checks, words=words, unverified=unverified,
        remade=run.checker.remade if run.checker is not None else 0,
        takes=dict(sorted(run.takes.items(), key=lambda kv: order[kv[0]])),
        failed=dict(sorted(run.failed.items(), key=lambda kv: order[kv[0]])),
        synthesized=run.synthesized, cached=run.cached, server_busy=run.busy,
        fingerprint=setup.fingerprint, engine=setup.engine)


def sending_order(jobs: Sequence[_Job]) -> list[_Job]:
    """The jobs in the order they are sent: the first of each voice (largest voice first), so
    workers waiting on all queues wake on different voices, then the rest voice by voice, each
    in document order (its queue is first in, first out)."""
    groups: dict[str, list[_Job]] = {}
    for job in jobs:
        groups.setdefault(job.voice, []).append(job)
    ordered = sorted(groups.values(), key=len, reverse=True)
    return [g[0] for g in ordered] + [job for g in ordered for job in g[1:]]


class _QueuedRun(Tally):
    """The takes of one synthesize_queued() call that are out on the queue (one thread)."""

    def __init__(self, app: Celery, setup: RemoteSetup, cache: Cache, config: Config,
                 on_event: EventSink, errors_path: Path | None, priority: int, total: int,
                 cached: int) -> None:
        super().__init__(cache, total=total, cached=cached, errors_path=errors_path)
        self.app = app
        self.backend = app.backend
        self.setup = setup
        self.config = config
        self.on_event = on_event
        self.priority = priority
        self.reply = "key" if config.queue.shared_cache else "wav"
        self.busy: dict[str, float] = {}
        self.out: dict[str, _Job] = {}  # task id -> job
        # liveness (see the module docstring); times are time.monotonic()
        self.client = app.backend.client
        self.sent: dict[str, float] = {}  # task id -> when it was sent
        self.holders: dict[str, _Holder] = {}  # task id -> the worker that started it
        self.queue_busy = time.monotonic()  # when one of the setup's queues last held a message
        self.queues: set[str] = set()  # the queues (one per voice) takes were sent to
        # [verify]: the checker hears takes on its own thread and hands its decisions back here
        self.checker: Checker | None = None
        self.hearing = 0  # jobs whose take is being heard
        self.decisions: queue.Queue[tuple[str, _Job | None, Any, Any]] = queue.Queue()

    def run(self, jobs: list[_Job]) -> None:
        self._progress()
        for job in jobs:
            self._send(job)
        last_answer = next_check = time.monotonic()
        no_worker = 0
        try:
            while self.out or self.hearing:
                answered = self._collect() + self._decided()
                now = time.monotonic()
                if self.out and now >= next_check:
                    next_check = now + LIVENESS_SECONDS
                    answered += self._check_liveness()
                if answered:
                    last_answer, no_worker = now, 0
                elif self.out and now - last_answer > _STALL_CHECK:
                    last_answer = now
                    no_worker = 0 if self._queue_served() else no_worker + 1
                    if no_worker >= _STALL_CHECKS:
                        self._give_up_all("no live worker serves the queue any more")
                    elif no_worker:
                        self.on_event(Notice("warning", f"no live worker serves {self.setup.queue}"
                                                        "; waiting for one"))
                else:
                    time.sleep(_POLL)
        finally:
            # takes still out are made by the workers anyway (into their caches), but nobody
            # will read these answers: let them expire instead of waiting for them
            self._clear_out()

    def _send(self, job: _Job) -> None:
        w = job.wanted
        job.attempts += 1
        # takes heard and found wanting are not to be answered from the worker's cache
        avoid = sorted(d.hex() for d in job.checks.digests)
        kwargs: dict[str, Any] = {"take": w.take} if w.take > 1 else {}
        if job.voice:  # a role's voice: only workers that say it consume its queue
            kwargs["voice"] = job.voice
        queue_name = self.setup.queue_of(job.voice)
        self.queues.add(queue_name)
        result = self.app.send_task(TASK, args=(w.key, w.spoken, w.lang, w.emotion, self.reply, avoid),
                                    kwargs=kwargs or None, queue=queue_name, priority=self.priority)
        self.out[result.id] = job
        self.sent[result.id] = time.monotonic()

    def _take_out(self, task_id: str) -> _Job:
        """The job of a task that is out no more."""
        self.sent.pop(task_id, None)
        self.holders.pop(task_id, None)
        return self.out.pop(task_id)

    def _clear_out(self) -> None:
        self.out.clear()
        self.sent.clear()
        self.holders.clear()

    # ---- liveness ----------------------------------------------------------------------------------

    def _started(self, task_id: str, state: Any) -> None:
        """Note which worker holds a take (from its STARTED state)."""
        if not isinstance(state, Mapping) or "worker" not in state:
            return  # not this version's worker: the visibility timeout still covers it
        holder = _Holder(str(state["worker"]), str(state.get("hostname", "")),
                         str(state.get("server", "")), time.monotonic())
        if self.holders.get(task_id) != holder:
            self.holders[task_id] = holder

    def _check_liveness(self) -> int:
        """Send again the takes whose worker is gone and those lost on the way; return how many
        answers arrived meanwhile (see the module docstring)."""
        holders = dict(self.holders)
        workers = sorted({h.worker for h in holders.values()})
        with self.client.pipeline(transaction=False) as pipe:
            for worker in workers:
                pipe.exists(alive_key(worker))
            for q in sorted(self.queues):
                for name in queue_lists(q):
                    pipe.llen(name)
            replies = pipe.execute()
        now = time.monotonic()
        alive = {worker for worker, beating in zip(workers, replies) if beating}
        if any(replies[len(workers):]):
            self.queue_busy = now
        # read after the heartbeats: a worker that stored its answer and then stopped (its key
        # deleted) has answered, it is not gone
        answered = self._collect()
        for task_id, holder in holders.items():
            if holder.worker not in alive and self.holders.get(task_id) == holder:
                self._resend(task_id, holder.server,
                             f"worker {holder.hostname} gone {now - holder.since:.0f} s into the take "
                             f"(no heartbeat for {HEARTBEAT_TTL:.0f} s)")
        for task_id in [t for t in self.out if t not in self.holders]:
            if now - max(self.sent[task_id], self.queue_busy) > LOST_SECONDS:
                self._resend(task_id, "", f"task lost: no worker started it in {LOST_SECONDS:.0f} s "
                                          f"and {self.setup.queue_of(self.out[task_id].voice)} is empty")
        return answered

    def _resend(self, task_id: str, server: str, reason: str) -> None:
        """Count a take whose task will not be answered as a failed attempt (send it again, or
        give it up); a copy of the old message delivered later is skipped by the worker."""
        job = self._take_out(task_id)
        self.client.set(abandoned_key(task_id), "1", ex=int(ABANDONED_SECONDS))
        self.backend.forget(task_id)
        again = job.attempts < self.config.engine.retries
        self.on_event(Notice("warning", f"{reason}: take {job.key[:12]} "
                                        f"({job.wanted.segments[0].id}) {'re-sent' if again else 'given up'}"))
        self._failed(job, server, f"{server}: {reason}" if server else reason)

    # ---- [verify] ----------------------------------------------------------------------------------

    def hear(self, job: _Job, candidate: Candidate) -> None:
        """Hand a take to the checker; the job is done when it decides."""
        assert self.checker is not None
        self.hearing += 1
        self.checker.submit(job, candidate)

    # The checker's decisions (its thread), carried out by _decided (this run's thread).
    def keep_take(self, job: _Job, candidate: Candidate, report: dict[str, Any]) -> None:
        self.decisions.put(("keep", job, candidate, report))

    def retake(self, job: _Job, message: str) -> None:
        self.decisions.put(("retake", job, message, None))

    def reject_take(self, job: _Job, message: str) -> None:
        self.decisions.put(("reject", job, message, None))

    def fail_run(self, error: BaseException) -> None:
        self.decisions.put(("fail", None, error, None))

    def _decided(self) -> int:
        """Carry out every decision the checker has made; return how many."""
        n = 0
        while True:
            try:
                what, job, arg, report = self.decisions.get_nowait()
            except queue.Empty:
                return n
            if what == "fail":
                raise arg
            assert job is not None
            n += 1
            self.hearing -= 1
            if what == "keep":
                self._keep(job, arg, report)
                continue
            job.errors.append(("", arg, time.time()))
            if what == "reject":
                self._give_up(job)
            else:
                self.on_event(Notice("info", f"{job.wanted.segments[0].id}: {arg}; making it again"))
                self._send(job)

    def _keep(self, job: _Job, candidate: Candidate, report: dict[str, Any]) -> None:
        w = job.wanted
        # the best take heard (a shared cache may hold a later one by now)
        path = candidate.cached if candidate.cached is not None else self.cache.put(w.key, candidate.wav)
        self.keep_heard(w.segments, w.key, path, candidate.rate, candidate.duration,
                        cached=candidate.cached is not None, heard=candidate.heard, attempts=job.attempts,
                        report=report)
        self._complete(job)

    def _collect(self) -> int:
        """Handle every answer that has arrived; return how many."""
        ids = list(self.out)
        values = self.backend.mget([self.backend.get_key_for_task(i) for i in ids])
        n = 0
        for task_id, value in zip(ids, values):
            if value is None:
                continue
            meta = self.backend.decode_result(value)
            if meta.get("status") == "STARTED":
                self._started(task_id, meta.get("result"))
            if meta.get("status") not in ("SUCCESS", "FAILURE", "REVOKED"):
                continue
            job = self._take_out(task_id)
            self.backend.forget(task_id)
            n += 1
            answer = meta.get("result")
            if meta["status"] != "SUCCESS" or not isinstance(answer, Mapping):
                self._failed(job, "", f"worker error: {meta.get('status')}: {answer}")
            else:
                self._answered(job, answer)
        return n

    def _answered(self, job: _Job, answer: Mapping[str, Any]) -> None:
        server = str(answer.get("server", ""))
        self.busy[server] = self.busy.get(server, 0.0) + float(answer.get("seconds", 0.0))
        if not answer.get("ok"):
            digest = str(answer.get("digest", ""))
            if digest and digest in job.rejected:
                message = (f"{answer.get('error')}; the same audio as before, so the text is at "
                           "fault, not the server")
                job.errors.append((server, message, time.time()))
                self._give_up(job)
                return
            if digest:
                job.rejected.add(digest)
            # as locally, a server's failure (even for good) is one attempt: another may succeed
            self._failed(job, server, str(answer.get("error")))
            return
        w = job.wanted
        if answer.get("wav") is None:  # the worker wrote it into the shared cache
            path = self.cache.get(w.key)
            if path is None:
                self._failed(job, server, f"{server}: take {w.key[:12]} is not in {self.cache.root}"
                             "; is [cache] dir the workers' shared cache?", final=True)
                return
            wav = path.read_bytes()
        else:
            wav = base64.b64decode(answer["wav"])
        sha = hashlib.sha256(wav).digest()
        seen_text = self.seen.get(sha)
        try:  # checked again: the bytes crossed the network and a foreign worker is possible
            duration = validate_take(wav, text=w.spoken, lang=w.lang,
                                     sample_rate=self.setup.sample_rate,
                                     previous=(seen_text, wav) if seen_text is not None else None)
        except ImplausibleTake as e:
            self._failed(job, server, f"{server}: {e}")
            return
        except EngineError as e:
            self._failed(job, server, f"{server}: {e}")
            return
        self.seen[sha] = w.spoken
        wav = normalize_wav(wav)
        rate = wav_info(wav).sample_rate
        if self.checker is not None:  # kept (and cached) once heard
            self.hear(job, Candidate(wav, duration, rate))
            return
        path = self.cache.put(w.key, wav)
        for seg in w.segments:
            self.takes[seg.id] = Take(seg.id, path, rate, duration, w.key, "engine")
        self.synthesized += len(w.segments)
        self._complete(job)

    def _failed(self, job: _Job, server: str, message: str, *, final: bool = False) -> None:
        """One failed attempt: send the take again (the failing worker rests first, so another
        takes it) until config.engine.retries attempts, as the local scheduler does."""
        job.errors.append((server, message, time.time()))
        if final or job.attempts >= self.config.engine.retries:
            self._give_up(job)
        else:
            self._send(job)

    def _give_up(self, job: _Job) -> None:
        messages = tuple(m for _, m, _ in job.errors)
        for seg in job.wanted.segments:
            self.failed[seg.id] = messages
        if self.errors_path is not None:
            record_errors(self.errors_path, job.wanted.segments, job.attempts, job.errors)
        self._complete(job)

    def _give_up_all(self, message: str) -> None:
        for job in list(self.out.values()):
            job.errors.append(("", message, time.time()))
            self._give_up(job)
        self._clear_out()

    def _complete(self, job: _Job) -> None:
        self.done += len(job.wanted.segments)
        self._progress()

    def _progress(self) -> None:
        self.on_event(Progress("synthesize", self.done, self.total, cached=self.cached,
                               failed=len(self.failed)))

    def _queue_served(self) -> bool:
        """Every queue that has takes out is consumed by a live worker."""
        served = {q for w in live_workers(self.app) if not w.get("dead")
                  for q in w.get("queues", [w["queue"]])}
        return {self.setup.queue_of(job.voice) for job in self.out.values()} <= served
