"""What the HTTP engines share: one requests.Session per server, and the single boundary where
requests' exceptions and HTTP statuses become narrator errors.

Imported only by the HTTP engine modules, which are imported only when used, so ``requests``
may be imported lazily here.
"""

from __future__ import annotations

import re
from http import HTTPStatus
from typing import Any, Mapping
from urllib.parse import urlsplit

from narrator.config import MAX_IN_FLIGHT, Config
from narrator.errors import ConfigError, EngineError, EngineUnavailable, ServerUnreachable
from narrator.text import one_line  # noqa: F401  (engines import it from here)
from narrator.util.wavio import wav_info
from narrator.engines.base import preset_params, request_timeout

# IndexTTS2 weights its 8-value emotion vector: happy, angry, sad, afraid, disgusted,
# melancholic, surprised, calm. Sums over 0.8 are scaled down by its UI anyway.
EMOTION_AXES = ("happy", "angry", "sad", "afraid", "disgusted", "melancholic", "surprised", "calm")
MAX_VECTOR_SUM = 0.8

VECTOR_DEFAULTS: Mapping[str, Mapping[str, Any]] = {
    "neutral": {},  # no vector: "same as the voice reference"
    "calm": {"vector": [0, 0, 0, 0, 0, 0, 0, 0.6], "weight": 0.65},
    "warm": {"vector": [0.35, 0, 0, 0, 0, 0, 0, 0.35], "weight": 0.65},
    "excited": {"vector": [0.6, 0, 0, 0, 0, 0, 0.2, 0], "weight": 0.7},
    "serious": {"vector": [0, 0.1, 0, 0, 0, 0.1, 0, 0.45], "weight": 0.6},
    "sad": {"vector": [0, 0, 0.6, 0, 0, 0.2, 0, 0], "weight": 0.7},
    "angry": {"vector": [0, 0.7, 0, 0, 0.1, 0, 0, 0], "weight": 0.7},
    "surprised": {"vector": [0.1, 0, 0, 0, 0, 0, 0.6, 0], "weight": 0.7},
    "afraid": {"vector": [0, 0, 0.1, 0.6, 0, 0, 0, 0], "weight": 0.7},
}
"""IndexTTS2 emotion presets (shared by the web UI and index-tts-vllm engines)."""


def normalize_base(server: str) -> str:
    """``http://host:port/`` -> ``http://host:port`` (no trailing slash)."""
    return server.rstrip("/")


def same_origin(a: str, b: str) -> bool:
    sa, sb = urlsplit(a), urlsplit(b)
    return (sa.scheme, sa.netloc) == (sb.scheme, sb.netloc)


def vector_params(params: Mapping[str, Any]) -> tuple[str, list[float], float]:
    """(method "voice"|"vectors", 8 floats with sum <= 0.8, weight) from resolved preset params.

    A preset with a non-zero ``vector`` uses it unless ``method = "voice"`` is set explicitly.
    """
    vec = [float(v) for v in params.get("vector") or [0.0] * 8]
    total = sum(vec)
    if total > MAX_VECTOR_SUM:  # the server would scale it anyway; keep the request honest
        vec = [round(v * MAX_VECTOR_SUM / total, 4) for v in vec]
    method = str(params.get("method") or ("vectors" if total > 0 else "voice"))
    if method != "vectors":
        method = "voice"
    return method, vec, float(params.get("weight", 0.65))


def vector_emotion_params(config: Config, engine: str, emotion: str) -> Mapping[str, Any]:
    """An IndexTTS2-style engine's controls for ``emotion`` (part of the cache key)."""
    method, vec, weight = vector_params(preset_params(config, engine, emotion, VECTOR_DEFAULTS))
    if method == "voice":
        return {"method": "voice"}
    return {"method": "vectors", "vector": vec, "weight": weight}


def check_vector_presets(config: Config, engine: str, problems: list[str],
                         extra: tuple[str, ...] = ()) -> None:
    """Validate every ``[emotions.X.<engine>]`` override of an IndexTTS2-style engine
    (``extra``: further keys the engine checks itself)."""
    for name, engines in config.emotions.items():
        p = engines.get(engine)
        if p is None:
            continue
        label = f"emotions.{name}.{engine}"
        for key in p:
            known = ("vector", "weight", "method", *extra)
            if key not in known:
                problems.append(f"{label}.{key}: unknown key ({', '.join(known)})")
        vec = p.get("vector")
        if vec is not None and not (
                isinstance(vec, list) and len(vec) == 8
                and all(isinstance(v, (int, float)) and not isinstance(v, bool) and 0 <= v <= 1
                        for v in vec)):
            problems.append(f"{label}.vector: expected 8 numbers in 0..1 ({', '.join(EMOTION_AXES)})")
        w = p.get("weight")
        if w is not None and not (isinstance(w, (int, float)) and not isinstance(w, bool)
                                  and 0 <= w <= 1):
            problems.append(f"{label}.weight: expected a number in 0..1")
        if p.get("method") not in (None, "voice", "vectors"):
            problems.append(f"{label}.method: expected \"voice\" or \"vectors\"")


