"""A stand-in for a TTS server that batches (index-tts-vllm, a vLLM-based OpenAI-compatible server).

It speaks index-tts-vllm's ``POST /tts_url`` (``api="vllm"``, the speaker path of
tests/servers/vllm_server.py) or OpenAI's ``POST /v1/audio/speech`` (``api="openai"``), and
answers eSpeak speech of the text, as the other stand-ins do. What it models is the time:

- a request alone takes ``unit`` seconds, plus ``per_audio`` per second of the audio it answers
  (a real-time factor: GPU time grows with the speech made);
- ``k`` requests served together progress at ``k ** -exponent`` of that speed each, so a batch of
  ``k`` equal requests takes ``k ** exponent`` times as long as one and the server's throughput
  grows as ``k ** (1 - exponent)`` (sublinearly: ``exponent`` between 0 and 1), as continuous
  batching does; requests join and leave the batch at any moment (processor sharing);
- at most ``max_batch`` are served at once; further requests wait in a queue (first come, first
  served), so past ``max_batch`` the throughput stays flat and only latency grows;
- with more than ``error_above`` requests at the server at once (served and waiting), the new one
  is answered HTTP 503 at once, as an engine out of memory or with a full queue does;
- a text in ``slow`` (text -> seconds) is answered only after that long, outside the batch (a
  request the client gives up on while the server goes on making it).

So the best fixed concurrency is ``max_batch`` (or anything up to ``error_above``), and the gain
over one at a time is ``max_batch ** (1 - exponent)``: :func:`exponent_for` gives the exponent for
a wanted gain. ``unit`` is the test's time unit: small in tests (milliseconds), about a GPU's
second in the benchmark.

It records what it saw: every request's body and the number of requests at the server when it
arrived (itself included), the most at once, the 503s, and any request that arrived while another
with the same body (the same take) was still at the server.

Run as a program (``python -m tests.servers.batching --per-audio 0.4 --max-batch 8``) it prints its URL
and serves ``GET /stats`` (what it saw, as JSON) until stdin closes: benchmarks run it in a process
of its own, as a real server is (``--prepare FILE`` makes the speech of the texts in FILE first).

:func:`simulate` runs the same model on a virtual clock against a
:class:`narrator.synthesis.concurrency.Limit`, for tests of the rule's timing.
"""

from __future__ import annotations

import argparse
import functools
import json
import math
import sys
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from typing import Any

try:
    from tests.servers import Reply, Request, RecordingServer
    from tests.servers.audio import speech_wav
    from tests.servers.vllm_server import VOICE_PATH
except ImportError:  # imported as a top-level module (benchmarks)
    from servers import Reply, Request, RecordingServer  # type: ignore[no-redef]
    from servers.audio import speech_wav  # type: ignore[no-redef]
    from servers.vllm_server import VOICE_PATH  # type: ignore[no-redef]


def exponent_for(gain: float, max_batch: int) -> float:
    """The ``exponent`` with which ``max_batch`` requests at once give ``gain`` times the
    throughput of one at a time."""
    return 1 - math.log(gain) / math.log(max_batch)


@dataclass
class Curve:
    """How long requests take (see the module docstring)."""

    unit: float = 0.05
    exponent: float = 0.56  # 8 at once: 2.5 times the throughput of 1
    max_batch: int = 8
    error_above: int | None = None
    per_audio: float = 0.0

    def work(self, audio_seconds: float) -> float:
        """Seconds a request answering ``audio_seconds`` of audio takes alone."""
        return self.unit + self.per_audio * audio_seconds


@dataclass(eq=False)
class _Work:
    left: float  # seconds of work left, at the speed of a request alone
    done: threading.Event = field(default_factory=threading.Event)


@functools.lru_cache(maxsize=4096)
def _speech(text: str, rate: int) -> bytes:
    return speech_wav(text, "en", rate)


