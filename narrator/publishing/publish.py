"""Publishing: chapter audio files, the whole-programme book with chapter markers, captions,
the read-along player page and, last, manifest.json.

A rebuild encodes only what changed: a chapter file made from the same samples with the same
settings (recorded in its manifest entry) is kept as it is, and the book takes the pieces of
unchanged chapters from the previous book (see :mod:`narrator.publishing.book`).

Every file is written under a temporary name in its final folder and renamed when complete, so a
reader never sees a half-written file; the manifest is removed first and written last, so its
presence means the folder holds one complete narration.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import os
import shutil
import tempfile
from collections.abc import Callable, Mapping, Sequence, Set
from dataclasses import replace
from pathlib import Path
from typing import Any, Protocol

from narrator.util.atomic import TEMP_PREFIX, write_atomic
from narrator.publishing.book import Book, file_sha256, pcm_sha256, shares_encode
from narrator.publishing.captions import Cue, layout_cues, to_srt, to_vtt
from narrator.config import Config
from narrator.publishing.encode import chapter_tags, encode_chapter, encoding_key, wrap_piece
from narrator.values import BookPiece, ChapterAudio, FileRecord, PreviousFiles, Programme, Script
from narrator.errors import OutputError, output_errors
from narrator.events import EventSink, Progress, ignore
from narrator.publishing.manifest import (
    FILENAME,
    ChapterFiles,
    build_manifest,
    listed_files,
    ms,
    save_manifest,
    word_times,
)
from narrator.publishing.filenames import safe_filename
from narrator.publishing.images import IMAGES_DIR, LessonImages, take_images
from narrator.util.parallel import map_ordered
from narrator.publishing.player import render_player
from narrator.publishing.transcript import FILENAME as TRANSCRIPT, render_transcript

CHAPTERS_DIR = "chapters"
CHAPTERS_TRACK = "chapters.vtt"
PLAYER = "index.html"


class Ready(Protocol):
    """Chapter files and book pieces encoded while synthesis went on (see
    :class:`narrator.publishing.ahead.EncodeAhead`), looked up by encoding key."""

    def file(self, key: str) -> Path | None: ...

    def piece(self, key: str) -> tuple[Path, BookPiece] | None: ...


Materialise = Callable[[Sequence[ChapterAudio]], None]
"""Writes the WAVs of the given chapters that are still pending (see narrator.assembly.materialise)."""

log = logging.getLogger(__name__)


def publish(script: Script, programme: Programme, out_dir: Path, config: Config, *,
            engine_info: Mapping[str, Any], stats: Mapping[str, Any],
            take_keys: Mapping[str, str] | None = None, build: Mapping[str, Any] | None = None,
            previous: PreviousFiles | None = None, materialise: Materialise | None = None,
            ready: Ready | None = None,
            segment_info: Mapping[str, Mapping[str, Any]] | None = None,
            course_index: str | None = None, images: LessonImages | None = None,
            on_event: EventSink = ignore) -> dict[str, Any]:
    """Write the narration's files into ``out_dir`` and return the manifest written there.

    Only the chapters of ``programme`` are published (a chapter that failed to synthesize is
    absent from it). ``take_keys`` maps segment ids to cache keys; ``build`` is stored verbatim
    under "build"; ``course_index`` links the player page back to its course; ``segment_info``
    gives segments their speech check and timed words (see
    :func:`narrator.publishing.manifest.build_manifest`). ``previous`` is what the narration
    being replaced left that may be kept (encoded files, pieces of the book); ``materialise``
    writes the WAVs of chapters carried over without assembly (``pending``) that must be encoded
    again. ``images`` are the lesson's images as :func:`narrator.publishing.images.take_images`
    checked them (its script, with what was left out in its skip report, is the one to pass);
    without them they are taken here. Example::

        manifest = publish(script, programme, Path("out"), config,
                           engine_info={"name": "espeak"}, stats={"segments": 12})
        manifest["chapters"][0]["file"]    # "chapters/01-introduction.m4a"
    """
    out_dir = Path(out_dir)
    if images is None:
        script, images = take_images(script)
    with output_errors(out_dir):
        return _publish(script, programme, out_dir, config, engine_info=engine_info, stats=stats,
                        take_keys=take_keys, build=build, previous=previous or PreviousFiles(),
                        materialise=materialise or _nothing_pending, course_index=course_index,
                        ready=ready, segment_info=segment_info or {}, images=images, on_event=on_event)


def _publish(script: Script, programme: Programme, out_dir: Path, config: Config, *,
             engine_info: Mapping[str, Any], stats: Mapping[str, Any],
             take_keys: Mapping[str, str] | None, build: Mapping[str, Any] | None,
             previous: PreviousFiles, materialise: Materialise, course_index: str | None,
             ready: Ready | None, segment_info: Mapping[str, Mapping[str, Any]],
             images: LessonImages, on_event: EventSink) -> dict[str, Any]:
    out = config.output
    fmt = out.format
    (out_dir / CHAPTERS_DIR).mkdir(parents=True, exist_ok=True)
    # While files are being replaced, the folder must not claim to hold a complete narration.
    (out_dir / FILENAME).unlink(missing_ok=True)

    chapters = programme.chapters
    book_base = book_name(script)
    # With the book in the chapter files' codec, each chapter is encoded once: its file is its
    # piece of the book, remuxed.
    shared = shares_encode(fmt, out.book)

    # A chapter file is kept when the previous narration made it from the same samples with the
    # same settings and it is still the file it made: a rebuild encodes only what changed.
    previous_files = {c.encoded.file: c.encoded for c in previous.chapters if c.encoded is not None}
    files: dict[int, ChapterFiles] = {}
    encoded: dict[int, FileRecord] = {}
    encodes: dict[int, tuple[ChapterAudio, str, dict[str, str], str]] = {}
    known = []
    for audio in chapters:
        rel, tags, key = chapter_file(script, audio, config, programme.sample_rate,
                                      count=len(script.chapters) or len(chapters))
        stem = rel[len(CHAPTERS_DIR) + 1: -len(fmt) - 1]
        audio = replace(audio, pcm_sha256=pcm_of(audio, rel))
        known.append(audio)
        kept = _kept_file(out_dir / rel, previous_files.get(rel), key)
        if kept is not None:
            encoded[audio.index] = kept
        else:
            log.debug("%s: encoded again", rel)
            encodes[audio.index] = (audio, rel, tags, key)
        captions = f"{CHAPTERS_DIR}/{stem}.vtt" if out.captions else None
        srt = f"{CHAPTERS_DIR}/{stem}.srt" if out.captions else None
        if captions and srt:
            cues = layout_cues(chapter_cues(script, audio, segment_info))  # two short lines a cue
            _write(out_dir / captions, to_vtt(cues, _voices(script)).encode("utf-8"))
            _write(out_dir / srt, to_srt(cues).encode("utf-8"))
        files[audio.index] = {"file": rel, "captions": captions, "srt": srt}
    programme = replace(programme, chapters=tuple(known))

    book = None
    book_starts: dict[int, float] | None = None
    pieces: dict[int, BookPiece] = {}
    temp = Path(tempfile.mkdtemp(prefix=TEMP_PREFIX + "publish-", dir=out_dir))
    try:
        maker = None
        if out.book != "none":
            book = f"{book_base}.{out.book}"
            maker = Book(programme, out_dir / book, out.book, bitrate=out.bitrate, previous=previous,
                         workdir=temp, ready=ready.piece if ready is not None else None)
            log.debug("%s: %d of %d chapter pieces taken from the previous book", book,
                      len(chapters) - len(maker.to_encode), len(chapters))

        done, total = 0, 0  # shown once the jobs are known: a total never changes mid-run

        def progress(_: object = None) -> None:
            nonlocal done
            done += 1
            on_event(Progress("publish", done, total))

        def encode(audio: ChapterAudio, rel: str, tags: dict[str, str], key: str) -> None:
            made = ready.file(key) if ready is not None else None
            if made is not None:
                os.replace(made, out_dir / rel)  # encoded while synthesis went on
            elif audio.index in wrapped and maker is not None:
                wrap_piece(maker.piece_frames(audio), out_dir / rel, fmt, tags=tags)
            else:
                encode_chapter(audio, out_dir / rel, fmt, bitrate=out.bitrate, tags=tags)
            encoded[audio.index] = FileRecord(rel, key, file_sha256(out_dir / rel))

        def wraps(audio: ChapterAudio) -> bool:
            return shared and maker is not None and maker.lead(audio) == 0

        # Chapters carried over from the previous narration are written only if encoded again: a
        # chapter's WAV is read to encode its piece, or a file its piece cannot make.
        new_pieces = maker.to_encode if maker is not None else []
        materialise([*new_pieces, *(e[0] for e in encodes.values() if not wraps(e[0]))])
        pieces_jobs = maker.jobs() if maker is not None else []  # the new pieces' leads are known from here
        wrapped = {i for i, e in encodes.items() if wraps(e[0])}
        jobs = [functools.partial(encode, *e) for i, e in encodes.items() if i not in wrapped] + pieces_jobs
        # Units: each encoding job, each chapter file kept or made from its piece, joining the
        # book, the rest (captions, player, manifest).
        total = len(jobs) + len(chapters) - len(encodes) + len(wrapped) + (maker is not None) + 1
        on_event(Progress("publish", 0, total))  # the first encode of a long chapter takes a while
        for _ in range(len(chapters) - len(encodes)):
            progress()  # chapter files kept as they are
        # Chapter files and the parts of the pieces are independent encodes: side by side.
        map_ordered(lambda job: job(), jobs, on_done=progress)
        map_ordered(lambda i: encode(*encodes[i]), sorted(wrapped), on_done=progress)
        if maker is not None:
            pieces, book_starts = maker.finish(script.title)
            progress()
    finally:
        shutil.rmtree(temp, ignore_errors=True)

    book_captions = chapters_track = None
    manifest = build_manifest(script, programme, files=files, audio_format=fmt, book=book,
                              player=PLAYER if out.player else None, engine_info=engine_info,
                              stats=stats, take_keys=take_keys, build=build, book_starts=book_starts,
                              encoded=encoded, pieces=pieces, segment_info=segment_info)
    if maker is not None:  # the book's real length, its last frame's padding included
        manifest["audio"]["duration"] = ms(maker.duration)
    if out.captions:
        book_captions, chapters_track = f"{book_base}.vtt", CHAPTERS_TRACK
        manifest["audio"]["captions"], manifest["audio"]["chapters"] = book_captions, chapters_track
        manifest["audio"]["srt"] = f"{book_base}.srt"
        book_cues = layout_cues(Cue(s["id"], s["book_start"], s["book_end"], s["text"], _book_words(s))
                                for s in manifest["segments"])
        _write(out_dir / book_captions, to_vtt(book_cues, _voices(script)).encode("utf-8"))
        _write(out_dir / f"{book_base}.srt", to_srt(book_cues).encode("utf-8"))
        track = [Cue(f"chapter-{c['index']}", c["start"], c["start"] + c["duration"], c["title"])
                 for c in manifest["chapters"]]
        _write(out_dir / chapters_track, to_vtt(track).encode("utf-8"))
    write_images(images, out_dir)
    manifest["images"] = sorted(images.files)
    if out.player:
        page = render_player(manifest, script, images=images.shown, course_index=course_index)
        _write(out_dir / PLAYER, page.encode("utf-8"))
        # beside it, the text for learners who read instead of listening
        _write(out_dir / TRANSCRIPT, render_transcript(manifest, script, images=images.shown).encode("utf-8"))
    if out.epub:
        from narrator.publishing.epub import write_epub

        epub = manifest["epub"] = f"{book_base}.epub"
        write_epub(script, manifest, out_dir, out_dir / epub, images=images.shown)
    if out.scorm:  # an LMS package of the files just written (publishing/scorm.py)
        from narrator.publishing.scorm import write_lesson

        manifest["scorm"] = write_lesson(out_dir, manifest, book_base, version=out.scorm,
                                         completion=out.scorm_completion)
    if out.cartridge:  # the same files as an IMS Common Cartridge (publishing/cartridge.py)
        from narrator.publishing import cartridge

        manifest["cartridge"] = cartridge.write_lesson(out_dir, manifest, book_base)

    _remove_stale(out_dir, previous.listed - listed_files(manifest))
    save_manifest(manifest, out_dir / FILENAME)
    progress()
    return dict(manifest)


def write_images(images: LessonImages, out_dir: Path) -> None:
    """Write the lesson's checked images into ``images/`` (the bytes read when they were
    checked: nothing is read from the lesson's folder again)."""
    if images.files:
        (out_dir / IMAGES_DIR).mkdir(exist_ok=True)
    for rel, data in images.files.items():
        _write(out_dir / rel, data)


