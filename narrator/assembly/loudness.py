"""Programme loudness: measured over all chapters with ffmpeg's ebur128, brought to the target
with one gain.

Loudness is a property of the whole programme, never of a sentence: one constant gain brings the
integrated loudness to the target, and a limiter touches only the few places where that gain
would push a peak over the true-peak ceiling.

Integrated loudness (ITU-R BS.1770) is not additive in LUFS, but its gating blocks are: it is
the mean energy of the programme's 400 ms blocks above an absolute gate (-70 LUFS) and a gate
10 LU under their mean. So each chapter's blocks are measured once (:func:`chapter_blocks`), kept
in the manifest with the hash of the chapter's samples (:func:`pack_blocks`), and the programme's
loudness is gated over the blocks of all chapters together (:func:`integrated_loudness`): a
rebuild measures only the chapters whose samples changed. (The only blocks left out are those
that would straddle two chapters: chapters meet in pauses, so they are silence.) The true peak is
likewise per chapter; the programme's is their maximum. All passes stream (bounded memory).
"""

from __future__ import annotations

import base64
import functools
import math
import re
import wave
import zlib
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from narrator.util import ffmpeg
from narrator.util.wavio import atomic_wav

if TYPE_CHECKING:
    import numpy as np

BLOCK = 1 << 16  # frames processed at a time when applying gain
LIMIT_WINDOW_S = 0.004  # limiter attack/release half-window: short enough to stay inaudible
SAMPLE_MARGIN_DB = 0.6  # inter-sample peaks of speech rarely exceed the sample peak by more


OVERSAMPLE = 4  # true peak = sample peak after 4x oversampling (ITU-R BS.1770)


ABSOLUTE_GATE = -70.0  # LUFS
RELATIVE_GATE = -10.0  # LU under the mean of the blocks above the absolute gate
_M = re.compile(rb"lavfi\.r128\.M=(-?[\d.]+|-?inf|nan)")
_UNFILLED = 3  # ebur128 reports every 100 ms from the start: the first 3 windows are not 400 ms yet
BLOCKS_METER = "ebur128-blocks-1"  # bump when chapter_blocks changes: stored blocks are then remeasured


def meter_id() -> str:
    """What measured a chapter's blocks (stored with them: another ffmpeg build measures again)."""
    return f"{ffmpeg.build_id()}/{BLOCKS_METER}"


def chapter_blocks(path: Path) -> "np.ndarray":
    """The loudness of one chapter's gating blocks (400 ms, every 100 ms) that pass the absolute
    gate, in milli-LUFS, sorted: ebur128's momentary loudness, which it prints to 3 decimals."""
    import numpy as np

    found = ffmpeg.scan(["-nostats", "-i", str(path), "-af",
                         "ebur128=metadata=1,ametadata=mode=print:key=lavfi.r128.M", "-f", "null", "-"],
                        _M, what=f"loudness measurement of {path.name}")
    m = np.array([float(v) for v in found[_UNFILLED:]], dtype=np.float64)
    m = m[np.isfinite(m) & (m >= ABSOLUTE_GATE)]
    return np.sort(np.rint(m * 1000.0).astype(np.int32))


def integrated_loudness(blocks: Sequence["np.ndarray"]) -> float:
    """Integrated loudness (LUFS) of a programme from its chapters' :func:`chapter_blocks`;
    -70.0, the meter's floor, for silence."""
    import numpy as np

    m = np.concatenate([np.asarray(b, dtype=np.float64) for b in blocks] or [np.zeros(0)]) / 1000.0
    m = m[m >= ABSOLUTE_GATE]
    if m.size == 0:
        return ABSOLUTE_GATE
    energy = 10.0 ** ((m + 0.691) / 10.0)
    relative = 10.0 * np.log10(energy.mean()) - 0.691 + RELATIVE_GATE
    gated = energy[m > relative]
    return float(10.0 * np.log10(gated.mean()) - 0.691)


