"""Chapter files and book pieces encoded while synthesis goes on.

The pipeline hands each chapter to :meth:`EncodeAhead.chapter` as soon as it is levelled (see
:mod:`narrator.assembly.ahead`); its chapter file and its piece of the book are encoded into a
work folder, on every core, while the engine makes the later chapters. :func:`publish` then
takes them by encoding key (a file is moved into place, a piece is joined into the book)
instead of encoding the same samples again; what was encoded from samples that did not stay
(the programme's gain moved) is simply not used.
"""

from __future__ import annotations

import functools
import logging
import threading
import wave
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from narrator.config import Config
from narrator.errors import OutputError
from narrator.publishing.book import (BOOK_CODECS, byte_range, encode_part, join_parts, piece_key, plan_piece,
                                      shares_encode)
from narrator.publishing.encode import encode_chapter, wrap_piece
from narrator.publishing.publish import chapter_file
from narrator.util.parallel import workers
from narrator.values import BookPiece, ChapterAudio, PreviousFiles, Script

log = logging.getLogger(__name__)


class EncodeAhead:
    """Encodes levelled chapters into ``workdir`` in the background; publish looks them up."""

    def __init__(self, script: Script, config: Config, workdir: Path, *, previous: PreviousFiles) -> None:
        self.script, self.config, self.workdir = script, config, workdir
        self._old_files = {c.encoded.file: c.encoded.key for c in previous.chapters if c.encoded is not None}
        self._old_pieces = {c.piece.key for c in previous.chapters if c.piece is not None}
        self._files: dict[str, Callable[[], Path | None]] = {}
        self._pieces: dict[str, _Piece] = {}
        self._lock = threading.Lock()
        self._pool = ThreadPoolExecutor(max_workers=workers(), thread_name_prefix="narrator-encode")
        workdir.mkdir(parents=True, exist_ok=True)

    def chapter(self, audio: ChapterAudio, rate: int) -> None:
        """Start encoding ``audio`` (levelled; its WAV written): its file unless the previous
        narration has that very file, the parts of its book piece unless the previous book has it."""
        out = self.config.output
        rel, tags, key = chapter_file(self.script, audio, self.config, rate, count=len(self.script.chapters))
        shared = shares_encode(out.format, out.book)
        with self._lock:
            piece, old_piece = None, False
            if out.book in BOOK_CODECS:
                pkey = piece_key(audio.pcm_sha256, out.book, rate=rate, bitrate=out.bitrate)
                old_piece = pkey in self._old_pieces
                if not old_piece and pkey not in self._pieces:
                    try:
                        plan = plan_piece(audio, out.book, rate)
                    except (OSError, EOFError, wave.Error) as e:  # publish tries again and says why
                        log.debug("encoding ahead: %s", e)
                        return
                    dest = self.workdir / f"{pkey[:16]}.{BOOK_CODECS[out.book].raw_format}"
                    parts = [dest.with_name(f"{dest.name}.part{i}") for i in range(len(plan.parts))]
                    futures = [self._pool.submit(encode_part, audio.wav_path, span, part, out.book,
                                                 bitrate=out.bitrate, rate=rate)
                               for span, part in zip(plan.parts, parts)]
                    self._pieces[pkey] = _Piece(pkey, dest, plan.lead, parts, futures,
                                                BOOK_CODECS[out.book].raw_format)
                piece = self._pieces.get(pkey)
            if self._old_files.get(rel) == key or key in self._files or (shared and old_piece):
                return  # kept, under way, or remuxed by publish from the previous book's piece
            dest = self.workdir / f"{key[:16]}.{out.format}"
            if shared and piece is not None and piece.lead == 0:
                # One encode for both: the file is its piece remuxed, when publish asks for it.
                self._files[key] = functools.partial(self._wrap, piece, dest, tags)
            else:
                future = self._pool.submit(encode_chapter, audio, dest, out.format, bitrate=out.bitrate, tags=tags)
                self._files[key] = lambda: dest if _ok(future) else None

    def _wrap(self, piece: "_Piece", dest: Path, tags: dict[str, str]) -> Path | None:
        made = piece.result()
        if made is None:
            return None
        try:
            path = made[0]
            wrap_piece(byte_range(path, 0, path.stat().st_size), dest, self.config.output.format, tags=tags)
        except OutputError as e:
            log.debug("making a chapter file from its piece failed: %s", e)
            return None
        return dest

    def file(self, key: str) -> Path | None:
        """The chapter file encoded with ``key`` (waiting for it if under way), or None."""
        with self._lock:
            made = self._files.pop(key, None)
        return made() if made is not None else None

    def piece(self, key: str) -> tuple[Path, BookPiece] | None:
        """The book piece with ``key`` and where it is (waiting for it if under way), or None."""
        with self._lock:
            piece = self._pieces.get(key)
        return piece.result() if piece is not None else None

    def close(self) -> None:
        """Stop: encodes under way finish, queued ones never start."""
        self._pool.shutdown(wait=True, cancel_futures=True)


class _Piece:
    """A book piece whose parts are encoded in the background, joined the first time it is asked for."""

    def __init__(self, key: str, dest: Path, lead: int, parts: list[Path], futures: "list[Future[None]]",
                 raw_format: str) -> None:
        self.key, self.dest, self.lead, self.parts, self.futures = key, dest, lead, parts, futures
        self.raw_format = raw_format
        self._lock = threading.Lock()
        self._made: tuple[Path, BookPiece] | None = None
        self._failed = False

    def result(self) -> tuple[Path, BookPiece] | None:
        with self._lock:
            if self._made is None and not self._failed:
                if all(_ok(f) for f in self.futures):
                    try:
                        self._made = self.dest, join_parts(self.parts, self.dest, self.raw_format,
                                                           key=self.key, lead=self.lead)
                    except (OSError, OutputError) as e:
                        log.debug("joining the parts of a piece failed: %s", e)
                self._failed = self._made is None
            return self._made


def _ok(future: "Future[None]") -> bool:
    """Whether the job of ``future`` ran and succeeded (waiting for it if under way)."""
    if future.cancelled():
        return False
    try:
        future.result()
    except Exception as e:  # noqa: BLE001 - publish encodes it again and reports its own error
        log.debug("encoding ahead failed: %s", e)
        return False
    return True
