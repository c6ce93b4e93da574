"""The manifest (version 1): everything a player or a build script needs about a narration.

``manifest.json`` is written last by :func:`narrator.publishing.publish.publish`; its presence means the
narration in that folder is complete. Times are seconds rounded to the millisecond: ``start`` /
``end`` of a segment are relative to its chapter file, ``book_start`` / ``book_end`` to the
whole programme (the book file).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any, NotRequired, TypedDict
from urllib.parse import urlsplit, urlunsplit

from narrator.normalize.pronounce import plain  # the manifest says what is said, without marks
from narrator.util.atomic import write_atomic
from narrator.values import (
    BookPiece,
    ChapterAudio,
    FileRecord,
    Level,
    LoudnessBlocks,
    PreviousChapter,
    Programme,
    Samples,
    Script,
)
from narrator.errors import BadInput

VERSION = 1
FILENAME = "manifest.json"


def without_password(url: str) -> str:
    """``url`` without the password in its user part: a broker's URL as it is shown and recorded."""
    parts = urlsplit(url)
    userinfo, at, host = parts.netloc.rpartition("@")
    if not at or ":" not in userinfo:
        return url
    user = userinfo.partition(":")[0]
    return urlunsplit(parts._replace(netloc=f"{user}@{host}" if user else host))


class SourceInfo(TypedDict):
    path: str
    sha256: str


class AudioInfo(TypedDict):
    sample_rate: int
    format: str
    book: str | None  # path of the whole-programme file, None when output.book = "none"
    duration: float
    captions: str | None  # WebVTT for the book timeline
    chapters: str | None  # WebVTT chapters track (kind="chapters"), book timeline
    srt: NotRequired[str | None]  # SRT captions for the book timeline


class ChapterEntry(TypedDict):
    index: int
    title: str
    file: str
    start: float  # in the book (chapters are joined on whole codec frames: see narrator.publishing.book)
    duration: float
    captions: str | None
    srt: NotRequired[str | None]  # the same captions as SRT
    pcm_sha256: NotRequired[str]  # the chapter's final samples; the same hash, the same audio
    build: NotRequired[dict[str, Any]]  # what the next build needs to keep this chapter's files


class SegmentEntry(TypedDict):
    id: str
    chapter: int
    text: str
    spoken: str
    lang: str
    emotion: str
    marks: list[str]
    boundary: str
    pause_after_ms: int
    source: str
    start: float
    end: float
    book_start: float
    book_end: float
    take: str | None  # cache key of the take
    voice: NotRequired[str]  # who says it: a role of the lesson ("A", "quote"); absent: the narrator
    take_number: NotRequired[int]  # with several takes (a teacher's "another take"): the one chosen
    takes: NotRequired[list[str]]  # ... and the cache keys of all of them (kept by pruning)
    verify: NotRequired[dict[str, Any]]  # the speech check of its take ([verify])
    words: NotRequired[list[dict[str, Any]]]  # {text, start, end}: displayed words, chapter times


class Manifest(TypedDict):
    version: int
    source: SourceInfo
    title: str
    lang: str
    engine: dict[str, Any]
    audio: AudioInfo
    player: str | None
    epub: NotRequired[str | None]  # the read-along EPUB 3, when asked for
    scorm: NotRequired[str]  # the SCORM package (publishing/scorm.py), when asked for
    cartridge: NotRequired[str]  # the IMS Common Cartridge (publishing/cartridge.py), when asked for
    images: NotRequired[list[str]]  # images copied from beside the input, shown by the pages
    chapters: list[ChapterEntry]
    segments: list[SegmentEntry]
    stats: dict[str, Any]
    loudness: dict[str, float]
    build: dict[str, Any] | None
    skipped: NotRequired[list[dict[str, Any]]]  # elements not read: source, what, reason, chars, rows


class ChapterFiles(TypedDict):
    """Where publish put one chapter's files (paths relative to the output folder)."""

    file: str
    captions: str | None
    srt: NotRequired[str | None]


def ms(seconds: float) -> float:
    """Seconds rounded to the millisecond (how every time in the manifest is written)."""
    return round(float(seconds), 3)  # plain floats even when assembly used numpy


