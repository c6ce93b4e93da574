"""`narrate worker`: a Celery worker that makes takes with one TTS server, one take at a time (or
`--in-flight N` at once, for a server that batches).

A task is one take: the asker (queue.py) sends the cache key it computed, the spoken text, the
language and the emotion; the worker recomputes the key with its own engine (a take is never made
under a key its setup would not give), looks in its own cache (a redelivered or duplicated task
costs no second generation once the first has finished), else asks its server, checks the take
(synthesis/checks.py), stores it in its cache and answers with the WAV, or only with the key when
the asker shares the cache folder.

Routing: every worker consumes the queue named for its setup, ``narrate.<setup id>``, where the
setup id hashes everything of the worker that goes into a cache key (the engine fingerprint -
engine, model layout, voice, settings - the sample rate and the emotion presets). A worker with
another voice consumes another queue, so it never receives a take for this one. Voices per role
(issue 24): each voice of the worker's cast ([voices] in its narrate.toml, by default every one;
``--role`` picks some) has a queue of its own, ``narrate.<setup id>.<voice>``, and the task names
the voice by its cache-key form (engine.voice_key). A worker consumes the queues of its voices in
a sticky order (:class:`StickyCycle`): the queue it last took a take from is asked first, so its
server keeps the speaker prompt it has loaded until that voice's takes run out (or VOICE_RUN were
taken in a row while another voice's takes wait: no voice starves), and idle workers
wake on whichever voice's take comes first, so several workers divide the roles. Askers find the
setup ids of live workers with the ``narrate_setup`` control command (Celery's broadcast; also used
by `narrate engines --broker`). Interactive takes (the job server) carry priority 0 and batch
takes (course builds) priority 6 on the same queue; Redis serves lower numbers first.

Faults: a worker proves it is alive with a heartbeat key in Redis (``narrate:alive:<worker id>``,
a fresh id per process) refreshed every second that expires after HEARTBEAT_TTL seconds, and a task
records which worker runs it (state STARTED, naming the worker id, its hostname and server) before
its server is asked. So the asker sees within seconds that the worker holding a take is gone, and
sends the take again; it marks the old task abandoned (``narrate:abandoned:<task id>``), and a
worker that receives it later skips it. The message is acknowledged only when the take is finished
(late ack, prefetch 1), so a take in hand of a killed worker is also handed to another worker after
the visibility timeout (kombu's restore sweep runs every second here instead of every 100 s): the
fallback when no asker is waiting. Where workers share the cache folder, the first take stored
under a key stays (a worker thought gone that finishes after all does not replace it). A
failing server gets an error answer to the asker (which re-sends the take, counting attempts as the
local scheduler does) and then a cool-down during which its worker takes no task, so the re-sent
take goes to a healthy worker; a server given up for good stops its worker.
"""

from __future__ import annotations

import base64
import hashlib
import json
import logging
import os
import random
import signal
import socket
import sys
import threading
import time
import uuid
from collections.abc import Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from narrator.config import Config
from narrator.errors import EngineError, EngineUnavailable, ImplausibleTake, NarratorError
from narrator.events import Notice
from narrator.synthesis.cache import Cache
from narrator.synthesis.checks import validate_take
from narrator.synthesis.takes import lookup
from narrator.util.atomic import TEMP_PREFIX
from narrator.util.wavio import normalize_wav

if TYPE_CHECKING:
    from celery import Celery

    from narrator.engines.base import Engine

log = logging.getLogger(__name__)

TASK = "narrator.take"
QUEUE_PREFIX = "narrate."
SETUP_COMMAND = "narrate_setup"
INTERACTIVE = 0  # priorities on Redis: lower runs first
BATCH = 6
PRIORITY_STEPS = [0, 3, 6, 9]
_SEP = ":"  # kombu names a queue's list for priority p > 0 "<queue>:<p>"
RESULT_SECONDS = 3600  # results the asker never collected (it was killed) expire after this
HEARTBEAT_SECONDS = 1.0  # how often a worker refreshes its heartbeat key
HEARTBEAT_TTL = 6.0  # a worker whose heartbeat is this old is gone (its key expired)
ABANDONED_SECONDS = 86400.0  # how long a re-sent take's old task id is remembered as abandoned


