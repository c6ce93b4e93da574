"""What both ways of making takes share: cache keys, cache look-ups and errors.jsonl lines.

The local scheduler (scheduler.py) and the queue (queue.py) differ only in who sends the requests;
which takes a script needs, which are already cached and how failures are recorded is decided here,
so a narration's cache keys are the same whichever path made its takes.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from narrator.errors import ConfigError, OutputError
from narrator.normalize.pronounce import has_marks, render
from narrator.synthesis.cache import Cache
from narrator.util.wavio import file_wav_info
from narrator.values import Segment, Take


class KeyParts(Protocol):
    """What a cache key needs from a setup besides its fingerprint (an Engine has all of it)."""

    @property
    def sample_rate(self) -> int: ...

    def emotion_params(self, emotion: str) -> Mapping[str, Any]: ...

    def language_params(self, lang: str) -> Mapping[str, Any]: ...


@dataclass(eq=False)
class Wanted:
    """One unique take a script needs and the cache lacks, with every segment that shares it."""

    key: str
    spoken: str
    lang: str
    emotion: str
    segments: list[Segment]
    take: int = 1  # a teacher's "another take" (script/corrections.py): a new key, a new request
    voice: str = ""  # the voice of its role (a voice file or an engine voice); "" = the narrator's own


VoiceOf = Callable[[str], str]
"""A role ("" = the narrator) -> its voice for this setup ("" = the engine's own): the cast."""


def cast_of(config: Any, engine: str) -> VoiceOf | None:
    """The cast in ``config`` ([voices]) for ``engine``, or None when it names no voice."""
    voices = config.voices
    if not (voices.cast or voices.engines.get(engine)):
        return None
    return lambda role: voices.voice(role, engine)


class TakeKeys:
    """Cache keys of segments for one setup; each emotion's and language's parameters are
    asked for once. ``voice_of`` (the cast) gives each role its voice: a segment said in a voice
    other than the engine's own has that voice in its key (a voice file by its content's hash,
    as the engine's ``voice_key`` says), so a changed recording makes its takes again; keys of
    the narrator's own voice are as they were."""

    def __init__(self, setup: KeyParts, fingerprint: str, voice_of: VoiceOf | None = None) -> None:
        self.setup = setup
        self.fingerprint = fingerprint
        self.voice_of = voice_of
        self._emotions: dict[str, Mapping[str, Any]] = {}
        self._languages: dict[str, Mapping[str, Any]] = {}
        self._voices: dict[str, tuple[str, str]] = {}  # role -> (voice, its key)
        self._pronunciations: str | None = None  # asked for only when a text has a mark

    def spoken(self, seg: Segment) -> str:
        """What the engine is sent for ``seg``: its spoken text, pinyin and phoneme marks in the
        engine's syntax (engines declare ``pronunciations``; see normalize/pronounce.py)."""
        if not has_marks(seg.spoken):
            return seg.spoken
        if self._pronunciations is None:
            self._pronunciations = str(getattr(self.setup, "pronunciations", "plain"))
        return render(seg.spoken, self._pronunciations)

    def voice(self, seg: Segment) -> tuple[str, str]:
        """(the voice ``seg`` is said in, its part of the cache key); ("", "") = the engine's own."""
        if self.voice_of is None:
            return "", ""
        found = self._voices.get(seg.voice)
        if found is None:
            voice = self.voice_of(seg.voice)
            key_of = getattr(self.setup, "voice_key", None)
            if voice and key_of is None:
                raise ConfigError([f"voices: the {getattr(self.setup, 'name', 'selected')} engine has "
                                   "no voices per role; remove [voices] or choose another engine"])
            found = self._voices[seg.voice] = (voice, key_of(voice) if voice and key_of is not None else "")
        return found

    def key(self, seg: Segment) -> str:
        if seg.emotion not in self._emotions:
            self._emotions[seg.emotion] = self.setup.emotion_params(seg.emotion)
        if seg.lang not in self._languages:
            self._languages[seg.lang] = self.setup.language_params(seg.lang)
        language = self._languages[seg.lang]
        if voice := self.voice(seg)[1]:  # only then: the narrator's keys stay as they were
            language = {**language, "voice": voice}
        return Cache.key(self.fingerprint, self._emotions[seg.emotion], self.spoken(seg),
                         self.setup.sample_rate, language, seg.take)


Hit = tuple[Path, int, float]  # a cached take: its path, sample rate and duration


def plan_takes(segments: Sequence[Segment], setup: KeyParts, fingerprint: str, cache: Cache, *,
               force: bool = False, verdict: Callable[[str, Hit, Segment], str] | None = None,
               voice_of: VoiceOf | None = None
               ) -> tuple[dict[str, Take], dict[str, Wanted], dict[str, Hit]]:
    """(cached takes by segment id, takes to make by cache key, cached takes to hear before
    they are used, by cache key) for ``segments``.

    Identical spoken text with the same emotion and language is one take; ``force`` ignores
    the cache (every take is made again). ``verdict`` (when takes are checked by ear) decides
    on each cached take: "keep" it, "hear" it first (it is made only if it fails), or "remake" it.
    ``voice_of`` is the cast (see :class:`TakeKeys`)."""
    takes: dict[str, Take] = {}
    wanted: dict[str, Wanted] = {}
    to_hear: dict[str, Hit] = {}
    keys = TakeKeys(setup, fingerprint, voice_of)
    hits: dict[str, Hit | None] = {}
    for seg in segments:
        key = keys.key(seg)
        if key in wanted:
            wanted[key].segments.append(seg)
            continue
        if key not in hits:
            hits[key] = None if force else lookup(cache, key)
        hit = hits[key]
        decision = verdict(key, hit, seg) if verdict is not None and hit is not None else "keep"
        if hit is not None and decision == "keep":
            takes[seg.id] = Take(seg.id, hit[0], hit[1], hit[2], key, "cache")
        else:
            wanted[key] = Wanted(key, keys.spoken(seg), seg.lang, seg.emotion, [seg], seg.take,
                                 keys.voice(seg)[0])
            if hit is not None and decision == "hear":
                to_hear[key] = hit
    return takes, wanted, to_hear


class Tally:
    """What one run has made so far, kept alike by the local scheduler (under its lock) and the
    queue: the takes by segment id, the failures, the counts and the speech checks' hearings."""

    def __init__(self, cache: Cache, *, total: int, cached: int, errors_path: Path | None) -> None:
        self.cache = cache
        self.total = total
        self.cached = cached
        self.done = cached
        self.synthesized = 0
        self.takes: dict[str, Take] = {}
        self.failed: dict[str, tuple[str, ...]] = {}
        self.seen: dict[bytes, str] = {}  # sha256 of every take of this run -> its spoken text
        self.errors_path = errors_path
        self.hearings: dict[str, tuple[Any, int]] = {}  # cache key -> (Heard | None, attempts)
        self.unverified: list[str] = []  # segments kept although no take passed the check

    def keep_heard(self, segments: Sequence[Segment], key: str, path: Path, rate: int, duration: float, *,
                   cached: bool, heard: Any, attempts: int, report: Mapping[str, Any]) -> list[Take]:
        """Record the take the speech checker chose for ``segments`` (at ``path`` in the cache;
        ``cached`` if it was there before the run) with what was heard; return their takes.
        ``report`` is the checker's: its attempts, and its problems if no take passed."""
        made = [Take(seg.id, path, rate, duration, key, "cache" if cached else "engine") for seg in segments]
        for take in made:
            self.takes[take.segment_id] = take
        if cached:
            self.cached += len(segments)
        else:
            self.synthesized += len(segments)
        self.hearings[key] = (heard, report["attempts"])
        if "problems" in report:
            self.unverified += [seg.id for seg in segments]
            if self.errors_path is not None:
                record_errors(self.errors_path, segments, attempts,
                              [("", "kept although no take passed the speech check: " + p, time.time())
                               for p in report["problems"]])
        return made


def record_errors(path: Path, segments: Sequence[Segment], attempts: int,
                  errors: Sequence[tuple[str, str, float]]) -> None:
    """Append one errors.jsonl line per segment, with every (server, message, unix time)."""
    listed = [{"server": s, "message": m,
               "time": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(t))} for s, m, t in errors]
    lines = "".join(json.dumps({"segment": seg.id, "chapter": seg.chapter, "text": seg.text,
                                "spoken": seg.spoken, "attempts": attempts, "errors": listed},
                               ensure_ascii=False) + "\n" for seg in segments)
    try:
        with open(path, "a", encoding="utf-8") as f:
            f.write(lines)
    except OSError as e:
        raise OutputError(f"{path}: cannot write ({e.strerror or e})") from None