class BatchingServer:
    """The stand-in; use as a context manager. ``curve`` may be replaced while it runs."""

    def __init__(self, curve: Curve | None = None, *, api: str = "vllm",
                 slow: dict[str, float] | None = None) -> None:
        if api not in ("vllm", "openai"):
            raise ValueError(f"unknown api {api!r}")
        self.curve = curve or Curve()
        self.api = api
        self.slow = dict(slow or {})
        self.cond = threading.Condition()
        self._active: list[_Work] = []
        self._waiting: deque[_Work] = deque()
        self._last = time.monotonic()
        self._closed = False
        self.arrivals: list[tuple[float, int]] = []  # (time, requests at the server with it)
        self.max_concurrent = 0
        self.errors = 0  # answered 503: over error_above
        self.served = 0
        self.same_key_overlaps: list[str] = []  # bodies that arrived while the same one was there
        self._present: dict[str, int] = {}
        self._at_server = 0  # requests being served or waiting (the slow ones too)
        self._gpu = threading.Thread(target=self._run, name="batching stand-in", daemon=True)
        self._gpu.start()
        route = ("POST", "/tts_url") if api == "vllm" else ("POST", "/v1/audio/speech")
        self.http = RecordingServer({route: self._tts, ("GET", "/health"): _health,
                                     ("GET", "/stats"): self._stats})

    @property
    def url(self) -> str:
        return self.http.url

    @property
    def texts(self) -> list[str]:
        key = "text" if self.api == "vllm" else "input"
        return [r.json[key] for r in self.http.requests if r.path in ("/tts_url", "/v1/audio/speech")]

    def close(self) -> None:
        self.http.close()
        with self.cond:
            self._closed = True
            self.cond.notify_all()

    def __enter__(self) -> "BatchingServer":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def stats(self) -> dict[str, Any]:
        with self.cond:
            return {"max_concurrent": self.max_concurrent, "errors": self.errors,
                    "served": self.served, "same_key_overlaps": list(self.same_key_overlaps),
                    "arrivals": list(self.arrivals)}

    # ---- the model of the GPU ---------------------------------------------------------------

    def _speed(self, k: int) -> float:
        """How fast each of ``k`` requests served together progresses, against one alone."""
        return k ** -self.curve.exponent if k else 0.0

    def _advance(self, now: float) -> None:
        dt = now - self._last
        self._last = now
        if dt > 0 and self._active:
            step = dt * self._speed(len(self._active))
            for w in self._active:
                w.left -= step

    def _run(self) -> None:
        with self.cond:
            while not self._closed:
                self._advance(time.monotonic())
                for w in [w for w in self._active if w.left <= 1e-6]:
                    self._active.remove(w)
                    w.done.set()
                while self._waiting and len(self._active) < self.curve.max_batch:
                    self._active.append(self._waiting.popleft())
                if self._active:
                    speed = self._speed(len(self._active))
                    self.cond.wait(max(min(w.left for w in self._active) / speed, 0.0) + 1e-4)
                else:
                    self.cond.wait()

    def _serve(self, key: str, text: str, audio_seconds: float) -> Reply | None:
        """Wait for the model to make ``text``; None when it did, else the error reply."""
        work = _Work(self.curve.work(audio_seconds))
        with self.cond:
            now = time.monotonic()
            present = self._at_server + 1
            if self._present.get(key):
                self.same_key_overlaps.append(key)
            self.arrivals.append((now, present))
            self.max_concurrent = max(self.max_concurrent, present)
            if self.curve.error_above is not None and present > self.curve.error_above:
                self.errors += 1
                return Reply.json({"status": "error", "error": "CUDA out of memory (stand-in: "
                                   f"{present} requests at once, at most {self.curve.error_above})"}, 503)
            self._present[key] = self._present.get(key, 0) + 1
            self._at_server += 1
            if text not in self.slow:
                self._advance(now)
                self._waiting.append(work)
                self.cond.notify_all()
        if text in self.slow:
            time.sleep(self.slow[text])
        else:
            work.done.wait()
        with self.cond:
            self._present[key] -= 1
            self._at_server -= 1
            self.served += 1
        return None

    # ---- HTTP --------------------------------------------------------------------------------

    def _tts(self, server: RecordingServer, req: Request) -> Reply:
        try:
            body = req.json
        except ValueError:
            return Reply.json({"status": "error", "error": "invalid JSON"}, 500)
        if not isinstance(body, dict):
            return Reply.json({"status": "error", "error": "expected a JSON object"}, 500)
        if self.api == "vllm":
            text = body.get("text")
            if not text or body.get("spk_audio_path") != VOICE_PATH:
                return Reply.json({"status": "error", "error": "text and a known speaker are required"}, 500)
            rate = 22050
        else:
            text = body.get("input")
            if not text or body.get("response_format") != "wav":
                return Reply.json({"error": {"message": "input and response_format wav required"}}, 400)
            rate = 24000
        audio = _speech(text, rate)  # made before it joins the batch: the curve alone sets the time
        seconds = (len(audio) - 44) / 2 / rate  # eSpeak's WAV: a 44-byte header, 16-bit mono
        error = self._serve(json.dumps(body, sort_keys=True), text, seconds)
        return error if error is not None else Reply.wav(audio)

    def _stats(self, server: RecordingServer, req: Request) -> Reply:
        return Reply.json(self.stats())


