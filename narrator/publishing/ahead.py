"""Chapter files and book pieces encoded while synthesis goes on.

The pipeline hands each chapter to :meth:`EncodeAhead.chapter` as soon as it is levelled (see
:mod:`narrator.assembly.ahead`); its chapter file and its piece of the book are encoded into a
work folder, on every core, while the engine makes the later chapters. :func:`publish` then
takes them by encoding key (a file is moved into place, a piece is joined into the book)
instead of encoding the same samples again; what was encoded from samples that did not stay
(the programme's gain moved) is simply not used.
"""

from __future__ import annotations

import logging
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from narrator.config import Config
from narrator.publishing.book import BOOK_CODECS, encode_piece, piece_key
from narrator.publishing.encode import encode_chapter
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
        self._files: dict[str, Future[Path]] = {}
        self._pieces: dict[str, Future[tuple[Path, BookPiece]]] = {}
        self._lock = threading.Lock()
        self._pool = ThreadPoolExecutor(max_workers=workers(), thread_name_prefix="narrator-encode")
        workdir.mkdir(parents=True, exist_ok=True)

    def chapter(self, audio: ChapterAudio, rate: int) -> None:
        """Start encoding ``audio`` (levelled; its WAV written): its file unless the previous
        narration has that very file, its book piece unless the previous book has it."""
        out = self.config.output
        rel, tags, key = chapter_file(self.script, audio, self.config, rate, count=len(self.script.chapters))
        with self._lock:
            if self._old_files.get(rel) != key and key not in self._files:
                dest = self.workdir / f"{key[:16]}.{out.format}"
                self._files[key] = self._pool.submit(self._encode_file, audio, dest, tags)
            if out.book in BOOK_CODECS:
                pkey = piece_key(audio.pcm_sha256, out.book, rate=rate, bitrate=out.bitrate)
                if pkey not in self._old_pieces and pkey not in self._pieces:
                    dest = self.workdir / f"{pkey[:16]}.{BOOK_CODECS[out.book].raw_format}"
                    self._pieces[pkey] = self._pool.submit(self._encode_piece, audio, dest, pkey)

    def _encode_file(self, audio: ChapterAudio, dest: Path, tags: dict[str, str]) -> Path:
        encode_chapter(audio, dest, self.config.output.format, bitrate=self.config.output.bitrate, tags=tags)
        return dest

    def _encode_piece(self, audio: ChapterAudio, dest: Path, key: str) -> tuple[Path, BookPiece]:
        out = self.config.output
        return dest, encode_piece(audio, dest, out.book, bitrate=out.bitrate, key=key)

    def file(self, key: str) -> Path | None:
        """The chapter file encoded with ``key`` (waiting for it if under way), or None."""
        with self._lock:
            future = self._files.pop(key, None)
        return _result(future)

    def piece(self, key: str) -> tuple[Path, BookPiece] | None:
        """The book piece with ``key`` and where it is (waiting for it if under way), or None."""
        with self._lock:
            future = self._pieces.get(key)
        return _result(future)

    def close(self) -> None:
        """Stop: encodes under way finish, queued ones never start."""
        self._pool.shutdown(wait=True, cancel_futures=True)


def _result(future: Future | None):  # type: ignore[type-arg, no-untyped-def]
    if future is None or future.cancelled():
        return None
    try:
        return future.result()
    except Exception as e:  # noqa: BLE001 - publish encodes it again and reports its own error
        log.debug("encoding ahead failed: %s", e)
        return None