def segment_tokens(config: Config) -> int:
    """max_text_tokens_per_segment large enough that IndexTTS2 never re-splits our segments
    (about one token per CJK character, fewer than one per Latin character), within 20..600."""
    return max(20, min(600, max(config.text.max_chars, 2 * config.text.max_chars_cjk) + 10))


def check_options(options: Mapping[str, Any], spec: Mapping[str, type | tuple[type, ...]],
                  section: str, problems: list[str]) -> None:
    """Type-check ``options`` against ``spec`` (key -> accepted types); unknown keys are problems
    too, so a typo in narrate.toml is reported rather than ignored."""
    for key, value in options.items():
        want = spec.get(key)
        if want is None:
            problems.append(f"{section}.{key}: unknown option (known: {', '.join(sorted(spec))})")
        elif isinstance(value, bool) and bool not in (want if isinstance(want, tuple) else (want,)):
            problems.append(f"{section}.{key}: expected {_type_name(want)}, got {value!r}")
        elif not isinstance(value, want):
            problems.append(f"{section}.{key}: expected {_type_name(want)}, got {value!r}")


def _type_name(want: type | tuple[type, ...]) -> str:
    types = want if isinstance(want, tuple) else (want,)
    return " or ".join({"str": "a string", "int": "an integer", "float": "a number",
                        "bool": "true/false", "dict": "a table", "list": "a list"}.get(t.__name__, t.__name__)
                       for t in types)


def raise_config(problems: list[str]) -> None:
    if problems:
        raise ConfigError(problems)


class HttpClient:
    """One server: a requests.Session, timeouts per text length, and error translation.

    Every request of an HTTP engine goes through :meth:`request`, the one place where requests'
    exceptions and HTTP error statuses become :class:`EngineError` (retryable) or
    :class:`EngineUnavailable` (not retryable).
    """

    def __init__(self, config: Config, server: str, headers: Mapping[str, str] | None = None) -> None:
        import requests

        self.config = config
        self.base = normalize_base(server)
        self.session = requests.Session()
        # one pooled connection per request in flight (engines that batch send several at once;
        # requests' default pool keeps 10 and drops the rest after each use)
        adapter = requests.adapters.HTTPAdapter(pool_connections=1, pool_maxsize=MAX_IN_FLIGHT)
        self.session.mount("http://", adapter)
        self.session.mount("https://", adapter)
        self.session.headers.update({"User-Agent": "narrator"})
        self.answered = False  # a response came from this server in this run
        self.sent_audio = False  # a WAV came from this server in this run
        if headers:
            self.session.headers.update(headers)

    def url(self, path: str) -> str:
        """An absolute URL: ``path`` relative to the server unless it is absolute already."""
        if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", path):
            return path
        return self.base + "/" + path.lstrip("/")

    def timeout(self, text: str = "") -> tuple[float, float]:
        return request_timeout(self.config, text)

    def request(self, method: str, path: str, *, what: str, text: str = "",
                ok: tuple[int, ...] = (), **kwargs: Any) -> Any:
        """Send one request; return the response if its status is < 400 (or in ``ok``).

        ``what`` names the step in error messages ("upload voice file", "generate"...).
        """
        import requests

        kwargs.setdefault("timeout", self.timeout(text))
        try:
            resp = self.session.request(method, self.url(path), **kwargs)
        except requests.ConnectTimeout:
            error = EngineError if self.answered else ServerUnreachable
            raise error(f"{what}: cannot connect (timed out)", server=self.base) from None
        except requests.Timeout:
            raise EngineError(f"{what}: timed out", server=self.base) from None
        except requests.ConnectionError as e:
            cause = _root_cause(e)
            error = ServerUnreachable if cause in _NOT_THERE and not self.answered else EngineError
            raise error(f"{what}: cannot connect ({one_line(cause, 120)})", server=self.base) from None
        except requests.RequestException as e:
            raise EngineError(f"{what}: {one_line(e, 160)}", server=self.base) from None
        self.answered = True
        if resp.status_code >= 400 and resp.status_code not in ok:
            raise status_error(resp, what, self.base)
        return resp

    def read_body(self, resp: Any, what: str) -> bytes:
        """The whole body of a streamed response, translating read failures."""
        import requests

        try:
            return resp.content
        except requests.RequestException as e:
            raise EngineError(f"{what}: connection lost while reading ({one_line(e, 120)})",
                              server=self.base) from None

    def wav(self, data: bytes, resp: Any, what: str) -> int:
        """The sample rate of ``data``, the WAV answering a request (``resp``, None if it came
        inside another answer). Not a WAV: EngineError, retried, unless the server has never sent
        audio in this run and this answer is a document (HTML, JSON, text): then it is no speech
        server, or not one this engine speaks to, and trying again cannot help."""
        try:
            rate = expect_wav(data, resp, what, self.base)
        except EngineError:
            if not self.sent_audio and is_document(resp):
                raise not_speech(data, resp, what, self.base) from None
            raise
        self.sent_audio = True
        return rate

    def close(self) -> None:
        self.session.close()


