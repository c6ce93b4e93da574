"""Encoding chapter audio (ffmpeg) and the chapter markers of the book (ffmetadata, ID3 frames).

The book itself is joined from per-chapter pieces in :mod:`narrator.publishing.book`.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Mapping
from pathlib import Path

from narrator.util import ffmpeg
from narrator.util.atomic import atomic_path
from narrator.values import ChapterAudio
from narrator.errors import OutputError
from narrator.text import one_line

# ffmpeg codec, muxer and whether the bitrate applies, per output format.
# The AAC encoder's default "twoloop" coder is 3x slower than "fast", with no audible gain on mono
# speech at 64 kbit/s: ten hours of book would cost minutes of encoding instead of seconds.
_AAC = ("aac", "-aac_coder", "fast")
CODECS: dict[str, tuple[tuple[str, ...], str, bool]] = {  # codec args, muxer, bitrate applies
    "mp3": (("libmp3lame",), "mp3", True),
    "ogg": (("libvorbis",), "ogg", True),
    "m4a": (_AAC, "ipod", True),
    "m4b": (_AAC, "ipod", True),
    "flac": (("flac",), "flac", False),
    "wav": (("pcm_s16le",), "wav", False),
}
# Same input, same bytes: no encoder version strings, no random stream serials, no dates.
BITEXACT = ["-fflags", "+bitexact", "-flags:a", "+bitexact"]
ENCODE_ARGS_VERSION = 1  # bump when _encode's arguments change: files made before are re-encoded


def chapter_tags(audio: ChapterAudio, *, album: str, track: str) -> dict[str, str]:
    return {"title": audio.title, "album": album, "track": track}


def encoding_key(pcm_sha256: str, fmt: str, *, rate: int, bitrate: str, tags: Mapping[str, str],
                 from_piece: bool = False) -> str:
    """Everything an encoded chapter file is made from, hashed: the same key, the same bytes.
    ``from_piece``: the file is made from its chapter's piece of the book (:func:`wrap_piece`)."""
    blob: dict[str, object] = {"pcm": pcm_sha256, "format": fmt, "rate": rate,
                               "bitrate": bitrate if CODECS[fmt][2] else None, "tags": dict(tags),
                               "ffmpeg": ffmpeg.build_id(), "args": ENCODE_ARGS_VERSION}
    if from_piece:
        blob["from"] = "book piece"
    return hashlib.sha256(json.dumps(blob, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def encode_chapter(audio: ChapterAudio, dest: Path, fmt: str, *, bitrate: str,
                   tags: Mapping[str, str]) -> None:
    """Encode a chapter WAV to ``dest`` (mono, tagged, byte-for-byte reproducible)."""
    _encode(audio.wav_path, dest, fmt, bitrate=bitrate, tags=tags,
            what=f"encoding {audio.wav_path} to {dest.name}")


def _encode(src: Path, dest: Path, fmt: str, *, bitrate: str, tags: Mapping[str, str], what: str) -> None:
    codec, muxer, lossy = CODECS[fmt]
    args = ["-i", str(src), "-map", "0:a", "-map_metadata", "-1", *BITEXACT, "-ac", "1", "-c:a", *codec]
    if lossy:
        args += ["-b:a", bitrate]
    for key, value in tags.items():
        args += ["-metadata", f"{key}={one_line(value)}"]
    with atomic_path(dest) as tmp:
        # The temporary name has no meaningful extension, so the muxer is named explicitly.
        ffmpeg.run([*args, "-f", muxer, str(tmp)], what=what)


# Chapter formats a bare frame stream of their codec can be remuxed into, and the ffmpeg demuxer
# that reads such a stream (ADTS for AAC, MPEG audio frames for mp3).
WRAPPABLE = {"m4a": "aac", "mp3": "mp3"}


def wrap_piece(frames: Iterable[bytes], dest: Path, fmt: str, *, tags: Mapping[str, str]) -> None:
    """Make a chapter file from a bare frame stream of its codec and bitrate (its piece of the
    book, as chunks of bytes): a remux into the chapter format with the tags, no second encode.
    An mp3 file is the ID3 tag followed by the stream's bytes as they are."""
    args = ["-f", WRAPPABLE[fmt], "-i", "pipe:0", "-map", "0:a", "-map_metadata", "-1", *BITEXACT,
            "-c:a", "copy"]
    if fmt == "mp3":
        args += ["-write_xing", "0"]  # an info frame would be a frame the book does not have
    for key, value in tags.items():
        args += ["-metadata", f"{key}={one_line(value)}"]
    with atomic_path(dest) as tmp:
        ffmpeg.run_fed([*args, "-f", CODECS[fmt][1], str(tmp)], frames,
                       what=f"writing {dest.name} from the book's frames")


def ffmetadata(title: str, marks: list[tuple[str, int, int]]) -> str:
    """An FFMETADATA1 file with one chapter per mark, times in milliseconds."""
    lines = [";FFMETADATA1", f"title={_ffescape(title)}", f"album={_ffescape(title)}"]
    for name, start, end in marks:
        lines += ["[CHAPTER]", "TIMEBASE=1/1000", f"START={start}", f"END={end}", f"title={_ffescape(name)}"]
    return "\n".join(lines) + "\n"


def _ffescape(text: str) -> str:
    return re.sub(r"([=;#\\\n])", r"\\\1", one_line(text))


def add_id3_chapters(path: Path, marks: list[tuple[str, int, int]], *, title: str | None = None,
                     album: str | None = None) -> None:
    """Add ID3v2 CHAP frames and a top-level, ordered CTOC listing them to an mp3 file (and the
    title and album, when given)."""
    from mutagen import MutagenError
    from mutagen.id3 import CHAP, CTOC, ID3, TALB, TIT2, CTOCFlags, ID3NoHeaderError

    try:
        tags = ID3(str(path))
    except ID3NoHeaderError:
        tags = ID3()
    if title is not None:
        tags.add(TIT2(encoding=3, text=[one_line(title)]))
    if album is not None:
        tags.add(TALB(encoding=3, text=[one_line(album)]))
    ids = [f"chp{i}" for i in range(1, len(marks) + 1)]
    tags.add(CTOC(element_id="toc", flags=CTOCFlags.TOP_LEVEL | CTOCFlags.ORDERED,
                  child_element_ids=ids, sub_frames=[TIT2(encoding=3, text=["Chapters"])]))
    for element_id, (title, start, end) in zip(ids, marks):
        # Offsets 0xFFFFFFFF: players seek by time, not by byte.
        tags.add(CHAP(element_id=element_id, start_time=start, end_time=end, start_offset=0xFFFFFFFF,
                      end_offset=0xFFFFFFFF, sub_frames=[TIT2(encoding=3, text=[one_line(title)])]))
    try:
        tags.save(str(path), v2_version=4)
    except (OSError, MutagenError) as e:
        raise OutputError(f"{path}: cannot write chapter markers ({e})") from None