def build_manifest(script: Script, programme: Programme, *, files: Mapping[int, ChapterFiles],
                   audio_format: str, book: str | None, book_captions: str | None = None,
                   chapters_track: str | None = None, player: str | None = None,
                   engine_info: Mapping[str, Any], stats: Mapping[str, Any],
                   take_keys: Mapping[str, str] | None = None,
                   build: Mapping[str, Any] | None = None,
                   book_starts: Mapping[int, float] | None = None,
                   encoded: Mapping[int, FileRecord] | None = None,
                   pieces: Mapping[int, BookPiece] | None = None,
                   segment_info: Mapping[str, Mapping[str, Any]] | None = None) -> Manifest:
    """The manifest for the chapters of ``programme`` (only those: a chapter that failed is not
    published, and its segments are not listed). ``files`` maps chapter index to its files.

    ``book_starts`` gives each chapter's exact start in the book (seconds) when a book was made;
    without it, chapters follow one another. ``encoded`` (each chapter's encoded file) adds
    ``pcm_sha256`` and ``build`` (see :func:`chapter_build`) to chapter entries. ``segment_info``
    gives segments their speech check ("verify") and their "words" as (text, start, end) from
    the segment's start."""
    take_keys = take_keys or {}
    segment_info = segment_info or {}
    by_index = {c.index: c for c in script.chapters}
    chapters: list[ChapterEntry] = []
    segments: list[SegmentEntry] = []
    offset = 0.0  # exact start of the chapter in the book; rounded only when written
    for audio in programme.chapters:
        if book_starts is not None:
            offset = book_starts[audio.index]
        planned = by_index.get(audio.index)
        timings = {t.segment_id: t for t in audio.timings}
        entry: ChapterEntry = {"index": audio.index, "title": audio.title, "file": files[audio.index]["file"],
                               "start": ms(offset), "duration": ms(audio.duration),
                               "captions": files[audio.index]["captions"]}
        if "srt" in files[audio.index]:
            entry["srt"] = files[audio.index]["srt"]
        if encoded is not None:
            entry["pcm_sha256"] = audio.pcm_sha256
            entry["build"] = chapter_build(audio, encoded[audio.index], (pieces or {}).get(audio.index))
        chapters.append(entry)
        for seg in planned.segments if planned else ():
            timing = timings.get(seg.id)
            if timing is None:  # not in the chapter audio: nothing to point a listener to
                continue
            segments.append({
                "id": seg.id, "chapter": audio.index, "text": seg.text, "spoken": plain(seg.spoken),
                "lang": seg.lang, "emotion": seg.emotion, "marks": list(seg.marks),
                "boundary": seg.boundary, "pause_after_ms": seg.pause_after_ms, "source": seg.source,
                "start": ms(timing.start), "end": ms(timing.end),
                "book_start": ms(offset + timing.start), "book_end": ms(offset + timing.end),
                "take": take_keys.get(seg.id),
            })
            if seg.voice:  # who says it (voices per role): its role in the lesson
                segments[-1]["voice"] = seg.voice
            info = segment_info.get(seg.id) or {}
            if seg.takes > 1:  # a teacher asked for other takes: which one this is, and all of them
                segments[-1]["take_number"] = seg.take
                if "takes" in info:
                    segments[-1]["takes"] = list(info["takes"])
            if "verify" in info:
                segments[-1]["verify"] = dict(info["verify"])
            if info.get("words"):
                segments[-1]["words"] = [{"text": w, "start": ms(s), "end": ms(e)}
                                         for w, s, e in word_times(info["words"], timing.start, timing.end)]
        offset += audio.duration
    return {
        "version": VERSION,
        "source": {"path": script.source_path, "sha256": script.source_sha256},
        "title": script.title,
        "lang": script.lang,
        "engine": dict(engine_info),
        "audio": {"sample_rate": int(programme.sample_rate), "format": audio_format, "book": book,
                  "duration": ms(programme.duration), "captions": book_captions, "chapters": chapters_track},
        "player": player,
        "chapters": chapters,
        "segments": segments,
        "stats": dict(stats),
        "loudness": {k: float(v) for k, v in programme.loudness.items()},  # numpy scalars -> JSON
        "build": dict(build) if build is not None else None,
        # what the listener does not hear, and why (nothing is left out silently)
        "skipped": [{"source": k.source, "what": k.what, "reason": k.reason, "chars": k.chars, "rows": k.rows}
                    for k in script.skipped],
    }


def chapter_build(audio: ChapterAudio, encoded: FileRecord, piece: BookPiece | None) -> dict[str, Any]:
    """A chapter's "build" entry: how its samples, its file and its piece of the book were made
    (what :func:`previous_chapter` reads back for the next build)."""
    record: dict[str, Any] = {}
    if audio.samples is not None:
        record |= {"recipe": audio.samples.recipe, "raw_sha256": audio.samples.raw_sha256,
                   "frames": audio.samples.frames, "timings": [list(t) for t in audio.samples.timings]}
    if audio.blocks is not None:
        record["loudness_blocks"] = {"meter": audio.blocks.meter, "milli_lufs": audio.blocks.milli_lufs}
    if audio.level is not None:
        record |= {"margin_db": audio.level.margin_db, "true_peak_dbtp": audio.level.true_peak_dbtp}
    record |= {"file_key": encoded.key, "file_sha256": encoded.sha256}
    if piece is not None:
        record |= {"book_key": piece.key, "book_sha256": piece.sha256, "book_bytes": piece.size,
                   "book_samples": piece.samples, "book_lead": piece.lead}
    return record


