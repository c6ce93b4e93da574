"""A loopback TTS server with a seeded fault plan, and the small engine that talks to it.

Protocol (deliberately trivial): ``POST /tts`` with the UTF-8 text as body and ``X-Lang`` /
``X-Emotion`` headers; the answer is a mono 16-bit PCM WAV (eSpeak speech, via
tests/servers/audio.py). Faults, drawn per request from a seeded RNG (or forced per request number):

    error500    HTTP 500 with a JSON error body
    busy503     HTTP 503 "queue full"
    hang        no answer for ``hang_seconds`` (past the client's timeout), then the socket closes
    reset       TCP reset instead of an answer
    truncated   a WAV cut in the middle of its data chunk
    html        HTTP 200 with an HTML error page
    wrong_take  the audio of the previous successful answer (another text)
    die         the connection drops and the server stops listening for ``down_seconds``

Faults a format check cannot see, only a listener (``SPEECH_FAULTS``; never drawn at random
unless a plan names them in ``kinds``; a speech check catches them):

    other_sentence  a well-formed take of another sentence (``OTHER_SENTENCE``), made fresh
    cut_short       the take of the text cut after 40 % of its samples, as a valid WAV
    extra_speech    the take of the text followed by the take of ``OTHER_SENTENCE``

The server records the texts it was asked for, the most requests it had in flight at once, and
the seconds it spent working (busy time).
"""

from __future__ import annotations

import hashlib
import json
import random
import socket
import struct
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from narrator.errors import EngineError, EngineUnavailable
from narrator.util.wavio import mono_wav

try:
    from tests.servers.audio import SAMPLE_RATE, speech_wav
except ImportError:  # imported as a top-level module (benchmarks)
    from servers.audio import SAMPLE_RATE, speech_wav  # type: ignore[no-redef]

FAULT_KINDS = ("error500", "busy503", "hang", "reset", "truncated", "html", "wrong_take", "die")
SPEECH_FAULTS = ("other_sentence", "cut_short", "extra_speech")
OTHER_SENTENCE = "Bananas are yellow and grow in warm countries near the ocean."


@dataclass(frozen=True)
class FaultPlan:
    """Which requests fail, and how. ``script`` (1-based request number -> kind) wins over
    ``rate``; ``always`` makes every request fail the same way (a server dead for good)."""

    rate: float = 0.0
    kinds: tuple[str, ...] = FAULT_KINDS
    seed: int = 0
    script: Mapping[int, str] = field(default_factory=dict)
    always: str | None = None