_NOT_THERE = ("Connection refused", "Name or service not known", "No route to host",
              "Temporary failure in name resolution")


def _root_cause(exc: BaseException) -> str:
    text = str(exc)
    # urllib3's messages repeat the pool and URL; keep the reason at the end
    m = re.search(r"(Connection refused|Connection reset|Name or service not known|"
                  r"Temporary failure in name resolution|"
                  r"Remote end closed connection[^')\"]*|timed out|No route to host)", text)
    return m.group(1) if m else text


_WRONG_SERVER = "not a speech server, or not one this engine speaks to? check --server and --engine"


def status_error(resp: Any, what: str, server: str) -> EngineError:
    """An error for an HTTP status >= 400. Retryable: 408, 425, 429 and 5xx (a full IndexTTS2
    queue answers 503), but 501 and 505. Every other status is an answer that asking again
    cannot change (a wrong address, path, method, key or request): EngineUnavailable."""
    code = resp.status_code
    detail = _error_detail(resp)
    if code in (408, 425, 429) or (code >= 500 and code not in (501, 505)):
        msg = f"{what}: HTTP {code}" + (f" ({detail})" if detail else "")
        if code == 503 and not detail:
            msg += " (server busy or queue full)"
        return EngineError(msg, server=server)
    try:
        phrase = HTTPStatus(code).phrase
    except ValueError:
        phrase = one_line(resp.reason or "", 60)
    target = _target(resp, "")
    msg = f"HTTP {code} {phrase}".rstrip() + target + (f" ({detail})" if detail else "")
    if code in (401, 403):
        hint = "check the credentials"
    elif code in (404, 405, 501, 505):
        hint = _WRONG_SERVER
    else:
        hint = "the server refuses the request"
    return EngineUnavailable(f"{msg} - {hint}", server=server)


def _target(resp: Any, default: str) -> str:
    """" to METHOD /path" of the request ``resp`` answers (never its query: it may hold a key)."""
    request = getattr(resp, "request", None)
    if request is None or not request.url:
        return default
    return f" to {request.method} {urlsplit(request.url).path or '/'}"


def is_document(resp: Any) -> bool:
    """The answer says it is a document (HTML, JSON, XML, text), not audio."""
    if resp is None:
        return False
    ctype = resp.headers.get("Content-Type", "").split(";")[0].strip().lower()
    return ctype.startswith("text/") or ctype.endswith(("json", "xml", "html"))


def not_speech(data: bytes, resp: Any, what: str, server: str) -> EngineUnavailable:
    """The error for a first answer that is a document instead of audio."""
    ctype = resp.headers.get("Content-Type", "?").split(";")[0].strip()
    detail = _error_detail(resp)
    target = _target(resp, f" ({what})")
    return EngineUnavailable(f"answered {ctype}{target} ({detail or f'{len(data)} bytes'}), not audio - "
                             + _WRONG_SERVER, server=server)


def _error_detail(resp: Any) -> str:
    ctype = resp.headers.get("Content-Type", "")
    try:
        if "json" in ctype:
            body = resp.json()
            if isinstance(body, Mapping):
                for key in ("error", "detail", "message"):
                    if body.get(key):
                        val = body[key]
                        if isinstance(val, Mapping):
                            val = val.get("message", val)
                        return one_line(val, 160)
            return one_line(body, 160)
        if ctype.startswith("text/") and "html" not in ctype:
            return one_line(resp.text, 160)
    except ValueError:
        pass
    return ""


def expect_wav(data: bytes, resp: Any, what: str, server: str) -> int:
    """Raise EngineError unless ``data`` is a WAV; return its sample rate."""
    try:
        return wav_info(data).sample_rate
    except ValueError as e:
        if data[:4] == b"RIFF":
            raise EngineError(f"{what}: broken WAV ({e})", server=server) from None
        ctype = resp.headers.get("Content-Type", "?") if resp is not None else "?"
        raise EngineError(f"{what}: answer is not a WAV ({ctype}, {len(data)} bytes)",
                          server=server) from None


def check_rate(rate: int, declared: int, section: str, server: str) -> None:
    """A configured rate (``declared`` > 0) must be the rate the server sends: it is in the
    cache keys, so a mismatch is a setup error, not a retryable fault."""
    if declared and rate != declared:
        raise EngineUnavailable(f"the server returns {rate} Hz audio but {section}.sample_rate "
                                f"is {declared}", server=server)