def voice_queue(queue: str, voice_key: str) -> str:
    """The queue of a setup's takes in a role's voice (``voice_key``: the engine's voice_key);
    ``voice_key`` "" is the setup's own voice, its queue ``queue``. No ':' in it (kombu's priority
    separator)."""
    if not voice_key:
        return queue
    return f"{queue}.{hashlib.sha256(voice_key.encode()).hexdigest()[:12]}"


VOICE_RUN = 32  # takes in a row from one voice's queue before a voice that waits gets its turn


class StickyCycle:
    """The order in which a worker's Redis channel asks its queues for a message (kombu's
    ``queue_order_strategy``): as given, except that the queue a message just came from moves to
    the front. A worker so keeps taking takes in the voice its server has loaded while there are
    any (a voice switch costs the server a new speaker prompt), but at most ``run`` in a row: then
    that queue is asked last once, so a voice whose takes wait is not held back by one whose queue
    keeps filling (when no other queue has a take, the same voice goes on for another ``run``).
    Priorities come before this order (kombu asks each priority step of every queue in turn), so
    interactive takes still come first whatever the voice."""

    def __init__(self, it: list[str] | None = None, run: int = VOICE_RUN) -> None:
        if run < 1:
            raise ValueError(f"StickyCycle: run must be at least 1, got {run}")
        self.items: list[str] = it if it is not None else []
        self.run = run
        self._last = ""  # the queue of the latest message
        self._streak = 0  # messages in a row from it (since it was last moved to the back)

    def update(self, it: Sequence[str]) -> None:
        self.items[:] = it

    def consume(self, n: int) -> list[str]:
        return self.items[:n]

    def rotate(self, last_used: str) -> str:
        if last_used == self._last:
            self._streak += 1
        else:
            self._last, self._streak = last_used, 1
        items = self.items
        if last_used in items:
            items.remove(last_used)
            if self._streak >= self.run and items:
                items.append(last_used)  # the others are asked first next time
                self._streak = 0
            else:
                items.insert(0, last_used)
        return last_used


def queue_lists(queue: str) -> list[str]:
    """The Redis lists holding the waiting messages of ``queue``, one per priority step."""
    return [f"{queue}{_SEP}{p}" if p else queue for p in PRIORITY_STEPS]


def alive_key(worker_id: str) -> str:
    """The Redis key that exists while the worker process ``worker_id`` lives."""
    return f"narrate:alive:{worker_id}"


def abandoned_key(task_id: str) -> str:
    """The Redis key marking a task the asker has sent again under another id."""
    return f"narrate:abandoned:{task_id}"


class QueueUnavailable(NarratorError):
    """The broker cannot be reached, or no live worker serves the setup."""


