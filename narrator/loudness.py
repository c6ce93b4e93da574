"""Programme loudness: measure with ffmpeg's ebur128 over all chapters, apply one gain.

Loudness is a property of the whole programme, never of a sentence: one constant gain brings the
integrated loudness to the target, and a limiter touches only the few places where that gain
would push a peak over the true-peak ceiling. Both passes stream (bounded memory).
"""

from __future__ import annotations

import os
import re
import wave
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

from . import ffmpeg
from .errors import OutputError
from .validate import file_wav_info
from .wavio import atomic_wav

if TYPE_CHECKING:
    import numpy as np

BLOCK = 1 << 16  # frames processed at a time when applying gain
LIMIT_WINDOW_S = 0.004  # limiter attack/release half-window: short enough to stay inaudible
SAMPLE_MARGIN_DB = 0.6  # inter-sample peaks of speech rarely exceed the sample peak by more


@dataclass(frozen=True, slots=True)
class Loudness:
    integrated_lufs: float
    true_peak_dbtp: float


_I = re.compile(rb"^\s*I:\s+(-?[\d.]+|-?inf|nan)\s+LUFS", re.M)
_PEAK = re.compile(rb"Peak level dB:\s+(-?[\d.]+|-?inf|nan)")
OVERSAMPLE = 4  # true peak = sample peak after 4x oversampling (ITU-R BS.1770)


def measure(paths: Sequence[Path], workdir: Path, *, true_peak: bool = True) -> Loudness:
    """Integrated loudness (and true peak) of ``paths`` played one after another.

    One ffmpeg run over a concat list, so gating sees the programme as a whole. The true peak is
    the sample peak after 4x oversampling (aresample + astats), which matches ebur128's own
    true-peak mode while costing a third of it. Without ``true_peak`` it is reported as 0.0.
    """
    listing = workdir / f".loudness.{os.getpid()}.txt"
    lines = ["ffconcat version 1.0"]
    for p in paths:
        quoted = str(Path(p).resolve()).replace("'", "'\\''")
        lines.append(f"file '{quoted}'")
    listing.write_text("\n".join(lines) + "\n", encoding="utf-8")
    args = ["-nostats", "-f", "concat", "-safe", "0", "-i", str(listing)]
    if true_peak:
        args += ["-filter_complex",
                 "[0:a]asplit=2[a][b];[a]ebur128=framelog=quiet[l];"
                 f"[b]aresample={OVERSAMPLE * file_wav_info(paths[0]).sample_rate},"
                 "astats=measure_perchannel=none:measure_overall=Peak_level[p]",
                 "-map", "[l]", "-f", "null", "-", "-map", "[p]", "-f", "null", "-"]
    else:
        args += ["-af", "ebur128=framelog=quiet", "-f", "null", "-"]
    try:
        proc = ffmpeg.run(args, what="loudness measurement")
    finally:
        listing.unlink(missing_ok=True)
    i = _I.findall(proc.stderr)
    peak = _PEAK.findall(proc.stderr) if true_peak else [b"0"]
    if not i or not peak:
        raise OutputError("loudness measurement: ffmpeg printed no loudness summary")
    return Loudness(_num(i[-1]), _num(peak[-1]))


def _num(raw: bytes) -> float:
    v = float(raw)
    return -70.0 if v != v or v == float("-inf") else v  # silence: report the meter's floor


def apply_gain(src: Path, dst: Path, gain_db: float, ceiling_dbfs: float) -> None:
    """Write ``src`` scaled by ``gain_db`` to ``dst`` (same frame count), limiting sample peaks
    to ``ceiling_dbfs`` with a smooth gain envelope so that limiting never clicks."""
    import numpy as np

    gain = 10.0 ** (gain_db / 20.0)
    ceiling = 32767.0 * 10.0 ** (ceiling_dbfs / 20.0)
    with wave.open(str(src), "rb") as r:
        rate, total = r.getframerate(), r.getnframes()
        w = max(1, int(rate * LIMIT_WINDOW_S))
        pad = 2 * w  # context each side: the envelope at n depends on samples within 1.5 w
        with atomic_wav(dst, rate) as out:
            for start in range(0, total, BLOCK):
                end = min(total, start + BLOCK)
                lo, hi = max(0, start - pad), min(total, end + pad)
                r.setpos(lo)
                x = np.frombuffer(r.readframes(hi - lo), dtype="<i2").astype(np.float64) * gain
                y = x[start - lo:end - lo]
                if np.abs(x).max(initial=0.0) > ceiling:
                    y = y * _envelope(x, ceiling, w)[start - lo:end - lo]
                out.write(np.clip(np.rint(y), -32768, 32767).astype("<i2"))


def _envelope(x: "np.ndarray", ceiling: float, w: int) -> "np.ndarray":
    """A gain <= the gain each sample needs to stay under ``ceiling``, smoothed over ~2 w.

    Sliding minimum over 2w+1 samples, then a moving average over w+1: at every sample the
    average only includes minima of windows that contain it, so the peak is always held down.
    """
    import numpy as np
    from numpy.lib.stride_tricks import sliding_window_view

    need = np.minimum(1.0, ceiling / np.maximum(np.abs(x), 1e-9))
    padded = np.pad(need, w, mode="edge")
    smin = sliding_window_view(padded, 2 * w + 1).min(axis=1)
    half = w // 2
    padded = np.pad(smin, (half, w - half), mode="edge")
    c = np.concatenate(([0.0], np.cumsum(padded)))
    return (c[w + 1:] - c[:-(w + 1)]) / (w + 1)
