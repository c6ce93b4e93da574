"""A submission to the job server, checked as hostile input: the request body, then the lesson.

Every problem is a :class:`Refused` with the HTTP status to answer (400, 413, 422) and a one-line
reason naming the limit; nothing is written until the body is valid, and a refused lesson leaves
no folder behind.
"""

from __future__ import annotations

import hashlib
import json
import secrets
import shutil
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from narrator.config import Config
from narrator.errors import BadInput, NarratorError, TooLarge

# What a teacher may choose per narration: the setting each sets, and the type it takes.
OPTIONS: dict[str, tuple[str, type]] = {
    "voice": ("engine.voice", str),
    "format": ("output.format", str),
    "book": ("output.book", str),
    "chapter_level": ("parse.chapter_level", int),
    "read_code": ("parse.read_code", bool),
}
MAX_TITLE = 500  # characters
MAX_OPTION = 100  # characters of a string option (a voice name)
MAX_KEY = 200  # characters of an Idempotency-Key


@dataclass(frozen=True)
class Limits:
    """What one lesson may cost the server (``narrate serve`` options)."""

    max_depth: int = 256  # element nesting; editors stay far below 50
    max_chars: int = 1_000_000  # characters of text: about 30 hours of English speech
    max_segments: int = 20_000  # sentences
    prepare_seconds: float = 30.0  # parsing and planning one submission


class Refused(Exception):
    """The request cannot be taken: ``status`` and a one-line ``reason`` for the client."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason


@dataclass(frozen=True)
class Request:
    """A submission's body, checked."""

    html: str
    title: str | None
    options: dict[str, Any]

    @property
    def key(self) -> str:
        """sha256 of what was asked: an Idempotency-Key reused for anything else is refused."""
        blob = json.dumps([self.html, self.title, self.options], sort_keys=True, ensure_ascii=True)
        return hashlib.sha256(blob.encode()).hexdigest()


def parse_body(body: bytes) -> Request:
    """The JSON body as a :class:`Request` (Refused 400 for anything malformed)."""
    try:
        payload = json.loads(body)
    except (UnicodeDecodeError, ValueError):
        raise Refused(400, "the body is not JSON") from None
    except RecursionError:
        raise Refused(400, "the JSON is nested too deeply") from None
    if not isinstance(payload, dict) or not isinstance(payload.get("html"), str):
        raise Refused(400, "the body must be a JSON object with an \"html\" string")
    html, title, options = payload["html"], payload.get("title"), payload.get("options") or {}
    if title is not None and not isinstance(title, str) or not isinstance(options, dict):
        raise Refused(400, "\"title\" must be a string and \"options\" an object")
    if title is not None and len(title) > MAX_TITLE:
        raise Refused(400, f"the title is longer than {MAX_TITLE} characters")
    unknown = sorted(set(options) - set(OPTIONS))
    if unknown:
        names = ", ".join(_short(str(k), 40) for k in unknown[:5])
        raise Refused(400, f"options not allowed: {names} (allowed: {', '.join(OPTIONS)})")
    for name, value in options.items():
        kind = OPTIONS[name][1]
        if not isinstance(value, kind) or kind is int and isinstance(value, bool):
            raise Refused(400, f"option {name}: expected {'a number' if kind is int else kind.__name__}")
        if isinstance(value, str) and len(value) > MAX_OPTION:
            raise Refused(400, f"option {name}: longer than {MAX_OPTION} characters")
    for field, text in (("html", html), ("title", title or ""), *((k, v) for k, v in options.items()
                                                                   if isinstance(v, str))):
        if "\x00" in text:
            raise Refused(400, f"the {field} is binary, not text (it holds a NUL character)")
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            raise Refused(400, f"the {field} is not valid Unicode (a lone surrogate)") from None
    return Request(html, title, options)


def check_idempotency_key(key: str | None) -> str | None:
    if key is None:
        return None
    if not key or len(key) > MAX_KEY or not key.isascii() or not key.isprintable():
        raise Refused(400, f"Idempotency-Key: 1-{MAX_KEY} printable ASCII characters")
    return key


@dataclass(frozen=True)
class Prepared:
    """A lesson written into its new job folder and planned."""

    job_id: str
    folder: Path
    stem: str
    title: str
    content_key: str
    segments: int


def prepare(data_dir: Path, request: Request, config: Config, limits: Limits) -> Prepared:
    """Write the lesson into a new job folder and plan it within ``limits``.

    The folder holds nothing but the submission, which is all the lesson may take images from.
    Refused (400 not a lesson, 413 over a limit); the folder is removed on any failure."""
    from narrator.parse import ParseLimits
    from narrator.pipeline import build_key, plan
    from narrator.publishing.filenames import safe_filename

    job_id = secrets.token_hex(16)
    stem = safe_filename(request.title, index=0, ext="") if request.title else "lesson"
    folder = data_dir / "narrations" / job_id
    source = folder / "source" / f"{stem}.html"
    data = request.html.encode("utf-8")
    deadline = time.monotonic() + limits.prepare_seconds

    def tick() -> None:
        if time.monotonic() > deadline:
            raise TooLarge("the lesson", f"took longer than {limits.prepare_seconds:g} s to prepare "
                                         "(the server's limit)")

    try:
        source.parent.mkdir(parents=True)
        source.write_bytes(data)
        script = plan(source, config, tick=tick,
                      limits=ParseLimits(max_depth=limits.max_depth, max_chars=limits.max_chars))
        if len(script.segments) > limits.max_segments:
            raise TooLarge(str(source), f"{len(script.segments):,} sentences; the limit is "
                                        f"{limits.max_segments:,}")
        tick()
    except NarratorError as e:
        shutil.rmtree(folder, ignore_errors=True)
        problem = e.problem if isinstance(e, BadInput) else str(e)
        raise Refused(413 if isinstance(e, TooLarge) else 400,
                      _short(problem.replace(str(source), "the lesson"), 300)) from None
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    key = build_key(hashlib.sha256(data + b"\0" + (request.title or "").encode()).hexdigest(), config)
    return Prepared(job_id, folder, stem, request.title or script.title, key, len(script.segments))


def _short(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters: a reason never echoes a huge input back."""
    return text if len(text) <= limit else text[:limit - 1] + "…"