def make_app(broker: str, *, visibility_timeout: float = 3600.0, sticky: bool = False,
             voice_run: int = VOICE_RUN) -> Celery:
    """The Celery app both sides use: Redis broker and result backend at ``broker``.

    ``visibility_timeout`` only matters to workers (they restore unacknowledged takes of dead
    workers); it must exceed the longest take, or a slow take is started a second time.
    ``sticky``: a worker's queues are asked in :class:`StickyCycle` order, at most
    ``voice_run`` takes in a row from one voice's queue while another's wait."""
    from celery import Celery

    app = Celery("narrator", broker=broker, backend=broker, set_as_current=False)
    app.conf.update(
        task_serializer="json", result_serializer="json", accept_content=["json"],
        task_acks_late=True, task_reject_on_worker_lost=True, worker_prefetch_multiplier=1,
        broker_transport_options={
            "visibility_timeout": visibility_timeout,
            # kombu's default sweep for unacknowledged messages of dead consumers runs every 100 s
            "unacked_restore_interval": 1, "unacked_restore_throttle": 1,
            "priority_steps": PRIORITY_STEPS, "sep": _SEP,
            # kombu asks each priority step of every queue before the next step, so interactive
            # takes still come first whatever the voice
            # (kombu takes a class, or a callable making one, as well as a name)
            "queue_order_strategy": partial(StickyCycle, run=voice_run) if sticky else "priority",
        },
        # without this, publishing with the result store down retries for ~19 s before failing
        result_backend_transport_options={"retry_policy": {"max_retries": 0}},
        result_expires=RESULT_SECONDS,
        broker_connection_retry_on_startup=False,
        worker_hijack_root_logger=False,
        worker_redirect_stdouts=False,
        task_track_started=False,
    )
    app.task(name=TASK, bind=True)(_take_task)
    return app


def check_broker(app: Celery, broker: str) -> None:
    """Fail fast with one line naming the URL when the broker cannot be reached."""
    from kombu.exceptions import OperationalError

    try:
        with app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=0)
    except (OperationalError, OSError) as e:
        reason = " ".join(str(e).split()) or type(e).__name__
        raise QueueUnavailable(f"{broker}: broker unreachable ({reason})") from None


def voice_identity(config: Config) -> str:
    """The voice a setup speaks with, as both sides can tell it without a server."""
    engine = config.engine
    if engine.voice_file:
        local = Path(engine.voice_file).expanduser()
        try:
            return "file sha256:" + hashlib.sha256(local.read_bytes()).hexdigest()[:16]
        except OSError:
            return "file " + engine.voice_file  # a server-side path (vllm) counts by its name
    return f"voice {engine.voice}" if engine.voice else ""


def setup_id(fingerprint: str, sample_rate: int, emotions: Mapping[str, Any]) -> str:
    """12 hex digits naming everything of a worker that goes into a cache key."""
    blob = json.dumps([fingerprint, sample_rate, emotions], sort_keys=True, ensure_ascii=False,
                      separators=(",", ":"), default=str)
    return hashlib.sha256(blob.encode()).hexdigest()[:12]


# ---- the worker process ------------------------------------------------------------------------


@dataclass(eq=False)
class _Worker:
    """What the task and the control command of this process share (one take at a time)."""

    engine: Engine
    config: Config
    cache: Cache
    description: dict[str, Any]
    voices: dict[str, str] = field(default_factory=dict)  # a role voice's key -> its value in the cast
    previous: tuple[str, bytes] | None = None  # (text, audio) of this server's latest take
    streak: int = 0  # consecutive failures of the server
    rest_until: float = 0.0  # monotonic time before which the worker takes no task
    dead: str = ""  # why the server was given up for good
    made: int = 0
    served_from_cache: int = 0
    worker_id: str = field(default_factory=lambda: uuid.uuid4().hex[:16])  # this process's
    rng: random.Random = field(default_factory=random.Random)
    # one thread storing takes in the worker's cache while its server makes the next one
    writer: ThreadPoolExecutor = field(default_factory=lambda: ThreadPoolExecutor(1, "take writer"))


_WORKER: _Worker | None = None  # set by run_worker() in the worker process


def _take_task(task: Any, key: str, spoken: str, lang: str, emotion: str,
               reply: str = "wav", avoid: Sequence[str] = (), take: int = 1, voice: str = "") -> dict[str, Any]:
    """The Celery task: make (or find) the take for ``key``; see :func:`make_take`."""
    w = _WORKER
    if w is None:
        raise RuntimeError("narrator.take runs only in `narrate worker`")
    task_id = task.request.id
    if task.backend.client.exists(abandoned_key(task_id)):  # sent again: made elsewhere
        print(f"narrate worker: task {task_id} was sent again (its worker was gone); skipped",
              file=sys.stderr, flush=True)
        return {"ok": False, "abandoned": True, "server": w.engine.label, "error": "abandoned"}
    # who holds the take, for the asker to watch (before the server is asked)
    task.update_state(state="STARTED", meta={"worker": w.worker_id, "hostname": task.request.hostname,
                                             "server": w.engine.label})
    return make_take(w, key, spoken, lang, emotion, reply, avoid, take_number=take, voice=voice)