def chapter_file(script: Script, audio: ChapterAudio, config: Config, rate: int, *,
                 count: int) -> tuple[str, dict[str, str], str]:
    """A chapter's audio file: its path in the output folder, its tags and its encoding key
    (``audio.pcm_sha256`` must be known)."""
    fmt = config.output.format
    rel = f"{CHAPTERS_DIR}/{safe_filename(audio.title, index=audio.index, ext=fmt)}"
    tags = chapter_tags(audio, album=script.title, track=f"{audio.index}/{count}")
    pcm = audio.pcm_sha256 or pcm_of(audio, rel)
    return rel, tags, encoding_key(pcm, fmt, rate=rate, bitrate=config.output.bitrate, tags=tags,
                                   from_piece=shares_encode(fmt, config.output.book))


def pcm_of(audio: ChapterAudio, rel: str) -> str:
    """The sha256 of a chapter's final samples (read from its WAV if not known)."""
    try:
        return audio.pcm_sha256 or pcm_sha256(audio.wav_path)
    except OutputError as e:
        raise OutputError(f"{rel}: {e}") from None


def _write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` unless it already holds exactly that (a rebuild leaves what did
    not change untouched, for the caches of whoever serves the folder)."""
    with contextlib.suppress(OSError):
        if path.stat().st_size == len(data) and path.read_bytes() == data:
            return
    write_atomic(path, data)


def _kept_file(path: Path, previous: FileRecord | None, key: str) -> FileRecord | None:
    """The record of ``path`` if the previous narration encoded it with ``key`` and it is still
    that file; else None (encode it)."""
    if previous is None or previous.key != key:
        return None
    try:
        sha = file_sha256(path)
    except OSError:
        return None
    return previous if sha == previous.sha256 else None


def _nothing_pending(chapters: Sequence[ChapterAudio]) -> None:
    """The materialise step of a programme without carried-over chapters."""
    if any(c.pending is not None for c in chapters):
        raise ValueError("publish: chapters carried over without assembly need assembly's materialise step")


def book_name(script: Script) -> str:
    """File stem of the whole-programme file: the document title, else the source file's stem."""
    title = script.title.strip() or Path(script.source_path).stem
    name = safe_filename(title, index=0, ext="", max_bytes=90)
    # Keep the book's captions from overwriting the chapters track.
    return name + "-book" if name == CHAPTERS_TRACK.removesuffix(".vtt") else name


def chapter_cues(script: Script, audio: ChapterAudio,
                 segment_info: Mapping[str, Mapping[str, Any]] | None = None) -> list[Cue]:
    """One cue per segment of ``audio``, times relative to the chapter file (with its timed
    words when ``segment_info`` has them)."""
    texts = {s.id: s.text for c in script.chapters if c.index == audio.index for s in c.segments}
    info = segment_info or {}
    return [Cue(t.segment_id, t.start, t.end, texts.get(t.segment_id, ""),
                tuple(word_times((info.get(t.segment_id) or {}).get("words") or (), t.start, t.end)))
            for t in audio.timings]


def _voices(script: Script) -> dict[str, str]:
    """Who says each segment, by id (voices per role): the captions' voice spans."""
    return {s.id: s.voice for s in script.segments if s.voice}


def _book_words(segment: Mapping[str, Any]) -> tuple[tuple[str, float, float], ...]:
    """A manifest segment's words moved from the chapter's time base to the book's."""
    shift = segment["book_start"] - segment["start"]
    return tuple((w["text"], w["start"] + shift, w["end"] + shift) for w in segment.get("words") or ())


def _remove_stale(out_dir: Path, names: Set[str]) -> None:
    """Delete files a previous manifest listed and this one does not, only inside ``out_dir``."""
    root = out_dir.resolve()
    for name in names:
        rel = Path(name)
        if rel.is_absolute() or ".." in rel.parts or rel.name == FILENAME:
            continue  # a tampered manifest must not make us delete anything else
        target = (out_dir / rel).resolve()
        if root in target.parents:
            with contextlib.suppress(OSError):
                target.unlink()
