"""Mono 16-bit PCM WAV in and out: read a take at the programme rate, write a file atomically.

numpy is imported inside the functions so that importing this module stays cheap.
"""

from __future__ import annotations

import hashlib
import io
import os
import wave
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

from . import ffmpeg
from .atomic import TEMP_PREFIX
from .errors import OutputError

if TYPE_CHECKING:
    import numpy as np

SILENCE_BLOCK = 1 << 16  # frames of zeros written per call, so long pauses never need big buffers


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

    def __init__(self, w: wave.Wave_write) -> None:
        self._w = w
        self._hash = hashlib.sha256()
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
    tmp = path.with_name(f"{TEMP_PREFIX}{path.name}.{os.getpid()}.tmp")
    try:
        with wave.open(str(tmp), "wb") as w:
            w.setnchannels(1)
            w.setsampwidth(2)
            w.setframerate(rate)
            yield MonoWriter(w)
        os.replace(tmp, path)
    except OSError as e:
        raise OutputError(f"{path}: cannot write audio: {e.strerror or e}") from None
    finally:
        if tmp.exists():
            tmp.unlink()


def mono_wav(pcm: bytes, rate: int) -> bytes:
    """Mono 16-bit PCM frames as the bytes of a WAV file (what engines return, what the cache holds)."""
    buf = io.BytesIO()
    with wave.open(buf, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(pcm)
    return buf.getvalue()