def make_take(w: _Worker, key: str, spoken: str, lang: str, emotion: str,
              reply: str = "wav", avoid: Sequence[str] = (), *, take_number: int = 1,
              voice: str = "") -> dict[str, Any]:
    """One take as a JSON-able answer: ``{"ok": True, "key", "wav" (base64, or None when
    ``reply`` is "key": it is in the shared cache), "server", "seconds"}``, or ``{"ok": False,
    "error", "retryable", "server"}`` plus ``"digest"`` (sha256 hex) for an implausible take.
    A cached take whose sha256 (hex) is in ``avoid`` (the asker heard it and wants another) is
    not answered: a new one is made and replaces it in the cache. ``voice``: a role's voice by
    its key (engine.voice_key of a voice in this worker's cast); "" = the worker's own voice."""
    engine = w.engine
    server = engine.label
    language = engine.language_params(lang)
    said: dict[str, str] = {}
    if voice:
        if voice not in w.voices:
            return {"ok": False, "server": server, "retryable": False,
                    "error": f"{server}: this worker has no voice {voice} in its [voices]"}
        said = {"voice": w.voices[voice]}
        language = {**language, "voice": voice}  # as takes.TakeKeys puts a role's voice in its key
    mine = w.cache.key(w.description["fingerprint"], engine.emotion_params(emotion), spoken,
                       engine.sample_rate, language, take_number)
    if mine != key:
        return {"ok": False, "server": server, "retryable": False,
                "error": f"{server}: this worker's setup gives another cache key for the take "
                         "(its emotion presets or language handling differ from the asker's)"}
    hit = lookup(w.cache, key)
    cached = hit[0].read_bytes() if hit is not None else None
    replace = False  # a cached take the asker heard and wants another of is replaced
    if cached is not None:
        if hashlib.sha256(cached).hexdigest() not in avoid:
            w.served_from_cache += 1  # a redelivered or duplicated task: the take was made already
            return _answer(w, key, cached, reply, 0.0)
        replace = True
    started = time.monotonic()
    try:
        wav = engine.synthesize(spoken, lang, emotion, **said)
        validate_take(wav, text=spoken, lang=lang, sample_rate=engine.sample_rate,
                      previous=w.previous)
    except ImplausibleTake as e:
        # the asker decides: the same audio twice means the text is at fault, not the server
        return _failed(w, e, started, digest=hashlib.sha256(wav).hexdigest())
    except EngineError as e:
        return _failed(w, e, started)
    except Exception as e:  # noqa: BLE001 - an engine bug: do not trust this server again
        return _failed(w, EngineUnavailable(f"unexpected {type(e).__name__}: {e}", server=server),
                       started)
    w.previous = (spoken, wav)
    w.streak = 0
    w.made += 1
    take = normalize_wav(wav)
    if reply == "key":  # the asker reads it from the shared cache: it must be there first
        if replace:
            w.cache.put(key, take)
        else:
            store_first(w.cache, key, take)
    else:  # the fsync'ed write would keep the server idle; it only serves redeliveries
        w.writer.submit(w.cache.put, key, take)
    return _answer(w, key, take, reply, time.monotonic() - started)