def pack_blocks(blocks: "np.ndarray") -> str:
    """Sorted milli-LUFS blocks as compact text for the manifest (differences, zlib, base64):
    a few bytes per minute of audio."""
    import numpy as np

    deltas = np.diff(np.asarray(blocks, dtype=np.int64), prepend=0).astype("<i4")
    return base64.b64encode(zlib.compress(deltas.tobytes(), 9)).decode("ascii")


def unpack_blocks(text: str) -> "np.ndarray":
    """The inverse of :func:`pack_blocks`; ValueError if ``text`` is not such a packing."""
    import binascii

    import numpy as np

    try:
        raw = zlib.decompress(base64.b64decode(text.encode("ascii"), validate=True))
    except (binascii.Error, zlib.error, UnicodeEncodeError) as e:
        raise ValueError(f"not packed loudness blocks: {e}") from None
    if len(raw) % 4:
        raise ValueError("not packed loudness blocks: truncated")
    return np.cumsum(np.frombuffer(raw, dtype="<i4"), dtype=np.int64).astype(np.int32)


def apply_gain(src: Path, dst: Path, gain_db: float, ceiling_dbfs: float) -> str:
    """Write ``src`` scaled by ``gain_db`` to ``dst`` (same frame count), limiting sample peaks
    to ``ceiling_dbfs`` with a smooth gain envelope so that limiting never clicks. Returns the
    sha256 of the PCM written."""
    return level(src, dst, gain_db, ceiling_dbfs)[0]


def level(src: Path, dst: Path, gain_db: float, ceiling_dbfs: float) -> tuple[str, float]:
    """:func:`apply_gain`, measuring the true peak of what it writes in the same pass: returns
    (sha256 of the PCM written, its true peak in dBTP)."""
    import numpy as np

    gain = 10.0 ** (gain_db / 20.0)
    ceiling = 32767.0 * 10.0 ** (ceiling_dbfs / 20.0)
    peak = 0.0
    with wave.open(str(src), "rb") as r:
        rate, total = r.getframerate(), r.getnframes()
        w = max(1, int(rate * LIMIT_WINDOW_S))
        pad = 2 * w  # context each side: the envelope at n depends on samples within 1.5 w
        with atomic_wav(dst, rate) as out:
            tail = np.zeros(0)
            for start in range(0, total, BLOCK):
                end = min(total, start + BLOCK)
                lo, hi = max(0, start - pad), min(total, end + pad)
                r.setpos(lo)
                x = np.frombuffer(r.readframes(hi - lo), dtype="<i2").astype(np.float64) * gain
                y = x[start - lo:end - lo]
                envelope = _limiter(x, ceiling, w)
                if envelope is not None:
                    y = y * envelope[start - lo:end - lo]
                written = np.clip(np.rint(y), -32768, 32767)
                out.write(written.astype("<i2"))
                # The true peak around the join needs the previous block's last samples.
                peak = block_true_peak(np.concatenate((tail, written)), peak)
                tail = written[-2 * _HALF:]
            return out.sha256(), round(_dbfs(peak), 3)


# True peak (ITU-R BS.1770): the peak of the signal interpolated 4x. The interpolator is a
# Kaiser-windowed sinc over _HALF input samples each side, as scipy's resample_poly designs it.
_HALF = 10


@functools.cache
def _phases() -> "np.ndarray":
    """The interpolation filter: one column of 2 * _HALF taps per fractional position 1/4, 2/4, 3/4."""
    import numpy as np

    t = np.arange(-_HALF + 1, _HALF + 1, dtype=np.float64)  # input samples n-_HALF+1 .. n+_HALF
    cols = []
    for k in (1, 2, 3):
        d = t - k / OVERSAMPLE  # distance of each input sample from the point n + k/4
        cols.append(np.sinc(d) * np.kaiser(2 * _HALF * OVERSAMPLE + 1, 5.0)[
            np.rint((d + _HALF) * OVERSAMPLE).astype(int)])
    return np.stack(cols, axis=1)  # (2 * _HALF, 3)


