"""Mono 16-bit PCM WAV in and out: read a take at the programme rate, write a file atomically.

numpy is imported inside the functions so that importing this module stays cheap.
"""

from __future__ import annotations

import hashlib
import io
import os
import struct
import wave
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Iterator

from narrator.util import ffmpeg
from narrator.util.atomic import atomic_path
from narrator.errors import OutputError

if TYPE_CHECKING:
    import numpy as np

STREAMED_SIZES = (0xFFFFFFFF, 0)  # data sizes written by encoders that could not seek back
# A WAV file's sizes are 32-bit: it holds at most 4 GiB (about 27 hours of mono 16-bit audio at
# 22050 Hz, 13.5 at 44.1 kHz). A writer stops short of it, leaving room for the header and tags.
WAV_MAX_BYTES = (1 << 32) - (1 << 20)
SILENCE_BLOCK = 1 << 16  # frames of zeros written per call, so long pauses never need big buffers


@dataclass(frozen=True, slots=True)
class WavInfo:
    """What the header of a WAV says, checked against the bytes actually present."""

    sample_rate: int
    channels: int
    bits: int
    format_tag: int
    data_offset: int
    data_size: int  # bytes of PCM actually usable
    streamed: bool  # the header's sizes were placeholders

    @property
    def duration(self) -> float:
        frame = self.channels * self.bits // 8
        return self.data_size / frame / self.sample_rate if frame and self.sample_rate else 0.0


def read_wav_info(f: BinaryIO, total_size: int) -> WavInfo:
    """Parse the RIFF header of an open WAV file of ``total_size`` bytes; ValueError if broken."""
    head = f.read(12)
    if len(head) < 12 or head[:4] != b"RIFF" or head[8:12] != b"WAVE":
        raise ValueError("not a RIFF/WAVE file")
    pos = 12
    fmt: tuple[int, int, int, int] | None = None
    while pos + 8 <= total_size:
        f.seek(pos)
        chunk = f.read(8)
        if len(chunk) < 8:
            break
        cid, size = chunk[:4], struct.unpack("<I", chunk[4:])[0]
        body = pos + 8
        if cid == b"fmt ":
            raw = f.read(min(size, 40))
            if len(raw) < 16:
                raise ValueError("fmt chunk is truncated")
            tag, channels, rate, _, _, bits = struct.unpack("<HHIIHH", raw[:16])
            if tag == 0xFFFE and len(raw) >= 26:  # WAVE_FORMAT_EXTENSIBLE: the sub-format decides
                tag = struct.unpack("<H", raw[24:26])[0]
            fmt = (tag, channels, rate, bits)
        elif cid == b"data":
            if fmt is None:
                raise ValueError("data chunk before fmt chunk")
            available = total_size - body
            streamed = size in STREAMED_SIZES and available > 0
            if streamed:
                frame = max(1, fmt[1] * fmt[3] // 8)
                size = available - available % frame
            elif size > available:
                raise ValueError(f"truncated: data chunk declares {size} bytes, {available} present")
            return WavInfo(fmt[2], fmt[1], fmt[3], fmt[0], body, size, streamed)
        pos = body + size + (size & 1)  # chunks are word-aligned
    raise ValueError("no data chunk (truncated or not audio)")


def wav_info(wav: bytes) -> WavInfo:
    """:func:`read_wav_info` over bytes in memory."""
    return read_wav_info(io.BytesIO(wav), len(wav))


def file_wav_info(path: str | os.PathLike[str]) -> WavInfo:
    """:func:`read_wav_info` over a file: OSError if it cannot be read, ValueError if broken."""
    with open(path, "rb") as f:
        return read_wav_info(f, os.fstat(f.fileno()).st_size)


def normalize_wav(wav: bytes) -> bytes:
    """``wav`` with real RIFF and data sizes if it was streamed with placeholder sizes (else as is)."""
    info = wav_info(wav)
    if not info.streamed:
        return wav
    end = info.data_offset + info.data_size
    out = bytearray(wav[:end])
    struct.pack_into("<I", out, 4, end - 8)
    struct.pack_into("<I", out, info.data_offset - 4, info.data_size)
    return bytes(out)


def read_mono16(path: Path, rate: int) -> "np.ndarray":
    """The samples of ``path`` as int16 mono at ``rate``.

    Mono 16-bit WAVs at ``rate`` are read directly; anything else (another rate, stereo, float,
    not a WAV at all) goes through ffmpeg, which resamples deterministically.
    """
    import numpy as np

    try:
        with wave.open(str(path), "rb") as w:
            if w.getnchannels() == 1 and w.getsampwidth() == 2 and w.getframerate() == rate:
                return np.frombuffer(w.readframes(w.getnframes()), dtype="<i2")
    except FileNotFoundError:
        raise OutputError(f"{path}: take file is missing") from None
    except (OSError, EOFError, wave.Error):
        pass  # not a plain PCM WAV: let ffmpeg decode it
    proc = ffmpeg.run(["-v", "error", "-i", str(path), "-f", "s16le", "-acodec", "pcm_s16le",
                       "-ac", "1", "-ar", str(rate), "-"], what=f"decoding take {path}")
    return np.frombuffer(proc.stdout, dtype="<i2")


class MonoWriter:
    """Appends int16 frames to an open wave writer, counts them (timings come from the count) and
    hashes them (:meth:`sha256`: what publish compares to know a chapter did not change)."""

    def __init__(self, w: wave.Wave_write, path: Path | None = None) -> None:
        self._w = w
        self._hash = hashlib.sha256()
        self._path = path
        self._bytes = 0
        self.frames = 0

    def write(self, samples: "np.ndarray") -> None:
        self._put(samples.astype("<i2", copy=False).tobytes())
        self.frames += len(samples)

    def silence(self, frames: int) -> None:
        frames = int(frames)  # counts may come from numpy; timings are stored as plain ints
        block = bytes(2 * min(frames, SILENCE_BLOCK))
        left = frames
        while left > 0:
            n = min(left, SILENCE_BLOCK)
            self._put(block[: 2 * n])
            left -= n
        self.frames += max(frames, 0)

    def _put(self, data: bytes) -> None:
        self._bytes += len(data)
        if self._bytes > WAV_MAX_BYTES:
            raise wav_too_long(self._path, self._w.getframerate())
        self._w.writeframesraw(data)
        self._hash.update(data)

    def sha256(self) -> str:
        """sha256 of the PCM frames written so far (little-endian int16, no header)."""
        return self._hash.hexdigest()


@contextmanager
def atomic_wav(path: Path, rate: int) -> Iterator[MonoWriter]:
    """Write a mono 16-bit WAV to a temporary name next to ``path``, then rename it into place.

    A killed run leaves at most a ``.tmp`` file, never a half file under the final name.
    """
    with atomic_path(path) as tmp, wave.open(str(tmp), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        yield MonoWriter(w, path)


def wav_too_long(path: Path | None, rate: int) -> OutputError:
    """The error for audio that a WAV file cannot hold (see WAV_MAX_BYTES)."""
    hours = WAV_MAX_BYTES / 2 / rate / 3600
    return OutputError(f"{path.name if path else 'audio'}: longer than a WAV file can hold "
                       f"({hours:.1f} hours at {rate} Hz); split long chapters with "
                       "[output] max_chapter_minutes")


def mono_wav(pcm: bytes, rate: int) -> bytes:
    """Mono 16-bit PCM frames as the bytes of a WAV file (what engines return, what the cache holds)."""
    buf = io.BytesIO()
    with wave.open(buf, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(pcm)
    return buf.getvalue()
