"""Publishing: chapter audio files, the whole-programme book with chapter markers, captions,
the read-along player page and, last, manifest.json.

Every file is written under a temporary name in its final folder and renamed when complete, so a
reader never sees a half-written file; the manifest is removed first and written last, so its
presence means the folder holds one complete narration.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import tempfile
import wave
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from . import ffmpeg
from .atomic import atomic_path, write_atomic
from .captions import Cue, to_vtt
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

CHAPTERS_DIR = "chapters"
CHAPTERS_TRACK = "chapters.vtt"
PLAYER = "index.html"

# ffmpeg codec, muxer and whether the bitrate applies, per output format.
# The AAC encoder's default "twoloop" coder is 3x slower than "fast", with no audible gain on mono
# speech at 64 kbit/s: ten hours of book would cost minutes of encoding instead of seconds.
_AAC = ("aac", "-aac_coder", "fast")
_CODECS: dict[str, tuple[tuple[str, ...], str, bool]] = {
    "mp3": (("libmp3lame",), "mp3", True),
    "ogg": (("libvorbis",), "ogg", True),
    "m4a": (_AAC, "ipod", True),
    "m4b": (_AAC, "ipod", True),
    "flac": (("flac",), "flac", False),
    "wav": (("pcm_s16le",), "wav", False),
}
# Same input, same bytes: no encoder version strings, no random stream serials, no dates.
_BITEXACT = ["-fflags", "+bitexact", "-flags:a", "+bitexact"]
_COPY_FRAMES = 1 << 16


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


def encode_chapter(audio: ChapterAudio, dest: Path, fmt: str, *, bitrate: str, album: str,
                   track: str) -> None:
    """Encode a chapter WAV to ``dest`` (mono, tagged, byte-for-byte reproducible)."""
    tags = {"title": audio.title, "album": album, "track": track}
    _encode(audio.wav_path, dest, fmt, bitrate=bitrate, tags=tags,
            what=f"encoding {audio.wav_path} to {dest.name}")


def _encode(src: Path, dest: Path, fmt: str, *, bitrate: str, tags: Mapping[str, str],
            what: str, extra_inputs: list[str] | None = None, extra_maps: list[str] | None = None) -> None:
    codec, muxer, lossy = _CODECS[fmt]
    args = ["-i", str(src), *(extra_inputs or []), "-map", "0:a", *(extra_maps or ["-map_metadata", "-1"]),
            *_BITEXACT, "-ac", "1", "-c:a", *codec]
    if lossy:
        args += ["-b:a", bitrate]
    for key, value in tags.items():
        args += ["-metadata", f"{key}={_one_line(value)}"]
    with atomic_path(dest) as tmp:
        # The temporary name has no meaningful extension, so the muxer is named explicitly.
        ffmpeg.run([*args, "-f", muxer, str(tmp)], what=what)


def write_book(script: Script, programme: Programme, dest: Path, kind: str, *, bitrate: str) -> None:
    """The whole programme as one file with chapter markers: m4b (AAC + MP4 chapters) or mp3
    (ID3v2 CHAP frames and a CTOC)."""
    marks = _chapter_marks(programme)
    fd, joined = tempfile.mkstemp(prefix=".book-", suffix=".wav", dir=dest.parent)
    os.close(fd)
    meta = None
    try:
        concat_wavs([c.wav_path for c in programme.chapters], Path(joined))
        tags = {"title": script.title, "album": script.title}
        if kind == "m4b":
            fd, meta = tempfile.mkstemp(prefix=".chapters-", suffix=".txt", dir=dest.parent)
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
                f.write(ffmetadata(script.title, marks))
            # Global tags and chapters both come from the ffmetadata file (input 1).
            _encode(Path(joined), dest, "m4b", bitrate=bitrate, tags={}, what=f"writing {dest.name}",
                    extra_inputs=["-i", meta], extra_maps=["-map_metadata", "1", "-map_chapters", "1"])
        elif kind == "mp3":
            with atomic_path(dest) as tmp:
                codec, muxer, _ = _CODECS["mp3"]
                args = ["-i", joined, "-map", "0:a", "-map_metadata", "-1", *_BITEXACT, "-ac", "1",
                        "-c:a", *codec, "-b:a", bitrate]
                for key, value in tags.items():
                    args += ["-metadata", f"{key}={_one_line(value)}"]
                ffmpeg.run([*args, "-f", muxer, str(tmp)], what=f"writing {dest.name}")
                add_id3_chapters(tmp, marks)
        else:
            raise OutputError(f"{dest}: unknown book format '{kind}'")
    finally:
        for path in (joined, meta):
            if path:
                with contextlib.suppress(OSError):
                    os.unlink(path)


def _chapter_marks(programme: Programme) -> list[tuple[str, int, int]]:
    """(title, start ms, end ms) of each chapter in the book, from the exact durations."""
    marks = []
    offset = 0.0
    for c in programme.chapters:
        marks.append((c.title, round(offset * 1000), round((offset + c.duration) * 1000)))
        offset += c.duration
    return marks


def concat_wavs(paths: list[Path], dest: Path) -> None:
    """Join WAVs of one format into ``dest``, copying in bounded chunks (linear time)."""
    params = None
    with wave.open(str(dest), "wb") as out:
        for path in paths:
            try:
                with wave.open(str(path), "rb") as src:
                    p = (src.getnchannels(), src.getsampwidth(), src.getframerate())
                    if params is None:
                        params = p
                        out.setnchannels(p[0])
                        out.setsampwidth(p[1])
                        out.setframerate(p[2])
                    elif p != params:
                        raise OutputError(f"{path}: audio format {p} differs from the first chapter's {params}")
                    while frames := src.readframes(_COPY_FRAMES):
                        out.writeframes(frames)
            except OutputError:
                raise
            except (OSError, EOFError, wave.Error) as e:  # OutputError is an OSError too, hence above
                raise OutputError(f"{path}: cannot read chapter audio ({e})") from None


def _one_line(text: str) -> str:
    return " ".join(text.split())


def ffmetadata(title: str, marks: list[tuple[str, int, int]]) -> str:
    """An FFMETADATA1 file with one chapter per mark, times in milliseconds."""
    lines = [";FFMETADATA1", f"title={_ffescape(title)}", f"album={_ffescape(title)}"]
    for name, start, end in marks:
        lines += ["[CHAPTER]", "TIMEBASE=1/1000", f"START={start}", f"END={end}", f"title={_ffescape(name)}"]
    return "\n".join(lines) + "\n"


def _ffescape(text: str) -> str:
    return re.sub(r"([=;#\\\n])", r"\\\1", _one_line(text))


def add_id3_chapters(path: Path, marks: list[tuple[str, int, int]]) -> None:
    """Add ID3v2 CHAP frames and a top-level, ordered CTOC listing them to an mp3 file."""
    from mutagen.id3 import CHAP, CTOC, ID3, TIT2, CTOCFlags, ID3NoHeaderError

    try:
        tags = ID3(str(path))
    except ID3NoHeaderError:
        tags = ID3()
    ids = [f"chp{i}" for i in range(1, len(marks) + 1)]
    tags.add(CTOC(element_id="toc", flags=CTOCFlags.TOP_LEVEL | CTOCFlags.ORDERED,
                  child_element_ids=ids, sub_frames=[TIT2(encoding=3, text=["Chapters"])]))
    for element_id, (title, start, end) in zip(ids, marks):
        # Offsets 0xFFFFFFFF: players seek by time, not by byte.
        tags.add(CHAP(element_id=element_id, start_time=start, end_time=end, start_offset=0xFFFFFFFF,
                      end_offset=0xFFFFFFFF, sub_frames=[TIT2(encoding=3, text=[_one_line(title)])]))
    tags.save(str(path), v2_version=4)


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


def _json_for_script(data: Any) -> str:
    """JSON safe inside a <script> element: no "</script>", "<!--" or "&" can appear in it."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _paragraphs(segments: list[Mapping[str, Any]]) -> list[list[Mapping[str, Any]]]:
    """Segments grouped into paragraphs: a new one after any boundary but a sentence's."""
    blocks: list[list[Mapping[str, Any]]] = [[]]
    for seg in segments:
        blocks[-1].append(seg)
        if seg.get("boundary", "sentence") != "sentence":
            blocks.append([])
    return [b for b in blocks if b]


def render_player(manifest: Mapping[str, Any]) -> str:
    """The read-along page (templates/player.html.j2): works from file:// with no server."""
    from markupsafe import Markup

    from .templating import environment

    by_chapter: dict[int, list[Mapping[str, Any]]] = {}
    for seg in manifest["segments"]:
        by_chapter.setdefault(seg["chapter"], []).append(seg)
    chapters = []
    for c in manifest["chapters"]:
        segments = by_chapter.get(c["index"], [])
        # The spoken chapter title is shown as the heading itself, not repeated as a paragraph.
        heading = segments[0] if segments and segments[0]["text"].strip() == c["title"].strip() else None
        chapters.append({**c, "segments": segments, "heading": heading,
                         "blocks": _paragraphs(segments[1:] if heading else segments)})
    data = {"title": manifest["title"], "chapters": [
        {"index": c["index"], "title": c["title"], "file": c["file"], "captions": c["captions"],
         "duration": c["duration"], "segments": [[s["id"], s["start"], s["end"]] for s in c["segments"]]}
        for c in chapters]}
    template = environment("html").get_template("player.html.j2")
    return template.render(title=manifest["title"], lang=manifest.get("lang") or "en",
                           chapters=chapters, data_json=Markup(_json_for_script(data)))