def simulate(limit: Any, curve: Curve, audio: list[float], *, until: float,
             requests: int | None = None) -> list[tuple[float, float, int]]:
    """The same model on a virtual clock: ``limit`` (a :class:`narrator.synthesis.concurrency.Limit`)
    sends requests whenever it has room, the i-th answering ``audio[i % len(audio)]`` seconds of
    audio, until ``until`` virtual seconds or ``requests`` answers. Returns each answer as (virtual
    time, seconds of audio, the limit when it came back). No thread and no sleep: a test of the
    rule's timing that no load on the machine can change."""
    now, sent = 0.0, 0
    active: list[list[Any]] = []  # [work left, audio, ticket]
    waiting: deque[list[Any]] = deque()
    answers: list[tuple[float, float, int]] = []

    def fill() -> None:
        nonlocal sent
        while limit.in_flight < limit.value and (requests is None or sent < requests):
            seconds = audio[sent % len(audio)]
            present = len(active) + len(waiting) + 1
            ticket = limit.sent(now)
            sent += 1
            if curve.error_above is not None and present > curve.error_above:
                limit.failed(ticket, now)  # answered 503 at once; the request is asked again
                sent -= 1
                continue
            (active if len(active) < curve.max_batch else waiting).append(
                [curve.work(seconds), seconds, ticket])

    fill()
    while active and now < until:
        speed = len(active) ** -curve.exponent
        step = min(w[0] for w in active) / speed
        now += step
        for w in active:
            w[0] -= step * speed
        done = [w for w in active if w[0] <= 1e-9]
        active = [w for w in active if w[0] > 1e-9]
        while waiting and len(active) < curve.max_batch:
            active.append(waiting.popleft())
        for _, seconds, ticket in done:
            limit.answered(ticket, now, seconds, math.inf)
            answers.append((now, seconds, limit.value))
        fill()
    return answers


def _health(server: RecordingServer, req: Request) -> Reply:
    return Reply.json({"status": "ok"})


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--api", choices=("vllm", "openai"), default="vllm")
    p.add_argument("--unit", type=float, default=0.0, help="seconds one request takes alone, plus...")
    p.add_argument("--per-audio", type=float, default=0.4, help="...this per second of its audio")
    p.add_argument("--exponent", type=float, default=None)
    p.add_argument("--gain", type=float, default=2.5, help="throughput at max-batch over one at a time")
    p.add_argument("--max-batch", type=int, default=8)
    p.add_argument("--error-above", type=int, default=None)
    p.add_argument("--prepare", default=None,
                   help="a file of texts, one a line, whose speech is made before the URL is printed")
    args = p.parse_args(argv)
    if args.prepare:  # eSpeak's time then never adds to a timed request's
        rate = 22050 if args.api == "vllm" else 24000
        with open(args.prepare, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    _speech(line.rstrip("\n"), rate)
    exponent = args.exponent if args.exponent is not None else exponent_for(args.gain, args.max_batch)
    server = BatchingServer(Curve(args.unit, exponent, args.max_batch, args.error_above, args.per_audio),
                            api=args.api)
    print(server.url, flush=True)
    sys.stdin.read()  # until the parent closes our stdin
    server.close()


if __name__ == "__main__":
    main()