class FaultyServer:
    """A threaded HTTP server on 127.0.0.1, port 0; use as a context manager."""

    def __init__(self, plan: FaultPlan | None = None, *, delay: float = 0.0,
                 delay_per_char: float = 0.0, hang_seconds: float = 1.5, down_seconds: float = 0.5,
                 audio: Callable[[str, str], bytes] | None = None) -> None:
        self.plan = plan or FaultPlan()
        self.delay = delay
        self.delay_per_char = delay_per_char
        self.hang_seconds = hang_seconds
        self.down_seconds = down_seconds
        self.audio = audio or (lambda text, lang: speech_wav(text, lang, SAMPLE_RATE))
        self.requests: list[str] = []  # texts, in arrival order
        self.faults: list[tuple[int, str]] = []  # (request number, kind)
        self.ok = 0
        self.in_flight = 0
        self.max_in_flight = 0
        self.busy = 0.0
        self._busy_since = 0.0
        self._last: tuple[str, bytes] | None = None  # last successful answer
        self._rng = random.Random(self.plan.seed)
        self._lock = threading.Lock()
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._closed = False
        self.port = 0

    # ---- lifecycle --------------------------------------------------------------------------

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> FaultyServer:
        self._listen()
        return self

    def stop(self) -> None:
        with self._lock:
            self._closed = True
            httpd, self._httpd = self._httpd, None
        if httpd is not None:
            httpd.shutdown()
            httpd.server_close()

    def __enter__(self) -> FaultyServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _listen(self) -> None:
        owner = self

        class Handler(_Handler):
            server_owner = owner

        httpd = _Server(("127.0.0.1", self.port), Handler)
        self.port = httpd.server_address[1]
        thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        with self._lock:
            self._httpd, self._thread = httpd, thread
        thread.start()

    def die(self, seconds: float) -> None:
        """Stop accepting connections (refused) for ``seconds``, then come back on the same port."""
        def cycle() -> None:
            with self._lock:
                httpd, self._httpd = self._httpd, None
            if httpd is None:
                return
            httpd.shutdown()
            httpd.server_close()
            time.sleep(seconds)
            with self._lock:
                if self._closed:
                    return
            self._listen()

        threading.Thread(target=cycle, daemon=True).start()

    # ---- request accounting --------------------------------------------------------------------

    def _arrived(self) -> None:
        """A request line was read: the server is busy from here until its answer is sent."""
        with self._lock:
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)
            if self.in_flight == 1:
                self._busy_since = time.monotonic()

    def stats(self) -> dict[str, Any]:
        with self._lock:
            return {"requests": len(self.requests), "ok": self.ok, "busy": self.busy,
                    "max_in_flight": self.max_in_flight, "faults": [k for _, k in self.faults]}

    def _begin(self, text: str) -> tuple[int, str | None]:
        with self._lock:
            self.requests.append(text)
            n = len(self.requests)
            plan = self.plan
            draw = self._rng.random()  # drawn for every request, so a plan replays identically
            pick = self._rng.choice(plan.kinds) if plan.kinds else None
            fault = plan.always or plan.script.get(n) or (pick if draw < plan.rate else None)
            if fault == "wrong_take" and (self._last is None or self._last[0] == text):
                fault = None  # nothing foreign to hand back: answer normally
            if fault:
                self.faults.append((n, fault))
            return n, fault

    def _end(self) -> None:
        with self._lock:
            self.in_flight -= 1
            if self.in_flight == 0:
                self.busy += time.monotonic() - self._busy_since

    def _succeeded(self, text: str, wav: bytes) -> None:
        with self._lock:
            self.ok += 1
            self._last = (text, wav)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # resets and abandoned clients are the point of this server


