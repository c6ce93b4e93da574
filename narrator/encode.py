"""Encoding chapter audio and the whole-programme book with chapter markers (ffmpeg, mutagen)."""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
import wave
from collections.abc import Mapping
from pathlib import Path

from . import ffmpeg
from .atomic import TEMP_PREFIX, atomic_path
from .document import ChapterAudio, Programme, Script
from .errors import OutputError

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
    fd, joined = tempfile.mkstemp(prefix=TEMP_PREFIX + "book-", suffix=".wav", dir=dest.parent)
    os.close(fd)
    meta = None
    try:
        concat_wavs([c.wav_path for c in programme.chapters], Path(joined))
        tags = {"title": script.title, "album": script.title}
        if kind == "m4b":
            fd, meta = tempfile.mkstemp(prefix=TEMP_PREFIX + "chapters-", suffix=".txt", dir=dest.parent)
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
    from mutagen import MutagenError
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
    try:
        tags.save(str(path), v2_version=4)
    except (OSError, MutagenError) as e:
        raise OutputError(f"{path}: cannot write chapter markers ({e})") from None
