"""The whole-programme book, joined from one independently encoded piece per chapter.

Encoding the book in one pass costs as much as encoding every chapter again, so a rebuild after a
one-sentence edit would pay for the whole programme. Instead each chapter is encoded alone into a
raw frame stream (ADTS for m4b, bare MPEG audio frames for mp3) and the pieces are joined frame
for frame; an m4b is then remuxed with its chapter list (no re-encoding), an mp3 gets its ID3
chapter frames. A piece is a function of its chapter's final samples alone, so a rebuild takes
the pieces of unchanged chapters out of the previous book (at the byte ranges the manifest
recorded, checked by their sha256) and encodes only what changed.

Layout: an encoder's stream starts with ``priming`` samples of its own before the first input
sample and ends on a whole frame. A piece leaves out up to ``priming`` leading zero samples of
its chapter (a chapter starts with a pause), so its first sample lands exactly where the piece
starts; less than one frame of silence pads the chapter's end. A chapter's start in the book is
therefore not quite the sum of the earlier chapters' durations: :attr:`Book.starts` gives the
real one, which the manifest, the captions and the chapter markers use.

A long chapter's piece is itself encoded in parts (about PART_SECONDS each), side by side on
every core, cut in pauses (see :func:`plan_piece`): each later part starts where the frames of
the one before end and leaves out the ``priming`` zero samples its encoder's priming stands
for. Joined, the parts decode to the chapter's samples at their places, as one encode would.

    book = Book(programme, Path("out/lesson.m4b"), "m4b", bitrate="64k", previous=previous_files,
                workdir=tmp)
    map_ordered(lambda job: job(), book.jobs())    # encode (the parts of) the pieces that changed
    book.finish(script.title)                      # join, mux, mark chapters
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import shutil
import threading
import wave
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

from narrator.util import ffmpeg
from narrator.util.atomic import atomic_path
from narrator.values import BookPiece, ChapterAudio, PreviousFiles, Programme
from narrator.publishing.encode import BITEXACT, CODECS, WRAPPABLE, add_id3_chapters, ffmetadata
from narrator.errors import OutputError

LAYOUT = 2  # bump when pieces are cut or encoded differently: old pieces are then not reused
_COPY = 1 << 20
PART_SECONDS = 600.0  # a long chapter's piece is encoded in parts of about this length, side by side


@dataclass(frozen=True, slots=True)
class BookCodec:
    codec: tuple[str, ...]
    raw_format: str  # ffmpeg muxer of the bare frame stream
    raw_options: tuple[str, ...]
    priming: int  # samples a decoder puts out before the first input sample (encoder + decoder delay)
    extent: int  # n input samples decode to whole frames covering n + extent samples (priming, flush)


BOOK_CODECS: dict[str, BookCodec] = {
    "m4b": BookCodec(CODECS["m4b"][0], "adts", (), 1024, 1024),
    # No Xing/LAME header and no ID3 in a piece: the pieces are joined frame for frame.
    "mp3": BookCodec(CODECS["mp3"][0], "mp3", ("-write_xing", "0", "-id3v2_version", "0"), 1105, 1152),
}


def shares_encode(fmt: str, book: str) -> bool:
    """Whether chapter files of format ``fmt`` are made from their pieces of a ``book`` book
    (same codec, same bitrate): then each chapter is encoded once, for both.

    A piece starts exactly on its chapter's first sample when the chapter opens with at least
    ``priming`` zero samples (it opens with the chapter pause), so its frames, remuxed, are the
    chapter file; a chapter that opens loud gets a file of its own.
    """
    return book in BOOK_CODECS and fmt in WRAPPABLE and CODECS[fmt][0] == BOOK_CODECS[book].codec


class Book:
    """The book of ``programme`` at ``dest``: plan the pieces, encode the new ones, join them."""

    def __init__(self, programme: Programme, dest: Path, kind: str, *, bitrate: str,
                 previous: PreviousFiles | None, workdir: Path,
                 ready: Callable[[str], tuple[Path, BookPiece] | None] | None = None) -> None:
        if kind not in BOOK_CODECS:
            raise OutputError(f"{dest}: unknown book format '{kind}'")
        self.programme, self.dest, self.kind, self.bitrate = programme, dest, kind, bitrate
        self.codec = BOOK_CODECS[kind]
        self.workdir = workdir
        self.keys = {c.index: self._key(c) for c in programme.chapters}
        self._old = self._reusable(previous)  # key -> (stream, offset, piece)
        self._new: dict[int, BookPiece] = {}
        self._paths: dict[int, Path] = {}
        self._plans: dict[int, PiecePlan] = {}  # chapters whose parts are encoded here
        self._lock = threading.Lock()
        self.ready = ready
        self.duration = 0.0  # seconds a decoder gets out of the finished book (set by finish)

    @property
    def to_encode(self) -> list[ChapterAudio]:
        """The chapters whose pieces the previous book lacks."""
        return [c for c in self.programme.chapters if self.keys[c.index] not in self._old]

    def jobs(self) -> list[Callable[[], None]]:
        """One job per part of every piece that must be encoded (their chapters' WAVs must be
        written); pieces encoded while synthesis went on are taken as they are."""
        jobs: list[Callable[[], None]] = []
        for c in self.to_encode:
            ready = self.ready(self.keys[c.index]) if self.ready is not None else None
            if ready is not None:
                self._paths[c.index], self._new[c.index] = ready
                continue
            plan = self._plans[c.index] = plan_piece(c, self.kind, self.programme.sample_rate)
            parts = self._part_paths(c, plan)
            jobs += [functools.partial(encode_part, c.wav_path, span, path, self.kind, bitrate=self.bitrate,
                                       rate=self.programme.sample_rate)
                     for span, path in zip(plan.parts, parts)]
        return jobs

    def lead(self, chapter: ChapterAudio) -> int | None:
        """The ``lead`` of the chapter's piece, if known without encoding: the previous book's
        piece, or one planned or taken by :meth:`jobs`."""
        old = self._old.get(self.keys[chapter.index])
        if old is not None:
            return old[2].lead
        if chapter.index in self._new:
            return self._new[chapter.index].lead
        plan = self._plans.get(chapter.index)
        return plan.lead if plan is not None else None

    def piece_frames(self, chapter: ChapterAudio) -> Iterator[bytes]:
        """The bytes of the chapter's piece, in bounded chunks: joined from its parts once their
        jobs have run, or read from the previous book."""
        old = self._old.get(self.keys[chapter.index])
        if old is not None:
            stream, start, piece = old
            return byte_range(stream, start, piece.size)
        self._piece(chapter)
        path = self._piece_path(chapter)
        return byte_range(path, 0, path.stat().st_size)

    def finish(self, title: str) -> tuple[dict[int, BookPiece], dict[int, float]]:
        """Join the pieces into ``dest`` with the chapter list; return each chapter's piece and
        its start in the book (seconds)."""
        pieces: dict[int, BookPiece] = {}
        starts: dict[int, float] = {}
        rate = self.programme.sample_rate
        joined = self.workdir / f"book.{self.codec.raw_format}"
        offset = 0
        with open(joined, "wb") as out:
            for c in self.programme.chapters:
                key = self.keys[c.index]
                if key in self._old:
                    stream, start, piece = self._old[key]
                    _copy_range(stream, start, piece.size, out)
                else:
                    piece = self._piece(c)
                    with open(self._piece_path(c), "rb") as f:
                        shutil.copyfileobj(f, out, _COPY)
                pieces[c.index] = piece
                starts[c.index] = (offset + piece.lead) / rate
                offset += piece.samples
        self.duration = offset / rate  # the last piece ends on a whole frame: a little padding
        # A chapter mark runs to the next chapter's start (its padding is silence of its own).
        chapters = self.programme.chapters
        ends = [starts[c.index] for c in chapters[1:]] + [starts[c.index] + c.duration for c in chapters[-1:]]
        marks = [(c.title, round(starts[c.index] * 1000), round(end * 1000)) for c, end in zip(chapters, ends)]
        if self.kind == "m4b":
            meta = self.workdir / "chapters.txt"
            meta.write_text(ffmetadata(title, marks), encoding="utf-8", newline="\n")
            with atomic_path(self.dest) as tmp:
                # Global tags and chapters both come from the ffmetadata file (input 1).
                ffmpeg.run(["-f", "aac", "-i", str(joined), "-i", str(meta), "-map", "0:a",
                            "-map_metadata", "1", "-map_chapters", "1", *BITEXACT, "-c:a", "copy",
                            "-f", "ipod", str(tmp)], what=f"writing {self.dest.name}")
        else:
            with atomic_path(self.dest) as tmp:
                os.replace(joined, tmp)
                add_id3_chapters(tmp, marks, title=title, album=title)
        return pieces, starts

    # -- pieces --------------------------------------------------------------------------------

    def _key(self, chapter: ChapterAudio) -> str:
        return piece_key(chapter.pcm_sha256 or pcm_sha256(chapter.wav_path), self.kind,
                         rate=self.programme.sample_rate, bitrate=self.bitrate)

    def _piece_path(self, chapter: ChapterAudio) -> Path:
        if chapter.index in self._paths:
            return self._paths[chapter.index]
        return self.workdir / f"piece-{chapter.index:03d}.{self.codec.raw_format}"

    def _part_paths(self, chapter: ChapterAudio, plan: PiecePlan) -> list[Path]:
        return [self.workdir / f"part-{chapter.index:03d}-{i:04d}.{self.codec.raw_format}"
                for i in range(len(plan.parts))]

    def _piece(self, chapter: ChapterAudio) -> BookPiece:
        """The new piece of ``chapter``, joined from its parts the first time it is asked for."""
        with self._lock:
            if chapter.index not in self._new:
                plan = self._plans[chapter.index]
                self._new[chapter.index] = join_parts(self._part_paths(chapter, plan), self._piece_path(chapter),
                                                      self.codec.raw_format, key=self.keys[chapter.index],
                                                      lead=plan.lead)
            return self._new[chapter.index]

    def _reusable(self, previous: PreviousFiles | None) -> dict[str, tuple[Path, int, BookPiece]]:
        """Pieces of the previous book that this one needs, checked against their sha256."""
        if previous is None:
            return {}
        old_name = previous.book
        if old_name is None or not old_name.endswith("." + self.kind):
            return {}
        old_book = self.dest.parent / old_name
        if Path(old_name).is_absolute() or ".." in Path(old_name).parts or not old_book.is_file():
            return {}
        layout: list[tuple[int, BookPiece]] = []
        offset = 0
        for chapter in previous.chapters:
            if chapter.piece is None:
                return {}  # without every piece's size, no offsets
            layout.append((offset, chapter.piece))
            offset += chapter.piece.size
        wanted = set(self.keys.values())
        if not any(p.key in wanted for _, p in layout):
            return {}
        try:
            stream, base = self._old_stream(old_book)
        except OutputError:
            return {}
        found: dict[str, tuple[Path, int, BookPiece]] = {}
        for start, piece in layout:
            if piece.key in wanted and piece.key not in found \
                    and _range_sha256(stream, base + start, piece.size) == piece.sha256:
                found[piece.key] = (stream, base + start, piece)
        return found

    def _old_stream(self, old_book: Path) -> tuple[Path, int]:
        """The previous book's raw frame stream: (file, offset of its first frame)."""
        if self.kind == "m4b":
            stream = self.workdir / "previous.adts"
            ffmpeg.run(["-i", str(old_book), "-map", "0:a", "-c:a", "copy", "-f", "adts", str(stream)],
                       what=f"reading {old_book.name}")
            return stream, 0
        # mp3: the frames follow the ID3v2 tag. (The new book replaces the file only after
        # finish() has copied what it needs.)
        with open(old_book, "rb") as f:
            head = f.read(10)
        if len(head) == 10 and head[:3] == b"ID3":
            size = 10 + ((head[6] & 0x7F) << 21 | (head[7] & 0x7F) << 14 | (head[8] & 0x7F) << 7 | head[9] & 0x7F)
            return old_book, size + (10 if head[5] & 0x10 else 0)
        return old_book, 0