def lookup(cache: Cache, key: str) -> Hit | None:
    """(path, sample rate, duration) of a cached take, or None."""
    path = cache.get(key)
    if path is None:
        return None
    try:
        info = file_wav_info(path)
    except (OSError, ValueError):
        return None  # removed or damaged since get(): synthesize it again
    return path, info.sample_rate, info.duration


class Queued(Protocol):
    """What :func:`voice_pick` reads of a queued job."""

    @property
    def voice(self) -> str: ...


VOICE_SCAN = 2048  # queued jobs looked through for one in a server's voice (bounded work per pick)


def voice_pick(queue: Sequence[Queued], voice: str, held: set[str], may: Callable[[Any], bool]) -> int | None:
    """Where in ``queue`` the next job of a server holding ``voice`` is: one in that voice (an
    IndexTTS2 server re-encodes its speaker prompt when the voice changes), else one in a voice
    no other server holds (``held``: several servers divide the roles), else the first it may
    take; None if it may take none of the first VOICE_SCAN. ``may(job)``: this server may take it."""
    free = first = None
    for i, job in enumerate(queue):
        if i >= VOICE_SCAN:
            break
        if not may(job):
            continue
        if job.voice == voice:
            return i
        if free is None and job.voice not in held:
            free = i
        if first is None:
            first = i
    return free if free is not None else first