def store_first(cache: Cache, key: str, wav: bytes) -> Path:
    """Store ``wav`` under ``key`` unless a take is stored there already (another worker's, in a
    shared cache: a take sent again because its worker seemed gone, made twice); the first stays,
    so a key never names two different takes. Returns the entry's path."""
    path = cache.path(key)
    if cache.get(key) is not None:
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    staged = path.with_name(f"{TEMP_PREFIX}{path.name}.{uuid.uuid4().hex}.tmp")
    try:
        with open(staged, "wb") as f:
            f.write(wav)
            f.flush()
            os.fsync(f.fileno())
        os.link(staged, path)  # unlike a rename, fails if an entry appeared meanwhile
    except FileExistsError:
        pass
    finally:
        staged.unlink(missing_ok=True)
    return path


def _answer(w: _Worker, key: str, wav: bytes, reply: str, seconds: float) -> dict[str, Any]:
    return {"ok": True, "key": key, "server": w.engine.label, "seconds": seconds,
            "wav": None if reply == "key" else base64.b64encode(wav).decode("ascii")}


def _failed(w: _Worker, error: EngineError, started: float, digest: str = "") -> dict[str, Any]:
    """Count the failure against the server and set its cool-down (taken after the answer)."""
    from narrator.synthesis.health import CoolDown

    server = w.engine.label
    message = str(error)
    if not message.startswith(server):
        message = f"{server}: {message}"
    w.streak += 1
    delay = CoolDown(w.config.engine).delay(w.streak, w.rng) if error.retryable else None
    if delay is None:
        w.dead = message
    else:
        w.rest_until = time.monotonic() + delay
    answer = {"ok": False, "server": server, "error": message, "retryable": error.retryable,
              "seconds": time.monotonic() - started}
    if digest:
        answer["digest"] = digest
    return answer


def _after_task(**_: Any) -> None:
    """Runs after each task's answer is stored, before its message is acknowledged and the next
    one fetched: a failing server rests here, so its re-sent take goes to a healthy worker."""
    w = _WORKER
    if w is None:
        return
    if w.dead:
        print(f"narrate worker: {w.dead}; server given up, stopping", file=sys.stderr, flush=True)
        os.kill(os.getpid(), signal.SIGTERM)  # warm shutdown: this task is acknowledged first
        return
    wait = w.rest_until - time.monotonic()
    if wait > 0:
        print(f"narrate worker: {w.engine.label} cools down for {wait:.1f} s", file=sys.stderr,
              flush=True)
        time.sleep(wait)


def _register_setup_command() -> None:
    from celery.worker.control import inspect_command

    @inspect_command(name=SETUP_COMMAND)
    def narrate_setup(state: Any, langs: list[str] | None = None, **_: Any) -> dict[str, Any]:
        """This worker's setup, with what its engine makes of the asker's languages."""
        w = _WORKER
        if w is None:
            return {"error": "not a narrate worker"}
        return {**w.description, "hostname": state.consumer.hostname, "dead": w.dead,
                "made": w.made, "served_from_cache": w.served_from_cache,
                "languages": {lang: dict(w.engine.language_params(lang)) for lang in langs or ()}}


class Heartbeat:
    """Keeps the worker's alive key in Redis while the process runs (see the module docstring):
    set once at start, so it exists before any task, then refreshed by a thread."""

    def __init__(self, client: Any, worker_id: str, hostname: str) -> None:
        self.client = client
        self.key = alive_key(worker_id)
        self.hostname = hostname
        self.stop = threading.Event()
        self.beat()
        self.thread = threading.Thread(target=self._run, name="heartbeat", daemon=True)
        self.thread.start()

    def beat(self) -> None:
        self.client.set(self.key, self.hostname, px=int(HEARTBEAT_TTL * 1000))

    def _run(self) -> None:
        while not self.stop.wait(HEARTBEAT_SECONDS):
            try:
                self.beat()
            except Exception as e:  # noqa: BLE001 - Redis away for a moment: beat again later
                log.warning("heartbeat not sent: %s", e)

    def close(self) -> None:
        """Stop beating and say so at once (the asker need not wait for the key to expire)."""
        self.stop.set()
        self.thread.join()
        try:
            self.client.delete(self.key)
        except Exception as e:  # noqa: BLE001 - it expires anyway
            log.warning("heartbeat key not removed: %s", e)


