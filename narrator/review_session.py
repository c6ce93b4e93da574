"""The review page's API, without a web framework: one lesson's narration, its takes and the
teacher's decisions, as JSON answers to hostile requests.

    session = ReviewSession(source, config, out_dir, LocalBuilder(source, config, out_dir))
    reply = session.handle("POST", "api/change", b'{"id": "c01-s0002", "another": true}')

``narrate review`` (:mod:`narrator.review_server`) and ``narrate serve`` (its /review/ routes)
put their own checks in front (a token in the URL, Host and Origin) and hand the rest of the path
here. Paths, relative to the page::

    GET  ""  review.js  review.css     the page (narrator/review_page/)
    GET  api/state                     every sentence in reading order, its takes, its decisions
    GET  api/build                     the rebuild's progress
    GET  api/take/<key>                a take's WAV, from the cache; only keys the manifest lists
    POST api/change                    {"id", "text", and one of: another, take, spoken, emotion, reviewed}
    POST api/pronunciation             {"word", "say", "lang", "preview"}: the sentences it changes
    POST api/rebuild                   narrate again (only what changed is made)

Decisions go to the lesson's corrections file through :mod:`narrator.review`; a rebuild is the
pipeline's own incremental build, so one decision costs one engine request.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from dataclasses import asdict, dataclass
from importlib import resources
from pathlib import Path
from typing import Any, Protocol

from narrator.config import Config
from narrator.errors import ConfigError, NarratorError

__all__ = ["Builder", "LocalBuilder", "Reply", "ReviewSession", "MAX_BODY"]

MAX_BODY = 64 * 1024  # bytes of a POST body: a decision is a few hundred
MAX_SPOKEN = 2000  # characters of a spoken form
MAX_WORD = 100  # characters of a pronounced word
MAX_SAY = 300  # characters of its respelling
STATIC = {"": ("index.html", "text/html; charset=utf-8"), "index.html": ("index.html", "text/html; charset=utf-8"),
          "review.js": ("review.js", "text/javascript; charset=utf-8"),
          "review.css": ("review.css", "text/css; charset=utf-8")}
# The page's own files and nothing else: no inline script, no other origin, no framing by others.
PAGE_POLICY = ("default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
               "media-src 'self' blob:; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'")


@dataclass(frozen=True)
class Reply:
    """An answer: status, type, and a body or a file to send."""

    status: int
    content_type: str
    body: bytes = b""
    file: Path | None = None

    @staticmethod
    def json(data: Any, status: int = 200) -> Reply:
        return Reply(status, "application/json", json.dumps(data, ensure_ascii=False).encode("utf-8"))

    @staticmethod
    def error(status: int, message: str) -> Reply:
        return Reply.json({"error": message[:500]}, status)


class Builder(Protocol):
    """What runs a rebuild: ``start`` (False if one is running), ``status`` (a JSON object with
    running, stage, done, total, error and builds, the number of builds finished)."""

    def start(self) -> bool: ...

    def status(self) -> dict[str, Any]: ...


class LocalBuilder:
    """Rebuilds with :func:`narrator.pipeline.narrate` in a background thread, one at a time."""

    def __init__(self, source: Path, config: Config, out_dir: Path) -> None:
        self.source, self.config, self.out_dir = source, config, out_dir
        self._lock = threading.Lock()
        self._state: dict[str, Any] = {"running": False, "stage": "", "done": 0, "total": 0, "error": "",
                                       "builds": 0}

    def start(self) -> bool:
        with self._lock:
            if self._state["running"]:
                return False
            self._state.update(running=True, stage="plan", done=0, total=0, error="")
        threading.Thread(target=self._run, name="review rebuild", daemon=True).start()
        return True

    def status(self) -> dict[str, Any]:
        with self._lock:
            return dict(self._state)

    def _run(self) -> None:
        from narrator.events import Progress
        from narrator.pipeline import narrate

        def progress(event: Any) -> None:
            if isinstance(event, Progress):
                with self._lock:
                    self._state.update(stage=event.stage, done=event.done, total=event.total)

        error = ""
        try:
            narrate(self.source, self.config, out_dir=self.out_dir, on_event=progress)
        except NarratorError as e:
            error = str(e)
        except Exception as e:  # noqa: BLE001 - a bug is reported on the page, the server goes on
            error = f"internal error: {type(e).__name__}: {e}"
        with self._lock:
            self._state.update(running=False, stage="done" if not error else "failed", error=error)
            self._state["builds"] += 1


class ReviewSession:
    """One lesson under review. ``restore`` is called before the corrections file is read and
    ``keep`` after it is written (the job server keeps a lesson's corrections apart from its
    narrations); ``name`` is how messages name the lesson (not the server's own paths)."""

    def __init__(self, source: Path, config: Config, out_dir: Path, builder: Builder, *,
                 name: str | None = None, restore: Callable[[], None] | None = None,
                 keep: Callable[[], None] | None = None) -> None:
        self.source, self.config, self.out_dir, self.builder = Path(source), config, Path(out_dir), builder
        self.name = name or str(source)
        self._restore, self._keep = restore, keep
        self._lock = threading.Lock()

    # ---- dispatch --------------------------------------------------------------------------------

    def handle(self, method: str, path: str, body: bytes = b"") -> Reply:
        """The answer to ``method path`` (path relative to the page, no query)."""
        try:
            if method in ("GET", "HEAD"):
                if path in STATIC:
                    name, kind = STATIC[path]
                    return Reply(200, kind, (resources.files("narrator.review_page") / name).read_bytes())
                if path == "api/state":
                    return Reply.json(self.state())
                if path == "api/build":
                    return Reply.json(self.builder.status())
                if path.startswith("api/take/"):
                    return self._take(path.removeprefix("api/take/"))
                return Reply.error(404, "no such page")
            if method != "POST":
                return Reply.error(405, "only GET and POST")
            if path not in ("api/change", "api/pronunciation", "api/forget", "api/rebuild"):
                return Reply.error(404, "no such page")
            if len(body) > MAX_BODY:
                return Reply.error(413, f"request larger than {MAX_BODY} bytes")
            payload = _object(body)
            if path == "api/rebuild":
                started = self.builder.start()
                return Reply.json(self.builder.status(), 202 if started else 409)
            with self._lock:
                if self._restore:
                    self._restore()
                answer = (self._change(payload) if path == "api/change" else self._forget(payload)
                          if path == "api/forget" else self._pronounce(payload))
                if self._keep:
                    self._keep()
            return Reply.json(answer)
        except _Bad as e:
            return Reply.error(400, str(e))
        except ConfigError as e:
            return Reply.error(400, self._clean("; ".join(e.problems)))
        except NarratorError as e:
            return Reply.error(400, self._clean(getattr(e, "problem", None) or str(e)))

    def _clean(self, message: str) -> str:
        return message.replace(f"{self.source}: ", "").replace(str(self.source), self.name)

    # ---- reading ---------------------------------------------------------------------------------

    def manifest(self) -> dict[str, Any]:
        try:
            data = json.loads((self.out_dir / "manifest.json").read_text("utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def state(self) -> dict[str, Any]:
        """Every sentence as the next build will say it, with the takes the last build made and
        the teacher's decisions; what would change at a rebuild is ``pending``."""
        from narrator.pipeline import plan
        from narrator.script.corrections import corrections_path, load, match, still_skipped
        from narrator.synthesis.cache import Cache

        if self._restore:
            with self._lock:
                self._restore()
        script = plan(self.source, self.config)
        corrections = load(corrections_path(self.source))
        found, lost = match(script.segments, corrections.sentences)
        skipped = still_skipped(script, lost)
        manifest = self.manifest()
        made = {s["id"]: s for s in manifest.get("segments") or [] if isinstance(s, dict) and "id" in s}
        titles = {c.index: c.title for c in script.chapters}
        cache = Cache(self.config.resolved_cache_dir())
        sentences = []
        for seg in script.segments:
            entry = made.get(seg.id)
            if entry is not None and entry.get("text") != seg.text:
                entry = None  # the lesson changed since: that audio is another sentence's
            keys = [k for k in ((entry or {}).get("takes") or [(entry or {}).get("take")]) if isinstance(k, str)]
            takes = [{"number": n, "key": k, "url": f"api/take/{k}" if cache.get(k) else None}
                     for n, k in enumerate(keys, 1)]
            number = (entry or {}).get("take_number", 1) if entry else 0
            fix = found.get(seg.id)
            check = (entry or {}).get("verify") or None
            pending = []
            if entry is None:
                pending.append("not narrated yet")
            else:
                if entry.get("spoken") != seg.spoken:
                    pending.append("new spoken form")
                if entry.get("emotion") != seg.emotion:
                    pending.append("new emotion")
                if seg.takes > len(takes):
                    pending.append(f"take {seg.takes} to make")
                elif seg.take != number:
                    pending.append(f"take {seg.take} chosen")
            sentences.append({
                "id": seg.id, "chapter": seg.chapter, "chapter_title": titles.get(seg.chapter, ""),
                "text": seg.text, "spoken": seg.spoken, "lang": seg.lang, "emotion": seg.emotion,
                "takes": takes, "take": number, "chosen": seg.take,
                "decision": asdict(fix) if fix else None,
                "verify": check, "failed": bool(check and check.get("checked") and not check.get("passed")),
                "reviewed": bool(fix and fix.reviewed), "pending": pending})
        return {"title": script.title, "lang": script.lang, "lesson": Path(self.name).name,
                "emotions": list(self.config.emotion_names), "narrated": bool(manifest),
                "build": self.builder.status(), "sentences": sentences,
                "pronunciations": [asdict(w) for w in corrections.pronunciations],
                "skipped": [fix.text for fix in skipped],
                "lost": [fix.text for fix in lost if fix not in skipped], "warnings": list(script.warnings)}

    def _take(self, key: str) -> Reply:
        from narrator.synthesis.cache import Cache

        # A key is 64 hex digits and must be one the narration lists: never a path, never another
        # lesson's take.
        if len(key) != 64 or any(c not in "0123456789abcdef" for c in key):
            return Reply.error(404, "no such take")
        listed: set[str] = set()
        for s in self.manifest().get("segments") or []:
            if isinstance(s, dict):
                listed.update(k for k in [s.get("take"), *(s.get("takes") or [])] if isinstance(k, str))
        path = Cache(self.config.resolved_cache_dir()).get(key) if key in listed else None
        if path is None:
            return Reply.error(404, "no such take")
        return Reply(200, "audio/wav", file=path)

    # ---- decisions -------------------------------------------------------------------------------

    def _change(self, payload: dict[str, Any]) -> dict[str, Any]:
        from narrator.review import correct

        which = _text(payload, "id", 20)
        text = _text(payload, "text", 100_000)
        if not which and not text:
            raise _Bad("id: required (or text, for a skipped sentence)")
        options: dict[str, Any] = {}
        if payload.get("another") is True:
            options["another"] = True
        if "take" in payload:
            take = payload["take"]
            if not isinstance(take, int) or isinstance(take, bool) or not 1 <= take <= 1000:
                raise _Bad("take: a whole number from 1")
            options["take"] = take
        if "spoken" in payload:
            options["say"] = _text(payload, "spoken", MAX_SPOKEN)
        if "emotion" in payload:
            options["emotion"] = _text(payload, "emotion", 40)
        for flag in ("reviewed", "skip"):
            if flag in payload:
                if not isinstance(payload[flag], bool):
                    raise _Bad(f"{flag}: true or false")
                options[flag] = payload[flag]
        if not options:
            raise _Bad("nothing to change: give another, take, spoken, emotion, skip or reviewed")
        from narrator.pipeline import plan

        script = plan(self.source, self.config)
        if which and text:  # the page shows what it was given: a sentence that moved is not changed blindly
            from narrator.review import find_sentence
            from narrator.script.corrections import sentence_key

            segment, _ = find_sentence(script, which)
            if sentence_key(segment.text) != sentence_key(text):
                raise _Bad(f"{which} is another sentence now: reload the page")
        fix = correct(self.source, which or text, self.config, script=script, **options)
        return {"decision": asdict(fix)}

    def _pronounce(self, payload: dict[str, Any]) -> dict[str, Any]:
        from narrator.review import pronounce

        word = _text(payload, "word", MAX_WORD, required=True)
        say = _text(payload, "say", MAX_SAY, required=True)
        lang = _text(payload, "lang", 20) or "*"
        preview = payload.get("preview", False)
        if not isinstance(preview, bool):
            raise _Bad("preview: true or false")
        changed = pronounce(self.source, word, say, self.config, lang=lang, preview=preview)
        return {"preview": preview, "changed": [asdict(c) for c in changed]}


    def _forget(self, payload: dict[str, Any]) -> dict[str, Any]:
        from narrator.review import forget

        word = _text(payload, "word", MAX_WORD, required=True)
        lang = _text(payload, "lang", 20) or "*"
        if not forget(self.source, word, lang):
            raise _Bad(f"no pronunciation of {word!r} to remove")
        return {"removed": word, "lang": lang}


class _Bad(Exception):
    """A request that is not what the page sends (400)."""


def _object(body: bytes) -> dict[str, Any]:
    try:
        payload = json.loads(body or b"{}")
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise _Bad("the body is not JSON") from None
    if not isinstance(payload, dict):
        raise _Bad("the body must be a JSON object")
    return payload


def _text(payload: dict[str, Any], name: str, limit: int, *, required: bool = False) -> str:
    value = payload.get(name, "")
    if not isinstance(value, str):
        raise _Bad(f"{name}: text")
    if len(value) > limit:
        raise _Bad(f"{name}: longer than {limit} characters")
    if "\x00" in value:
        raise _Bad(f"{name}: holds a NUL character")
    if required and not value.strip():
        raise _Bad(f"{name}: missing")
    return value