def piece_key(pcm: str, kind: str, *, rate: int, bitrate: str) -> str:
    """What a book piece is made from, hashed: the chapter's samples and the encoding."""
    blob = {"pcm": pcm, "kind": kind, "rate": rate, "bitrate": bitrate,
            "ffmpeg": ffmpeg.build_id(), "layout": LAYOUT}
    return hashlib.sha256(json.dumps(blob, sort_keys=True).encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class PiecePlan:
    """How a chapter's piece is encoded: its ``lead`` (see :class:`BookPiece`) and the chapter
    samples ``[start, end)`` each part encodes."""

    lead: int
    parts: tuple[tuple[int, int], ...]


def frame_samples(kind: str, rate: int) -> int:
    """Samples per frame of the book's codec: AAC 1024; layer III 1152 (MPEG-1 rates) or 576."""
    if kind == "mp3":
        return 1152 if rate >= 32000 else 576
    return 1024


def plan_piece(chapter: ChapterAudio, kind: str, rate: int, part_seconds: float | None = None) -> PiecePlan:
    """Where the parts of the chapter's piece are cut (its WAV must be written).

    An encode of n samples decodes to ``priming`` samples, the n samples, then padding up to
    ``frame * ceil((n + extent) / frame)`` samples. A part's input ends two frames into a
    pause; the next part's output starts where this one's ends (its padding is part of the
    pause), and its input there, leaving out the ``priming`` zero samples its encoder's priming
    stands for. Cuts are made about every ``part_seconds`` (default PART_SECONDS) in pauses
    silent from the end of the segment to a frame past those zeros (the decoder overlaps
    neighbouring frames); a chapter without such pauses is one part.
    """
    codec = BOOK_CODECS[kind]
    priming, frame = codec.priming, frame_samples(kind, rate)
    with wave.open(str(chapter.wav_path), "rb") as w:
        total = w.getnframes()
    dropped = min(priming, leading_zeros(chapter.wav_path, priming))
    target = int((part_seconds or PART_SECONDS) * rate)
    parts: list[tuple[int, int]] = []
    begin, first = dropped - priming, dropped  # where the part's output starts; its first input sample
    spans = [(round(t.start * rate), round(t.end * rate)) for t in chapter.timings]
    for (_, end), (start, _) in zip(spans, spans[1:]):  # the pause between two segments
        cut = end + 2 * frame
        after = begin + frame * -(-(cut - first + codec.extent) // frame)
        if cut - first < target or total - cut < target // 2 or after + priming + frame > start:
            continue
        if _silent(chapter.wav_path, end, after + priming + frame):
            parts.append((first, cut))
            begin, first = after, after + priming
    parts.append((first, total))
    return PiecePlan(priming - dropped, tuple(parts))


def encode_part(wav: Path, span: tuple[int, int], dest: Path, kind: str, *, bitrate: str, rate: int) -> None:
    """Encode the samples ``span`` of a mono 16-bit WAV to ``dest``, a bare frame stream."""
    codec = BOOK_CODECS[kind]
    ffmpeg.run_fed(["-f", "s16le", "-ar", str(rate), "-ac", "1", "-i", "pipe:0", "-map_metadata", "-1",
                    *BITEXACT, "-c:a", *codec.codec, "-b:a", bitrate, *codec.raw_options,
                    "-f", codec.raw_format, str(dest)],
                   _pcm(wav, *span), what=f"encoding {wav.name} for the {kind} book")


def join_parts(parts: list[Path], dest: Path, raw_format: str, *, key: str, lead: int) -> BookPiece:
    """Join encoded parts into the piece ``dest`` (the part files are removed)."""
    if len(parts) == 1:
        os.replace(parts[0], dest)
    else:
        with open(dest, "wb") as out:
            for part in parts:
                with open(part, "rb") as f:
                    shutil.copyfileobj(f, out, _COPY)
                part.unlink()
    return BookPiece(key, file_sha256(dest), dest.stat().st_size, count_samples(dest, raw_format), lead)


def _pcm(path: Path, start: int, end: int) -> Iterator[bytes]:
    """The PCM bytes of frames ``start..end`` of a WAV, in bounded chunks."""
    with wave.open(str(path), "rb") as w:
        w.setpos(start)
        left = end - start
        while left > 0 and (frames := w.readframes(min(left, 1 << 16))):
            yield frames
            left -= len(frames) // 2


def _silent(path: Path, start: int, end: int) -> bool:
    """Whether frames ``start..end`` of a mono 16-bit WAV are all zero."""
    return all(not chunk.strip(b"\0") for chunk in _pcm(path, max(0, start), end))


def leading_zeros(path: Path, limit: int) -> int:
    """How many of the first ``limit`` samples of a mono 16-bit WAV are zero."""
    import numpy as np

    with wave.open(str(path), "rb") as w:
        x = np.frombuffer(w.readframes(limit), dtype="<i2")
    nonzero = np.flatnonzero(x)
    return int(nonzero[0]) if len(nonzero) else len(x)


def pcm_sha256(path: Path) -> str:
    """sha256 of a WAV's PCM frames (what :meth:`MonoWriter.sha256` gives for the same samples)."""
    h = hashlib.sha256()
    try:
        with wave.open(str(path), "rb") as w:
            while frames := w.readframes(1 << 16):
                h.update(frames)
    except (OSError, EOFError, wave.Error) as e:
        raise OutputError(f"{path}: cannot read chapter audio ({e})") from None
    return h.hexdigest()


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(_COPY):
            h.update(chunk)
    return h.hexdigest()


def byte_range(path: Path, start: int, size: int) -> Iterator[bytes]:
    """The bytes start..start+size of ``path`` in bounded chunks (fewer if the file is shorter)."""
    with open(path, "rb") as f:
        f.seek(start)
        left = size
        while left > 0 and (chunk := f.read(min(_COPY, left))):
            yield chunk
            left -= len(chunk)


def _range_sha256(path: Path, start: int, size: int) -> str:
    """sha256 of that range, or "" if the file ends inside it."""
    h, got = hashlib.sha256(), 0
    for chunk in byte_range(path, start, size):
        h.update(chunk)
        got += len(chunk)
    return h.hexdigest() if got == size else ""


def _copy_range(path: Path, start: int, size: int, out: Any) -> None:
    got = 0
    for chunk in byte_range(path, start, size):
        out.write(chunk)
        got += len(chunk)
    if got != size:
        raise OutputError(f"{path}: ended inside a piece of the previous book")


def count_samples(path: Path, raw_format: str) -> int:
    """Samples a decoder gets out of a bare ADTS or MPEG layer III stream (frame headers summed,
    read in chunks)."""
    header, frame = (7, _adts_frame) if raw_format == "adts" else (4, _mp3_frame)
    samples = offset = 0
    buf = b""
    with open(path, "rb") as f:
        while True:
            chunk = f.read(_COPY)
            buf += chunk
            i = 0
            while len(buf) - i >= header:
                length, n = frame(buf, i, offset + i)
                if len(buf) - i < length:
                    break  # the rest of this frame is in the next chunk (or missing)
                samples += n
                i += length
            offset += i
            buf = buf[i:]
            if not chunk:
                break
    if buf:
        raise OutputError(f"{path.name}: the stream ends inside a frame")
    return samples


def _adts_frame(b: bytes, i: int, at: int) -> tuple[int, int]:
    """(bytes, samples) of the ADTS frame at ``b[i:]``."""
    if b[i] != 0xFF or b[i + 1] & 0xF6 != 0xF0:
        raise OutputError(f"not an ADTS frame at byte {at}")
    length = (b[i + 3] & 3) << 11 | b[i + 4] << 3 | b[i + 5] >> 5
    if length < 7:
        raise OutputError(f"bad ADTS frame length at byte {at}")
    return length, 1024 * ((b[i + 6] & 3) + 1)


# MPEG audio layer III: kbit/s by bitrate index, for MPEG-1 and for MPEG-2/2.5.
_MP3_KBPS = {3: (0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320),
             2: (0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160)}
_MP3_RATES = {3: (44100, 48000, 32000), 2: (22050, 24000, 16000), 0: (11025, 12000, 8000)}


def _mp3_frame(b: bytes, i: int, at: int) -> tuple[int, int]:
    """(bytes, samples) of the MPEG layer III frame at ``b[i:]``."""
    h = int.from_bytes(b[i:i + 4], "big")
    version, layer = h >> 19 & 3, h >> 17 & 3
    if h >> 21 != 0x7FF or layer != 1 or version == 1:
        raise OutputError(f"not an MPEG layer III frame at byte {at}")
    kbps = _MP3_KBPS[3 if version == 3 else 2][h >> 12 & 15]
    rate_index = h >> 10 & 3
    if not kbps or rate_index == 3:
        raise OutputError(f"unsupported MPEG frame header at byte {at}")
    per_frame = 1152 if version == 3 else 576
    return per_frame // 8 * kbps * 1000 // _MP3_RATES[version][rate_index] + (h >> 9 & 1), per_frame
