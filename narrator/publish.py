"""Publishing: chapter audio files, the whole-programme book with chapter markers, captions,
the read-along player page and, last, manifest.json.

Every file is written under a temporary name in its final folder and renamed when complete, so a
reader never sees a half-written file; the manifest is removed first and written last, so its
presence means the folder holds one complete narration.
"""

from __future__ import annotations

import contextlib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .atomic import write_atomic
from .captions import Cue, to_vtt
from .encode import encode_chapter, write_book
from .config import Config
from .document import ChapterAudio, Programme, Script
from .errors import BadInput, NarratorError, OutputError
from .events import EventSink, Progress, ignore
from .manifest import (
    FILENAME,
    ChapterFiles,
    build_manifest,
    listed_files,
    load_manifest,
    save_manifest,
)
from .naming import safe_filename
from .player import render_player

CHAPTERS_DIR = "chapters"
CHAPTERS_TRACK = "chapters.vtt"
PLAYER = "index.html"



def publish(script: Script, programme: Programme, out_dir: Path, config: Config, *,
            engine_info: Mapping[str, Any], stats: Mapping[str, Any],
            take_keys: Mapping[str, str] | None = None, build: Mapping[str, Any] | None = None,
            on_event: EventSink = ignore) -> dict[str, Any]:
    """Write the narration's files into ``out_dir`` and return the manifest written there.

    Only the chapters of ``programme`` are published (a chapter that failed to synthesize is
    absent from it). ``take_keys`` maps segment ids to cache keys; ``build`` is stored verbatim
    under "build". Example::

        manifest = publish(script, programme, Path("out"), config,
                           engine_info={"name": "espeak"}, stats={"segments": 12})
        manifest["chapters"][0]["file"]    # "chapters/01-introduction.mp3"
    """
    out_dir = Path(out_dir)
    try:
        return _publish(script, programme, out_dir, config, engine_info=engine_info, stats=stats,
                        take_keys=take_keys, build=build, on_event=on_event)
    except NarratorError:
        raise
    except OSError as e:
        where = e.filename or out_dir
        raise OutputError(f"{where}: cannot write output ({e.strerror or e})") from None


def _publish(script: Script, programme: Programme, out_dir: Path, config: Config, *,
             engine_info: Mapping[str, Any], stats: Mapping[str, Any],
             take_keys: Mapping[str, str] | None, build: Mapping[str, Any] | None,
             on_event: EventSink) -> dict[str, Any]:
    out = config.output
    fmt = out.format
    (out_dir / CHAPTERS_DIR).mkdir(parents=True, exist_ok=True)
    old = _take_old_manifest(out_dir)

    chapters = programme.chapters
    book_base = book_name(script)
    total = len(chapters) + (out.book != "none") + 1
    done = 0

    files: dict[int, ChapterFiles] = {}
    for audio in chapters:
        name = safe_filename(audio.title, index=audio.index, ext=fmt)
        stem = name[: -len(fmt) - 1]
        rel = f"{CHAPTERS_DIR}/{name}"
        encode_chapter(audio, out_dir / rel, fmt, bitrate=out.bitrate, album=script.title,
                       track=f"{audio.index}/{len(script.chapters) or len(chapters)}")
        captions = f"{CHAPTERS_DIR}/{stem}.vtt" if out.captions else None
        if captions:
            write_atomic(out_dir / captions, to_vtt(chapter_cues(script, audio)).encode("utf-8"))
        files[audio.index] = {"file": rel, "captions": captions}
        done += 1
        on_event(Progress("publish", done, total))

    book = None
    if out.book != "none":
        book = f"{book_base}.{out.book}"
        write_book(script, programme, out_dir / book, out.book, bitrate=out.bitrate)
        done += 1
        on_event(Progress("publish", done, total))

    book_captions = chapters_track = None
    manifest = build_manifest(script, programme, files=files, audio_format=fmt, book=book,
                              player=PLAYER if out.player else None, engine_info=engine_info,
                              stats=stats, take_keys=take_keys, build=build)
    if out.captions:
        book_captions, chapters_track = f"{book_base}.vtt", CHAPTERS_TRACK
        manifest["audio"]["captions"], manifest["audio"]["chapters"] = book_captions, chapters_track
        book_cues = [Cue(s["id"], s["book_start"], s["book_end"], s["text"]) for s in manifest["segments"]]
        write_atomic(out_dir / book_captions, to_vtt(book_cues).encode("utf-8"))
        track = [Cue(f"chapter-{c['index']}", c["start"], c["start"] + c["duration"], c["title"])
                 for c in manifest["chapters"]]
        write_atomic(out_dir / chapters_track, to_vtt(track).encode("utf-8"))
    if out.player:
        write_atomic(out_dir / PLAYER, render_player(manifest).encode("utf-8"))

    if old is not None:
        _remove_stale(out_dir, listed_files(old) - listed_files(manifest))
    save_manifest(manifest, out_dir / FILENAME)
    done += 1
    on_event(Progress("publish", done, total))
    return dict(manifest)


def book_name(script: Script) -> str:
    """File stem of the whole-programme file: the document title, else the source file's stem."""
    title = script.title.strip() or Path(script.source_path).stem
    name = safe_filename(title, index=0, ext="", max_bytes=90)
    # Keep the book's captions from overwriting the chapters track.
    return name + "-book" if name == CHAPTERS_TRACK.removesuffix(".vtt") else name


def chapter_cues(script: Script, audio: ChapterAudio) -> list[Cue]:
    """One cue per segment of ``audio``, times relative to the chapter file."""
    texts = {s.id: s.text for c in script.chapters if c.index == audio.index for s in c.segments}
    return [Cue(t.segment_id, t.start, t.end, texts.get(t.segment_id, "")) for t in audio.timings]


def _take_old_manifest(out_dir: Path) -> dict[str, Any] | None:
    """Read and remove a previous manifest: while files are being replaced, the folder must not
    claim to hold a complete narration."""
    path = out_dir / FILENAME
    try:
        old: dict[str, Any] | None = dict(load_manifest(path))
    except BadInput:
        old = None
    path.unlink(missing_ok=True)
    return old


def _remove_stale(out_dir: Path, names: set[str]) -> None:
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