@dataclass(frozen=True)
class CastVoice:
    """A voice of the worker's cast it says: its key (engine.voice_key), the value as the cast
    writes it, the roles given it, and the sha256 of the file it names, if it is one here (an
    asker matches its own recording by content, a voice name by the name)."""

    key: str
    value: str
    roles: tuple[str, ...]
    file_sha256: str = ""


def served_voices(config: Config, engine: Engine, engine_name: str,
                  roles: Sequence[str] = ()) -> tuple[bool, list[CastVoice]]:
    """(whether the worker says its own voice, the voices of the cast it says), for the roles
    of ``roles`` (any case; "narrator" or "default" is its own voice), or every role if empty.
    ConfigError naming a role's voice file that cannot be read; a role ``roles`` names that the
    cast does not is also a ConfigError (a typo would leave a worker idle)."""
    from narrator.config import NARRATOR_ROLES
    from narrator.errors import ConfigError

    wanted = {r.casefold() for r in roles}
    table = config.voices.table(engine_name)
    unknown = sorted({r for r in roles if r.casefold() not in table and r.casefold() not in NARRATOR_ROLES})
    if unknown:
        raise ConfigError([f"--role {r}: the cast ([voices]) names no such role" for r in unknown], "")
    own = not wanted or bool(wanted & NARRATOR_ROLES)
    key_of = getattr(engine, "voice_key", None)
    # roles are matched case-folded, shown as narrate.toml spells them
    spelled = {k.casefold(): k for k in [*config.voices.cast, *config.voices.engines.get(engine_name, {})]}
    by_key: dict[str, CastVoice] = {}
    for folded, value in sorted(table.items()):
        role = spelled.get(folded, folded)
        chosen = not wanted or folded in wanted or (folded == "default" and own)
        if not value or not chosen:
            continue
        if key_of is None:
            raise ConfigError([f"voices: the {engine_name} engine has no voices per role; "
                               "remove [voices] or choose another engine"], "")
        key = key_of(value)
        known = by_key.get(key)
        if known is not None:
            by_key[key] = CastVoice(key, known.value, (*known.roles, role), known.file_sha256)
            continue
        local = Path(value).expanduser()
        digest = hashlib.sha256(local.read_bytes()).hexdigest() if local.is_file() else ""
        by_key[key] = CastVoice(key, value, (role,), digest)
    return own, list(by_key.values())


def _said(own: bool, cast: Sequence[CastVoice]) -> list[str]:
    return (["narrator"] if own else []) + [f"{'/'.join(v.roles)} ({v.value})" for v in cast]


def default_visibility_timeout(config: Config) -> float:
    """Longer than any take can last: the engine's own limits for the longest segment, doubled."""
    e = config.engine
    longest = max(config.text.max_chars, config.text.max_chars_cjk)
    return 2 * (e.connect_timeout + e.read_timeout + e.read_timeout_per_char * longest) + 60