class _Handler(BaseHTTPRequestHandler):
    server_owner: FaultyServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def parse_request(self) -> bool:
        self.server_owner._arrived()
        self._counted = True
        return super().parse_request()

    def handle_one_request(self) -> None:
        self._counted = False
        try:
            super().handle_one_request()
        finally:
            if self._counted:
                self.server_owner._end()

    def do_GET(self) -> None:
        if self.path != "/stats":
            return self._send(404, b"{}", "application/json")
        self._send(200, json.dumps(self.server_owner.stats()).encode(), "application/json")

    def do_POST(self) -> None:
        owner = self.server_owner
        length = int(self.headers.get("Content-Length") or 0)
        text = self.rfile.read(length).decode("utf-8")
        if self.path != "/tts":
            return self._send(404, b'{"error": "not found"}', "application/json")
        lang = self.headers.get("X-Lang", "en")
        _, fault = owner._begin(text)
        self._answer(owner, text, lang, fault)

    def _answer(self, owner: FaultyServer, text: str, lang: str, fault: str | None) -> None:
        if fault == "error500":
            return self._send(500, b'{"error": "CUDA out of memory"}', "application/json")
        if fault == "busy503":
            return self._send(503, b'{"error": "queue full"}', "application/json")
        if fault == "hang":
            time.sleep(owner.hang_seconds)
            return self._drop()
        if fault == "reset":
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            return self._drop()
        if fault == "die":
            owner.die(owner.down_seconds)
            return self._drop()
        if fault == "html":
            return self._send(200, b"<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>",
                              "text/html")
        if fault == "wrong_take" and owner._last is not None:
            return self._send(200, owner._last[1], "audio/wav")
        delay = owner.delay + owner.delay_per_char * len(text)
        if delay > 0:
            time.sleep(delay)  # stands in for GPU time
        wav = owner.audio(text, lang)
        if fault in SPEECH_FAULTS:
            return self._send(200, _speech_fault(fault, wav, owner.audio(OTHER_SENTENCE, "en")), "audio/wav")
        if fault == "truncated":
            return self._send(200, wav[: max(60, len(wav) // 2)], "audio/wav")
        self._send(200, wav, "audio/wav")
        owner._succeeded(text, wav)

    def _send(self, status: int, body: bytes, ctype: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _drop(self) -> None:
        self.close_connection = True
        try:
            self.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self.connection.close()

    def finish(self) -> None:
        try:
            super().finish()
        except OSError:
            pass


def _speech_fault(kind: str, wav: bytes, other: bytes) -> bytes:
    """A valid WAV that says the wrong thing (see SPEECH_FAULTS)."""
    import io
    import wave

    def frames(data: bytes) -> tuple[bytes, int]:
        with wave.open(io.BytesIO(data)) as w:
            return w.readframes(w.getnframes()), w.getframerate()

    pcm, rate = frames(wav)
    if kind == "other_sentence":
        return other
    if kind == "cut_short":
        return mono_wav(pcm[: int(len(pcm) * 0.4) // 2 * 2], rate)
    other_pcm, _ = frames(other)
    return mono_wav(pcm + b"\0\0" * (rate // 4) + other_pcm, rate)


def tone_audio(text: str, lang: str = "en", rate: int = SAMPLE_RATE) -> bytes:
    """Fast stand-in audio: a WAV as long as speech of ``text`` would be, with bytes unique to
    ``text`` (benchmarks, where eSpeak's own CPU time would blur the measurement)."""
    seconds = 0.3 + sum(0.25 if ord(c) >= 0x2E80 else 0.07 for c in text if c.isalnum())
    frames = int(seconds * rate)
    tag = hashlib.sha256(text.encode("utf-8")).digest()
    body = tag + b"\x10\x00\xf0\xff" * ((frames * 2 - len(tag)) // 4)
    header = struct.pack("<4sI4s4sIHHIIHH4sI", b"RIFF", 36 + len(body), b"WAVE", b"fmt ", 16, 1, 1,
                         rate, rate * 2, 2, 16, b"data", len(body))
    return header + body


def refused_url() -> str:
    """A loopback URL where nothing listens (connections are refused)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}"


class LoopbackEngine:
    """An Engine speaking the POST-text-get-WAV protocol to one server (requests, one session)."""

    name = "loopback"
    sample_rate = SAMPLE_RATE

    def __init__(self, url: str, *, timeout: float = 2.0, connect_timeout: float = 1.0,
                 fingerprint: str = "loopback-v1") -> None:
        import requests

        self.label = url
        self.url = url.rstrip("/") + "/tts"
        self.timeout = (connect_timeout, timeout)
        self._fingerprint = fingerprint
        self._session = requests.Session()

    def fingerprint(self) -> str:
        return self._fingerprint

    def emotion_params(self, emotion: str) -> Mapping[str, Any]:
        return {"emotion": emotion}

    def language_params(self, lang: str) -> Mapping[str, Any]:
        return {"lang": lang}  # sent as X-Lang; the stand-in's voice follows it

    def synthesize(self, text: str, lang: str, emotion: str) -> bytes:
        import requests

        try:
            r = self._session.post(self.url, data=text.encode("utf-8"), timeout=self.timeout,
                                   headers={"X-Lang": lang, "X-Emotion": emotion})
        except requests.Timeout:
            raise EngineError("timed out", server=self.label) from None
        except requests.RequestException as e:
            raise EngineError(f"connection failed ({type(e).__name__})", server=self.label) from None
        if r.status_code in (401, 403, 404):
            raise EngineUnavailable(f"HTTP {r.status_code}", server=self.label)
        if r.status_code != 200:
            raise EngineError(f"HTTP {r.status_code}: {r.text[:80]}", server=self.label)
        return r.content

    def close(self) -> None:
        self._session.close()


def main() -> None:
    """Serve in its own process (benchmarks): prints the URL, runs until killed."""
    import argparse

    ap = argparse.ArgumentParser(description="fault-injecting stand-in TTS server")
    ap.add_argument("--delay", type=float, default=0.0, help="seconds of 'GPU time' per request")
    ap.add_argument("--rate", type=float, default=0.0, help="share of faulty requests")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--tone", action="store_true", help="fast tone audio instead of eSpeak")
    args = ap.parse_args()
    server = FaultyServer(FaultPlan(rate=args.rate, seed=args.seed), delay=args.delay,
                          audio=tone_audio if args.tone else None).start()
    print(server.url, flush=True)
    threading.Event().wait()


if __name__ == "__main__":
    main()