def block_true_peak(x: "np.ndarray", floor: float = 0.0) -> float:
    """The true peak of samples ``x`` (int16 scale, linear), or ``floor`` if it is higher.
    Interpolated points can exceed ``floor`` or the sample peak only near loud samples: a point
    whose filter sees only samples under ``max(sample peak, floor) / sum|taps|`` cannot, so only
    points near louder samples are computed (with the peak so far as ``floor``, few are)."""
    import numpy as np

    if len(x) == 0:
        return floor
    a = np.abs(x)
    sample_peak = max(float(a.max()), floor)
    if sample_peak == 0.0:
        return 0.0
    h = _phases()
    loud = np.flatnonzero(a >= sample_peak / float(np.abs(h).sum(axis=0).max()))
    # Points n + k/4 whose filter reaches a loud sample: n within _HALF of it.
    n = np.unique((loud[:, None] + np.arange(-_HALF, _HALF)[None, :]).ravel())
    n = n[(n >= _HALF - 1) & (n + _HALF < len(x))]
    if len(n) == 0:
        return sample_peak
    idx = n[:, None] + np.arange(-_HALF + 1, _HALF + 1)[None, :]
    return max(sample_peak, float(np.abs(x[idx] @ h).max()))


def _dbfs(linear: float) -> float:
    return 20.0 * math.log10(linear / 32768.0) if linear > 0 else -70.0


def _limiter(x: "np.ndarray", ceiling: float, w: int) -> "np.ndarray | None":
    """The limiter's gain for every sample of ``x``, or None where no sample exceeds ``ceiling``.

    The gain differs from 1 only within 2 w of a sample over the ceiling, so it is computed
    around each cluster of such samples (clusters more than 8 w apart do not interact) and is
    exactly 1 elsewhere: limiting costs in proportion to the peaks, not to the programme.
    """
    import numpy as np

    over = np.flatnonzero(np.abs(x) > ceiling)
    if len(over) == 0:
        return None
    gain = np.ones(len(x))
    cut = np.flatnonzero(np.diff(over) > 8 * w)
    firsts = np.concatenate((over[:1], over[cut + 1]))
    lasts = np.concatenate((over[cut], over[-1:]))
    for p, q in zip(firsts.tolist(), lasts.tolist()):
        lo, hi = max(0, p - 4 * w), min(len(x), q + 4 * w + 1)  # context for the region below
        a, b = max(0, p - 2 * w), min(len(x), q + 2 * w + 1)
        gain[a:b] = _envelope(x[lo:hi], ceiling, w)[a - lo:b - lo]
    return gain


def _envelope(x: "np.ndarray", ceiling: float, w: int) -> "np.ndarray":
    """A gain <= the gain each sample needs to stay under ``ceiling``, smoothed over ~2 w.

    Sliding minimum over 2w+1 samples, then a moving average over w+1: at every sample the
    average only includes minima of windows that contain it, so the peak is always held down.
    """
    import numpy as np

    need = np.minimum(1.0, ceiling / np.maximum(np.abs(x), 1e-9))
    padded = np.pad(need, w, mode="edge")
    smin = _sliding_min(padded, 2 * w + 1)
    half = w // 2
    padded = np.pad(smin, (half, w - half), mode="edge")
    c = np.concatenate(([0.0], np.cumsum(padded)))
    return (c[w + 1:] - c[:-(w + 1)]) / (w + 1)


def _sliding_min(a: "np.ndarray", k: int) -> "np.ndarray":
    """Minimum of every window of ``k`` consecutive values (len(a) - k + 1 of them) in linear
    time (van Herk / Gil-Werman): per block of ``k``, running minima from the left and from the
    right; a window spans at most two blocks, so its minimum is one of each."""
    import numpy as np

    n = len(a)
    blocks = np.pad(a, (0, -n % k), constant_values=np.inf).reshape(-1, k)
    left = np.minimum.accumulate(blocks, axis=1).ravel()
    right = np.minimum.accumulate(blocks[:, ::-1], axis=1)[:, ::-1].ravel()
    return np.minimum(right[: n - k + 1], left[k - 1: n])