def previous_chapter(entry: object) -> PreviousChapter:
    """A chapter entry of a manifest read back: each record only if it is whole and well formed."""
    data: dict[str, Any] = entry if isinstance(entry, dict) else {}
    build = data.get("build")
    record: dict[str, Any] = build if isinstance(build, dict) else {}
    raw = record.get("raw_sha256") if isinstance(record.get("raw_sha256"), str) else None
    timings = record.get("timings")
    samples = None
    if (raw is not None and isinstance(record.get("recipe"), str) and isinstance(record.get("frames"), int)
            and isinstance(timings, list)
            and all(isinstance(t, list) and len(t) == 2 and all(isinstance(v, int) for v in t)
                    for t in timings)):
        samples = Samples(record["recipe"], raw, record["frames"], tuple((t[0], t[1]) for t in timings))
    packed = record.get("loudness_blocks")
    blocks = None
    if isinstance(packed, dict) and isinstance(packed.get("meter"), str) and isinstance(packed.get("milli_lufs"), str):
        blocks = LoudnessBlocks(packed["meter"], packed["milli_lufs"])
    level = None
    if isinstance(record.get("margin_db"), (int, float)) and isinstance(record.get("true_peak_dbtp"), (int, float)):
        level = Level(float(record["margin_db"]), float(record["true_peak_dbtp"]))
    encoded = None
    file = data.get("file")
    if isinstance(file, str) and isinstance(record.get("file_key"), str) and isinstance(record.get("file_sha256"), str):
        encoded = FileRecord(file, record["file_key"], record["file_sha256"])
    try:
        piece: BookPiece | None = BookPiece(
            str(record["book_key"]), str(record["book_sha256"]), int(record["book_bytes"]),
            int(record["book_samples"]), int(record["book_lead"]))
    except (KeyError, TypeError, ValueError):
        piece = None
    if piece is not None and piece.size < 0:
        piece = None
    pcm = data.get("pcm_sha256")
    return PreviousChapter(pcm_sha256=pcm if isinstance(pcm, str) else None, samples=samples,
                           raw_sha256=raw, blocks=blocks, level=level, encoded=encoded, piece=piece)


def word_times(words: Any, start: float, end: float) -> list[tuple[str, float, float]]:
    """Words timed from a segment's start, moved to the segment's time base and kept inside it."""
    out = []
    for text, a, b in words:
        a = min(max(start + a, start), end)
        out.append((text, a, min(max(start + b, a), end)))
    return out


def dumps(manifest: Mapping[str, Any]) -> str:
    """The manifest as JSON text (UTF-8 kept readable, stable key order)."""
    return json.dumps(manifest, ensure_ascii=False, indent=2) + "\n"


def save_manifest(manifest: Mapping[str, Any], path: Path) -> None:
    """Write ``manifest`` to ``path`` atomically (readers see the old file or the whole new one)."""
    write_atomic(Path(path), dumps(manifest).encode("utf-8"))


def load_manifest(path: Path) -> Manifest:
    """Read a manifest; BadInput if it is missing, not JSON, or not a version-1 narrator manifest."""
    try:
        data = json.loads(Path(path).read_text("utf-8"))
    except FileNotFoundError:
        raise BadInput(str(path), "no such manifest") from None
    except (OSError, ValueError) as e:
        raise BadInput(str(path), f"cannot read manifest: {e}") from None
    if not isinstance(data, dict) or not isinstance(data.get("chapters"), list):
        raise BadInput(str(path), "not a narrator manifest")
    if data.get("version") != VERSION:
        raise BadInput(str(path), f"manifest version {data.get('version')!r} is not supported (expected {VERSION})")
    return data  # type: ignore[return-value]


def listed_files(manifest: Mapping[str, Any]) -> set[str]:
    """Every output file a manifest names (relative paths), for cleaning up after a rename."""
    names: set[str] = set()
    audio = manifest.get("audio") or {}
    for key in ("book", "captions", "chapters", "srt"):
        if isinstance(audio.get(key), str):
            names.add(audio[key])
    for key in ("player", "epub", "scorm", "cartridge"):
        if isinstance(manifest.get(key), str):
            names.add(manifest[key])
    names.update(p for p in manifest.get("images") or [] if isinstance(p, str))
    for chapter in manifest.get("chapters") or []:
        if isinstance(chapter, dict):
            for key in ("file", "captions", "srt"):
                if isinstance(chapter.get(key), str):
                    names.add(chapter[key])
    return names


def take_keys(manifest: Mapping[str, Any]) -> set[str]:
    """The cache keys of every take a manifest uses (what `narrate cache --prune --keep` keeps)."""
    segments = [s for s in manifest.get("segments") or [] if isinstance(s, dict)]
    return {s["take"] for s in segments if isinstance(s.get("take"), str)} | {
        k for s in segments if isinstance(s.get("takes"), list) for k in s["takes"] if isinstance(k, str)}