def run_worker(config: Config, broker: str, *, name: str = "",
               visibility_timeout: float | None = None, in_flight: int = 1,
               roles: Sequence[str] = (), voice_run: int = VOICE_RUN) -> int:
    """Serve takes for the setup of ``config`` (one server) until stopped; return the exit code.

    ``roles``: say only these roles' voices of the cast ([voices]; "narrator" is the worker's own
    voice), a worker per voice; by default every voice of the cast and its own. ``voice_run``:
    takes in a row in one voice while another voice's takes wait (:class:`StickyCycle`).

    ``in_flight``: takes made at once (a batching server's number; the engine's own limit
    wins: the IndexTTS2 web UI makes one at a time). The Celery worker gets as many threads and,
    with a prefetch of one per thread, reserves no more messages than it works on."""
    global _WORKER
    from celery.signals import task_postrun, worker_ready

    from narrator.engines import create_engines, engine_name
    from narrator.synthesis.scheduler import setup_fingerprint

    import warnings

    from celery.exceptions import SecurityWarning

    # Celery warns about running as root because of pickle; the app accepts JSON only
    warnings.filterwarnings("ignore", category=SecurityWarning)
    if len(config.engine.servers) > 1:
        raise QueueUnavailable("a worker serves one server: start one `narrate worker` per --server")
    vt = visibility_timeout or default_visibility_timeout(config)
    app = make_app(broker, visibility_timeout=vt, sticky=True, voice_run=voice_run)
    check_broker(app, broker)
    engine = create_engines(config)[0]
    own, cast = served_voices(config, engine, engine_name(config), roles)
    cap = max(1, int(getattr(engine, "max_in_flight", 1)))
    if in_flight > cap:
        print(f"narrate worker: {engine.label} takes at most {cap} request(s) at once; "
              f"--in-flight {in_flight} is taken as {cap}", file=sys.stderr, flush=True)
        in_flight = cap

    def notice(event: Any) -> None:
        if isinstance(event, Notice):
            print(f"narrate worker: {event.text}", file=sys.stderr, flush=True)

    fingerprint, _ = setup_fingerprint([engine], config, notice)
    emotions = {e: dict(engine.emotion_params(e)) for e in config.emotion_names}
    ident = setup_id(fingerprint, engine.sample_rate, emotions)
    queue = QUEUE_PREFIX + ident
    voices = [{"key": v.key, "value": v.value, "roles": list(v.roles), "file_sha256": v.file_sha256,
               "queue": voice_queue(queue, v.key)} for v in cast]
    # the order in which the queues are first asked; the sticky cycle then keeps the last one's
    # voice. Rotated per process, so idle workers do not all start on the same voice.
    queues = ([queue] if own else []) + [v["queue"] for v in voices]
    turn = random.randrange(len(queues)) if queues else 0
    queues = queues[turn:] + queues[:turn]
    if not queues:
        raise QueueUnavailable("--role: this worker would say no voice")
    description = {"setup": ident, "queue": queue, "engine": engine_name(config),
                   "narrator": own, "voices": voices, "queues": queues,
                   "fingerprint": fingerprint, "sample_rate": engine.sample_rate,
                   "voice": voice_identity(config), "server": engine.label, "emotions": emotions,
                   "visibility_timeout": vt, "in_flight": in_flight,
                   "pronunciations": str(getattr(engine, "pronunciations", "plain"))}
    state = _WORKER = _Worker(engine, config, Cache(config.resolved_cache_dir()), description,
                              voices={v.key: v.value for v in cast})
    _register_setup_command()
    task_postrun.connect(_after_task, weak=False)
    worker_ready.connect(lambda **_: print(
        f"narrate worker: ready: {engine.label} ({fingerprint}) on queue {queue}"
        + (f"; voices: {', '.join(_said(own, cast))}" if cast else ""),
        file=sys.stderr, flush=True), weak=False)
    from celery.utils.nodenames import default_nodename

    hostname = default_nodename(name or f"narrate-{os.getpid()}@{socket.gethostname()}")
    worker = app.Worker(hostname=hostname, pool_cls="threads", concurrency=in_flight, queues=queues,
                        without_gossip=True, without_mingle=True, without_heartbeat=True,
                        loglevel="WARNING", quiet=True, optimization="fair")
    heartbeat = Heartbeat(app.backend.client, state.worker_id, hostname)
    try:
        worker.start()
    finally:
        heartbeat.close()
        state.writer.shutdown(wait=True)  # takes made are stored before the worker exits
        engine.close()
        _WORKER = None
    return 1 if state.dead else worker.exitcode or 0
